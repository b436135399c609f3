package dev.seva.tenant.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.tenant.internal.ApiKeyScopes;
import dev.seva.tenant.internal.ApiKeyService;
import dev.seva.tenant.internal.CurrentUser;
import dev.seva.tenant.internal.RequestBudgets;
import dev.seva.tenant.internal.RequestTenantContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * {@code Authorization: ApiKey <key>}: authenticates the key within the request's tenant, makes the request act as
 * the key's principal (for {@code @RolesAllowed} and {@link CurrentUser}) and refuses calls outside its scopes.
 * Runs before {@link AccessFilter}. The request is charged to the tenant's budget once the key checked, to its
 * address's anonymous budget otherwise ({@link RequestBudgets}).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    private static final String SCHEME = "ApiKey ";

    @Inject
    ApiKeyService keys;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestBudgets budgets;

    @Inject
    RequestTenantContext tenant;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return;
        }
        ApiKeyService.Authenticated key;
        try {
            key = keys.authenticate(header.substring(SCHEME.length()));
        } catch (SevaException e) {
            budgets.apiKeyChecked(servletRequest, tenant.tenant().orElse(null), false);
            throw e;
        }
        budgets.apiKeyChecked(servletRequest, tenant.tenant().orElse(null), true);
        Optional<String> needed = ApiKeyScopes.required(request.getMethod(), request.getUriInfo().getPath());
        if (needed.isEmpty()) {
            throw new SevaException(ErrorCode.API_KEY_SCOPE_MISSING,
                    "API keys cannot call this endpoint; sign in as a user.");
        }
        if (!key.scopes().contains(needed.get())) {
            throw new SevaException(ErrorCode.API_KEY_SCOPE_MISSING,
                    "This API key lacks the scope " + needed.get() + ".");
        }
        SevaPrincipal p = key.principal();
        currentUser.authenticatedAs(p);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return p::email;
            }

            @Override
            public boolean isUserInRole(String role) {
                return p.roles().stream().anyMatch(r -> r.name().equals(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "ApiKey";
            }
        });
    }
}
