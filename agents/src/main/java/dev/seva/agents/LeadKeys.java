package dev.seva.agents;

import java.util.Locale;
import java.util.Optional;

/**
 * The keys leads are de-duplicated on, within a tenant: the normalised phone number and the lower-cased e-mail.
 *
 * <p>
 * A phone number is normalised to its digits with India's prefixes stripped: {@code +91 98765 43210},
 * {@code 0091-98765-43210}, {@code 098765 43210} and {@code 9876543210} are all {@code 9876543210}. Numbers of other
 * countries keep their country code ({@code +44 20 7946 0958} is {@code 442079460958}).
 */
public final class LeadKeys {

    private LeadKeys() {
    }

    /**
     * @param raw a phone number as typed: digits, spaces, {@code + ( ) - .}
     * @return its key (6 to 15 digits), or empty when it is not a phone number
     */
    public static Optional<String> phone(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 30) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (!s.matches("\\+?[0-9 ().-]+")) {
            return Optional.empty();
        }
        String d = s.replaceAll("[^0-9]", "");
        if (d.startsWith("00")) {
            d = d.substring(2); // international call prefix, as in 0091
        }
        if (d.length() == 12 && d.startsWith("91")) {
            d = d.substring(2);
        } else if (d.length() == 11 && d.startsWith("0")) {
            d = d.substring(1); // trunk prefix
        }
        if (d.length() < 6 || d.length() > 15) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * @param raw an e-mail address
     * @return it trimmed and lower-cased, or empty when it is not an e-mail address
     */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String e = raw.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 254 || !e.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
            return Optional.empty();
        }
        return Optional.of(e);
    }
}
