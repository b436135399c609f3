package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whatever goes wrong, the client gets problem+json with a stable code, never HTML or a stack trace. */
class ErrorsIT {

    @Test
    void unknownPathsAndMethodsAreProblems() {
        var t = Api.newTenant("errors");
        call("GET", "/api/v1/nothing-here", t.t(), t.adminToken(), null).problem(404, "NOT_FOUND");
        call("GET", "/no/such/page.html", Tenant.NONE, null, null).problem(404, "NOT_FOUND");
        call("PUT", "/api/v1/me", t.t(), t.adminToken(), "{}").problem(405, "METHOD_NOT_ALLOWED");
        call("GET", "/api/v1/me", Tenant.header("no-such-firm"), null, null).problem(404, "TENANT_NOT_FOUND");
        call("GET", "/api/v1/me", Tenant.host("no-such-firm.localhost:9080"), null, null).problem(404,
                "TENANT_NOT_FOUND");
        call("GET", "/api/v1/me", Tenant.host("portal.nobody.example.in"), null, null).problem(404,
                "TENANT_NOT_FOUND");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        var t = Api.newTenant("headers");
        for (var r : java.util.List.of(call("GET", "/api/v1/me", t.t(), t.adminToken(), null),
                call("GET", "/api/v1/me", t.t(), null, null), call("GET", "/nothing", Tenant.NONE, null, null),
                call("GET", "/api/v1/branding", t.t(), null, null))) {
            var h = r.raw().headers();
            assertTrue(h.firstValue("X-Content-Type-Options").orElse("").equals("nosniff"), r.body());
            assertTrue(h.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertTrue(h.firstValue("Referrer-Policy").isPresent());
            assertTrue(h.firstValue("X-Frame-Options").orElse("").equals("DENY"));
        }
    }

    @Test
    void malformedBodiesAndWrongMediaTypesAreProblems() throws Exception {
        var t = Api.newTenant("badbody");
        call("POST", "/api/v1/entities", t.t(), t.adminToken(), "not json at all").problem(400,
                "MALFORMED_REQUEST");
        call("POST", "/api/v1/entities", t.t(), t.adminToken(), "[1,2]").problem(400, "MALFORMED_REQUEST");
        call("PATCH", "/api/v1/entities/x", t.t(), t.adminToken(), "\"text\"").problem(400, "MALFORMED_REQUEST");
        call("GET", "/api/v1/entities?page=-1&size=0", t.t(), t.adminToken(), null).problem(400,
                "VALIDATION_FAILED");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.BASE
                + "/api/v1/entities")).header("X-Seva-Tenant", t.slug()).header("Authorization", "Bearer "
                        + t.adminToken())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 415, r.statusCode() + " " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\""), r.body());
    }

    @Test
    void aPageBeyondTheLargestOffsetIsAProblemOnEveryList() {
        var t = Api.newTenant("paging");
        String agent = UUID.randomUUID().toString();
        for (String list : java.util.List.of("/api/v1/users", "/api/v1/audit-events", "/api/v1/entities",
                "/api/v1/api-keys", "/api/v1/documents", "/api/v1/invoices", "/api/v1/webhooks/razorpay/events",
                "/api/v1/agents", "/api/v1/agents/" + agent + "/ledger", "/api/v1/leads", "/api/v1/payout-runs")) {
            for (String query : java.util.List.of("?page=2147483647&size=200", "?page=2147483647",
                    "?page=99999999999", "?page=abc", "?page=0&size=x")) {
                call("GET", list + query, t.t(), t.adminToken(), null).problem(400, "VALIDATION_FAILED");
            }
            call("GET", list + "?page=0&size=20", t.t(), t.adminToken(), null).expect(list.contains(agent)
                    ? 404
                    : 200);
        }
        call("GET", "/api/v1/platform/tenants?page=2147483647&size=200", Tenant.NONE, Api.platformToken(), null)
                .problem(400, "VALIDATION_FAILED");
    }
}
