package dev.seva.tenant.internal;

import dev.seva.tenant.TenantCrypto;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The TOTP second factor: enrolment (a new secret), confirmation with a first code (which turns it on and hands out
 * ten one-time recovery codes), and the check the sign-in makes.
 */
@ApplicationScoped
@Transactional
public class TotpService {

    static final int RECOVERY_CODES = 10;

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    RequestTenantContext request;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @Inject
    TenantCrypto crypto;

    /** Marks a sealed secret; rows written before secrets were encrypted hold the bare base32 secret. */
    private static final String SEALED = "enc:v1:";

    /** What enrolment shows once: the secret, the URI an authenticator app reads, and that URI as a QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrCode) {
    }

    /** Starts (or restarts) enrolment for the signed-in user; refused once the factor is on. */
    public Enrolment enrol() {
        SevaPrincipal p = currentUser.require();
        EntityManager em = ems.tenant();
        UserTotpRecord r = em.find(UserTotpRecord.class, p.userId());
        if (r != null && r.isConfirmed()) {
            throw new SevaException(ErrorCode.TOTP_ALREADY_ENABLED, "The second factor is on already.");
        }
        String secret = Totp.newSecret();
        if (r == null) {
            em.persist(new UserTotpRecord(p.userId(), seal(p.userId(), secret)));
        } else {
            r.setSecret(seal(p.userId(), secret));
        }
        audit.record(tenant.require(), "TOTP_ENROLMENT_STARTED", "user", p.userId(), null);
        String issuer = request.tenant().map(TenantSummary::name).orElse("Seva");
        String uri = Totp.uri(issuer, p.email(), secret);
        return new Enrolment(secret, uri, Totp.qrDataUri(uri));
    }

    /** Confirms enrolment with a current code; @return the recovery codes, shown this once */
    public List<String> confirm(String code) {
        SevaPrincipal p = currentUser.require();
        UserTotpRecord r = ems.tenant().find(UserTotpRecord.class, p.userId());
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
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String c = Totp.newRecoveryCode();
            codes.add(c);
            hashes.add(Totp.hashRecovery(c));
        }
        r.setLastStep(step.getAsLong());
        r.confirm(hashes);
        audit.record(tenant.require(), "TOTP_ENABLED", "user", p.userId(), null);
        return codes;
    }

    /** The outcome of the sign-in's second-factor check. */
    enum Check {
        /** the user has no second factor */
        NOT_ENROLLED,
        /** a valid code or an unused recovery code was given */
        PASSED,
        /** the user has one, and none was given */
        MISSING,
        /** the user has one, and what was given is wrong or used */
        FAILED
    }

    /** Checks a TOTP or recovery code for a user whose password was right, inside the sign-in's transaction. */
    Check check(String userId, String given) {
        UserTotpRecord r = ems.tenant().find(UserTotpRecord.class, userId);
        if (r == null || !r.isConfirmed()) {
            return Check.NOT_ENROLLED;
        }
        if (given == null || given.isBlank()) {
            return Check.MISSING;
        }
        OptionalLong step = Totp.verify(reveal(r), given, r.getLastStep(), Instant.now());
        if (step.isPresent()) {
            r.setLastStep(step.getAsLong());
            return Check.PASSED;
        }
        if (r.consumeRecovery(Totp.hashRecovery(given))) {
            audit.recordAs(tenant.require(), userId, "TOTP_RECOVERY_CODE_USED", "user", userId, null);
            return Check.PASSED;
        }
        return Check.FAILED;
    }

    private String seal(String userId, String secret) {
        return SEALED + crypto.sealToText(tenant.require(), secret, "user_totp.secret:" + userId);
    }

    private String reveal(UserTotpRecord r) {
        String stored = r.getSecret();
        return stored.startsWith(SEALED)
                ? crypto.openText(tenant.require(), stored.substring(SEALED.length()), "user_totp.secret:"
                        + r.getUserId())
                : stored;
    }
}
