package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final String TENANT = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
    private static final AuditChain.Link LINK = new AuditChain.Link(
            OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 123_456_000, ZoneOffset.UTC), "admin@acme.in", "ENTITY_CREATED",
            "entity", "e-1", "127.0.0.1", "req-1", "PRIVATE_LIMITED Acme");

    @Test
    void hashIsStableSha256Hex() {
        String h = AuditChain.hash(TENANT, 1, AuditChain.GENESIS, LINK);
        assertEquals(64, h.length());
        assertEquals(h, AuditChain.hash(TENANT, 1, AuditChain.GENESIS, LINK));
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        String h = AuditChain.hash(TENANT, 1, AuditChain.GENESIS, LINK);
        assertNotEquals(h, AuditChain.hash(TENANT, 2, AuditChain.GENESIS, LINK));
        assertNotEquals(h, AuditChain.hash(TENANT, 1, "1".repeat(64), LINK));
        assertNotEquals(h, AuditChain.hash("00000000-0000-0000-0000-000000000000", 1, AuditChain.GENESIS, LINK));
        AuditChain.Link[] changed = {
                new AuditChain.Link(LINK.occurredAt().plusNanos(1000), LINK.actor(), LINK.action(), LINK.targetType(),
                        LINK.targetId(), LINK.ip(), LINK.requestId(), LINK.details()),
                new AuditChain.Link(LINK.occurredAt(), "x", LINK.action(), LINK.targetType(), LINK.targetId(),
                        LINK.ip(), LINK.requestId(), LINK.details()),
                new AuditChain.Link(LINK.occurredAt(), LINK.actor(), "X", LINK.targetType(), LINK.targetId(),
                        LINK.ip(), LINK.requestId(), LINK.details()),
                new AuditChain.Link(LINK.occurredAt(), LINK.actor(), LINK.action(), null, LINK.targetId(),
                        LINK.ip(), LINK.requestId(), LINK.details()),
                new AuditChain.Link(LINK.occurredAt(), LINK.actor(), LINK.action(), LINK.targetType(), "e-2",
                        LINK.ip(), LINK.requestId(), LINK.details()),
                new AuditChain.Link(LINK.occurredAt(), LINK.actor(), LINK.action(), LINK.targetType(),
                        LINK.targetId(), "10.0.0.1", LINK.requestId(), LINK.details()),
                new AuditChain.Link(LINK.occurredAt(), LINK.actor(), LINK.action(), LINK.targetType(),
                        LINK.targetId(), LINK.ip(), "req-2", LINK.details()),
                new AuditChain.Link(LINK.occurredAt(), LINK.actor(), LINK.action(), LINK.targetType(),
                        LINK.targetId(), LINK.ip(), LINK.requestId(), "")};
        for (AuditChain.Link c : changed) {
            assertNotEquals(h, AuditChain.hash(TENANT, 1, AuditChain.GENESIS, c), c.toString());
        }
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        AuditChain.Link a = new AuditChain.Link(LINK.occurredAt(), "ab", "c", null, null, null, null, null);
        AuditChain.Link b = new AuditChain.Link(LINK.occurredAt(), "a", "bc", null, null, null, null, null);
        assertNotEquals(AuditChain.hash(TENANT, 1, AuditChain.GENESIS, a),
                AuditChain.hash(TENANT, 1, AuditChain.GENESIS, b));
    }

    @Test
    void timeIsHashedInUtcWhateverTheOffset() {
        AuditChain.Link ist = new AuditChain.Link(LINK.occurredAt().withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5,
                30)), LINK.actor(), LINK.action(), LINK.targetType(), LINK.targetId(), LINK.ip(), LINK.requestId(),
                LINK.details());
        assertEquals(AuditChain.hash(TENANT, 1, AuditChain.GENESIS, LINK),
                AuditChain.hash(TENANT, 1, AuditChain.GENESIS, ist));
    }
}
