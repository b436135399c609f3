package dev.seva.tenant;

import dev.seva.sdk.TenantId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * EntityManagers for a module's own persistence unit, with the tenancy of tenant-core: the EntityManager carries
 * {@code eclipselink.tenant-id} (the discriminator filters every query and fills {@code tenant_id} on insert) and its
 * connection gets the transaction-local {@code seva.tenant_id} setting that the row-level-security policies check.
 *
 * <p>
 * A module declares its unit in its own {@code META-INF/persistence.xml} with the same tenancy properties as
 * tenant-core's unit {@code seva} (exclusive connection mode {@code Always}, the RLS session listener, no shared
 * cache across tenants), injects its {@code EntityManagerFactory} with {@code @PersistenceUnit} and asks here for
 * EntityManagers. Request scoped.
 *
 * <p>
 * Rules, enforced with clear errors: tenant data is read and written inside a JTA transaction only (the setting is
 * transaction-local), and one transaction touches one tenant only, whatever the unit.
 */
public interface TenantPersistence {

    /**
     * @param unit the module's persistence unit
     * @return an EntityManager of the request's (or tenant scope's) tenant, joined to the current transaction
     */
    EntityManager tenant(EntityManagerFactory unit);

    /**
     * @param unit the module's persistence unit
     * @param tenant an explicit tenant
     * @return that tenant's EntityManager, joined to the current transaction
     */
    EntityManager forTenant(EntityManagerFactory unit, TenantId tenant);
}
