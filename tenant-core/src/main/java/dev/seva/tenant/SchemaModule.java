package dev.seva.tenant;

/**
 * A module's database schema, migrated by Flyway at start-up before the application serves requests. A module ships
 * its migrations under {@code db/migration/<name>/} (with an empty {@code flyway.location} marker file there, which
 * Flyway needs to find them inside Liberty) and declares one {@code @ApplicationScoped} bean of this type. Each
 * module keeps its own history table, so modules version their migrations independently.
 *
 * <p>
 * Every tenant-owned table a migration creates has a {@code tenant_id} column, {@code ENABLE} and {@code FORCE ROW
 * LEVEL SECURITY} and the {@code tenant_isolation} policy, and grants DML to {@code ${app_user}}.
 */
public interface SchemaModule {

    /** @return the module's name, for example {@code tenant-core}; also the migration folder's name */
    String name();

    /** @return the order in which modules migrate, lowest first; tenant-core is 0 */
    int order();
}
