/**
 * tenant-core's REST resources under {@code /api/v1} (platform tenants, token, me, users, business entities, audit
 * events), the JAX-RS application, and the mappers that turn every exception into problem+json. Resources are thin:
 * they check roles, read the request and call the services in {@code dev.seva.tenant.internal}.
 */
package dev.seva.tenant.rest;
