package dev.seva.tenant.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the migrations are done and the database answers the application's own role. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/seva")
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        if (!migrator.isMigrated()) {
            return HealthCheckResponse.named("database").down().withData("migrated", false).build();
        }
        try (Connection c = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(c.isValid(2)).withData("migrated", true).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("database").down().withData("migrated", true)
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
