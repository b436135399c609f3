package dev.seva.tenant.internal;

import dev.seva.tenant.Caller;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in principal of the request, read from the validated MP-JWT. */
@RequestScoped
public class CurrentUser implements Caller {

    @Inject
    Instance<HttpServletRequest> request;

    private SevaPrincipal principal;
    private boolean read;

    /** Makes the request act as a principal authenticated by other means than a token (an API key). */
    public void authenticatedAs(SevaPrincipal p) {
        this.principal = p;
        this.read = true;
    }

    @Override
    public Optional<SevaPrincipal> principal() {
        return get();
    }

    /** @return the principal, or empty for an anonymous request or off a request */
    public Optional<SevaPrincipal> get() {
        if (!read) {
            read = true;
            principal = readToken();
        }
        return Optional.ofNullable(principal);
    }

    /** @return the principal; the resources' {@code @RolesAllowed} guarantees there is one */
    @Override
    public SevaPrincipal require() {
        return get().orElseThrow(() -> new dev.seva.sdk.SevaException(dev.seva.sdk.ErrorCode.AUTHENTICATION_REQUIRED,
                "Sign in first."));
    }

    private SevaPrincipal readToken() {
        try {
            // the request's principal, not an injected JsonWebToken: injecting one into an anonymous request logs
            // an error (CWWKS5604E) on Liberty
            if (!request.isResolvable() || !(request.get().getUserPrincipal() instanceof JsonWebToken jwt)
                    || jwt.getName() == null || jwt.getSubject() == null) {
                return null;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String g : jwt.getGroups()) {
                try {
                    roles.add(Role.valueOf(g));
                } catch (IllegalArgumentException ignored) {
                    // a group that is not a Seva role grants nothing
                }
            }
            String tenant = jwt.getClaim("tenant");
            return new SevaPrincipal(jwt.getSubject(), jwt.getName(),
                    Optional.ofNullable(tenant).map(TenantId::new), roles);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
