package dev.seva.tenant.rest;

import dev.seva.sdk.Role;
import dev.seva.tenant.EntityType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The legal forms a business entity may take, with their names for people: what the portal's forms offer, so that a
 * new {@link EntityType} reaches every form without a change to the pages. The same for every tenant.
 */
@Path("entity-types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entities")
@SecurityRequirement(name = "bearer")
public class EntityTypeResource {

    /** An entity type: the code the API takes and returns, and its name. */
    public record EntityTypeView(String code, String name) {
    }

    private static final List<EntityTypeView> ALL = Arrays.stream(EntityType.values())
            .map(t -> new EntityTypeView(t.name(), name(t))).toList();

    /** @return every entity type, in the enum's order */
    @GET
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF, Role.Names.AGENT,
            Role.Names.CLIENT, Role.Names.AUDITOR})
    @Operation(summary = "Every entity type: its code (the `type` of an entity) and its name, in the order forms "
            + "offer them")
    public List<EntityTypeView> list() {
        return ALL;
    }

    /** A switch without a default: a new constant does not compile until it has a name. */
    static String name(EntityType type) {
        return switch (type) {
            case PRIVATE_LIMITED -> "Private limited company";
            case PUBLIC_LIMITED -> "Public limited company";
            case OPC -> "One person company";
            case LLP -> "Limited liability partnership (LLP)";
            case PARTNERSHIP -> "Partnership firm";
            case PROPRIETORSHIP -> "Sole proprietorship";
            case TRUST -> "Trust";
            case SOCIETY -> "Society";
            case HUF -> "Hindu undivided family (HUF)";
            case INDIVIDUAL -> "Individual";
        };
    }
}
