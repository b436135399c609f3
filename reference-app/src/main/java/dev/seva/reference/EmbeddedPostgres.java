package dev.seva.reference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts a real PostgreSQL (zonky's embedded binaries, 17.5) before anything touches the database, unless an
 * external database is configured. Its data lives in {@code ${seva.home}/pgdata} and survives restarts; it listens
 * on 127.0.0.1 only, with fsync on, and asks every connection for a password ({@link PasswordAuthentication}).
 *
 * <p>
 * A start right after a stop works: the stop waits for the database process to exit, the start waits while the
 * previous one still holds the data folder or the port ({@link PostmasterProcess}). A database that cannot start
 * fails the application's start with the reason, in the log and in the server's own message.
 *
 * <p>
 * Embedded or not: {@code seva.db.embedded} when set, otherwise embedded exactly when {@code SEVA_DB_URL} is unset.
 */
@ApplicationScoped
public class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());

    private volatile io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private volatile Path dataDir;
    private volatile Duration stopWait;

    void onStart(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        Config config = ConfigProvider.getConfig();
        boolean embedded = config.getOptionalValue("seva.db.embedded", Boolean.class)
                .orElse(System.getenv("SEVA_DB_URL") == null);
        if (!embedded) {
            LOG.info("Using the external PostgreSQL configured by SEVA_DB_URL");
            return;
        }
        int port = config.getOptionalValue("seva.db.embedded.port", Integer.class).orElse(55432);
        Path dir = Path.of(config.getValue("seva.home", String.class), "pgdata").toAbsolutePath();
        String password = config.getOptionalValue("seva.db.password", String.class).orElse("postgres");
        Duration wait = seconds(config, "seva.db.embedded.wait-seconds", 60);
        dataDir = dir;
        stopWait = wait;
        long t0 = System.nanoTime();
        boolean released = false;
        try {
            PostmasterProcess.awaitReleased(dir, port, wait);
            released = true;
            var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setPort(port)
                    .setDataDirectory(dir).setCleanDataDirectory(false) // zonky's default would delete the data on stop
                    .setServerConfig("fsync", "on") // zonky's default is off
                    .setServerConfig("listen_addresses", "127.0.0.1").setServerConfig("max_connections", "60")
                    .setConnectConfig("password", password).setPGStartupWait(wait).start();
            server = pg;
            PasswordAuthentication.require(pg.getPostgresDatabase(), dir, password);
        } catch (IOException | SQLException | RuntimeException e) {
            // a database this start started does not outlive it (zonky leaves it running when it gives up waiting)
            if (server != null) {
                onStop(null);
            } else if (released) {
                PostmasterProcess.of(dir).ifPresent(p -> {
                    p.destroy();
                    PostmasterProcess.awaitExit(p, wait);
                });
            }
            String why = "Seva cannot start: the embedded PostgreSQL did not start on 127.0.0.1:" + port
                    + " with data in " + dir + ": " + reason(e);
            LOG.severe(why);
            throw new IllegalStateException(why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Seva's start was interrupted while waiting for port " + port, e);
        }
        LOG.info("Embedded PostgreSQL on 127.0.0.1:" + port + ", data in " + dir + ", up in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        var pg = server;
        server = null;
        if (pg == null) {
            return;
        }
        Optional<ProcessHandle> postmaster = PostmasterProcess.of(dataDir);
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e);
        }
        // zonky's pg_ctl gives up after 5 s, while PostgreSQL goes on with its shutdown checkpoint
        if (postmaster.isPresent() && !PostmasterProcess.awaitExit(postmaster.get(), stopWait)) {
            LOG.warning("Embedded PostgreSQL (pid " + postmaster.get().pid() + ") still runs " + stopWait.toSeconds()
                    + " s after the stop; the next start waits for it");
            return;
        }
        LOG.info("Embedded PostgreSQL stopped");
    }

    /** @return the message, with the innermost cause's (zonky's own message hides why PostgreSQL refused) */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root == e ? "" : " (" + root.getMessage() + ")");
    }

    private static Duration seconds(Config config, String key, int orElse) {
        return Duration.ofSeconds(config.getOptionalValue(key, Integer.class).orElse(orElse));
    }
}
