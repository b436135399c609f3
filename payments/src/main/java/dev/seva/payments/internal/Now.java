package dev.seva.payments.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one clock of the module: UTC, microsecond precision (what PostgreSQL keeps). */
final class Now {

    private Now() {
    }

    static OffsetDateTime utc() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
