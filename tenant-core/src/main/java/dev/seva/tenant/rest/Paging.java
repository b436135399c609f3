package dev.seva.tenant.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.SevaException;
import java.util.ArrayList;
import java.util.List;

/** The list parameters' rule: {@code page >= 0}, {@code 1 <= size <= 200}. */
final class Paging {

    private Paging() {
    }

    static void check(int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > 200) {
            errors.add(new FieldError("size", "must be between 1 and 200"));
        }
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid paging parameters.", errors);
        }
    }
}
