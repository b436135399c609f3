package dev.seva.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void codesAndTypesAreUnique() {
        Set<String> codes = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(codes.add(c.code()), "duplicate code " + c.code());
            assertTrue(types.add(c.type()), "duplicate type " + c.type());
        }
    }

    @Test
    void codesAreStableUpperSnakeCaseAndStatusesAreErrors() {
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(c.code().matches("[A-Z][A-Z0-9_]+"), c.code());
            assertTrue(c.status() >= 400 && c.status() <= 599, c + " " + c.status());
            assertTrue(!c.title().isBlank(), c.toString());
        }
    }

    @Test
    void typeIsDerivedFromTheCode() {
        assertEquals("urn:seva:problem:tenant-not-found", ErrorCode.TENANT_NOT_FOUND.type());
        assertEquals(ErrorCode.values().length, Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct()
                .count());
    }
}
