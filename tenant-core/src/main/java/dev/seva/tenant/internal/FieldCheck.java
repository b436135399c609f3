package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.SevaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Collects every field error of a request before answering, so that a client sees all of them at once
 * ({@code 400 VALIDATION_FAILED} with {@code errors[]}).
 */
final class FieldCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** @return the trimmed text, or null (with an error) when it is missing, blank or too long */
    String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optional(field, value, max);
    }

    /** @return the trimmed text or null when absent; an error when too long */
    String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        return v;
    }

    /** @return the lower-cased e-mail, or null with an error */
    String email(String field, String value) {
        String v = required(field, value, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            add(field, "must be an e-mail address");
            return null;
        }
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** @return the password when it is acceptable; null (with an error when given but unacceptable) otherwise */
    String password(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (value.length() < 12 || value.length() > 200) {
            add(field, "must be 12 to 200 characters long");
            return null;
        }
        return value;
    }

    /** @return the enum constant named by {@code value}, or null with an error listing the allowed ones */
    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "must be one of " + List.of(type.getEnumConstants()));
            return null;
        }
    }

    /** Parses an identifier with its value type, turning its exception into a field error. */
    <T> T parse(String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (SevaException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    boolean ok() {
        return errors.isEmpty();
    }

    /** Throws {@code VALIDATION_FAILED} with every collected error, if there is any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", errors);
        }
    }

}
