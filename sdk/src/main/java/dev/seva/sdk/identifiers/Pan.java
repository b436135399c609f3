package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import java.util.regex.Pattern;

/**
 * A Permanent Account Number: five letters, four digits, one letter ({@code AAACA1234A}). The fourth letter is the
 * holder's status (P person, C company, H HUF, F firm/LLP, A AOP, T trust, B BOI, L local authority, J artificial
 * juridical person, G government).
 *
 * @param value the normalised, upper-case PAN
 */
public record Pan(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{5}[0-9]{4}[A-Z]");
    private static final String HOLDER_TYPES = "ABCFGHJLPT";

    /** Validates {@code value}; use {@link #parse(String)} for input from outside. */
    public Pan {
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_PAN,
                    "PAN must be 5 letters, 4 digits and 1 letter, like AAACA1234A.");
        }
        if (HOLDER_TYPES.indexOf(value.charAt(3)) < 0) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_PAN,
                    "PAN's 4th letter must be a holder type (one of " + HOLDER_TYPES + "), not " + value.charAt(3)
                            + ".");
        }
    }

    /**
     * @param raw user input; surrounding spaces and lower case are accepted
     * @return the PAN
     * @throws InvalidIdentifierException when it is not a valid PAN
     */
    public static Pan parse(String raw) {
        return new Pan(Identifiers.normalise(raw, ErrorCode.INVALID_PAN, "PAN"));
    }

    /** @return the holder-type letter (4th character) */
    public char holderType() {
        return value.charAt(3);
    }

    @Override
    public String toString() {
        return value;
    }
}
