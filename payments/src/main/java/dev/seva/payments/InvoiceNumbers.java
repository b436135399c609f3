package dev.seva.payments;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Invoice numbers under GST rule 46: at most {@value #MAX_LENGTH} characters of letters, digits, {@code -} and
 * {@code /}, unique per financial year. Seva writes {@code <PREFIX>/<FY>/<sequence>}: the tenant's prefix (1 to
 * {@value #MAX_PREFIX} of {@code [A-Z0-9]}), the financial year as four digits ({@code 2627} for 2026-27) and a
 * sequence of at least five digits, for example {@code ACME/2627/00001} (15 characters). The longest prefix with the
 * largest five-digit sequence is exactly 16 characters; a sequence that would make the number longer is refused
 * ({@link #format} returns empty).
 */
public final class InvoiceNumbers {

    /** GST rule 46's limit. */
    public static final int MAX_LENGTH = 16;
    /** The longest prefix: {@code 5 + "/2627/".length() + 5 = 16}. */
    public static final int MAX_PREFIX = 5;
    /** A valid prefix. */
    public static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1," + MAX_PREFIX + "}");

    private InvoiceNumbers() {
    }

    /**
     * @param slug the tenant's slug
     * @return its first letters and digits, uppercased, at most {@value #MAX_PREFIX}; {@code INV} when it has none
     */
    public static String defaultPrefix(String slug) {
        String p = slug == null ? "" : slug.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (p.isEmpty()) {
            return "INV";
        }
        return p.length() > MAX_PREFIX ? p.substring(0, MAX_PREFIX) : p;
    }

    /** @return whether {@code prefix} is 1 to {@value #MAX_PREFIX} of {@code [A-Z0-9]} */
    public static boolean validPrefix(String prefix) {
        return prefix != null && PREFIX.matcher(prefix).matches();
    }

    /**
     * @param prefix a valid prefix
     * @param year the financial year
     * @param sequence the number within the year, from 1
     * @return the number, or empty when it would exceed {@value #MAX_LENGTH} characters
     * @throws IllegalArgumentException for an invalid prefix or a sequence below 1
     */
    public static Optional<String> format(String prefix, FinancialYear year, long sequence) {
        if (!validPrefix(prefix)) {
            throw new IllegalArgumentException("invalid invoice prefix");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive");
        }
        String n = String.format(Locale.ROOT, "%s/%s/%05d", prefix, year.shortLabel(), sequence);
        return n.length() <= MAX_LENGTH ? Optional.of(n) : Optional.empty();
    }
}
