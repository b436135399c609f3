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
 * Every platform admin has a TOTP second factor ({@link PlatformAdminTotp}): the one configured in
 * {@code SEVA_PLATFORM_ADMIN_TOTP_SECRET}, enrolled at start-up, or one they enrol before they may do anything else
 * ({@link SignInPolicy}).
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

    @Inject
    PlatformAdminTotp totp;

    @Inject
    TokenValidity validity;

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
        Optional<String> secret = config.getOptionalValue("seva.platform.admin.totp-secret", String.class)
                .filter(x -> !x.isBlank());
        FieldCheck check = new FieldCheck();
        String e = check.email("SEVA_PLATFORM_ADMIN_EMAIL", email.get());
        String p = check.password("SEVA_PLATFORM_ADMIN_PASSWORD", password.get(), true);
        String s = secret.map(PlatformAdminTotp::normaliseSecret).orElse(null);
        if (secret.isPresent() && s == null) {
            check.add("SEVA_PLATFORM_ADMIN_TOTP_SECRET", "must be a base32 TOTP secret of 16 to 128 characters");
        }
        check.throwIfAny();
        self.ensure(e, p, s);
        if (s == null) {
            LOG.info("Platform admin " + e + ": no TOTP secret configured (SEVA_PLATFORM_ADMIN_TOTP_SECRET); unless"
                    + " enrolled already, the first sign-in must enrol one before anything else");
        }
    }

    /**
     * Creates the configured admin, or resets its password to the configured one (which ends its tokens issued
     * before); enrols the configured TOTP secret when there is one.
     *
     * @param totpSecret a normalised base32 secret, or null to leave the second factor as it is
     */
    @ActivateRequestContext
    @Transactional
    public void ensure(String email, String password, String totpSecret) {
        EntityManager em = ems.platform();
        Optional<PlatformAdminRecord> existing = find(email);
        PlatformAdminRecord admin;
        if (existing.isEmpty()) {
            admin = new PlatformAdminRecord(UUID.randomUUID().toString(), email, "Platform admin",
                    hasher.hash(password));
            em.persist(admin);
            audit.recordAs(TenantId.PLATFORM, "configuration", "PLATFORM_ADMIN_CREATED", "platform-admin", email,
                    null);
            LOG.info("Platform admin " + email + " created from configuration");
        } else {
            admin = existing.get();
            if (!hasher.verify(password, admin.getPasswordHash())) {
                admin.setPasswordHash(hasher.hash(password));
                validity.endTokensOf(TenantId.PLATFORM, admin.getId());
                audit.recordAs(TenantId.PLATFORM, "configuration", "PLATFORM_ADMIN_PASSWORD_RESET", "platform-admin",
                        email, null);
                LOG.info("Platform admin " + email + ": password reset to the configured one");
            }
        }
        if (totpSecret != null && totp.configure(admin.getId(), totpSecret)) {
            audit.recordAs(TenantId.PLATFORM, "configuration", "PLATFORM_ADMIN_TOTP_CONFIGURED", "platform-admin",
                    email, null);
            LOG.info("Platform admin " + email + ": TOTP second factor enrolled from configuration");
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
