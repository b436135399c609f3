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
}
