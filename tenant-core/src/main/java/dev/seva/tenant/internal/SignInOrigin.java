package dev.seva.tenant.internal;

import dev.seva.sdk.TenantId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a browser sign-in in progress started: the tenant (null on the platform's bare host) and the {@code Host}
 * header. It is stored in the HTTP session the first time a sign-in path touches it, and every later step of that
 * sign-in (the provider's callback, the form's completion, the second factor) must come to the same tenant and
 * host; otherwise {@link LoginGuardFilter} drops the session. Everything else the session holds for the sign-in
 * (Pac4j's state, nonce, PKCE verifier and profile; the pending second factor) is thereby bound to it too.
 *
 * @param tenant the tenant's id, null for the platform
 * @param host the Host header, lower case
 */
record SignInOrigin(String tenant, String host) implements Serializable {

    /** The session attribute. */
    static final String ATTRIBUTE = "seva.login.origin";

    /** @return the origin of this request */
    static SignInOrigin of(HttpServletRequest req, Optional<TenantId> tenant) {
        String host = req.getHeader("Host");
        return new SignInOrigin(tenant.map(TenantId::value).orElse(null),
                host == null ? "" : host.strip().toLowerCase(Locale.ROOT));
    }

    /** @return whether a request with this origin may continue the sign-in */
    boolean admits(SignInOrigin other) {
        return Objects.equals(tenant, other.tenant) && Objects.equals(host, other.host);
    }
}
