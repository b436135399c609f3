package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantContext;
import dev.seva.sdk.identifiers.Cin;
import dev.seva.sdk.identifiers.Gstin;
import dev.seva.sdk.identifiers.Llpin;
import dev.seva.sdk.identifiers.Pan;
import dev.seva.tenant.EntityType;
import dev.seva.tenant.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Business entities and their members. Staff (and auditors) see all of the tenant's entities; everyone else only
 * those they are a member of, and gets 404 for the rest.
 */
@ApplicationScoped
@Transactional
public class EntityService {

    /** Membership roles. */
    public enum MemberRole {
        /** owns the entity (a director, the proprietor) */
        OWNER,
        /** acts for it */
        MEMBER
    }

    private static final Pattern STATE_CODE = Pattern.compile("0[1-9]|[12][0-9]|3[0-8]|97");

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    /** What the API shows of an entity. */
    public record EntityView(String id, String legalName, EntityType type, String pan, String gstin, String cin,
            String llpin, String state, String address, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static EntityView of(BusinessEntityRecord r) {
            EntityFields f = r.fields();
            return new EntityView(r.getId(), f.legalName(), f.type(), f.pan(), f.gstin(), f.cin(), f.llpin(),
                    f.state(), f.address(), r.getCreatedAt(), r.getUpdatedAt());
        }
    }

    /** The create request. */
    public record NewEntity(String legalName, String type, String pan, String gstin, String cin, String llpin,
            String state, String address) {
    }

    /** A membership as shown by the API. */
    public record MemberView(String entityId, String userId, String role, OffsetDateTime createdAt) {
    }

    /** Creates an entity after validating every field (PAN, GSTIN with its check character, CIN, LLPIN). */
    public EntityView create(NewEntity req) {
        if (req == null) {
            throw SevaException.invalidField("body", "is required");
        }
        EntityFields f = validate(req);
        BusinessEntityRecord r = new BusinessEntityRecord(UUID.randomUUID().toString());
        r.apply(f);
        ems.tenant().persist(r);
        audit.record(tenant.require(), "ENTITY_CREATED", "entity", r.getId(), f.type() + " " + f.legalName());
        return EntityView.of(r);
    }

    /** Applies a merge-patch: present fields replace, {@code null} clears an optional one. */
    public EntityView update(String id, JsonObject patch) {
        BusinessEntityRecord r = requireVisible(id);
        EntityFields cur = r.fields();
        NewEntity merged = new NewEntity(pick(patch, "legalName", cur.legalName()),
                pick(patch, "type", cur.type().name()), pick(patch, "pan", cur.pan()),
                pick(patch, "gstin", cur.gstin()), pick(patch, "cin", cur.cin()), pick(patch, "llpin", cur.llpin()),
                pick(patch, "state", cur.state()), pick(patch, "address", cur.address()));
        r.apply(validate(merged));
        audit.record(tenant.require(), "ENTITY_UPDATED", "entity", r.getId(),
                "changed " + patch.keySet().stream().sorted().toList());
        return EntityView.of(r);
    }

    /** @return a page of the entities the caller may see, by legal name, with their total, in one transaction */
    public Page<EntityView> page(int page, int size) {
        SevaPrincipal p = currentUser.require();
        var q = p.isStaff()
                ? ems.tenant().createQuery("SELECT e FROM BusinessEntity e ORDER BY e.legalName, e.id",
                        BusinessEntityRecord.class)
                : ems.tenant().createQuery("SELECT e FROM BusinessEntity e, Membership m WHERE m.entityId = e.id"
                        + " AND m.userId = :u ORDER BY e.legalName, e.id", BusinessEntityRecord.class)
                        .setParameter("u", p.userId());
        List<EntityView> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(EntityView::of).toList();
        var count = p.isStaff()
                ? ems.tenant().createQuery("SELECT COUNT(e) FROM BusinessEntity e", Long.class)
                : ems.tenant().createQuery("SELECT COUNT(m) FROM Membership m WHERE m.userId = :u", Long.class)
                        .setParameter("u", p.userId());
        return new Page<>(items, page, size, count.getSingleResult());
    }

    /** @return the entity; 404 when it does not exist, is another tenant's, or the caller is not a member */
    public EntityView get(String id) {
        return EntityView.of(requireVisible(id));
    }

    /** Adds a user of this tenant to the entity. */
    public MemberView addMember(String entityId, String userId, String role) {
        BusinessEntityRecord e = requireVisible(entityId);
        FieldCheck check = new FieldCheck();
        check.required("userId", userId, 36);
        MemberRole r = check.oneOf("role", role, MemberRole.class, true);
        check.throwIfAny();
        EntityManager em = ems.tenant();
        if (em.find(UserRecord.class, userId.strip()) == null) {
            throw SevaException.invalidField("userId", "no user of this tenant has this id");
        }
        if (membership(e.getId(), userId.strip()) != null) {
            throw new SevaException(ErrorCode.ALREADY_MEMBER, "The user is a member of this entity already.");
        }
        MembershipRecord m = new MembershipRecord(UUID.randomUUID().toString(), e.getId(), userId.strip(), r.name());
        em.persist(m);
        audit.record(tenant.require(), "ENTITY_MEMBER_ADDED", "entity", e.getId(), "user " + m.getUserId() + " as "
                + r);
        return new MemberView(m.getEntityId(), m.getUserId(), m.getRole(), m.getCreatedAt());
    }

    /** @return the entity's members */
    public List<MemberView> members(String entityId) {
        BusinessEntityRecord e = requireVisible(entityId);
        return ems.tenant()
                .createQuery("SELECT m FROM Membership m WHERE m.entityId = :e ORDER BY m.createdAt",
                        MembershipRecord.class)
                .setParameter("e", e.getId()).getResultList().stream()
                .map(m -> new MemberView(m.getEntityId(), m.getUserId(), m.getRole(), m.getCreatedAt())).toList();
    }

    /** Removes a user from the entity. */
    public void removeMember(String entityId, String userId) {
        BusinessEntityRecord e = requireVisible(entityId);
        MembershipRecord m = membership(e.getId(), userId);
        if (m == null) {
            throw SevaException.notFound("Membership");
        }
        ems.tenant().remove(m);
        audit.record(tenant.require(), "ENTITY_MEMBER_REMOVED", "entity", e.getId(), "user " + userId);
    }

    /** @return the entities the user is a member of, for {@code /me} */
    public List<MyEntity> entitiesOf(String userId) {
        return ems.tenant().createQuery("SELECT e, m.role FROM BusinessEntity e, Membership m WHERE m.entityId = e.id"
                + " AND m.userId = :u ORDER BY e.legalName, e.id", Object[].class).setParameter("u", userId)
                .getResultList().stream().map(row -> {
                    BusinessEntityRecord e = (BusinessEntityRecord) row[0];
                    return new MyEntity(e.getId(), e.fields().legalName(), e.fields().type(), (String) row[1]);
                }).toList();
    }

    /** An entry of the entity switcher. */
    public record MyEntity(String id, String legalName, EntityType type, String membership) {
    }

    private BusinessEntityRecord requireVisible(String id) {
        BusinessEntityRecord r = id == null ? null : ems.tenant().find(BusinessEntityRecord.class, id);
        SevaPrincipal p = currentUser.require();
        if (r == null || (!p.isStaff() && membership(r.getId(), p.userId()) == null)) {
            throw SevaException.notFound("Entity");
        }
        return r;
    }

    private MembershipRecord membership(String entityId, String userId) {
        return ems.tenant()
                .createQuery("SELECT m FROM Membership m WHERE m.entityId = :e AND m.userId = :u",
                        MembershipRecord.class)
                .setParameter("e", entityId).setParameter("u", userId).getResultList().stream().findFirst()
                .orElse(null);
    }

    private static EntityFields validate(NewEntity req) {
        FieldCheck check = new FieldCheck();
        String legalName = check.required("legalName", req.legalName(), 300);
        EntityType type = check.oneOf("type", req.type(), EntityType.class, true);
        Pan pan = check.parse("pan", req.pan(), Pan::parse);
        Gstin gstin = check.parse("gstin", req.gstin(), Gstin::parse);
        Cin cin = check.parse("cin", req.cin(), Cin::parse);
        Llpin llpin = check.parse("llpin", req.llpin(), Llpin::parse);
        String state = check.optional("state", req.state(), 2);
        if (state != null && !STATE_CODE.matcher(state).matches()) {
            check.add("state", "must be a two-digit GST state code such as 29 (Karnataka)");
            state = null;
        }
        String address = check.optional("address", req.address(), 1000);
        if (pan != null && gstin != null && !gstin.pan().equals(pan)) {
            check.add("gstin", "must contain the entity's PAN " + pan + " (characters 3 to 12)");
        }
        if (state != null && gstin != null && !gstin.stateCode().equals(state)) {
            check.add("gstin", "is registered in state " + gstin.stateCode() + ", not " + state);
        }
        if (llpin != null && type != null && type != EntityType.LLP) {
            check.add("llpin", "is only for an LLP");
        }
        check.throwIfAny();
        return new EntityFields(legalName, type, pan == null ? null : pan.value(),
                gstin == null ? null : gstin.value(), cin == null ? null : cin.value(),
                llpin == null ? null : llpin.value(), state, address);
    }

    private static String pick(JsonObject patch, String key, String current) {
        return patch.containsKey(key) ? JsonFields.text(patch, key) : current;
    }

}
