package dev.seva.reference.bench;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantContext;
import dev.seva.tenant.EntityType;
import dev.seva.tenant.internal.EntityService.EntityView;
import dev.seva.tenant.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/_bench/entities}: the same page and count as {@code GET /api/v1/entities} for staff, with the
 * tenant filter written into the query instead of EclipseLink's discriminator, in a JTA transaction as the service
 * uses, on a connection that bypasses row-level security and sets no tenant. The request passes the same edge
 * (tenant resolution, token, roles).
 */
@Path("_bench/entities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BaselineEntityResource {

    @PersistenceUnit(unitName = "seva-bench")
    EntityManagerFactory emf;

    @Inject
    TenantContext tenant;

    @Inject
    @ConfigProperty(name = "seva.bench.enabled", defaultValue = "false")
    boolean enabled;

    /** The baseline list. */
    @GET
    @Transactional
    @RolesAllowed({Role.Names.TENANT_ADMIN, Role.Names.MANAGER, Role.Names.STAFF})
    @Operation(summary = "Benchmark baseline only (404 unless seva.bench.enabled)")
    public Page<EntityView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("roundTrip") @DefaultValue("false") boolean roundTrip) {
        if (!enabled) {
            throw SevaException.notFound("Resource");
        }
        String t = tenant.require().value();
        EntityManager em = emf.createEntityManager();
        em.joinTransaction();
        try {
            if (roundTrip) {
                // decomposition: the baseline plus the one statement the RLS listener adds per transaction
                em.createNativeQuery("SELECT set_config('seva.bench', ?1, true)").setParameter(1, t).getSingleResult();
            }
            var items = em.createQuery("SELECT e FROM BaselineEntity e WHERE e.tenantId = :t"
                    + " ORDER BY e.legalName, e.id", BaselineEntityRecord.class).setParameter("t", t)
                    .setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(e -> new EntityView(e.id, e.legalName, EntityType.valueOf(e.type), e.pan, e.gstin, e.cin,
                            e.llpin, e.state, e.address, e.createdAt, e.updatedAt))
                    .toList();
            long total = em.createQuery("SELECT COUNT(e) FROM BaselineEntity e WHERE e.tenantId = :t", Long.class)
                    .setParameter("t", t).getSingleResult();
            return new Page<>(items, page, size, total);
        } finally {
            em.close();
        }
    }
}
