package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Password (and, where the user turned it on, TOTP) sign-in for the token endpoint. With a tenant it signs in that tenant's users; with none, platform admins.
 * An unknown e-mail, a wrong password and a disabled user get the same answer after the same work (a dummy hash is
 * verified), every attempt is audited, and too many failures for an account or from an address are answered 429
 * (see {@link Throttles}) before any password is checked.
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

    /**
     * @param totp a current TOTP code or an unused recovery code, for users who turned the second factor on
     * @return a token for the user with these credentials
     */
    public TokenIssuer.Issued signIn(String email, String password, String totp) {
        FieldCheck check = new FieldCheck();
        check.required("email", email, 254);
        check.required("password", password, 200);
        check.throwIfAny();
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        Optional<TenantId> tenant = context.current();
        TenantId chain = tenant.orElse(TenantId.PLATFORM);
        try {
            throttles.checkSignIn(chain, normalised, context.clientIp());
        } catch (Throttles.Limited e) {
            audit.recordAs(chain, normalised, "LOGIN_THROTTLED", "user", normalised, null);
            throw e;
        }
        if (tenant.isEmpty()) {
            Optional<PlatformAdminRecord> admin = platformAdmins.find(normalised);
            boolean ok = hasher.verify(password, admin.map(PlatformAdminRecord::getPasswordHash).orElse(null));
            return outcome(TenantId.PLATFORM, normalised, ok && admin.isPresent(), () -> issuer
                    .issue(admin.get().getId(), normalised, EnumSet.of(Role.PLATFORM_ADMIN), null));
        }
        List<UserRecord> users = ems.tenant()
                .createQuery("SELECT u FROM User u WHERE u.email = :e", UserRecord.class)
                .setParameter("e", normalised).getResultList();
        Optional<UserRecord> user = users.stream().findFirst();
        String hash = user.filter(UserRecord::isActive).map(UserRecord::getPasswordHash).orElse(null);
        boolean ok = hasher.verify(password, hash) && hash != null;
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
                () -> issuer.issue(user.get().getId(), normalised, user.get().getRoles(), tenant.get()));
    }

    private TokenIssuer.Issued outcome(TenantId chain, String email, boolean ok,
            java.util.function.Supplier<TokenIssuer.Issued> token) {
        if (!ok) {
            throttles.failedSignIn(chain, email, context.clientIp());
            audit.recordAs(chain, email, "LOGIN_FAILED", "user", email, null);
            throw new SevaException(ErrorCode.INVALID_CREDENTIALS, "Wrong e-mail or password.");
        }
        throttles.succeededSignIn(chain, email);
        audit.recordAs(chain, email, "LOGIN_SUCCEEDED", "user", email, null);
        return token.get();
    }
}
