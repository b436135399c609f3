package dev.seva.tenant.internal;

import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantPersistence;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The one place EntityManagers are made. A tenant's EntityManager is created with {@code eclipselink.tenant-id}
 * (which drives both the discriminator and {@link RlsTenantSessionListener}) and lives for the request (or the
 * explicitly opened scope); the platform's has no tenant and sees only platform tables.
 *
 * <p>
 * Every call joins the caller's JTA transaction and fails without one: tenant reads must be transactional because
 * the RLS setting is transaction-local. Services are {@code @Transactional}.
 *
 * <p>
 * <b>One tenant per transaction.</b> The EntityManagers of one transaction share its one database connection, which
 * carries one {@code seva.tenant_id}; a second tenant's EntityManager in the same transaction is refused here with
 * a clear error (RLS would refuse its writes anyway). Work for another tenant runs in a transaction of its own.
 */
@RequestScoped
public class TenantEntityManagers implements TenantPersistence {

    @PersistenceUnit(unitName = "seva")
    EntityManagerFactory emf;

    @Inject
    TenantContext tenantContext;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private static final String TX_TENANT = TenantEntityManagers.class.getName() + ".tenant";

    private record Key(EntityManagerFactory unit, TenantId tenant) {
    }

    private final Map<Key, EntityManager> byTenant = new HashMap<>();
    private EntityManager platform;
    private final Map<EntityManager, Object> lastTransaction = new java.util.IdentityHashMap<>();

    /** @return the EntityManager of the request's tenant, joined to the current transaction */
    public EntityManager tenant() {
        return forTenant(tenantContext.require());
    }

    /**
     * @param tenant an explicit tenant (work that is not about the request's tenant, such as a new tenant's first
     *        admin or the platform's audit chain)
     * @return that tenant's EntityManager, joined to the current transaction
     */
    public EntityManager forTenant(TenantId tenant) {
        return forTenant(emf, tenant);
    }

    @Override
    public EntityManager tenant(EntityManagerFactory unit) {
        return forTenant(unit, tenantContext.require());
    }

    @Override
    public EntityManager forTenant(EntityManagerFactory unit, TenantId tenant) {
        if (transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
            throw new jakarta.persistence.TransactionRequiredException(
                    "Tenant data is read and written inside a transaction only (the RLS setting is transaction-local)");
        }
        Object bound = transactions.getResource(TX_TENANT);
        if (bound == null) {
            transactions.putResource(TX_TENANT, tenant);
        } else if (!bound.equals(tenant)) {
            throw new IllegalStateException("A transaction may touch one tenant's data only: it holds " + bound
                    + ", not " + tenant);
        }
        EntityManager em = byTenant.computeIfAbsent(new Key(unit, tenant), k -> create(k.unit(), tenant));
        join(em);
        return em;
    }

    /**
     * Makes a new EntityManager of {@code tenant}: the discriminator filters by it and
     * {@link RlsTenantSessionListener} sets the RLS setting from it. For work that must not share the request's
     * EntityManager (it runs in a transaction of its own); the caller joins and closes it.
     */
    static EntityManager create(EntityManagerFactory unit, TenantId tenant) {
        return unit.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, tenant.value()));
    }

    /** @return an EntityManager for platform tables (no tenant), joined to the current transaction */
    public EntityManager platform() {
        if (platform == null) {
            platform = emf.createEntityManager();
        }
        join(platform);
        return platform;
    }

    /**
     * Joins the EntityManager to the current transaction. An EntityManager outlives its transactions (it lives for
     * the request or scope, which may run several), so when it meets a new transaction it forgets what it read in
     * the previous one: others may have changed those rows since.
     */
    private void join(EntityManager em) {
        Object tx = transactions.getTransactionKey();
        if (tx != null && !tx.equals(lastTransaction.put(em, tx))) {
            em.clear();
        }
        em.joinTransaction();
    }

    @PreDestroy
    void close() {
        byTenant.values().forEach(EntityManager::close);
        if (platform != null) {
            platform.close();
        }
    }
}
