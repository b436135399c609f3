package dev.seva.tenant.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit hash chain's rule: each event's hash is SHA-256 over the previous event's hash and every field of the
 * event, so that changing, removing or reordering any stored event breaks every later link.
 */
final class AuditChain {

    /** The "previous hash" of a chain's first event. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hashed content of one event. */
    record Link(OffsetDateTime occurredAt, String actor, String action, String targetType, String targetId, String ip,
            String requestId, String details) {
    }

    static String hash(String tenantId, long seq, String prevHash, Link link) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, prevHash);
        append(canonical, tenantId);
        append(canonical, Long.toString(seq));
        append(canonical, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(link.occurredAt()
                .withOffsetSameInstant(ZoneOffset.UTC)));
        append(canonical, link.actor());
        append(canonical, link.action());
        append(canonical, link.targetType());
        append(canonical, link.targetId());
        append(canonical, link.ip());
        append(canonical, link.requestId());
        append(canonical, link.details());
        return Digests.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed, so that no two different field lists give the same text; null differs from "". */
    private static void append(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:;");
        } else {
            sb.append(value.length()).append(':').append(value).append(';');
        }
    }
}
