package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import java.util.regex.Pattern;

/**
 * An LLP Identification Number: three letters, a hyphen and four digits ({@code AAB-1234}).
 *
 * @param value the normalised, upper-case LLPIN
 */
public record Llpin(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}-[0-9]{4}");

    /** Validates {@code value}; use {@link #parse(String)} for input from outside. */
    public Llpin {
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_LLPIN,
                    "LLPIN must be three letters, a hyphen and four digits, like AAB-1234.");
        }
    }

    /**
     * @param raw user input; surrounding spaces and lower case are accepted
     * @return the LLPIN
     * @throws InvalidIdentifierException when it is not a valid LLPIN
     */
    public static Llpin parse(String raw) {
        return new Llpin(Identifiers.normalise(raw, ErrorCode.INVALID_LLPIN, "LLPIN"));
    }

    @Override
    public String toString() {
        return value;
    }
}
