package dev.seva.tenant.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Time as stored: UTC, to the microsecond (PostgreSQL's precision, so a value reads back equal). */
final class Timestamps {

    private Timestamps() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
