package dev.seva.tenant.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.internal.databaseaccess.DatabaseAccessor;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Carries the EntityManager's tenant into the PostgreSQL setting {@code seva.tenant_id} that every RLS policy reads.
 *
 * <p>
 * With {@code eclipselink.jdbc.exclusive-connection.mode=Always} each EntityManager runs all its SQL (JPQL, native,
 * reads and writes) on one connection, and EclipseLink announces its acquisition here with the EntityManager's
 * session, which carries {@code eclipselink.tenant-id}.
 *
 * <p>
 * The setting is <b>transaction-local</b> ({@code set_config(..., true)}): PostgreSQL drops it at commit or rollback,
 * so a pooled connection never keeps a tenant, and no second round trip is needed to clear it on release (the
 * recipe's set-and-clear cost two). That requires every tenant read to run inside a transaction, which
 * {@link TenantEntityManagers} enforces; a read outside one would see no row at all (fails closed). An
 * EntityManager without a tenant (platform data) sets nothing, so tenant tables show it nothing.
 */
public class RlsTenantSessionListener extends SessionEventAdapter {

    /** The PostgreSQL setting the policies compare {@code tenant_id} with. */
    public static final String SETTING = "seva.tenant_id";

    @Override
    public void postAcquireExclusiveConnection(SessionEvent event) {
        Object tenant = event.getSession().getProperty(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT);
        if (tenant == null) {
            return;
        }
        Connection connection = ((DatabaseAccessor) event.getResult()).getConnection();
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('" + SETTING + "', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not set " + SETTING, e);
        }
    }
}
