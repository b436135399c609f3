package dev.seva.tenant.internal;

import dev.seva.tenant.SchemaModule;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates every module's schema with Flyway at start-up, as the owner role ({@code jdbc/sevaMigration}), while
 * Liberty is still starting the application: no request is served and readiness stays down until it is done. A
 * failed migration fails the start.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/sevaMigration")
    DataSource migrationDataSource;

    @Inject
    Instance<SchemaModule> modules;

    @Inject
    @ConfigProperty(name = "seva.db.app.user", defaultValue = "seva_app")
    String appUser;

    @Inject
    @ConfigProperty(name = "seva.db.app.password", defaultValue = "seva_app")
    String appPassword;

    private volatile boolean migrated;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE
            + 100) @Initialized(ApplicationScoped.class) Object ignored) {
        if (!appUser.matches("[a-z_][a-z0-9_]{0,62}") || appPassword.contains("'")) {
            throw new IllegalStateException("seva.db.app.user must be a plain role name and the password must not"
                    + " contain a quote");
        }
        long t0 = System.nanoTime();
        modules.stream().sorted(Comparator.comparingInt(SchemaModule::order)).forEach(m -> {
            MigrateResult r = Flyway.configure(Thread.currentThread().getContextClassLoader())
                    .dataSource(migrationDataSource).locations("classpath:db/migration/" + m.name())
                    .table("flyway_history_" + m.name().replace('-', '_')).baselineOnMigrate(true)
                    .baselineVersion("0").failOnMissingLocations(true)
                    .placeholders(Map.of("app_user", appUser, "app_password", appPassword)).load().migrate();
            LOG.info("Schema " + m.name() + ": " + r.migrationsExecuted + " migration(s) run, now at version "
                    + (r.targetSchemaVersion == null ? r.initialSchemaVersion : r.targetSchemaVersion));
        });
        migrated = true;
        LOG.info("Schema migrations done in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    /** @return whether every module's migrations have run */
    public boolean isMigrated() {
        return migrated;
    }
}
