/**
 * Seva's public contract: the tenant ({@link dev.seva.sdk.TenantId}, {@link dev.seva.sdk.TenantContext}), the
 * signed-in principal and its {@link dev.seva.sdk.Role roles}, and the one error model
 * ({@link dev.seva.sdk.SevaException} carrying an {@link dev.seva.sdk.ErrorCode}).
 *
 * <p>
 * Depends on nothing but the JDK and the Jakarta EE API; every other Seva module depends on it.
 */
package dev.seva.sdk;
