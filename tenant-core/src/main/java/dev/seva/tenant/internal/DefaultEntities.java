package dev.seva.tenant.internal;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantContext;
import dev.seva.tenant.Entities;
import dev.seva.tenant.EntityRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link Entities} on tenant-core's unit; joins the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DefaultEntities implements Entities {

    @Inject
    TenantEntityManagers ems;

    @Inject
    CurrentUser caller;

    @Inject
    EntityService entityService;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @Inject
    TenantContext tenant;

    @Override
    public EntityRef require(String entityId) {
        SevaPrincipal p = caller.require();
        Optional<EntityRef> e = find(entityId);
        if (e.isEmpty() || (!p.isStaff() && !isMember(p.userId(), entityId))) {
            throw SevaException.notFound("Entity");
        }
        return e.get();
    }

    @Override
    public Optional<EntityRef> find(String entityId) {
        if (entityId == null || entityId.isBlank() || entityId.length() > 36) {
            return Optional.empty();
        }
        return Optional.ofNullable(ems.tenant().find(BusinessEntityRecord.class, entityId)).map(r -> {
            EntityFields f = r.fields();
            return new EntityRef(r.getId(), f.legalName(), f.type(), f.state(), f.pan(), f.gstin());
        });
    }

    @Override
    public Optional<Set<String>> restrictedTo() {
        SevaPrincipal p = caller.require();
        if (p.isStaff()) {
            return Optional.empty();
        }
        return Optional.of(new HashSet<>(ems.tenant()
                .createQuery("SELECT m.entityId FROM Membership m WHERE m.userId = :u", String.class)
                .setParameter("u", p.userId()).getResultList()));
    }

    @Override
    public boolean isMember(String userId, String entityId) {
        return !ems.tenant()
                .createQuery("SELECT m.entityId FROM Membership m WHERE m.entityId = :e AND m.userId = :u",
                        String.class)
                .setParameter("e", entityId).setParameter("u", userId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<String> memberEmails(String entityId) {
        return ems.tenant().createQuery("SELECT DISTINCT u.email FROM Membership m, User u WHERE m.entityId = :e"
                + " AND u.id = m.userId AND u.status = 'ACTIVE' ORDER BY u.email", String.class)
                .setParameter("e", entityId).getResultList();
    }

    @Override
    public EntityRef create(String legalName, String type, String pan, String gstin, String state) {
        EntityService.EntityView v = entityService
                .create(new EntityService.NewEntity(legalName, type, pan, gstin, null, null, state, null));
        ems.tenant().flush();
        return new EntityRef(v.id(), v.legalName(), v.type(), v.state(), v.pan(), v.gstin());
    }

    @Override
    public String linkClientUser(String email, String name, String entityId, String role) {
        FieldCheck check = new FieldCheck();
        String e = check.email("email", email);
        String n = check.required("name", name, 200);
        EntityService.MemberRole as = null;
        try {
            as = role == null ? null : EntityService.MemberRole.valueOf(role);
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        if (as == null) {
            check.add("role", "must be OWNER or MEMBER");
        }
        check.throwIfAny();
        EntityManager em = ems.tenant();
        if (em.find(BusinessEntityRecord.class, entityId) == null) {
            throw SevaException.notFound("Entity");
        }
        UserRecord u = users.findByEmail(e);
        String userId;
        if (u == null) {
            userId = users.create(new UserService.NewUser(e, n, List.of(Role.CLIENT.name()), null)).id();
        } else {
            userId = u.getId();
        }
        if (!isMember(userId, entityId)) {
            em.persist(new MembershipRecord(UUID.randomUUID().toString(), entityId, userId, as.name()));
            audit.record(tenant.require(), "ENTITY_MEMBER_ADDED", "entity", entityId, "user " + userId + " as "
                    + as.name());
        }
        em.flush();
        return userId;
    }
}
