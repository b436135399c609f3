package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.KeyProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The platform admins' TOTP second factor, as {@link TotpService} is the tenants' users': enrolment, confirmation
 * (ten recovery codes), the sign-in's check, and the secret an unattended set-up configures
 * ({@code seva.platform.admin.totp-secret}, enrolled at start). Platform admins have no tenant and so no data key:
 * the secret is wrapped by the {@link KeyProvider}'s current master key, bound to the admin's id, and re-wrapped when
 * the master key rotates ({@link #rewrap}).
 */
@ApplicationScoped
@Transactional
public class PlatformAdminTotp {

    /** An authenticator's secret: base32, at least 80 bits. */
    private static final java.util.regex.Pattern BASE32 = java.util.regex.Pattern.compile("[A-Z2-7]{16,128}");

    @Inject
    TenantEntityManagers ems;

    @Inject
    KeyProvider keys;

    @Inject
    AuditLog audit;

    /** Starts (or restarts) enrolment for the signed-in platform admin; refused once the factor is on. */
    public TotpService.Enrolment enrol(SevaPrincipal p) {
        EntityManager em = ems.platform();
        if (em.find(PlatformAdminRecord.class, p.userId()) == null) {
            throw new SevaException(ErrorCode.AUTHENTICATION_REQUIRED, "This account no longer exists.");
        }
        PlatformAdminTotpRecord r = em.find(PlatformAdminTotpRecord.class, p.userId());
        if (r != null && r.isConfirmed()) {
            throw new SevaException(ErrorCode.TOTP_ALREADY_ENABLED, "The second factor is on already.");
        }
        String secret = Totp.newSecret();
        if (r == null) {
            r = new PlatformAdminTotpRecord(p.userId());
            seal(r, secret);
            em.persist(r);
        } else {
            seal(r, secret);
        }
        audit.recordAs(TenantId.PLATFORM, p.email(), "TOTP_ENROLMENT_STARTED", "platform-admin", p.userId(), null);
        String uri = Totp.uri("Seva platform", p.email(), secret);
        return new TotpService.Enrolment(secret, uri, Totp.qrDataUri(uri));
    }

    /** Confirms enrolment with a current code; @return the recovery codes, shown this once */
    public List<String> confirm(SevaPrincipal p, String code) {
        PlatformAdminTotpRecord r = ems.platform().find(PlatformAdminTotpRecord.class, p.userId());
        if (r == null) {
            throw new SevaException(ErrorCode.TOTP_INVALID, "Start enrolment first (POST /api/v1/me/totp).");
        }
        if (r.isConfirmed()) {
            throw new SevaException(ErrorCode.TOTP_ALREADY_ENABLED, "The second factor is on already.");
        }
        OptionalLong step = Totp.verify(reveal(r), code, r.getLastStep(), Instant.now());
        if (step.isEmpty()) {
            throw new SevaException(ErrorCode.TOTP_INVALID, "The code does not match; check the device's clock.");
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < TotpService.RECOVERY_CODES; i++) {
            String c = Totp.newRecoveryCode();
            codes.add(c);
            hashes.add(Totp.hashRecovery(c));
        }
        r.setLastStep(step.getAsLong());
        r.confirm(hashes);
        audit.recordAs(TenantId.PLATFORM, p.email(), "TOTP_ENABLED", "platform-admin", p.userId(), null);
        return codes;
    }

    /** @return whether the admin turned the second factor on */
    public boolean enrolled(String adminId) {
        PlatformAdminTotpRecord r = ems.platform().find(PlatformAdminTotpRecord.class, adminId);
        return r != null && r.isConfirmed();
    }

    /** Checks a TOTP or recovery code for an admin whose password was right, inside the sign-in's transaction. */
    TotpService.Check check(String adminId, String given) {
        PlatformAdminTotpRecord r = ems.platform().find(PlatformAdminTotpRecord.class, adminId);
        if (r == null || !r.isConfirmed()) {
            return TotpService.Check.NOT_ENROLLED;
        }
        if (given == null || given.isBlank()) {
            return TotpService.Check.MISSING;
        }
        OptionalLong step = Totp.verify(reveal(r), given, r.getLastStep(), Instant.now());
        if (step.isPresent()) {
            r.setLastStep(step.getAsLong());
            return TotpService.Check.PASSED;
        }
        if (r.consumeRecovery(Totp.hashRecovery(given))) {
            audit.recordAs(TenantId.PLATFORM, adminId, "TOTP_RECOVERY_CODE_USED", "platform-admin", adminId, null);
            return TotpService.Check.PASSED;
        }
        return TotpService.Check.FAILED;
    }

    /**
     * Enrols the configured secret for the admin (confirmed, no recovery codes: whoever configured it holds it),
     * replacing another one; nothing changes when it is on already.
     *
     * @return whether it changed anything
     */
    boolean configure(String adminId, String secret) {
        EntityManager em = ems.platform();
        PlatformAdminTotpRecord r = em.find(PlatformAdminTotpRecord.class, adminId);
        if (r != null && r.isConfirmed() && secret.equals(reveal(r))) {
            return false;
        }
        if (r == null) {
            r = new PlatformAdminTotpRecord(adminId);
            seal(r, secret);
            em.persist(r);
        } else {
            seal(r, secret);
        }
        r.confirm(List.of());
        return true;
    }

    /** @return the secret as configured (spaces and padding dropped, upper case), or null when it is no base32 */
    static String normaliseSecret(String configured) {
        String s = configured == null ? "" : configured.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        return BASE32.matcher(s).matches() ? s : null;
    }

    /** Re-wraps every secret not wrapped by the current master key; @return how many */
    public int rewrap() {
        String current = keys.currentKeyId();
        int n = 0;
        for (PlatformAdminTotpRecord r : ems.platform()
                .createQuery("SELECT t FROM PlatformAdminTotp t WHERE t.masterKeyId <> :k",
                        PlatformAdminTotpRecord.class)
                .setParameter("k", current).getResultList()) {
            try {
                byte[] secret = keys.unwrap(r.getMasterKeyId(), r.getSecretWrapped(), context(r.getAdminId()));
                r.rewrapped(keys.wrap(secret, context(r.getAdminId())), keys.currentKeyId());
                n++;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot re-wrap a platform admin's TOTP secret", e);
            }
        }
        return n;
    }

    private void seal(PlatformAdminTotpRecord r, String secret) {
        try {
            r.newSecret(keys.wrap(secret.getBytes(StandardCharsets.US_ASCII), context(r.getAdminId())),
                    keys.currentKeyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a TOTP secret", e);
        }
    }

    private String reveal(PlatformAdminTotpRecord r) {
        try {
            return new String(keys.unwrap(r.getMasterKeyId(), r.getSecretWrapped(), context(r.getAdminId())),
                    StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open a platform admin's TOTP secret (is the master key folder"
                    + " complete?)", e);
        }
    }

    private static byte[] context(String adminId) {
        return ("platform_admin_totp.secret:" + adminId).getBytes(StandardCharsets.UTF_8);
    }
}
