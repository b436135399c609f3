package dev.seva.sdk.identifiers;

import dev.seva.sdk.ErrorCode;
import java.util.Objects;

/**
 * An Aadhaar number: twelve digits, the first 2 to 9, the last a Verhoeff check digit over the other eleven. The law
 * (Aadhaar Act, section 29, and UIDAI's storage rules) restricts keeping the full number: Seva keeps and shows only
 * {@link #masked()}, the last four digits. This type holds the digits only while a value is checked; its
 * {@link #toString()} is masked so that it cannot end up in a log by accident.
 */
public final class Aadhaar {

    // Verhoeff: multiplication in the dihedral group D5, the permutation, and the inverse
    private static final int[][] D = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
            {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
            {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
            {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] P = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
            {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
            {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final int[] INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private final String digits;

    private Aadhaar(String digits) {
        this.digits = digits;
    }

    /**
     * @param raw twelve digits, spaces and hyphens between groups allowed ({@code 2345 6789 0124})
     * @return the number
     * @throws InvalidIdentifierException when it is not twelve digits starting 2-9 or the check digit is wrong
     */
    public static Aadhaar parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_AADHAAR, "Aadhaar number is empty.");
        }
        String d = raw.replaceAll("[\\s-]", "");
        if (!d.matches("[2-9][0-9]{11}")) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_AADHAAR,
                    "An Aadhaar number is 12 digits and does not start with 0 or 1.");
        }
        if (!verhoeffValid(d)) {
            throw new InvalidIdentifierException(ErrorCode.INVALID_AADHAAR,
                    "The Aadhaar number's check digit is wrong.");
        }
        return new Aadhaar(d);
    }

    /** @return whether {@code digits} (only digits) passes the Verhoeff check */
    public static boolean verhoeffValid(String digits) {
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            int n = digits.charAt(digits.length() - 1 - i) - '0';
            if (n < 0 || n > 9) {
                return false;
            }
            c = D[c][P[i % 8][n]];
        }
        return c == 0;
    }

    /** @return the Verhoeff check digit that completes {@code digits} */
    public static int verhoeffDigit(String digits) {
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            int n = digits.charAt(digits.length() - 1 - i) - '0';
            c = D[c][P[(i + 1) % 8][n]];
        }
        return INV[c];
    }

    /** @return the last four digits */
    public String last4() {
        return digits.substring(8);
    }

    /** @return the only form Seva stores or shows: {@code XXXX XXXX 1234} */
    public String masked() {
        return "XXXX XXXX " + last4();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aadhaar a && a.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** @return {@link #masked()}, never the full number */
    @Override
    public String toString() {
        return masked();
    }
}
