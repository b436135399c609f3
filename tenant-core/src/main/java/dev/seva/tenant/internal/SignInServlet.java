package dev.seva.tenant.internal;

import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.session.JEESessionStore;
import org.pac4j.oidc.profile.OidcProfile;

/**
 * Ends a browser sign-in: mints the access token into the {@code seva_token} cookie (plus {@code seva_csrf}), drops
 * the HTTP session and answers 303 to the page the user wanted (a safe {@code /app/} path) or {@code /app/}.
 * <ul>
 * <li>{@code GET /login/complete}: after Pac4j accepted the sign-in form (no second factor due).</li>
 * <li>{@code POST /login/totp} (field {@code code}): the second factor of a pending form or OIDC sign-in.</li>
 * <li>{@code GET /login/oidc}: after the tenant's identity provider signed the user in (Pac4j's OIDC client ran in
 * front of it), once the identity is linked to a Seva user; a user with a second factor is sent to the code page
 * instead, with the pending sign-in in the session as after a password.</li>
 * </ul>
 */
@WebServlet(name = "SevaSignIn", urlPatterns = {SignInServlet.COMPLETE, SignInServlet.TOTP, SignInServlet.OIDC})
public class SignInServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String COMPLETE = "/login/complete";
    static final String TOTP = "/login/totp";
    static final String OIDC = "/login/oidc";

    @Inject
    transient AuthService auth;

    @Inject
    transient RequestTenantContext context;

    @Inject
    transient OidcSignIn oidc;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getServletPath();
        if (COMPLETE.equals(path)) {
            completeForm(req, res);
        } else if (OIDC.equals(path)) {
            completeOidc(req, res);
        } else {
            res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (TOTP.equals(req.getServletPath())) {
            secondFactor(req, res);
        } else {
            res.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private void completeForm(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<AuthService.SignedIn> who = profile(req, res)
                .map(p -> p.getAttribute(SevaPasswordAuthenticator.SIGNED_IN))
                .filter(AuthService.SignedIn.class::isInstance).map(AuthService.SignedIn.class::cast)
                .filter(s -> Objects.equals(s.tenant(), context.current().orElse(null)));
        if (who.isEmpty()) {
            BrowserSession.end(req, res);
            BrowserSession.seeOther(res, BrowserSession.loginError("INVALID_CREDENTIALS"));
            return;
        }
        HttpSession s = req.getSession(false);
        String next = s == null ? null : (String) s.getAttribute(BrowserSession.NEXT_ATTRIBUTE);
        finish(req, res, who.get(), next);
    }

    private void secondFactor(HttpServletRequest req, HttpServletResponse res) throws IOException {
        HttpSession s = req.getSession(false);
        PendingSignIn pending = s == null ? null : (PendingSignIn) s.getAttribute(PendingSignIn.ATTRIBUTE);
        if (pending == null || pending.expired(System.currentTimeMillis())
                || !Objects.equals(pending.host(), req.getHeader("Host"))) {
            BrowserSession.end(req, res);
            BrowserSession.seeOther(res, BrowserSession.loginError("SIGN_IN_EXPIRED"));
            return;
        }
        if (!BrowserSession.sameOrigin(req)) {
            BrowserSession.seeOther(res, BrowserSession.TOTP_PAGE + "?error=TOTP_INVALID");
            return;
        }
        AuthService.SignedIn who;
        try {
            who = auth.secondFactor(pending.email(), req.getParameter("code"));
        } catch (Throttles.Limited e) {
            BrowserSession.end(req, res);
            BrowserSession.seeOther(res, BrowserSession.loginError("RATE_LIMITED"));
            return;
        } catch (SevaException e) {
            BrowserSession.seeOther(res, BrowserSession.TOTP_PAGE + "?error=TOTP_INVALID");
            return;
        }
        finish(req, res, who, pending.next());
    }

    private void completeOidc(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String here = context.current().map(TenantId::value).orElse(null);
        Optional<OidcProfile> p = profile(req, res).filter(OidcProfile.class::isInstance).map(OidcProfile.class::cast)
                .filter(x -> here != null && here.equals(x.getAttribute(OidcClients.TENANT_ATTRIBUTE)));
        OidcSignIn.Result result = null;
        if (p.isPresent() && p.get().getId() != null) {
            try {
                result = oidc.signIn(p.get().getId(), p.get().getEmail(), p.get().getEmailVerified(),
                        p.get().getDisplayName());
            } catch (SevaException e) {
                result = null;
            }
        }
        if (result == null) {
            BrowserSession.end(req, res);
            BrowserSession.seeOther(res, BrowserSession.loginError("OIDC_FAILED"));
            return;
        }
        if (result.secondFactorDue()) {
            // as after a right password: the provider's profile leaves the session, only the code completes it
            new ProfileManager(new JEEContext(req, res), new JEESessionStore()).removeProfiles();
            req.getSession(true).setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(result.who().email(),
                    req.getHeader("Host"), System.currentTimeMillis(), BrowserSession.safeNext(req.getParameter(
                            "next"))));
            req.changeSessionId(); // a fresh id for the half-signed-in session
            BrowserSession.seeOther(res, BrowserSession.TOTP_PAGE);
            return;
        }
        finish(req, res, result.who(), req.getParameter("next"));
    }

    private void finish(HttpServletRequest req, HttpServletResponse res, AuthService.SignedIn who, String next)
            throws IOException {
        TokenIssuer.Issued token = auth.issue(who);
        BrowserSession.start(req, res, token);
        BrowserSession.seeOther(res, BrowserSession.safeNext(next));
    }

    private static Optional<UserProfile> profile(HttpServletRequest req, HttpServletResponse res) {
        return new ProfileManager(new JEEContext(req, res), new JEESessionStore()).getProfile();
    }
}
