package dev.seva.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes the embedded PostgreSQL ask every connection for a password. zonky's {@code initdb} trusts every local
 * connection, so any program or user on the machine could connect as the superuser; on the first start of a data
 * folder (or the first since this class exists) the superuser {@code postgres} gets the configured owner password
 * ({@code seva.db.password}) and {@code pg_hba.conf} is replaced by one that requires it (SCRAM) for the socket and
 * for loopback, then reloaded. Later starts find it in place.
 */
final class PasswordAuthentication {

    private static final Logger LOG = Logger.getLogger(PasswordAuthentication.class.getName());

    static final String HBA = """
            # Written by Seva (dev.seva.reference.PasswordAuthentication): every connection needs a password.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private PasswordAuthentication() {
    }

    /**
     * @param superuser connections as {@code postgres} (with the password, which trust ignores)
     * @param dataDir the data folder
     * @param password the owner password to set
     */
    static void require(DataSource superuser, Path dataDir, String password) throws IOException, SQLException {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (Files.readString(hba).equals(HBA)) {
            return;
        }
        try (Connection c = superuser.getConnection()) {
            String alter;
            try (PreparedStatement ps = c.prepareStatement("SELECT format('ALTER ROLE postgres PASSWORD %L', ?)")) {
                ps.setString(1, password);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    alter = rs.getString(1);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute(alter);
                Path tmp = Files.createTempFile(dataDir, "pg_hba", ".tmp");
                Files.writeString(tmp, HBA);
                Files.move(tmp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                st.execute("SELECT pg_reload_conf()");
            }
        }
        LOG.info("Embedded PostgreSQL: password authentication turned on (pg_hba.conf replaced)");
    }
}
