package dev.seva.tenant.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.SevaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingFilterTest {

    private static List<String> fields(String page, String size) {
        SevaException e = assertThrows(SevaException.class, () -> PagingFilter.check(page, size));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        return e.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void theOffsetNeverOverflows() {
        assertEquals(List.of("page"), fields("2147483647", "200"));
        assertEquals(List.of("page"), fields("10737419", "200"), "10737419 × 200 > 2^31 - 1");
        assertDoesNotThrow(() -> PagingFilter.check("10737418", "200"));
        assertDoesNotThrow(() -> PagingFilter.check("2147483647", "1"));
        assertEquals(List.of("page"), fields("99999999999", "50"));
        assertEquals(List.of("page"), fields("9999999999999999999999", "50"));
    }

    @Test
    void numbersOnly() {
        assertEquals(List.of("page"), fields("abc", "50"));
        assertEquals(List.of("size"), fields("0", "x"));
        assertEquals(List.of("page", "size"), fields("", ""));
        assertEquals(List.of("page"), fields("-1", "50"));
        assertDoesNotThrow(() -> PagingFilter.check(null, "50"));
        assertDoesNotThrow(() -> PagingFilter.check("3", null));
        assertDoesNotThrow(() -> PagingFilter.check("0", "0"), "size's range is each endpoint's own check");
    }
}
