package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import java.util.regex.Pattern;

/**
 * An Indian Financial System Code of a bank branch: four letters (the bank), a zero, six letters or digits (the
 * branch), for example {@code HDFC0001234}.
 *
 * @param value the normalised, upper-case IFSC
 */
public record Ifsc(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{4}0[A-Z0-9]{6}");

    /** Validates {@code value}; use {@link #parse(String)} for input from outside. */
    public Ifsc {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_IFSC,
                    "IFSC must be 4 letters, a zero and 6 letters or digits, like HDFC0001234.");
        }
    }

    /**
     * @param raw user input; surrounding spaces and lower case are accepted
     * @return the IFSC
     * @throws InvalidIdentifierException when it is not a valid IFSC
     */
    public static Ifsc parse(String raw) {
        return new Ifsc(Identifiers.normalise(raw, ErrorCode.INVALID_IFSC, "IFSC"));
    }

    /** @return the bank's four-letter code */
    public String bank() {
        return value.substring(0, 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
