package dev.seva.agents.internal;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

/** The module's persistence unit {@code seva-agents}, with tenant-core's tenancy. */
@ApplicationScoped
public class AgentsUnit {

    @PersistenceUnit(unitName = "seva-agents")
    EntityManagerFactory emf;

    @Inject
    TenantPersistence persistence;

    /** @return the EntityManager of the request's tenant, in the current transaction */
    EntityManager em() {
        return persistence.tenant(emf);
    }

    /** @return {@code tenant}'s EntityManager, in the current transaction */
    EntityManager em(TenantId tenant) {
        return persistence.forTenant(emf, tenant);
    }
}
