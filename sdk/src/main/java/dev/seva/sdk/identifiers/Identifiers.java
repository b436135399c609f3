package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import java.util.Locale;

/** Shared normalisation for the identifier types. */
final class Identifiers {

    private Identifiers() {
    }

    static String normalise(String raw, ErrorCode code, String name) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException(code, name + " is empty.");
        }
        return raw.strip().toUpperCase(Locale.ROOT);
    }
}
