package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an identity the tenant's OIDC provider vouched for into a Seva user. An identity seen before (issuer +
 * subject) signs in as the user it was linked to. A first sign-in links to the active user with the same e-mail,
 * but only when the provider says the e-mail is verified ({@code email_verified: true}) and only a CLIENT user —
 * staff (MANAGER, STAFF, AUDITOR, AGENT) too when the tenant turned on {@code linkStaffByEmail}, a TENANT_ADMIN never;
 * with no such user it is refused, unless the tenant allows sign-up, which creates a CLIENT user. A user with a second
 * factor is not signed in yet: the browser is asked for the code, as after a password. Every outcome is audited.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SevaException.class)
public class OidcSignIn {

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    OidcSettingsService settings;

    @Inject
    AuditLog audit;

    @Inject
    SecuritySettingsService security;

    /**
     * The outcome of an accepted identity.
     *
     * @param who the user it signs in
     * @param secondFactorDue whether the user has a second factor, whose code must come before the sign-in completes
     */
    public record Result(AuthService.SignedIn who, boolean secondFactorDue) {
    }

    /** @return who signs in, and whether their second factor is still due; 401 INVALID_CREDENTIALS when refused */
    public Result signIn(String subject, String email, Boolean emailVerified, String name) {
        TenantId t = tenant.require();
        String who = email == null ? "oidc:" + subject : AuthService.normalise(email);
        OidcSettingsService.Snapshot s = settings.snapshot(t).filter(OidcSettingsService.Snapshot::enabled)
                .orElseThrow(() -> refuse(t, who, "OIDC is off"));
        EntityManager em = ems.tenant();
        List<UserIdentityRecord> linked = em.createQuery(
                "SELECT i FROM UserIdentity i WHERE i.issuer = :iss AND i.subject = :sub", UserIdentityRecord.class)
                .setParameter("iss", s.issuer()).setParameter("sub", subject).getResultList();
        UserRecord user;
        if (!linked.isEmpty()) {
            user = em.find(UserRecord.class, linked.get(0).getUserId());
        } else {
            if (!Boolean.TRUE.equals(emailVerified) || email == null || email.isBlank()) {
                throw refuse(t, who, "the provider did not verify the e-mail");
            }
            String normalised = AuthService.normalise(email);
            Optional<UserRecord> byEmail = em
                    .createQuery("SELECT u FROM User u WHERE u.email = :e", UserRecord.class)
                    .setParameter("e", normalised).getResultList().stream().findFirst();
            if (byEmail.isPresent()) {
                user = byEmail.get();
                String refusal = linkRefusal(user.getRoles(), s.linkStaffByEmail());
                if (refusal != null) {
                    throw refuse(t, who, refusal);
                }
            } else if (s.allowSignUp() && normalised.length() <= 254) {
                String display = name == null || name.isBlank() ? normalised : name.strip();
                user = new UserRecord(UUID.randomUUID().toString(), normalised,
                        display.length() > 200 ? display.substring(0, 200) : display, EnumSet.of(Role.CLIENT), null);
                em.persist(user);
                audit.recordAs(t, normalised, "USER_CREATED", "user", user.getId(), "signed up through OIDC, roles "
                        + EnumSet.of(Role.CLIENT));
            } else {
                throw refuse(t, who, "no user has this e-mail");
            }
            if (!user.isActive()) {
                throw refuse(t, who, "the user is disabled");
            }
            em.persist(new UserIdentityRecord(UUID.randomUUID().toString(), s.issuer(), subject, user.getId()));
            audit.recordAs(t, normalised, "OIDC_IDENTITY_LINKED", "user", user.getId(), "issuer " + s.issuer());
        }
        if (user == null || !user.isActive()) {
            throw refuse(t, who, "the linked user is gone or disabled");
        }
        AuthService.SignedIn signedIn = new AuthService.SignedIn(user.getId(), user.getEmail(), user.getRoles(), t);
        if (security.hasSecondFactor(t, user.getId())) {
            audit.recordAs(t, user.getEmail(), "LOGIN_TOTP_REQUIRED", "user", user.getEmail(), "oidc");
            return new Result(signedIn, true);
        }
        audit.recordAs(t, user.getEmail(), "LOGIN_SUCCEEDED", "user", user.getEmail(), "oidc");
        return new Result(signedIn, false);
    }

    /** @return why an existing user with these roles is not linked to a new identity by e-mail, or null */
    static String linkRefusal(java.util.Set<Role> roles, boolean linkStaffByEmail) {
        if (roles.contains(Role.TENANT_ADMIN)) {
            return "a TENANT_ADMIN is never linked automatically";
        }
        if (!linkStaffByEmail && !EnumSet.of(Role.CLIENT).containsAll(roles)) {
            return "only clients are linked by e-mail here";
        }
        return null;
    }

    private SevaException refuse(TenantId t, String who, String reason) {
        audit.recordAs(t, who, "LOGIN_FAILED", "user", who, "oidc: " + reason);
        return new SevaException(ErrorCode.INVALID_CREDENTIALS, "This identity cannot sign in here: " + reason + ".");
    }
}
