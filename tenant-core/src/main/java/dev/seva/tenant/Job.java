package dev.seva.tenant;

import dev.seva.sdk.TenantId;
import java.util.UUID;

/**
 * A durable job as its handler sees it.
 *
 * @param id the job's id
 * @param tenant the tenant it works for
 * @param kind what it does, the handler's {@link JobHandler#kind()}
 * @param payload what the handler needs (small text, usually ids as JSON; never a secret)
 * @param attempt which attempt this is, from 1
 */
public record Job(UUID id, TenantId tenant, String kind, String payload, int attempt) {
}
