package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.TenantId;
import dev.seva.tenant.EntityType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the container: CDI and JPA with the real persistence unit, data source and PostgreSQL. Proves that the
 * discriminator and row-level security each hold on their own: JPQL, {@code find} and a native SELECT with no tenant
 * filter, run through the application's own connection in tenant B, see none of tenant A's rows.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyInContainerArquillianIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/seva.war"))
                .addClass(TenancyInContainerArquillianIT.class);
    }

    @Inject
    TenantEntityManagers ems;

    @Inject
    UserTransaction tx;

    @Inject
    dev.seva.tenant.TenantScopes scopes;

    private TenantId tenant(String prefix) throws Exception {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId id = TenantId.random();
        tx.begin();
        ems.platform().persist(new TenantRecord(id.value(), slug, "In-container " + prefix, "STARTER"));
        tx.commit();
        return id;
    }

    private String entity(TenantId tenant, String name) throws Exception {
        String id = UUID.randomUUID().toString();
        BusinessEntityRecord r = new BusinessEntityRecord(id);
        r.apply(new EntityFields(name, EntityType.TRUST, null, null, null, null, null, null));
        tx.begin();
        ems.forTenant(tenant).persist(r);
        tx.commit();
        return id;
    }

    @Test
    void eachTenantSeesOnlyItsOwnRowsThroughJpqlFindAndNativeSql() throws Exception {
        TenantId a = tenant("ica");
        TenantId b = tenant("icb");
        String aEntity = entity(a, "Alpha Trust");
        String bEntity = entity(b, "Beta Trust");

        tx.begin();
        try {
            EntityManager em = ems.forTenant(b);
            List<String> jpql = em.createQuery("SELECT e.id FROM BusinessEntity e", String.class).getResultList();
            assertEquals(List.of(bEntity), jpql);
            assertNull(em.find(BusinessEntityRecord.class, aEntity));
            @SuppressWarnings("unchecked")
            List<Object> nativeIds = em.createNativeQuery("SELECT id FROM business_entity").getResultList();
            assertEquals(List.of(bEntity), nativeIds);
            Number others = (Number) em.createNativeQuery(
                    "SELECT count(*) FROM business_entity WHERE tenant_id = ?1").setParameter(1, a.value())
                    .getSingleResult();
            assertEquals(0, others.intValue());
        } finally {
            tx.commit();
        }
    }

    @Test
    void aTransactionHoldsOneTenantOnly() throws Exception {
        TenantId a = tenant("onea");
        TenantId b = tenant("oneb");
        tx.begin();
        try {
            ems.forTenant(a);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ems.forTenant(b));
            assertTrue(e.getMessage().contains("one tenant"), e.getMessage());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void tenantDataIsNeverReadOutsideATransactionOrWithoutATenant() throws Exception {
        TenantId a = tenant("notx");
        entity(a, "Gamma Trust");
        assertThrows(jakarta.persistence.TransactionRequiredException.class, () -> ems.forTenant(a));
        tx.begin();
        try {
            // the platform's EntityManager has no tenant: EclipseLink refuses tenant-owned entities (fails closed)
            assertThrows(PersistenceException.class, () -> ems.platform()
                    .createQuery("SELECT e FROM BusinessEntity e", BusinessEntityRecord.class).getResultList());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void workOffTheRequestThreadRunsInTheTenantItNames() throws Exception {
        TenantId a = tenant("scopea");
        TenantId b = tenant("scopeb");
        entity(a, "Alpha Scope Trust");
        String bEntity = entity(b, "Beta Scope Trust");
        var job = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            List<String> seen = job.submit(() -> scopes.call(b, () -> {
                try {
                    tx.begin();
                    try {
                        return ems.tenant().createQuery("SELECT e.id FROM BusinessEntity e", String.class)
                                .getResultList();
                    } finally {
                        tx.commit();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(List.of(bEntity), seen);
        } finally {
            job.shutdownNow();
        }
        // the test itself runs inside a request: a scope is refused there
        assertThrows(IllegalStateException.class, () -> scopes.call(b, () -> 1));
    }
}
