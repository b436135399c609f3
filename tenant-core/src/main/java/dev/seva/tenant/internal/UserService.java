package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantContext;
import dev.seva.tenant.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's users, managed by its TENANT_ADMINs. Disabling or deleting a user, removing a role or setting a password
 * ends the user's tokens issued until then ({@link TokenValidity}).
 */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    TokenValidity validity;

    /** What the API shows of a user; never the password hash. */
    public record UserView(String id, String email, String name, List<String> roles, String status,
            OffsetDateTime createdAt) {
        static UserView of(UserRecord u) {
            return new UserView(u.getId(), u.getEmail(), u.getName(), u.getRoles().stream().map(Role::name).toList(),
                    u.getStatus(), u.getCreatedAt());
        }
    }

    /** The create request. */
    public record NewUser(String email, String name, List<String> roles, String password) {
    }

    /** Creates a user; 409 when the e-mail is taken in this tenant. */
    public UserView create(NewUser req) {
        if (req == null) {
            throw SevaException.invalidField("body", "is required");
        }
        FieldCheck check = new FieldCheck();
        String email = check.email("email", req.email());
        String name = check.required("name", req.name(), 200);
        Set<Role> roles = roles(check, req.roles());
        String password = check.password("password", req.password(), false);
        check.throwIfAny();
        EntityManager em = ems.tenant();
        if (findByEmail(email) != null) {
            throw new SevaException(ErrorCode.EMAIL_TAKEN, "A user with this e-mail exists already.");
        }
        UserRecord u = new UserRecord(UUID.randomUUID().toString(), email, name, roles,
                password == null ? null : hasher.hash(password));
        em.persist(u);
        audit.record(tenant.require(), "USER_CREATED", "user", u.getId(), "roles " + roles);
        return UserView.of(u);
    }

    /** @return a page of users, by e-mail, with their total */
    public Page<UserView> page(int page, int size) {
        List<UserView> items = ems.tenant().createQuery("SELECT u FROM User u ORDER BY u.email", UserRecord.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(UserView::of).toList();
        return new Page<>(items, page, size,
                ems.tenant().createQuery("SELECT COUNT(u) FROM User u", Long.class).getSingleResult());
    }

    /** @return the user; 404 when not in this tenant */
    public UserView get(String id) {
        return UserView.of(require(id));
    }

    /** Applies {@code name}, {@code roles}, {@code password} and/or {@code status} from a merge-patch body. */
    public UserView update(String id, JsonObject patch) {
        UserRecord u = require(id);
        FieldCheck check = new FieldCheck();
        String name = patch.containsKey("name") ? check.required("name", JsonFields.text(patch, "name"), 200) : null;
        Set<Role> roles = null;
        if (patch.containsKey("roles")) {
            JsonValue v = patch.get("roles");
            if (v.getValueType() != JsonValue.ValueType.ARRAY) {
                check.add("roles", "must be an array of role names");
            } else {
                roles = roles(check, v.asJsonArray().stream()
                        .map(x -> x instanceof JsonString s ? s.getString() : x.toString()).toList());
            }
        }
        String password = patch.containsKey("password")
                ? check.password("password", JsonFields.text(patch, "password"), true)
                : null;
        String status = null;
        if (patch.containsKey("status")) {
            String s = JsonFields.text(patch, "status");
            if (!"ACTIVE".equals(s) && !"DISABLED".equals(s)) {
                check.add("status", "must be ACTIVE or DISABLED");
            } else {
                status = s;
            }
        }
        check.throwIfAny();
        boolean losesAdmin = u.getRoles().contains(Role.TENANT_ADMIN) && u.isActive()
                && ((roles != null && !roles.contains(Role.TENANT_ADMIN)) || "DISABLED".equals(status));
        if (losesAdmin && otherActiveAdmins(u.getId()) == 0) {
            throw new SevaException(ErrorCode.LAST_TENANT_ADMIN,
                    "This is the tenant's last active administrator; make another one first.");
        }
        // what was granted before must not outlive the change in tokens already issued
        boolean endTokens = password != null || ("DISABLED".equals(status) && u.isActive())
                || (roles != null && !roles.containsAll(u.getRoles()));
        if (name != null) {
            u.setName(name);
        }
        if (roles != null) {
            u.setRoles(roles);
        }
        if (password != null) {
            u.setPasswordHash(hasher.hash(password));
        }
        if (status != null) {
            u.setStatus(status);
        }
        if (endTokens) {
            validity.endTokensOf(tenant.require(), u.getId());
        }
        audit.record(tenant.require(), "USER_UPDATED", "user", u.getId(),
                "changed " + patch.keySet().stream().filter(k -> !k.equals("password") || password != null)
                        .sorted().toList());
        return UserView.of(u);
    }

    /** Deletes a user and their memberships. */
    public void delete(String id) {
        UserRecord u = require(id);
        if (currentUser.get().map(p -> p.userId().equals(u.getId())).orElse(false)) {
            throw new SevaException(ErrorCode.CANNOT_DELETE_SELF, "You cannot delete your own account.");
        }
        if (u.getRoles().contains(Role.TENANT_ADMIN) && u.isActive() && otherActiveAdmins(u.getId()) == 0) {
            throw new SevaException(ErrorCode.LAST_TENANT_ADMIN,
                    "This is the tenant's last active administrator; make another one first.");
        }
        EntityManager em = ems.tenant();
        em.createQuery("DELETE FROM Membership m WHERE m.userId = :u").setParameter("u", u.getId()).executeUpdate();
        em.remove(u);
        validity.endTokensOf(tenant.require(), u.getId());
        audit.record(tenant.require(), "USER_DELETED", "user", u.getId(), null);
    }

    UserRecord require(String id) {
        UserRecord u = id == null ? null : ems.tenant().find(UserRecord.class, id);
        if (u == null) {
            throw SevaException.notFound("User");
        }
        return u;
    }

    UserRecord findByEmail(String email) {
        return ems.tenant().createQuery("SELECT u FROM User u WHERE u.email = :e", UserRecord.class)
                .setParameter("e", email).getResultList().stream().findFirst().orElse(null);
    }

    private long otherActiveAdmins(String exceptId) {
        // roles are stored sorted and comma-separated; no role name contains another
        return ems.tenant().createQuery("SELECT COUNT(u) FROM User u WHERE u.status = 'ACTIVE' AND u.id <> :id"
                + " AND u.roles LIKE :admin", Long.class).setParameter("id", exceptId)
                .setParameter("admin", "%" + Role.TENANT_ADMIN.name() + "%").getSingleResult();
    }

    private static Set<Role> roles(FieldCheck check, List<String> names) {
        if (names == null || names.isEmpty()) {
            check.add("roles", "must name at least one role");
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            Role r = check.oneOf("roles", n, Role.class, true);
            if (r == Role.PLATFORM_ADMIN) {
                check.add("roles", "PLATFORM_ADMIN cannot be given to a tenant's user");
            } else if (r != null) {
                roles.add(r);
            }
        }
        return roles;
    }
}
