package dev.seva.tenant.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.tenant.internal.CurrentUser;
import dev.seva.tenant.internal.EntityService;
import dev.seva.tenant.internal.RequestTenantContext;
import dev.seva.tenant.internal.SignInPolicy;
import dev.seva.tenant.internal.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user, with the entities they belong to (the portal's entity switcher). */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Auth")
@SecurityRequirement(name = "bearer")
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestTenantContext context;

    @Inject
    UserService users;

    @Inject
    EntityService entities;

    @Inject
    SignInPolicy policy;

    /** The signed-in user. */
    public record Me(String userId, String email, String name, List<String> roles, String tenant,
            List<EntityService.MyEntity> entities, boolean totpEnrolmentRequired) {
    }

    /** @return who is signed in */
    @GET
    @Transactional
    @RolesAllowed({Role.Names.PLATFORM_ADMIN, Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF,
            Role.Names.AGENT, Role.Names.CLIENT, Role.Names.AUDITOR})
    @Operation(summary = "The signed-in user, their roles and their business entities; totpEnrolmentRequired when"
            + " the tenant requires a second factor of staff (or this is a platform admin) and this user has none yet")
    public Me me() {
        SevaPrincipal p = currentUser.require();
        List<String> roles = p.roles().stream().map(Role::name).sorted().toList();
        if (context.current().isEmpty()) {
            return new Me(p.userId(), p.email(), "Platform admin", roles, null, List.of(),
                    policy.enrolmentRequired(p));
        }
        UserService.UserView u;
        try {
            u = users.get(p.userId());
        } catch (SevaException e) {
            throw new SevaException(ErrorCode.AUTHENTICATION_REQUIRED, "This account no longer exists.");
        }
        return new Me(u.id(), u.email(), u.name(), u.roles(), context.slug().orElse(null),
                entities.entitiesOf(u.id()), policy.enrolmentRequired(p));
    }
}
