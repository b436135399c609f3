package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Platform admins. The first one comes from configuration ({@code SEVA_PLATFORM_ADMIN_EMAIL} /
 * {@code SEVA_PLATFORM_ADMIN_PASSWORD}) and is created, or its password reset to the configured one, at start-up.
 */
@ApplicationScoped
public class PlatformAdmins {

    private static final Logger LOG = Logger.getLogger(PlatformAdmins.class.getName());

    @Inject
    TenantEntityManagers ems;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @Inject
    Config config;

    void onStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE
                    + 200) @Initialized(ApplicationScoped.class) Object ignored,
            PlatformAdmins self) {
        Optional<String> email = config.getOptionalValue("seva.platform.admin.email", String.class);
        Optional<String> password = config.getOptionalValue("seva.platform.admin.password", String.class);
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warning("No platform admin configured (SEVA_PLATFORM_ADMIN_EMAIL / SEVA_PLATFORM_ADMIN_PASSWORD):"
                    + " tenants cannot be created through the API until one is.");
            return;
        }
        FieldCheck check = new FieldCheck();
        String e = check.email("SEVA_PLATFORM_ADMIN_EMAIL", email.get());
        String p = check.password("SEVA_PLATFORM_ADMIN_PASSWORD", password.get(), true);
        check.throwIfAny();
        self.ensure(e, p);
    }

    @ActivateRequestContext
    @Transactional
    public void ensure(String email, String password) {
        EntityManager em = ems.platform();
        Optional<PlatformAdminRecord> existing = find(email);
        if (existing.isEmpty()) {
            em.persist(new PlatformAdminRecord(UUID.randomUUID().toString(), email, "Platform admin",
                    hasher.hash(password)));
            audit.recordAs(TenantId.PLATFORM, "configuration", "PLATFORM_ADMIN_CREATED", "platform-admin", email,
                    null);
            LOG.info("Platform admin " + email + " created from configuration");
        } else if (!hasher.verify(password, existing.get().getPasswordHash())) {
            existing.get().setPasswordHash(hasher.hash(password));
            audit.recordAs(TenantId.PLATFORM, "configuration", "PLATFORM_ADMIN_PASSWORD_RESET", "platform-admin",
                    email, null);
            LOG.info("Platform admin " + email + ": password reset to the configured one");
        }
    }

    /** @return the admin with that (lower-case) e-mail */
    @Transactional
    public Optional<PlatformAdminRecord> find(String email) {
        List<PlatformAdminRecord> r = ems.platform()
                .createQuery("SELECT a FROM PlatformAdmin a WHERE a.email = :e", PlatformAdminRecord.class)
                .setParameter("e", email.toLowerCase(Locale.ROOT)).getResultList();
        return r.stream().findFirst();
    }
}
