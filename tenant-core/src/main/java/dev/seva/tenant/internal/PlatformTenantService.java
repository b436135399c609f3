package dev.seva.tenant.internal;

import dev.seva.tenant.Plan;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.TenantResolver.TenantReference;
import dev.seva.tenant.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creating, listing, suspending and reactivating tenants (PLATFORM_ADMIN). */
@ApplicationScoped
@Transactional
public class PlatformTenantService {

    /** Tenant statuses. */
    public enum Status {
        /** serving */
        ACTIVE,
        /** every request answered 403 */
        SUSPENDED
    }

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,30}[a-z0-9]");
    private static final Pattern HOST = Pattern
            .compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Set<String> RESERVED = Set.of("www", "api", "app", "admin", "platform", "static", "assets",
            "mail", "status", "help", "support", "seva", "localhost");

    @Inject
    TenantEntityManagers ems;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @Inject
    TenantLookup lookup;

    /**
     * A tenant's lifecycle change. It is recorded in the tenant's own chain with the change; the caller records it in
     * the platform's chain after that transaction has committed ({@link #recordOnPlatform}), because a transaction
     * holds one tenant's data only.
     */
    public record PlatformEvent(String action, TenantId tenant, String details) {
    }

    /** A create's outcome: the tenant, and the platform event when it was created now (not a replay). */
    public record Created(TenantView tenant, java.util.Optional<PlatformEvent> event) {
    }

    /** An update's outcome: the tenant, and the platform events of what changed. */
    public record Updated(TenantView tenant, List<PlatformEvent> events) {
    }

    /** Appends lifecycle changes to the platform's chain, in a transaction of their own. */
    public void recordOnPlatform(List<PlatformEvent> events) {
        events.forEach(e -> audit.record(TenantId.PLATFORM, e.action(), "tenant", e.tenant().value(), e.details()));
    }

    @Inject
    @ConfigProperty(name = "seva.tenant.base-domain", defaultValue = "localhost")
    String baseDomain;

    /** What the API shows of a tenant. */
    public record TenantView(String id, String slug, String name, String status, String plan, List<String> domains,
            OffsetDateTime createdAt) {
    }

    /** The create request. */
    public record NewTenant(String slug, String name, String adminEmail, String adminPassword, String plan,
            List<String> domains) {
    }

    /** @return the tenant, created, or the same tenant when the same request was made before */
    public Created create(NewTenant req) {
        if (req == null) {
            throw SevaException.invalidField("body", "is required");
        }
        FieldCheck check = new FieldCheck();
        String slug = check.required("slug", req.slug(), 32);
        if (slug != null) {
            slug = slug.toLowerCase(Locale.ROOT);
            if (!SLUG.matcher(slug).matches()) {
                check.add("slug", "must be 2 to 32 lower-case letters, digits or hyphens, starting with a letter");
            } else if (RESERVED.contains(slug)) {
                check.add("slug", "is reserved");
            }
        }
        String name = check.required("name", req.name(), 200);
        String email = check.email("adminEmail", req.adminEmail());
        String password = check.password("adminPassword", req.adminPassword(), true);
        Plan plan = check.oneOf("plan", req.plan(), Plan.class, false);
        Set<String> domains = new LinkedHashSet<>();
        List<String> given = req.domains() == null ? List.of() : req.domains();
        for (int i = 0; i < given.size(); i++) {
            String d = given.get(i) == null ? "" : given.get(i).strip().toLowerCase(Locale.ROOT);
            if (!HOST.matcher(d).matches()) {
                check.add("domains[" + i + "]", "must be a host name such as portal.example.in");
            } else if (d.equals(baseDomain) || d.endsWith("." + baseDomain)) {
                check.add("domains[" + i + "]", "must not be under " + baseDomain + " (slugs are served there)");
            } else {
                domains.add(d);
            }
        }
        check.throwIfAny();
        Plan effectivePlan = plan == null ? Plan.PROFESSIONAL : plan;

        EntityManager pem = ems.platform();
        List<TenantRecord> same = pem.createQuery("SELECT t FROM Tenant t WHERE t.slug = :s", TenantRecord.class)
                .setParameter("s", slug).getResultList();
        if (!same.isEmpty()) {
            TenantRecord t = same.get(0);
            if (isReplay(t, name, email, password, effectivePlan, domains)) {
                return new Created(view(t), java.util.Optional.empty());
            }
            throw new SevaException(ErrorCode.TENANT_SLUG_TAKEN, "The slug " + Problems.quote(slug)
                    + " is taken.");
        }
        if (!domains.isEmpty()) {
            List<String> taken = pem
                    .createQuery("SELECT d.domain FROM TenantDomain d WHERE d.domain IN :ds", String.class)
                    .setParameter("ds", List.copyOf(domains)).getResultList();
            if (!taken.isEmpty()) {
                throw new SevaException(ErrorCode.TENANT_DOMAIN_TAKEN, "The domain " + Problems.quote(taken.get(0))
                        + " is registered to another tenant.");
            }
        }
        TenantId id = TenantId.random();
        TenantRecord tenant = new TenantRecord(id.value(), slug, name, effectivePlan.name());
        pem.persist(tenant);
        pem.flush(); // the domains reference the tenant row
        domains.forEach(d -> pem.persist(new TenantDomainRecord(d, id.value())));
        pem.flush();

        UserRecord admin = new UserRecord(java.util.UUID.randomUUID().toString(), email, name + " admin",
                EnumSet.of(Role.TENANT_ADMIN), hasher.hash(password));
        ems.forTenant(id).persist(admin);
        audit.record(id, "TENANT_CREATED", "tenant", id.value(), "slug " + slug + ", plan " + effectivePlan);
        audit.record(id, "USER_CREATED", "user", admin.getId(), "roles [TENANT_ADMIN]");
        lookup.invalidate();
        return new Created(new TenantView(id.value(), slug, name, tenant.getStatus(), tenant.getPlan(),
                List.copyOf(domains), tenant.getCreatedAt()),
                java.util.Optional.of(new PlatformEvent("TENANT_CREATED", id, "slug " + slug)));
    }

    private boolean isReplay(TenantRecord t, String name, String email, String password, Plan plan,
            Set<String> domains) {
        if (!t.getName().equals(name) || !t.getPlan().equals(plan.name())
                || !Set.copyOf(domains(t.getId())).equals(domains)) {
            return false;
        }
        List<UserRecord> admins = ems.forTenant(new TenantId(t.getId()))
                .createQuery("SELECT u FROM User u WHERE u.email = :e", UserRecord.class).setParameter("e", email)
                .getResultList();
        return admins.size() == 1 && admins.get(0).getRoles().contains(Role.TENANT_ADMIN)
                && hasher.verify(password, admins.get(0).getPasswordHash());
    }

    /** @return the tenant a slug or custom domain names */
    public java.util.Optional<TenantSummary> find(TenantReference ref) {
        EntityManager em = ems.platform();
        List<TenantRecord> rows = switch (ref.kind()) {
            case SLUG -> em.createQuery("SELECT t FROM Tenant t WHERE t.slug = :v", TenantRecord.class)
                    .setParameter("v", ref.value()).getResultList();
            case DOMAIN -> em.createQuery(
                    "SELECT t FROM Tenant t, TenantDomain d WHERE d.tenant = t.id AND d.domain = :v",
                    TenantRecord.class).setParameter("v", ref.value()).getResultList();
        };
        return rows.stream().findFirst().map(TenantSummary::of);
    }

    /** @return the tenant with this id */
    public java.util.Optional<TenantSummary> find(TenantId id) {
        return java.util.Optional.ofNullable(ems.platform().find(TenantRecord.class, id.value()))
                .map(TenantSummary::of);
    }

    /** Appends an event about the platform itself (not about one tenant) to the platform's chain. */
    public void recordPlatformEvent(String action, String targetType, String targetId, String details) {
        audit.record(TenantId.PLATFORM, action, targetType, targetId, details);
    }

    /** @return the ids of every tenant, in creation order */
    public List<TenantId> allIds() {
        return ems.platform().createQuery("SELECT t.id FROM Tenant t ORDER BY t.createdAt, t.id", String.class)
                .getResultList().stream().map(TenantId::new).toList();
    }

    /** @return the ids of every ACTIVE tenant, in creation order */
    public List<TenantId> activeIds() {
        return ems.platform().createQuery("SELECT t.id FROM Tenant t WHERE t.status = 'ACTIVE' ORDER BY t.createdAt,"
                + " t.id", String.class).getResultList().stream().map(TenantId::new).toList();
    }

    /** @return a page of tenants, newest first, with their total */
    public Page<TenantView> page(int page, int size) {
        List<TenantView> items = ems.platform().createQuery("SELECT t FROM Tenant t ORDER BY t.createdAt DESC, t.slug",
                TenantRecord.class).setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(this::view).toList();
        return new Page<>(items, page, size,
                ems.platform().createQuery("SELECT COUNT(t) FROM Tenant t", Long.class).getSingleResult());
    }

    /** Changes a tenant's status and/or plan. */
    public Updated update(String slug, String status, String plan) {
        FieldCheck check = new FieldCheck();
        Status s = check.oneOf("status", status, Status.class, false);
        Plan p = check.oneOf("plan", plan, Plan.class, false);
        if (s == null && p == null && check.ok()) {
            check.add("status", "status or plan is required");
        }
        check.throwIfAny();
        TenantRecord t = ems.platform().createQuery("SELECT t FROM Tenant t WHERE t.slug = :s", TenantRecord.class)
                .setParameter("s", slug == null ? "" : slug.toLowerCase(Locale.ROOT)).getResultList().stream()
                .findFirst().orElseThrow(() -> SevaException.notFound("Tenant"));
        TenantId id = new TenantId(t.getId());
        List<PlatformEvent> events = new java.util.ArrayList<>();
        if (s != null && !s.name().equals(t.getStatus())) {
            t.setStatus(s.name());
            String action = s == Status.SUSPENDED ? "TENANT_SUSPENDED" : "TENANT_REACTIVATED";
            audit.record(id, action, "tenant", id.value(), null);
            events.add(new PlatformEvent(action, id, "slug " + t.getSlug()));
        }
        if (p != null && !p.name().equals(t.getPlan())) {
            String details = "plan " + t.getPlan() + " -> " + p;
            t.setPlan(p.name());
            audit.record(id, "TENANT_PLAN_CHANGED", "tenant", id.value(), details);
            events.add(new PlatformEvent("TENANT_PLAN_CHANGED", id, details));
        }
        lookup.invalidate();
        return new Updated(view(t), events);
    }

    private List<String> domains(String tenantId) {
        return ems.platform()
                .createQuery("SELECT d.domain FROM TenantDomain d WHERE d.tenant = :t ORDER BY d.domain",
                        String.class)
                .setParameter("t", tenantId).getResultList();
    }

    private TenantView view(TenantRecord t) {
        return new TenantView(t.getId(), t.getSlug(), t.getName(), t.getStatus(), t.getPlan(), domains(t.getId()),
                t.getCreatedAt());
    }
}
