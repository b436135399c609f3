package dev.seva.payments.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.SevaException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field errors of a request and throws them together as 400 {@code VALIDATION_FAILED}. */
final class Checks {

    static final Pattern STATE_CODE = Pattern.compile("0[1-9]|[12][0-9]|3[0-8]|97");

    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                add(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            add(field, "must be at most " + max + " characters");
            return null;
        }
        if (v.chars().anyMatch(c -> c < 0x20)) {
            add(field, "must not contain control characters");
            return null;
        }
        return v;
    }

    String matching(String field, String value, Pattern pattern, String message, boolean required) {
        String v = text(field, value, 100, required);
        if (v != null && !pattern.matcher(v).matches()) {
            add(field, message);
            return null;
        }
        return v;
    }

    String stateCode(String field, String value, boolean required) {
        return matching(field, value, STATE_CODE, "must be a two-digit GST state code such as 29 (Karnataka)",
                required);
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", errors);
        }
    }

    static void paging(int page, int size) {
        Checks c = new Checks();
        if (page < 0) {
            c.add("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            c.add("size", "must be between 1 and 200");
        }
        c.throwIfAny();
    }
}
