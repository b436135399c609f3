package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import java.util.regex.Pattern;

/**
 * A Corporate Identity Number issued by the Registrar of Companies: 21 characters, listing status ({@code L}/
 * {@code U}), five-digit industry code, two-letter state, year of incorporation, three-letter ownership class and a
 * six-digit registration number ({@code U72200KA2010PTC012345}).
 *
 * @param value the normalised, upper-case CIN
 */
public record Cin(String value) {

    private static final Pattern FORMAT = Pattern.compile("[LU][0-9]{5}[A-Z]{2}[0-9]{4}[A-Z]{3}[0-9]{6}");

    /** Validates {@code value}; use {@link #parse(String)} for input from outside. */
    public Cin {
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_CIN,
                    "CIN must be 21 characters like U72200KA2010PTC012345: L or U, industry code, state, year,"
                            + " company class and registration number.");
        }
        int year = Integer.parseInt(value.substring(8, 12));
        if (year < 1850 || year > 2100) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_CIN,
                    "CIN's year of incorporation " + year + " is not plausible.");
        }
    }

    /**
     * @param raw user input; surrounding spaces and lower case are accepted
     * @return the CIN
     * @throws InvalidIdentifierException when it is not a valid CIN
     */
    public static Cin parse(String raw) {
        return new Cin(Identifiers.normalise(raw, ErrorCode.INVALID_CIN, "CIN"));
    }

    /** @return whether the company is listed on a stock exchange */
    public boolean listed() {
        return value.charAt(0) == 'L';
    }

    /** @return the year of incorporation */
    public int year() {
        return Integer.parseInt(value.substring(8, 12));
    }

    @Override
    public String toString() {
        return value;
    }
}
