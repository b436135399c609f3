package dev.seva.agents.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.identifiers.Ifsc;
import dev.seva.sdk.identifiers.InvalidIdentifierException;
import dev.seva.sdk.identifiers.Pan;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Caller;
import dev.seva.tenant.Entities;
import dev.seva.tenant.Page;
import dev.seva.tenant.TenantCrypto;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.reflect.Type;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Agents: a tree per tenant (cycles refused), a unique referral code each, and the business entities each referred
 * (fixed once recorded). Staff see every agent; an AGENT user sees their own agent and its downline, and any other
 * agent is 404.
 */
@ApplicationScoped
@Transactional
public class Agents {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{10,15}");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Type STRINGS = new ArrayList<String>() {
    }.getClass().getGenericSuperclass();

    @Inject
    AgentsUnit unit;

    @Inject
    Caller caller;

    @Inject
    Entities entities;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Inject
    TenantCrypto crypto;

    /**
     * The create request. {@code territories} are free labels (shown only); {@code territory} is what lead assignment
     * matches.
     */
    public record NewAgent(String userId, String name, String email, String phone, String pan, String parentAgentId,
            String planId, List<String> territories, Territory territory) {
    }

    /** The change request: a new parent (null: unchanged; "" makes it a root), plan, status or territory. */
    public record AgentChange(String parentAgentId, String planId, String status, Territory territory) {
    }

    /**
     * Where an agent takes leads from: states, cities, pincodes and service categories (matched without regard to
     * case). A lead matches when, for every list that is not empty, the lead's value is in it; an agent with every
     * list empty takes no assigned leads.
     */
    public record Territory(List<String> states, List<String> cities, List<String> pincodes,
            List<String> serviceCategories) {

        /** @return whether a lead with these values falls in the territory */
        public boolean matches(String state, String city, String pincode, String serviceCategory) {
            if (isEmpty()) {
                return false;
            }
            return in(states, state) && in(cities, city) && in(pincodes, pincode)
                    && in(serviceCategories, serviceCategory);
        }

        /** @return whether every list is empty */
        public boolean isEmpty() {
            return empty(states) && empty(cities) && empty(pincodes) && empty(serviceCategories);
        }

        private static boolean empty(List<String> l) {
            return l == null || l.isEmpty();
        }

        private static boolean in(List<String> allowed, String value) {
            if (empty(allowed)) {
                return true;
            }
            return value != null && allowed.stream().anyMatch(a -> a.equalsIgnoreCase(value.strip()));
        }
    }

    /** The bank account as shown: the number masked but for its last four digits. */
    public record BankAccountView(String accountName, String accountNumberMasked, String ifsc) {
    }

    /** The bank account request. */
    public record NewBankAccount(String accountName, String accountNumber, String ifsc) {
    }

    /** An agent as shown. */
    public record AgentView(String id, String userId, String name, String email, String phone, String pan,
            String parentAgentId, String planId, List<String> territories, Territory territory, String status,
            String referralCode, BankAccountView bankAccount, OffsetDateTime createdAt) {
    }

    /** An attribution request. */
    public record NewClient(String entityId) {
    }

    /** An entity's referring agent. */
    public record ClientView(String entityId, String agentId, OffsetDateTime createdAt) {
    }

    /** Creates an agent. */
    public AgentView create(NewAgent body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        EntityManager em = unit.em();
        List<FieldError> errors = new ArrayList<>();
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        String email = body.email() == null ? "" : body.email().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add(new FieldError("email", "must be an e-mail address"));
        }
        String phone = body.phone() == null ? "" : body.phone().replaceAll("[\\s()-]", "");
        if (!PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "must be 10 to 15 digits, optionally with a leading +"));
        }
        String pan = null;
        if (body.pan() != null && !body.pan().isBlank()) {
            try {
                pan = Pan.parse(body.pan()).value();
            } catch (InvalidIdentifierException e) {
                errors.add(new FieldError("pan", "is not a valid PAN"));
            }
        }
        String parent = blankToNull(body.parentAgentId());
        if (parent != null && (!ID.matcher(parent).matches() || em.find(AgentRecord.class, parent) == null)) {
            errors.add(new FieldError("parentAgentId", "is not an agent of this firm"));
        }
        String plan = blankToNull(body.planId());
        if (plan != null && (!ID.matcher(plan).matches() || em.find(PlanRecord.class, plan) == null)) {
            errors.add(new FieldError("planId", "is not a commission plan of this firm"));
        }
        String user = blankToNull(body.userId());
        if (user != null && (!ID.matcher(user).matches() || ((Number) em.createNativeQuery(
                "SELECT count(*) FROM app_user WHERE id = ?1").setParameter(1, user).getSingleResult())
                .longValue() == 0)) {
            errors.add(new FieldError("userId", "is not a user of this firm"));
        }
        List<String> territories = new ArrayList<>();
        if (body.territories() != null) {
            if (body.territories().size() > 200) {
                errors.add(new FieldError("territories", "at most 200"));
            }
            for (String t : body.territories()) {
                if (t == null || t.isBlank() || t.length() > 100) {
                    errors.add(new FieldError("territories", "entries are 1 to 100 characters"));
                    break;
                }
                territories.add(t.strip());
            }
        }
        Territory territory = territory(body.territory(), errors);
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid agent", errors);
        }
        if (user != null && !em.createQuery("SELECT a.id FROM Agent a WHERE a.userId = :u", String.class)
                .setParameter("u", user).getResultList().isEmpty()) {
            throw new SevaException(ErrorCode.CONFLICT, "That user is another agent already");
        }
        String code = newCode(em);
        AgentRecord a = new AgentRecord(UUID.randomUUID().toString(), user, name, email, phone, pan, parent, plan,
                Plans.JSON.toJson(territories, STRINGS), Plans.JSON.toJson(territory), code,
                OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(a);
        em.flush();
        audit.record(tenants.current().id(), "AGENT_CREATED", "agent", a.id, "parent " + parent);
        return view(a);
    }

    /** @return the agents the caller may see, newest first */
    public Page<AgentView> page(int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw SevaException.invalidField("size", "page >= 0, size 1 to 200");
        }
        EntityManager em = unit.em();
        Optional<Set<String>> visible = visible(em);
        List<AgentRecord> all;
        long total;
        if (visible.isEmpty()) {
            total = em.createQuery("SELECT count(a) FROM Agent a", Long.class).getSingleResult();
            all = em.createQuery("SELECT a FROM Agent a ORDER BY a.createdAt DESC, a.id", AgentRecord.class)
                    .setFirstResult(page * size).setMaxResults(size).getResultList();
        } else if (visible.get().isEmpty()) {
            total = 0;
            all = List.of();
        } else {
            total = visible.get().size();
            all = em.createQuery("SELECT a FROM Agent a WHERE a.id IN :ids ORDER BY a.createdAt DESC, a.id",
                    AgentRecord.class).setParameter("ids", visible.get()).setFirstResult(page * size)
                    .setMaxResults(size).getResultList();
        }
        return new Page<>(all.stream().map(Agents::view).toList(), page, size, total);
    }

    /** @return the agent, 404 when unknown or not visible */
    public AgentView get(String id) {
        return view(require(unit.em(), id));
    }

    /** Changes the parent (cycles refused), plan or status. Staff only. */
    public AgentView change(String id, AgentChange body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        EntityManager em = unit.em();
        AgentRecord a = require(em, id);
        if (body.parentAgentId() != null) {
            String parent = blankToNull(body.parentAgentId());
            if (parent != null) {
                if (!ID.matcher(parent).matches() || em.find(AgentRecord.class, parent) == null) {
                    throw SevaException.invalidField("parentAgentId", "is not an agent of this firm");
                }
                Set<String> seen = new HashSet<>();
                for (String up = parent; up != null; up = em.find(AgentRecord.class, up).parentAgentId) {
                    if (up.equals(a.id) || !seen.add(up)) {
                        throw new SevaException(ErrorCode.AGENT_HIERARCHY_CYCLE,
                                "Agent " + parent + " is in the downline of " + a.id);
                    }
                }
            }
            a.parentAgentId = parent;
        }
        if (body.planId() != null) {
            String plan = blankToNull(body.planId());
            if (plan != null && (!ID.matcher(plan).matches() || em.find(PlanRecord.class, plan) == null)) {
                throw SevaException.invalidField("planId", "is not a commission plan of this firm");
            }
            a.planId = plan;
        }
        if (body.status() != null) {
            if (!body.status().equals("ACTIVE") && !body.status().equals("INACTIVE")) {
                throw SevaException.invalidField("status", "must be ACTIVE or INACTIVE");
            }
            a.status = body.status();
        }
        if (body.territory() != null) {
            List<FieldError> errors = new ArrayList<>();
            Territory t = territory(body.territory(), errors);
            if (!errors.isEmpty()) {
                throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid territory", errors);
            }
            a.territory = Plans.JSON.toJson(t);
        }
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        audit.record(tenants.current().id(), "AGENT_CHANGED", "agent", a.id,
                "parent " + a.parentAgentId + ", plan " + a.planId + ", status " + a.status);
        return view(a);
    }

    /** Records that the agent referred the entity: idempotent for the same agent, 409 for another. Staff only. */
    public ClientView attribute(String agentId, NewClient body) {
        EntityManager em = unit.em();
        AgentRecord a = require(em, agentId);
        if (body == null || body.entityId() == null || body.entityId().isBlank()) {
            throw SevaException.invalidField("entityId", "is required");
        }
        entities.require(body.entityId());
        AgentClientRecord existing = em.find(AgentClientRecord.class, body.entityId());
        if (existing != null) {
            if (existing.agentId.equals(a.id)) {
                return new ClientView(existing.entityId, existing.agentId, existing.createdAt);
            }
            throw new SevaException(ErrorCode.AGENT_ATTRIBUTION_FIXED,
                    "The entity was referred by another agent; attribution is fixed once recorded");
        }
        AgentClientRecord c = new AgentClientRecord(body.entityId(), a.id, OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(c);
        em.flush();
        audit.record(tenants.current().id(), "AGENT_CLIENT_ATTRIBUTED", "entity", c.entityId, "agent " + a.id);
        return new ClientView(c.entityId, c.agentId, c.createdAt);
    }

    /**
     * Sets the agent's bank account: the IFSC validated, the number 9 to 18 digits, sealed with the tenant's data key
     * (bound to the agent's id). Admins and managers, or the agent themself.
     */
    public AgentView setBankAccount(String id, NewBankAccount body) {
        EntityManager em = unit.em();
        AgentRecord a = require(em, id);
        SevaPrincipal p = caller.require();
        boolean manager = p.has(Role.TENANT_ADMIN) || p.has(Role.MANAGER);
        if (!manager && (a.userId == null || !a.userId.equals(p.userId()))) {
            throw new SevaException(ErrorCode.FORBIDDEN, "Only the agent themself or a manager sets the bank account");
        }
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = body.accountName() == null ? "" : body.accountName().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("accountName", "is required, at most 200 characters"));
        }
        String number = body.accountNumber() == null ? "" : body.accountNumber().replaceAll("[\\s-]", "");
        if (!number.matches("[0-9]{9,18}")) {
            errors.add(new FieldError("accountNumber", "must be 9 to 18 digits"));
        }
        String ifsc = null;
        try {
            ifsc = Ifsc.parse(body.ifsc() == null ? "" : body.ifsc()).value();
        } catch (InvalidIdentifierException e) {
            errors.add(new FieldError("ifsc", "is not a valid IFSC"));
        }
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid bank account", errors);
        }
        a.bankAccountName = name;
        a.bankAccountSealed = crypto.sealToText(tenants.current().id(), number, bankAad(a.id));
        a.bankAccountLast4 = number.substring(number.length() - 4);
        a.bankIfsc = ifsc;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        audit.record(tenants.current().id(), "AGENT_BANK_ACCOUNT_SET", "agent", a.id,
                "IFSC " + ifsc + ", account ending " + a.bankAccountLast4);
        return view(a);
    }

    /** @return the associated data an agent's sealed account number is bound to */
    static String bankAad(String agentId) {
        return "agent:" + agentId + ":bank_account";
    }

    /** @return the agent when the caller may see it; else 404 */
    AgentRecord require(EntityManager em, String id) {
        AgentRecord a = id == null || !ID.matcher(id).matches() ? null : em.find(AgentRecord.class, id);
        if (a == null) {
            throw SevaException.notFound("agent");
        }
        Optional<Set<String>> visible = visible(em);
        if (visible.isPresent() && !visible.get().contains(a.id)) {
            throw SevaException.notFound("agent");
        }
        return a;
    }

    /**
     * @return empty when the caller sees every agent (staff roles); otherwise the caller's agent and its downline
     *         (none when the caller is no agent)
     */
    Optional<Set<String>> visible(EntityManager em) {
        SevaPrincipal p = caller.require();
        if (p.isStaff()) {
            return Optional.empty();
        }
        if (!p.has(Role.AGENT)) {
            return Optional.of(Set.of());
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("WITH RECURSIVE d(id) AS (SELECT id FROM agent WHERE user_id = ?1"
                + " UNION SELECT a.id FROM agent a JOIN d ON a.parent_agent_id = d.id) SELECT id FROM d")
                .setParameter(1, p.userId()).getResultList();
        Set<String> out = new HashSet<>();
        ids.forEach(i -> out.add(String.valueOf(i)));
        return Optional.of(out);
    }

    private static String newCode(EntityManager em) {
        for (int attempt = 0; attempt < 10; attempt++) {
            StringBuilder b = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            String code = b.toString();
            if (em.createQuery("SELECT a.id FROM Agent a WHERE a.referralCode = :c", String.class)
                    .setParameter("c", code).getResultList().isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("no free referral code");
    }

    /** @return the territory cleaned (stripped, empty lists for null), errors added for bad entries */
    static Territory territory(Territory t, List<FieldError> errors) {
        if (t == null) {
            return new Territory(List.of(), List.of(), List.of(), List.of());
        }
        return new Territory(labels("territory.states", t.states(), errors),
                labels("territory.cities", t.cities(), errors), labels("territory.pincodes", t.pincodes(), errors),
                labels("territory.serviceCategories", t.serviceCategories(), errors));
    }

    private static List<String> labels(String field, List<String> in, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        if (in.size() > 500) {
            errors.add(new FieldError(field, "at most 500"));
            return out;
        }
        for (String s : in) {
            if (s == null || s.isBlank() || s.length() > 100) {
                errors.add(new FieldError(field, "entries are 1 to 100 characters"));
                return out;
            }
            if (field.endsWith("pincodes") && !s.strip().matches("[1-9][0-9]{5}")) {
                errors.add(new FieldError(field, "entries are six-digit PIN codes"));
                return out;
            }
            out.add(s.strip());
        }
        return out;
    }

    static Territory territoryOf(AgentRecord a) {
        Territory t = a.territory == null || a.territory.isBlank()
                ? null
                : Plans.JSON.fromJson(a.territory, Territory.class);
        return territory(t, new ArrayList<>());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static AgentView view(AgentRecord a) {
        List<String> territories = Plans.JSON.fromJson(a.territories, STRINGS);
        BankAccountView bank = a.bankAccountSealed == null
                ? null
                : new BankAccountView(a.bankAccountName, "XXXX" + a.bankAccountLast4, a.bankIfsc);
        return new AgentView(a.id, a.userId, a.name, a.email, a.phone, a.pan, a.parentAgentId, a.planId,
                territories, territoryOf(a), a.status, a.referralCode, bank, a.createdAt);
    }
}
