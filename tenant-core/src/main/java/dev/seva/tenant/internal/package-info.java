/**
 * tenant-core's implementation: JPA records and their tenancy plumbing (EclipseLink multitenancy and the PostgreSQL
 * row-level-security listener), the services behind the REST resources, schema migration, password hashing, token
 * minting and the audit hash chain. Not an API: other modules use {@code dev.seva.tenant} and {@code dev.seva.sdk}.
 */
package dev.seva.tenant.internal;
