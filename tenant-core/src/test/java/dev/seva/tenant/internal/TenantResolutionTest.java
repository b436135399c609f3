package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.seva.sdk.ErrorCode;
import org.junit.jupiter.api.Test;

class TenantResolutionTest {

    @Test
    void hostOfDropsPortCaseAndTrailingDot() {
        assertEquals("acme.localhost", HostTenantResolver.hostOf("ACME.localhost:9080"));
        assertEquals("portal.acme.in", HostTenantResolver.hostOf("portal.acme.in."));
        assertEquals("[::1]:9080", HostTenantResolver.hostOf("[::1]:9080"));
        assertNull(HostTenantResolver.hostOf(" "));
    }

    @Test
    void serverPathsAreNotTenantResolved() {
        assertEquals(true, TenantFilter.isServerPath("/health/ready"));
        assertEquals(true, TenantFilter.isServerPath("/metrics"));
        assertEquals(true, TenantFilter.isServerPath("/openapi/ui"));
        assertEquals(false, TenantFilter.isServerPath("/api/v1/entities"));
        assertEquals(false, TenantFilter.isServerPath("/healthy"));
    }

    @Test
    void requestIdsFromClientsAreKeptOnlyWhenSane() {
        assertEquals("abcd-1234-efgh", TenantFilter.requestId("abcd-1234-efgh"));
        assertEquals(36, TenantFilter.requestId("bad id\nwith newline").length());
        assertEquals(36, TenantFilter.requestId(null).length());
    }

    @Test
    void containerStatusesMapToStableCodes() {
        assertEquals(ErrorCode.AUTHENTICATION_REQUIRED, Problems.codeForStatus(401));
        assertEquals(ErrorCode.NOT_FOUND, Problems.codeForStatus(404));
        assertEquals(ErrorCode.MALFORMED_REQUEST, Problems.codeForStatus(418));
        assertEquals(ErrorCode.INTERNAL_ERROR, Problems.codeForStatus(502));
    }
}
