package dev.seva.tenant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's business entities, for modules that attach data to them (documents, invoices, leads). Every method
 * works on the current tenant and joins the caller's transaction (it needs one).
 *
 * <p>
 * Visibility follows the one rule of the product: staff roles see every entity of the tenant; anyone else (clients,
 * agents) sees only the entities they are a member of, and another entity is answered as not found, never as
 * forbidden.
 */
public interface Entities {

    /**
     * @param entityId an entity id from the request
     * @return the entity, when it exists in this tenant and the caller may see it
     * @throws dev.seva.sdk.SevaException {@code NOT_FOUND} otherwise (also for another tenant's id)
     */
    EntityRef require(String entityId);

    /**
     * @param entityId an entity id
     * @return the entity of the current tenant, whoever calls (for background work, which has no caller)
     */
    Optional<EntityRef> find(String entityId);

    /**
     * @return empty when the caller sees every entity of the tenant; otherwise the ids of the entities the caller
     *         may see (possibly none). Use it to filter lists and searches.
     */
    Optional<Set<String>> restrictedTo();

    /**
     * @param userId a user of the current tenant
     * @param entityId an entity of the current tenant
     * @return whether the user is a member (owner or member) of the entity
     */
    boolean isMember(String userId, String entityId);

    /**
     * @param entityId an entity of the current tenant
     * @return the e-mail addresses of its members (owners and members) whose accounts are active, for background
     *         work that notifies them (no caller, no visibility check); empty for an unknown entity
     */
    List<String> memberEmails(String entityId);

    /**
     * Creates a business entity, validated as {@code POST /api/v1/entities} validates it, and flushes it (so that
     * other modules' rows may refer to it in the same transaction). For modules that create entities on a staff
     * member's behalf (converting a lead); the caller checks the caller's roles.
     *
     * @param legalName the legal name
     * @param type the legal form, an {@link EntityType} name
     * @param pan its PAN, or null
     * @param gstin its GSTIN, or null
     * @param state its two-digit GST state code, or null
     * @return the new entity
     * @throws dev.seva.sdk.SevaException {@code VALIDATION_FAILED} with the fields at fault
     */
    EntityRef create(String legalName, String type, String pan, String gstin, String state);

    /**
     * Finds the tenant's user with this e-mail, or creates one with the CLIENT role and no password (they sign in
     * once a password or an identity provider is set up), and makes them an OWNER of the entity unless they are a
     * member already. Flushes.
     *
     * @param email the client's e-mail (lower-cased here)
     * @param name their name, for a new user
     * @param entityId an entity of the current tenant
     * @return the user's id
     * @throws dev.seva.sdk.SevaException {@code VALIDATION_FAILED} for a bad e-mail or name, {@code NOT_FOUND} for an
     *         unknown entity
     */
    default String linkClientUser(String email, String name, String entityId) {
        return linkClientUser(email, name, entityId, "OWNER");
    }

    /**
     * Same as {@link #linkClientUser(String, String, String)} with the membership's role chosen by the caller: an
     * e-mail that reached the firm from outside (a lead, perhaps from the anonymous referral form) must not become
     * the owner of an entity that already has one unless staff chose so.
     *
     * @param role {@code OWNER} or {@code MEMBER}
     * @return the user's id
     * @throws dev.seva.sdk.SevaException {@code VALIDATION_FAILED} for a bad e-mail, name or role, {@code NOT_FOUND}
     *         for an unknown entity
     */
    String linkClientUser(String email, String name, String entityId, String role);
}
