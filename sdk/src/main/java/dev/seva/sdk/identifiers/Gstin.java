package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import java.util.regex.Pattern;

/**
 * A GST identification number: 15 characters, the two-digit state code, the holder's PAN, the entity number, a
 * letter (normally {@code Z}) and a check character computed over the first fourteen with the GSTN's base-36
 * Luhn-style algorithm ({@code 27AAPFU0939F1ZV}).
 *
 * @param value the normalised, upper-case GSTIN
 */
public record Gstin(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][A-Z0-9][0-9A-Z]");
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Validates {@code value}; use {@link #parse(String)} for input from outside. */
    public Gstin {
        if (value.length() != 15 || !FORMAT.matcher(value).matches()) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_GSTIN,
                    "GSTIN must be 15 characters: state code, PAN, entity number, Z and a check character.");
        }
        int state = Integer.parseInt(value.substring(0, 2));
        if (!((state >= 1 && state <= 38) || state == 97 || state == 99)) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_GSTIN,
                    "GSTIN starts with an unknown state code " + value.substring(0, 2) + ".");
        }
        try {
            new Pan(value.substring(2, 12));
        } catch (InvalidIdentifierException e) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_GSTIN,
                    "GSTIN's characters 3 to 12 must be a valid PAN: " + e.getMessage());
        }
        char expected = checkCharacter(value.substring(0, 14));
        if (value.charAt(14) != expected) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_GSTIN,
                    "GSTIN's check character is wrong: the last character should be " + expected + ".");
        }
    }

    /**
     * @param raw user input; surrounding spaces and lower case are accepted
     * @return the GSTIN
     * @throws InvalidIdentifierException when it is malformed or its check character is wrong
     */
    public static Gstin parse(String raw) {
        return new Gstin(Identifiers.normalise(raw, ErrorCode.INVALID_GSTIN, "GSTIN"));
    }

    /**
     * @param first14 the first fourteen characters of a GSTIN, upper case
     * @return the check character that completes them
     */
    public static char checkCharacter(String first14) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int v = ALPHABET.indexOf(first14.charAt(i));
            if (v < 0) {
                throw new InvalidIdentifierException(ErrorCode.INVALID_GSTIN, "GSTIN has an invalid character.");
            }
            int product = v * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return ALPHABET.charAt((36 - sum % 36) % 36);
    }

    /** @return the two-digit state code */
    public String stateCode() {
        return value.substring(0, 2);
    }

    /** @return the PAN inside the GSTIN */
    public Pan pan() {
        return new Pan(value.substring(2, 12));
    }

    @Override
    public String toString() {
        return value;
    }
}
