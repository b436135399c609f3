package dev.seva.sdk;

import java.util.Optional;
import java.util.Set;

/**
 * Who is making the request: the user the access token was issued to.
 *
 * @param userId the user's id ({@code sub})
 * @param email the user's e-mail ({@code upn})
 * @param tenant the user's tenant, empty for platform admins
 * @param roles the user's roles ({@code groups})
 */
public record SevaPrincipal(String userId, String email, Optional<TenantId> tenant, Set<Role> roles) {

    /** Copies {@code roles} so that the record stays immutable. */
    public SevaPrincipal {
        roles = Set.copyOf(roles);
    }

    /** @return whether the principal holds {@code role} */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** @return whether the principal sees all of the tenant's entities (staff, managers, admins, auditors) */
    public boolean isStaff() {
        return roles.stream().anyMatch(Role.STAFF_ROLES::contains);
    }
}
