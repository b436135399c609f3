package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database's own guarantee, independent of the application's filters: row-level security on every tenant table,
 * for the role the application connects as.
 */
class RlsIsolationIT {

    @Test
    void everyTableWithATenantColumnHasAnEnabledForcedPolicy() throws SQLException {
        List<String> problems = new ArrayList<>();
        int tables = 0;
        try (Connection c = Db.owner(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT cl.relname, cl.relrowsecurity, cl.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = cl.oid
                          AND pg_get_expr(p.polqual, p.polrelid) LIKE '%seva.tenant_id%'
                          AND pg_get_expr(p.polwithcheck, p.polrelid) LIKE '%seva.tenant_id%') AS policies
                FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE cl.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                """)) {
            while (rs.next()) {
                tables++;
                String t = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    problems.add(t + ": row level security not enabled");
                }
                if (!rs.getBoolean(3)) {
                    problems.add(t + ": row level security not forced");
                }
                if (rs.getInt(4) < 1) {
                    problems.add(t + ": no policy on seva.tenant_id with USING and WITH CHECK");
                }
            }
        }
        assertTrue(tables >= 4, "tenant tables found: " + tables);
        assertEquals(List.of(), problems);
    }

    @Test
    void theApplicationRoleIsNeitherSuperuserNorOwnerNorBypassesRls() throws SQLException {
        try (Connection c = Db.owner();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'seva_app'")) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1));
            assertFalse(rs.getBoolean(2));
        }
        try (Connection c = Db.owner();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_tables WHERE tableowner = 'seva_app'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void anUnfilteredNativeSelectAsTenantBSeesNoneOfTenantAsRows() throws SQLException {
        var a = Api.newTenant("rlsa");
        var b = Api.newTenant("rlsb");
        String aEntity = Api.newEntity(a, "Alpha RLS Pvt Ltd");
        String bEntity = Api.newEntity(b, "Beta RLS Pvt Ltd");
        try (Connection c = Db.app()) {
            c.setAutoCommit(false);
            setTenant(c, b.id());
            List<String> ids = column(c, "SELECT id FROM business_entity");
            assertTrue(ids.contains(bEntity));
            assertFalse(ids.contains(aEntity));
            for (String table : List.of("app_user", "business_entity", "entity_member", "audit_event")) {
                assertEquals(0, count(c, "SELECT count(*) FROM " + table + " WHERE tenant_id <> '" + b.id() + "'"),
                        table);
            }
            c.rollback();
        }
    }

    @Test
    void withNoTenantSetNothingIsVisibleAndNothingCanBeWritten() throws SQLException {
        Api.newEntity(Api.newTenant("rlsnone"), "Someone Pvt Ltd");
        try (Connection c = Db.app()) {
            assertEquals(0, count(c, "SELECT count(*) FROM business_entity"));
            assertEquals(0, count(c, "SELECT count(*) FROM app_user"));
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "INSERT INTO audit_event (id, tenant_id, seq, occurred_at, action, prev_hash, hash)"
                            + " VALUES ('x', 'y', 1, now(), 'X', 'p', 'h')"));
            assertEquals("42501", e.getSQLState());
        }
    }

    @Test
    void aTenantCannotWriteRowsForAnotherTenant() throws SQLException {
        var a = Api.newTenant("rlswa");
        var b = Api.newTenant("rlswb");
        String aEntity = Api.newEntity(a, "Alpha Write Pvt Ltd");
        try (Connection c = Db.app()) {
            c.setAutoCommit(false);
            setTenant(c, b.id());
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                    "INSERT INTO business_entity (id, tenant_id, legal_name, type, created_at, updated_at)"
                            + " VALUES ('forged', '" + a.id() + "', 'Forged', 'OPC', now(), now())"));
            assertEquals("42501", e.getSQLState());
            c.rollback();
            setTenant(c, b.id());
            assertEquals(0, c.createStatement().executeUpdate(
                    "UPDATE business_entity SET legal_name = 'Hijacked' WHERE id = '" + aEntity + "'"));
            assertEquals(0, c.createStatement().executeUpdate(
                    "DELETE FROM business_entity WHERE id = '" + aEntity + "'"));
            c.commit();
        }
    }

    @Test
    void theAuditTrailIsAppendOnlyForTheApplication() throws SQLException {
        var a = Api.newTenant("rlsaudit");
        try (Connection c = Db.app()) {
            c.setAutoCommit(false);
            setTenant(c, a.id());
            SQLException e = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("UPDATE audit_event SET details = 'x'"));
            assertEquals("42501", e.getSQLState());
            c.rollback();
        }
    }

    static void setTenant(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('seva.tenant_id', ?, true)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static int count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
