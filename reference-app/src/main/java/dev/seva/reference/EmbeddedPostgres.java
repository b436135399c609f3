package dev.seva.reference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts a real PostgreSQL (zonky's embedded binaries, 17.5) before anything touches the database, unless an
 * external database is configured. Its data lives in {@code ${seva.home}/pgdata} and survives restarts; it listens
 * on 127.0.0.1 only, with fsync on.
 *
 * <p>
 * Embedded or not: {@code seva.db.embedded} when set, otherwise embedded exactly when {@code SEVA_DB_URL} is unset.
 */
@ApplicationScoped
public class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());

    private volatile io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    void onStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored)
            throws IOException {
        Config config = ConfigProvider.getConfig();
        boolean embedded = config.getOptionalValue("seva.db.embedded", Boolean.class)
                .orElse(System.getenv("SEVA_DB_URL") == null);
        if (!embedded) {
            LOG.info("Using the external PostgreSQL configured by SEVA_DB_URL");
            return;
        }
        int port = config.getOptionalValue("seva.db.embedded.port", Integer.class).orElse(55432);
        Path dir = Path.of(config.getValue("seva.home", String.class), "pgdata").toAbsolutePath();
        long t0 = System.nanoTime();
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir)
                .setCleanDataDirectory(false) // zonky's default would delete the data on stop
                .setServerConfig("fsync", "on") // zonky's default is off
                .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("max_connections", "60")
                .setPGStartupWait(Duration.ofSeconds(60)).start();
        LOG.info("Embedded PostgreSQL on 127.0.0.1:" + port + ", data in " + dir + ", up in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        var pg = server;
        server = null;
        if (pg != null) {
            try {
                pg.close();
                LOG.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e);
            }
        }
    }
}
