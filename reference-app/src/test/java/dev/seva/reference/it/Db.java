package dev.seva.reference.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC to the integration-test server's embedded PostgreSQL, as the owner or as the application's role. */
final class Db {

    static final String URL = System.getProperty("seva.it.db.url", "jdbc:postgresql://127.0.0.1:55442/postgres");

    private Db() {
    }

    /** The superuser that owns the schema (embedded: postgres, password authentication on 127.0.0.1). */
    static Connection owner() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "postgres");
    }

    /** The role the application connects as: not superuser, not owner. */
    static Connection app() throws SQLException {
        return DriverManager.getConnection(URL, "seva_app", "seva_app");
    }
}
