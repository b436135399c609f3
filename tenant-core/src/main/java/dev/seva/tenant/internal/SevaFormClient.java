package dev.seva.tenant.internal;

import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.authenticator.Authenticator;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.exception.http.SeeOtherAction;
import org.pac4j.http.client.indirect.FormClient;

/**
 * Pac4j's form client for Seva's sign-in page. Unlike pac4j's own, a failed attempt goes back to the page with
 * nothing but an error code: never the e-mail in the URL (where access logs and browser history keep it), and the
 * same answer whatever was wrong.
 */
class SevaFormClient extends FormClient {

    /** The client's name, as the sign-in form posts it: {@code /callback?client_name=FormClient}. */
    static final String NAME = "FormClient";

    SevaFormClient(Authenticator authenticator) {
        super(BrowserSession.LOGIN_PAGE, authenticator);
        setName(NAME);
    }

    @Override
    protected HttpAction handleInvalidCredentials(CallContext ctx, String username, String message,
            String errorMessage) {
        return new SeeOtherAction(BrowserSession.loginError("INVALID_CREDENTIALS"));
    }
}
