package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Password (and, where the user turned it on, TOTP) sign-in for the token endpoint and the browser's sign-in form
 * (through Pac4j). With a tenant it signs in that tenant's users; with none, platform admins (whose TOTP is
 * {@link PlatformAdminTotp}'s).
 * An unknown e-mail, a wrong password and a disabled user get the same answer after the same work (a dummy hash is
 * verified), every attempt is audited (failures from one address aggregated: {@link AuditRepeats}), attempts are
 * counted before any password is checked and too many for an account or from an address are answered 429 (see
 * {@link Throttles}), and passwords are checked under a bounded number of permits (503 when busy: {@link HashPermits}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SevaException.class)
public class AuthService {

    @Inject
    TenantEntityManagers ems;

    @Inject
    RequestTenantContext context;

    @Inject
    PasswordHasher hasher;

    @Inject
    PlatformAdmins platformAdmins;

    @Inject
    TokenIssuer issuer;

    @Inject
    AuditLog audit;

    @Inject
    TotpService totp;

    @Inject
    Throttles throttles;

    @Inject
    PlatformAdminTotp platformTotp;

    /** Who signed in: enough to mint their token. {@code tenant} is null for platform admins. */
    public record SignedIn(String userId, String email, Set<Role> roles, TenantId tenant) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Defensive copy. */
        public SignedIn {
            roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        }
    }

    /**
     * @param totp a current TOTP code or an unused recovery code, for users who turned the second factor on
     * @return a token for the user with these credentials
     */
    public TokenIssuer.Issued signIn(String email, String password, String totp) {
        return issue(authenticate(email, password, totp));
    }

    /** @return a token for someone who signed in */
    public TokenIssuer.Issued issue(SignedIn who) {
        return issuer.issue(who.userId(), who.email(), who.roles(), who.tenant());
    }

    /**
     * Checks e-mail, password and second factor (the token endpoint, and the browser's sign-in form, which passes no
     * {@code totp} and then asks for it on a page of its own: {@link #secondFactor}).
     *
     * @return who signed in; 401 INVALID_CREDENTIALS (or TOTP_REQUIRED after a right password), 429 when throttled
     */
    public SignedIn authenticate(String email, String password, String totp) {
        FieldCheck check = new FieldCheck();
        check.required("email", email, 254);
        check.required("password", password, 200);
        check.throwIfAny();
        String normalised = normalise(email);
        Optional<TenantId> tenant = context.current();
        TenantId chain = tenant.orElse(TenantId.PLATFORM);
        try {
            throttles.checkSignIn(chain, normalised, context.clientIp());
        } catch (Throttles.Limited e) {
            audit.recordRepeatedAs(chain, normalised, "LOGIN_THROTTLED", "user", normalised, null);
            throw e;
        }
        if (tenant.isEmpty()) {
            Optional<PlatformAdminRecord> admin = platformAdmins.find(normalised);
            boolean ok = verify(password, admin.map(PlatformAdminRecord::getPasswordHash).orElse(null),
                    TenantId.PLATFORM, normalised) && admin.isPresent()
                    && platformCodeOk(normalised, platformTotp.check(admin.get().getId(), totp));
            return outcome(TenantId.PLATFORM, normalised, ok,
                    () -> new SignedIn(admin.get().getId(), normalised, EnumSet.of(Role.PLATFORM_ADMIN), null));
        }
        List<UserRecord> users = ems.tenant()
                .createQuery("SELECT u FROM User u WHERE u.email = :e", UserRecord.class)
                .setParameter("e", normalised).getResultList();
        Optional<UserRecord> user = users.stream().findFirst();
        String hash = user.filter(UserRecord::isActive).map(UserRecord::getPasswordHash).orElse(null);
        boolean ok = verify(password, hash, tenant.get(), normalised) && hash != null;
        if (ok) {
            switch (this.totp.check(user.get().getId(), totp)) {
                case MISSING -> {
                    audit.recordAs(tenant.get(), normalised, "LOGIN_TOTP_REQUIRED", "user", normalised, null);
                    throw new SevaException(ErrorCode.TOTP_REQUIRED,
                            "Enter the 6-digit code from your authenticator app (or a recovery code) as totp.");
                }
                case FAILED -> ok = false;
                default -> {
                    // no second factor, or it passed
                }
            }
        }
        return outcome(tenant.get(), normalised, ok,
                () -> new SignedIn(user.get().getId(), normalised, user.get().getRoles(), tenant.get()));
    }

    /**
     * The second step of a browser sign-in whose password was right moments ago (kept in the HTTP session, never
     * the password itself): the TOTP or recovery code alone, with the same throttling, audit and answers as
     * {@link #authenticate}.
     *
     * @param email the normalised e-mail the password was checked for
     * @return who signed in; 401 INVALID_CREDENTIALS for a wrong, used or missing code, 429 when throttled
     */
    public SignedIn secondFactor(String email, String code) {
        TenantId tenant = context.current().orElse(TenantId.PLATFORM);
        try {
            throttles.checkSignIn(tenant, email, context.clientIp());
        } catch (Throttles.Limited e) {
            audit.recordRepeatedAs(tenant, email, "LOGIN_THROTTLED", "user", email, null);
            throw e;
        }
        if (context.current().isEmpty()) {
            Optional<PlatformAdminRecord> admin = platformAdmins.find(email);
            boolean ok = admin.isPresent() && code != null && !code.isBlank()
                    && platformTotp.check(admin.get().getId(), code.strip()) == TotpService.Check.PASSED;
            return outcome(tenant, email, ok,
                    () -> new SignedIn(admin.get().getId(), email, EnumSet.of(Role.PLATFORM_ADMIN), null));
        }
        Optional<UserRecord> user = ems.tenant()
                .createQuery("SELECT u FROM User u WHERE u.email = :e", UserRecord.class).setParameter("e", email)
                .getResultList().stream().filter(UserRecord::isActive).findFirst();
        boolean ok = user.isPresent() && code != null && !code.isBlank()
                && totp.check(user.get().getId(), code.strip()) == TotpService.Check.PASSED;
        return outcome(tenant, email, ok,
                () -> new SignedIn(user.get().getId(), email, user.get().getRoles(), tenant));
    }

    /** @return whether a platform admin's second factor passed (or is not enrolled yet); TOTP_REQUIRED when missing */
    private boolean platformCodeOk(String email, TotpService.Check check) {
        if (check == TotpService.Check.MISSING) {
            audit.recordAs(TenantId.PLATFORM, email, "LOGIN_TOTP_REQUIRED", "user", email, null);
            throw new SevaException(ErrorCode.TOTP_REQUIRED,
                    "Enter the 6-digit code from your authenticator app (or a recovery code) as totp.");
        }
        return check != TotpService.Check.FAILED;
    }

    /** Checks the password under a hashing permit; a busy answer gives the throttles' attempt back. */
    private boolean verify(String password, String hash, TenantId chain, String email) {
        try {
            return hasher.verify(password, hash);
        } catch (Throttles.Limited busy) {
            throttles.abandonedSignIn(chain, email, context.clientIp());
            throw busy;
        }
    }

    /** @return the e-mail as users are looked up by: stripped, lower case */
    static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private SignedIn outcome(TenantId chain, String email, boolean ok,
            java.util.function.Supplier<SignedIn> token) {
        if (!ok) {
            audit.recordRepeatedAs(chain, email, "LOGIN_FAILED", "user", email, null);
            throw new SevaException(ErrorCode.INVALID_CREDENTIALS, "Wrong e-mail or password.");
        }
        throttles.succeededSignIn(chain, email, context.clientIp());
        audit.recordAs(chain, email, "LOGIN_SUCCEEDED", "user", email, null);
        return token.get();
    }
}
