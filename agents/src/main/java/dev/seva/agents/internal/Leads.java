package dev.seva.agents.internal;

import dev.seva.agents.LeadKeys;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Caller;
import dev.seva.tenant.Page;
import dev.seva.tenant.RateLimits;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Leads: captured by an agent (assigned to themself), by staff (assigned to the agent of a referral code, or by
 * territory with workload balancing) or through an agent's public referral link; de-duplicated on the normalised
 * phone and the lower-cased e-mail by unique indexes; stages that only move forward, every change in the lead's
 * history and the audit trail; conversion into a business entity, a client user and the entity's referring agent.
 * An AGENT user sees the leads of their agent and its downline only (assigned or referred); others are 404.
 */
@ApplicationScoped
@Transactional
public class Leads {

    /** The stages in order; CONVERTED and LOST end a lead. */
    static final List<String> STAGES = List.of("NEW", "CONTACTED", "QUALIFIED", "CONVERTED", "LOST");
    static final List<String> OPEN = List.of("NEW", "CONTACTED", "QUALIFIED");
    private static final List<String> SOURCES = List.of("AGENT", "REFERRAL_LINK", "STAFF");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern PINCODE = Pattern.compile("[1-9][0-9]{5}");

    @Inject
    AgentsUnit unit;

    @Inject
    Caller caller;

    @Inject
    Agents agents;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Inject
    RateLimits limits;

    @Inject
    Config config;

    @Inject
    LeadConversion conversion;

    /** The capture request of staff and agents. */
    public record NewLead(String name, String phone, String email, String companyName, String city, String state,
            String pincode, String serviceCategory, String referralCode, String source, String note) {
    }

    /** A lead as shown. */
    public record LeadView(String id, String name, String phone, String email, String companyName, String city,
            String state, String pincode, String serviceCategory, String source, String stage, String agentId,
            String agentName, String referredByAgentId, String entityId, String lostReason, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    /** A change: a later stage, another agent ({@code ""}: none), a note, the reason a lead was lost. */
    public record LeadChange(String stage, String agentId, String note, String lostReason) {
    }

    /** One change of a lead. {@code actor} is the e-mail of who made it, or {@code public} for the referral link. */
    public record LeadEventView(String id, String kind, String fromValue, String toValue, String note, String actor,
            OffsetDateTime createdAt) {
    }

    /** What the public referral form posts; {@code website} is a honeypot that people leave empty. */
    public record PublicLead(String name, String phone, String email, String companyName, String message,
            String website) {
    }

    /** What the public referral page shows of a referral code. */
    public record ReferralView(String agentName, String firmName) {
    }

    /** The entity to create when converting. */
    public record EntityDraft(String legalName, String type, String pan, String gstin, String state) {
    }

    /**
     * The conversion request: a new entity, or an existing {@code entityId}. Into a new entity the lead's e-mail
     * becomes its client user (OWNER, or {@code memberRole}) unless {@code createClientUser} is false; into an existing
     * entity only when staff name the {@code memberRole} (MEMBER or OWNER) it joins as.
     */
    public record Conversion(EntityDraft entity, String entityId, Boolean createClientUser, String memberRole) {
    }

    /** The conversion's result. */
    public record Converted(LeadView lead, String entityId, String userId) {
    }

    private record Fields(String name, String phone, String phoneKey, String email, String emailKey,
            String companyName, String city, String state, String pincode, String serviceCategory, String note) {
    }

    /** Captures a lead; 409 {@code LEAD_DUPLICATE} naming the existing one when its phone or e-mail is known. */
    public LeadView create(NewLead body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        SevaPrincipal p = caller.require();
        EntityManager em = unit.em();
        List<FieldError> errors = new ArrayList<>();
        Fields f = fields(body.name(), body.phone(), body.email(), body.companyName(), body.city(), body.state(),
                body.pincode(), body.serviceCategory(), body.note(), errors);
        String source;
        String agentId;
        String referredBy;
        if (!p.isStaff()) {
            AgentRecord self = agentOfUser(em, p.userId()).orElseThrow(
                    () -> new SevaException(ErrorCode.FORBIDDEN, "Only agents and staff capture leads"));
            throwIfAny(errors);
            source = "AGENT";
            agentId = self.id;
            referredBy = self.id;
        } else {
            AgentRecord referrer = null;
            if (body.referralCode() != null && !body.referralCode().isBlank()) {
                referrer = byCode(em, body.referralCode()).orElse(null);
                if (referrer == null) {
                    errors.add(new FieldError("referralCode", "is not the code of an active agent of this firm"));
                }
            }
            source = body.source() == null || body.source().isBlank()
                    ? (referrer == null ? "STAFF" : "AGENT")
                    : body.source().strip();
            if (!SOURCES.contains(source)) {
                errors.add(new FieldError("source", "must be one of " + SOURCES));
            }
            throwIfAny(errors);
            referredBy = referrer == null ? null : referrer.id;
            agentId = referrer == null ? assignByTerritory(em, f) : referrer.id;
        }
        String id = insert(em, f, source, agentId, referredBy).orElseThrow(() -> duplicate(em, f));
        event(em, id, "CREATED", null, "NEW", f.note(), actor());
        if (agentId != null) {
            event(em, id, "ASSIGNED", null, agentId, referredBy == null ? "by territory" : "referring agent",
                    actor());
        }
        audit.record(tenants.current().id(), "LEAD_CREATED", "lead", id, "source " + source + ", agent " + agentId);
        return view(em, em.find(LeadRecord.class, id));
    }

    /** @return the leads the caller may see, newest first, filtered */
    public Page<LeadView> page(String stage, String agentId, String q, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw SevaException.invalidField("size", "page >= 0, size 1 to 200");
        }
        if (stage != null && !stage.isBlank() && !STAGES.contains(stage)) {
            throw SevaException.invalidField("stage", "must be one of " + STAGES);
        }
        EntityManager em = unit.em();
        Optional<Set<String>> visible = agents.visible(em);
        if (visible.isPresent() && visible.get().isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (visible.isPresent()) {
            where.append(" AND (l.agentId IN :vis OR l.referredByAgentId IN :vis)");
            params.put("vis", visible.get());
        }
        if (stage != null && !stage.isBlank()) {
            where.append(" AND l.stage = :stage");
            params.put("stage", stage);
        }
        if (agentId != null && !agentId.isBlank()) {
            where.append(" AND l.agentId = :agent");
            params.put("agent", agentId.strip());
        }
        if (q != null && !q.isBlank()) {
            if (q.length() > 100) {
                throw SevaException.invalidField("q", "at most 100 characters");
            }
            String like = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" AND (LOWER(l.name) LIKE :q ESCAPE '\\' OR l.emailKey LIKE :q ESCAPE '\\'"
                    + " OR LOWER(l.companyName) LIKE :q ESCAPE '\\' OR l.phoneKey LIKE :q ESCAPE '\\')");
            params.put("q", like);
        }
        TypedQuery<Long> count = em.createQuery("SELECT count(l) FROM Lead l" + where, Long.class);
        TypedQuery<LeadRecord> list = em.createQuery("SELECT l FROM Lead l" + where
                + " ORDER BY l.createdAt DESC, l.id", LeadRecord.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        List<LeadRecord> rows = list.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<String, String> names = names(em, rows.stream().map(l -> l.agentId).toList());
        return new Page<>(rows.stream().map(l -> view(l, names)).toList(), page, size, count.getSingleResult());
    }

    /** @return the lead; 404 when unknown or not visible */
    public LeadView get(String id) {
        EntityManager em = unit.em();
        return view(em, require(em, id));
    }

    /** Changes the stage (forward only; LOST from any open stage), the agent (staff), adds a note. */
    public LeadView change(String id, LeadChange body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        EntityManager em = unit.em();
        LeadRecord l = require(em, id);
        SevaPrincipal p = caller.require();
        String actor = actor();
        List<String> changed = new ArrayList<>();
        if (body.agentId() != null) {
            if (!p.has(Role.TENANT_ADMIN) && !p.has(Role.MANAGER) && !p.has(Role.STAFF)) {
                throw new SevaException(ErrorCode.FORBIDDEN, "Only staff assign leads");
            }
            String to = body.agentId().isBlank() ? null : body.agentId().strip();
            if (to != null) {
                AgentRecord a = ID.matcher(to).matches() ? em.find(AgentRecord.class, to) : null;
                if (a == null || !"ACTIVE".equals(a.status)) {
                    throw SevaException.invalidField("agentId", "is not an active agent of this firm");
                }
            }
            if (!java.util.Objects.equals(to, l.agentId)) {
                event(em, l.id, "ASSIGNED", l.agentId, to, null, actor);
                l.agentId = to;
                changed.add("agent " + to);
            }
        }
        if (body.stage() != null && !body.stage().equals(l.stage)) {
            String to = body.stage();
            if (!STAGES.contains(to)) {
                throw SevaException.invalidField("stage", "must be one of " + STAGES);
            }
            if (to.equals("CONVERTED")) {
                throw new SevaException(ErrorCode.LEAD_STAGE_INVALID,
                        "A lead becomes CONVERTED only by POST /api/v1/leads/{id}/convert");
            }
            if (!OPEN.contains(l.stage)) {
                throw new SevaException(ErrorCode.LEAD_STAGE_INVALID, "The lead is " + l.stage + "; it is closed");
            }
            if (!to.equals("LOST") && STAGES.indexOf(to) < STAGES.indexOf(l.stage)) {
                throw new SevaException(ErrorCode.LEAD_STAGE_INVALID,
                        "Stages only move forward: " + l.stage + " cannot become " + to);
            }
            event(em, l.id, "STAGE", l.stage, to, to.equals("LOST") ? body.lostReason() : null, actor);
            l.stage = to;
            changed.add("stage " + to);
        }
        if (body.lostReason() != null) {
            if (!"LOST".equals(l.stage)) {
                throw SevaException.invalidField("lostReason", "only for a LOST lead");
            }
            if (body.lostReason().length() > 500) {
                throw SevaException.invalidField("lostReason", "at most 500 characters");
            }
            l.lostReason = body.lostReason().strip();
        }
        if (body.note() != null && !body.note().isBlank()) {
            if (body.note().length() > 2000) {
                throw SevaException.invalidField("note", "at most 2000 characters");
            }
            event(em, l.id, "NOTE", null, null, body.note().strip(), actor);
            changed.add("note");
        }
        if (!changed.isEmpty()) {
            l.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            em.flush();
            audit.record(tenants.current().id(), "LEAD_CHANGED", "lead", l.id, String.join(", ", changed));
        }
        return view(em, l);
    }

    /** @return the lead's history, oldest first */
    public Page<LeadEventView> history(String id) {
        EntityManager em = unit.em();
        LeadRecord l = require(em, id);
        List<LeadEventView> items = em.createQuery("SELECT e FROM LeadEvent e WHERE e.leadId = :l ORDER BY"
                + " e.createdAt, e.id", LeadEventRecord.class).setParameter("l", l.id).setMaxResults(1000)
                .getResultList().stream().map(e -> new LeadEventView(e.id, e.kind, e.fromValue, e.toValue, e.note,
                        e.actor, e.createdAt))
                .toList();
        return new Page<>(items, 0, Math.max(1, items.size()), items.size());
    }

    /** Converts the lead ({@link LeadConversion}); staff only. */
    public Converted convert(String id, Conversion body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        EntityManager em = unit.em();
        return conversion.convert(em, require(em, id), body, actor());
    }

    /** @return the public face of a referral code; 404 for an unknown or inactive agent */
    public ReferralView referral(String code) {
        EntityManager em = unit.em();
        AgentRecord a = byCode(em, code).orElseThrow(() -> SevaException.notFound("Referral code"));
        return new ReferralView(a.name, tenants.current().name());
    }

    /**
     * Takes a lead from the public referral form: rate-limited per client address; a filled honeypot is accepted and
     * dropped; a duplicate is accepted and only noted on the existing lead's history, so the answer never tells
     * whether a lead exists.
     */
    public void capture(String code, PublicLead body) {
        limits.checkClient("referral-lead",
                config.getOptionalValue("seva.agents.referral.max-per-ip", Integer.class).orElse(10),
                Duration.ofSeconds(config.getOptionalValue("seva.agents.referral.window-seconds", Long.class)
                        .orElse(3600L)));
        EntityManager em = unit.em();
        AgentRecord a = byCode(em, code).orElseThrow(() -> SevaException.notFound("Referral code"));
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        if (body.website() != null && !body.website().isBlank()) {
            return; // a bot filled the hidden field
        }
        List<FieldError> errors = new ArrayList<>();
        Fields f = fields(body.name(), body.phone(), body.email(), body.companyName(), null, null, null, null,
                body.message(), errors);
        throwIfAny(errors);
        Optional<String> id = insert(em, f, "REFERRAL_LINK", a.id, a.id);
        if (id.isPresent()) {
            event(em, id.get(), "CREATED", null, "NEW", f.note(), "public");
            event(em, id.get(), "ASSIGNED", null, a.id, "referral link", "public");
            audit.record(tenants.current().id(), "LEAD_CREATED", "lead", id.get(), "source REFERRAL_LINK, agent "
                    + a.id);
            return;
        }
        String existing = existing(em, f).orElse(null);
        if (existing != null) {
            event(em, existing, "REFERRAL", null, a.id, "came in again through the referral link of " + a.name
                    + (f.note() == null ? "" : ": " + f.note()), "public");
            audit.record(tenants.current().id(), "LEAD_REFERRAL_REPEATED", "lead", existing, "agent " + a.id);
        }
    }

    private Fields fields(String name, String phone, String email, String company, String city, String state,
            String pincode, String category, String note, List<FieldError> errors) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        String phoneKey = null;
        String ph = blankToNull(phone);
        if (ph != null) {
            phoneKey = LeadKeys.phone(ph).orElse(null);
            if (phoneKey == null) {
                errors.add(new FieldError("phone", "must be a phone number (6 to 15 digits, +91 or 0 prefix allowed)"));
            }
        }
        String emailKey = null;
        String em = blankToNull(email);
        if (em != null) {
            emailKey = LeadKeys.email(em).orElse(null);
            if (emailKey == null) {
                errors.add(new FieldError("email", "must be an e-mail address"));
            }
        }
        if (ph == null && em == null) {
            errors.add(new FieldError("phone", "a phone number or an e-mail address is required"));
        }
        String pin = blankToNull(pincode);
        if (pin != null && !PINCODE.matcher(pin).matches()) {
            errors.add(new FieldError("pincode", "must be a six-digit PIN code"));
        }
        return new Fields(n, ph == null ? null : ph.replaceAll("\\s+", " "), phoneKey, em, emailKey,
                text("companyName", company, 300, errors), text("city", city, 100, errors),
                text("state", state, 100, errors), pin, text("serviceCategory", category, 100, errors),
                text("note", note, 2000, errors));
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
        return v;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid lead", errors);
        }
    }

    /** @return the new lead's id, or empty when a lead with the phone or e-mail exists (the unique indexes say) */
    private Optional<String> insert(EntityManager em, Fields f, String source, String agentId, String referredBy) {
        String id = UUID.randomUUID().toString();
        int n = em.createNativeQuery("INSERT INTO agent_lead (id, tenant_id, name, phone, phone_key, email, email_key,"
                + " company_name, city, state, pincode, service_category, source, stage, agent_id,"
                + " referred_by_agent_id, created_at, updated_at, version) VALUES (?1, ?2, ?3, CAST(?4 AS varchar),"
                + " CAST(?5 AS varchar), CAST(?6 AS varchar), CAST(?7 AS varchar), CAST(?8 AS varchar),"
                + " CAST(?9 AS varchar), CAST(?10 AS varchar), CAST(?11 AS varchar), CAST(?12 AS varchar), ?13,"
                + " 'NEW', CAST(?14 AS varchar), CAST(?15 AS varchar), now(), now(), 0) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, tenants.current().id().value()).setParameter(3, f.name())
                .setParameter(4, f.phone()).setParameter(5, f.phoneKey()).setParameter(6, f.email())
                .setParameter(7, f.emailKey()).setParameter(8, f.companyName()).setParameter(9, f.city())
                .setParameter(10, f.state()).setParameter(11, f.pincode()).setParameter(12, f.serviceCategory())
                .setParameter(13, source).setParameter(14, agentId).setParameter(15, referredBy).executeUpdate();
        return n == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * The 409 for a duplicate: it names the existing lead only to a caller who may see it (staff, or the agent whose
     * lead or downline's lead it is); another agent learns only that the contact is known.
     */
    private SevaException duplicate(EntityManager em, Fields f) {
        String existing = existing(em, f).orElse("");
        LeadRecord l = existing.isEmpty() ? null : em.find(LeadRecord.class, existing);
        if (l == null || !visible(em, l)) {
            return new SevaException(ErrorCode.LEAD_DUPLICATE,
                    "A lead with this phone number or e-mail address exists already.");
        }
        return new SevaException(ErrorCode.LEAD_DUPLICATE,
                "A lead with this phone number or e-mail address exists already: " + existing,
                Map.of("existingLeadId", existing));
    }

    private static Optional<String> existing(EntityManager em, Fields f) {
        if (f.phoneKey() != null) {
            List<String> ids = em.createQuery("SELECT l.id FROM Lead l WHERE l.phoneKey = :k", String.class)
                    .setParameter("k", f.phoneKey()).getResultList();
            if (!ids.isEmpty()) {
                return Optional.of(ids.get(0));
            }
        }
        if (f.emailKey() != null) {
            List<String> ids = em.createQuery("SELECT l.id FROM Lead l WHERE l.emailKey = :k", String.class)
                    .setParameter("k", f.emailKey()).getResultList();
            if (!ids.isEmpty()) {
                return Optional.of(ids.get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * @return the ACTIVE agent whose territory the lead falls in with the fewest open leads (ties: the smallest id),
     *         or null; assignments of one tenant are serialised so that racing captures still balance
     */
    private String assignByTerritory(EntityManager em, Fields f) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "lead-assignment:" + tenants.current().id().value()).getResultList();
        List<AgentRecord> matching = em.createQuery("SELECT a FROM Agent a WHERE a.status = 'ACTIVE'",
                AgentRecord.class).getResultList().stream()
                .filter(a -> Agents.territoryOf(a).matches(f.state(), f.city(), f.pincode(), f.serviceCategory()))
                .toList();
        if (matching.isEmpty()) {
            return null;
        }
        Map<String, Long> open = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT agent_id, count(*) FROM agent_lead WHERE agent_id IS NOT"
                + " NULL AND stage IN ('NEW', 'CONTACTED', 'QUALIFIED') GROUP BY agent_id").getResultList();
        rows.forEach(r -> open.put(String.valueOf(r[0]), ((Number) r[1]).longValue()));
        return matching.stream().min(Comparator.<AgentRecord>comparingLong(a -> open.getOrDefault(a.id, 0L))
                .thenComparing(a -> a.id)).map(a -> a.id).orElse(null);
    }

    private LeadRecord require(EntityManager em, String id) {
        LeadRecord l = id == null || !ID.matcher(id).matches() ? null : em.find(LeadRecord.class, id);
        if (l == null || !visible(em, l)) {
            throw SevaException.notFound("Lead");
        }
        return l;
    }

    /** @return whether the caller may see the lead (staff: all; an agent: its own and its downline's) */
    private boolean visible(EntityManager em, LeadRecord l) {
        Optional<Set<String>> visible = agents.visible(em);
        return visible.isEmpty() || (!visible.get().isEmpty() && (l.agentId != null && visible.get().contains(
                l.agentId) || l.referredByAgentId != null && visible.get().contains(l.referredByAgentId)));
    }

    private static Optional<AgentRecord> agentOfUser(EntityManager em, String userId) {
        return em.createQuery("SELECT a FROM Agent a WHERE a.userId = :u", AgentRecord.class).setParameter("u", userId)
                .getResultList().stream().findFirst();
    }

    private static Optional<AgentRecord> byCode(EntityManager em, String code) {
        if (code == null || !code.strip().matches("[A-Za-z0-9]{4,16}")) {
            return Optional.empty();
        }
        return em.createQuery("SELECT a FROM Agent a WHERE a.referralCode = :c AND a.status = 'ACTIVE'",
                AgentRecord.class).setParameter("c", code.strip().toUpperCase(Locale.ROOT)).getResultList().stream()
                .findFirst();
    }

    private String actor() {
        return caller.principal().map(SevaPrincipal::email).orElse("public");
    }

    static void event(EntityManager em, String leadId, String kind, String from, String to, String note,
            String actor) {
        em.persist(new LeadEventRecord(UUID.randomUUID().toString(), leadId, kind, from, to,
                note == null || note.length() <= 2000 ? note : note.substring(0, 2000), actor,
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static Map<String, String> names(EntityManager em, List<String> agentIds) {
        List<String> ids = agentIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT a FROM Agent a WHERE a.id IN :ids", AgentRecord.class).setParameter("ids", ids)
                    .getResultList().forEach(a -> out.put(a.id, a.name));
        }
        return out;
    }

    static LeadView view(EntityManager em, LeadRecord l) {
        return view(l, names(em, java.util.Collections.singletonList(l.agentId)));
    }

    private static LeadView view(LeadRecord l, Map<String, String> names) {
        return new LeadView(l.id, l.name, l.phone, l.email, l.companyName, l.city, l.state, l.pincode,
                l.serviceCategory, l.source, l.stage, l.agentId, l.agentId == null ? null : names.get(l.agentId),
                l.referredByAgentId, l.entityId, l.lostReason, l.createdAt, l.updatedAt);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
