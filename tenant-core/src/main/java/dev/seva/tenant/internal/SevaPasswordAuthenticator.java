package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.credentials.UsernamePasswordCredentials;
import org.pac4j.core.credentials.authenticator.Authenticator;
import org.pac4j.core.exception.http.SeeOtherAction;
import org.pac4j.core.profile.CommonProfile;
import org.pac4j.jee.context.JEEContext;

/**
 * Checks the sign-in form's e-mail and password through {@link AuthService} (the token endpoint's checks: the same
 * throttling, audit and indistinguishable failures). A right password for an account with a second factor does not
 * sign in yet: the pending sign-in is kept in the HTTP session (5 minutes; the password is not kept) and the browser
 * is sent to the code page. Failures go back to the sign-in page with an error code.
 */
class SevaPasswordAuthenticator implements Authenticator {

    /** The profile attribute holding {@link AuthService.SignedIn}. */
    static final String SIGNED_IN = "seva.signedIn";

    private final AuthService auth;

    SevaPasswordAuthenticator(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Optional<Credentials> validate(CallContext ctx, Credentials credentials) {
        UsernamePasswordCredentials c = (UsernamePasswordCredentials) credentials;
        HttpServletRequest req = ((JEEContext) ctx.webContext()).getNativeRequest();
        if (!BrowserSession.sameOrigin(req)) {
            throw new SeeOtherAction(BrowserSession.loginError("INVALID_CREDENTIALS"));
        }
        String next = BrowserSession.safeNext(req.getParameter("next"));
        AuthService.SignedIn who;
        try {
            who = auth.authenticate(c.getUsername(), c.getPassword(), null);
        } catch (Throttles.Limited e) {
            throw new SeeOtherAction(BrowserSession.loginError("RATE_LIMITED"));
        } catch (SevaException e) {
            if (e.code() == ErrorCode.TOTP_REQUIRED) {
                HttpSession s = req.getSession(true);
                s.setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(AuthService.normalise(c.getUsername()),
                        req.getHeader("Host"), System.currentTimeMillis(), next));
                req.changeSessionId(); // a fresh id for the half-signed-in session
                throw new SeeOtherAction(BrowserSession.TOTP_PAGE);
            }
            throw new SeeOtherAction(BrowserSession.loginError("INVALID_CREDENTIALS"));
        }
        CommonProfile p = new CommonProfile();
        p.setId(who.userId());
        p.addAttribute(SIGNED_IN, who);
        req.getSession(true).setAttribute(BrowserSession.NEXT_ATTRIBUTE, next);
        c.setUserProfile(p);
        return Optional.of(c);
    }
}
