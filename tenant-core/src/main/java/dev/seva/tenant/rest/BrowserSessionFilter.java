package dev.seva.tenant.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.internal.BrowserSession;
import dev.seva.tenant.internal.CurrentUser;
import dev.seva.tenant.internal.RevokedTokens;
import dev.seva.tenant.internal.SignInPolicy;
import dev.seva.tenant.internal.TokenValidity;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * After {@link AccessFilter}, for resources that need a role and a signed-in caller:
 * <ol>
 * <li>a token that was signed out ({@link RevokedTokens}), or issued before its user was disabled, deleted, lost a
 * role or got a new password ({@link TokenValidity}), is refused: 401 {@code AUTHENTICATION_REQUIRED};</li>
 * <li>a state-changing call authenticated by the {@code seva_token} cookie (no {@code Authorization} header) must
 * echo the {@code seva_csrf} cookie in {@code X-CSRF-Token} (double submit, compared in constant time), otherwise
 * 403 {@code CSRF_FAILED}. Calls with an {@code Authorization} header are exempt: another site's page cannot set
 * one without the CORS permission Seva never gives.</li>
 * <li>a staff user of a tenant that requires a second factor, or a platform admin, who has none yet
 * ({@link SignInPolicy}), may only
 * enrol: every call but {@code /me}, {@code /me/totp}, {@code /me/totp/confirm}, {@code /auth/*} and
 * {@code /branding} is answered 403 {@code TOTP_ENROLMENT_REQUIRED}.</li>
 * </ol>
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 20)
public class BrowserSessionFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    TenantContext tenant;

    @Inject
    RevokedTokens revoked;

    @Inject
    TokenValidity validity;

    @Inject
    SignInPolicy policy;

    @Inject
    CurrentUser currentUser;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!AccessFilter.needsRole(resource.getResourceMethod(), resource.getResourceClass())
                || "ApiKey".equals(ctx.getSecurityContext().getAuthenticationScheme())
                || !(request.getUserPrincipal() instanceof JsonWebToken jwt)) {
            return; // public, or an API key (ApiKeyFilter): neither a browser's nor a person's sign-in
        }
        String jti = jwt.getTokenID();
        TenantId chain = tenant.current().orElse(TenantId.PLATFORM);
        if (jti != null && revoked.isRevoked(chain, jti)) {
            throw new SevaException(ErrorCode.AUTHENTICATION_REQUIRED,
                    "This sign-in has ended (signed out). Sign in again.");
        }
        if (validity.ended(chain, jwt.getSubject(), jwt.getIssuedAtTime())) {
            throw new SevaException(ErrorCode.AUTHENTICATION_REQUIRED,
                    "This sign-in has ended: the account changed since (disabled, deleted, a role removed or a new"
                            + " password). Sign in again.");
        }
        if (!SAFE.contains(ctx.getMethod()) && ctx.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && !BrowserSession.csrfMatches(
                        BrowserSession.cookie(request, BrowserSession.CSRF_COOKIE).orElse(null),
                        ctx.getHeaderString(BrowserSession.CSRF_HEADER))) {
            throw new SevaException(ErrorCode.CSRF_FAILED,
                    "Send the seva_csrf cookie's value in the X-CSRF-Token header with every change.");
        }
        if (!allowedBeforeEnrolment(ctx.getUriInfo().getPath())
                && currentUser.get().map(policy::enrolmentRequired).orElse(false)) {
            throw new SevaException(ErrorCode.TOTP_ENROLMENT_REQUIRED, tenant.current().isPresent()
                    ? "This firm requires a second factor for staff: enrol one first (POST /api/v1/me/totp)."
                    : "Platform admins must have a second factor: enrol one first (POST /api/v1/me/totp).");
        }
    }

    static boolean allowedBeforeEnrolment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return p.equals("me") || p.equals("me/totp") || p.equals("me/totp/confirm") || p.startsWith("auth/")
                || p.equals("branding") || p.startsWith("branding/");
    }
}
