package dev.seva.tenant.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.internal.CurrentUser;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs before any role is checked. (1) A resource that needs a role, called without a valid token, is answered 401
 * {@code AUTHENTICATION_REQUIRED} as problem+json (the server's own challenge has an empty body). (2) A token is
 * good for one tenant only: its {@code tenant} claim (absent for platform admins) must equal the tenant the request
 * was resolved to, otherwise 401 {@code TENANT_MISMATCH}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class AccessFilter implements ContainerRequestFilter {

    @Inject
    CurrentUser currentUser;

    @Inject
    TenantContext tenant;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<SevaPrincipal> p = currentUser.get();
        if (p.isEmpty()) {
            if (needsRole(resource.getResourceMethod(), resource.getResourceClass())) {
                throw new SevaException(ErrorCode.AUTHENTICATION_REQUIRED,
                        "Sign in first: send a valid, unexpired bearer token.");
            }
            return;
        }
        TenantId claimed = p.get().tenant().orElse(null);
        TenantId resolved = tenant.current().orElse(null);
        if (!Objects.equals(claimed, resolved)) {
            throw new SevaException(ErrorCode.TENANT_MISMATCH,
                    "This token was not issued for this tenant. Sign in to this tenant's portal.");
        }
    }

    static boolean needsRole(Method method, Class<?> type) {
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return true;
        }
        return type != null && type.isAnnotationPresent(RolesAllowed.class)
                && !type.isAnnotationPresent(PermitAll.class);
    }
}
