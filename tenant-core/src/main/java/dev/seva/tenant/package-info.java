/**
 * tenant-core's public facade for other Seva modules and partner apps: the {@link dev.seva.tenant.AuditTrail} every
 * state change is written to, {@link dev.seva.tenant.TenantScopes} for work off the request thread,
 * {@link dev.seva.tenant.SchemaModule} through which a module ships its Flyway migrations, {@link dev.seva.tenant.Page}
 * for lists, and the value types of business entities. Depends on {@code dev.seva.sdk} only.
 */
package dev.seva.tenant;
