package dev.seva.tenant.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.TenantId;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /logout} (form field {@code csrf} = the {@code seva_csrf} cookie): revokes the cookie's token (so a
 * copy of it is refused from now on, see {@link RevokedTokens}), invalidates the HTTP session, clears both cookies
 * and answers 303 to {@code /login/?signedOut=1}. A post from another origin, or with a missing or wrong
 * {@code csrf}, is refused with 403 {@code CSRF_FAILED} and changes nothing.
 */
@WebServlet(name = "SevaLogout", urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RequestTenantContext context;

    @Inject
    transient TokenPrecheck tokens;

    @Inject
    transient RevokedTokens revoked;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<String> token = BrowserSession.cookie(req, BrowserSession.TOKEN_COOKIE).filter(t -> !t.isBlank());
        if (!BrowserSession.sameOrigin(req) || token.isPresent() && !BrowserSession.csrfMatches(
                BrowserSession.cookie(req, BrowserSession.CSRF_COOKIE).orElse(null), req.getParameter("csrf"))) {
            Problems.write(res, ErrorCode.CSRF_FAILED,
                    "Sign out with the form of the portal (its csrf field must match the seva_csrf cookie).",
                    context.requestId(), List.of());
            return;
        }
        token.flatMap(tokens::verified).ifPresent(claims -> {
            TenantId claimed = Optional.ofNullable(stringClaim(claims, "tenant")).map(TenantId::new).orElse(null);
            if (Objects.equals(claimed, context.current().orElse(null)) && claims.getJWTID() != null
                    && claims.getExpirationTime() != null) {
                revoked.revoke(claimed == null ? TenantId.PLATFORM : claimed, claims.getJWTID(),
                        claims.getExpirationTime().toInstant());
            }
        });
        BrowserSession.end(req, res);
        BrowserSession.seeOther(res, BrowserSession.LOGIN_PAGE + "?signedOut=1");
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}
