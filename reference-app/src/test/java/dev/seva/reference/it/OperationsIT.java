package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static dev.seva.reference.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsIT {

    /** Every endpoint of the API, as the OpenAPI document must list it. */
    private static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("/api/v1/platform/tenants", List.of("get", "post")),
            Map.entry("/api/v1/platform/tenants/{slug}", List.of("patch")),
            Map.entry("/api/v1/auth/token", List.of("post")),
            Map.entry("/api/v1/me", List.of("get")),
            Map.entry("/api/v1/me/totp", List.of("post")),
            Map.entry("/api/v1/me/totp/confirm", List.of("post")),
            Map.entry("/api/v1/users", List.of("get", "post")),
            Map.entry("/api/v1/users/{id}", List.of("get", "patch", "delete")),
            Map.entry("/api/v1/entities", List.of("get", "post")),
            Map.entry("/api/v1/entities/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/entities/{id}/members", List.of("get", "post")),
            Map.entry("/api/v1/entities/{id}/members/{userId}", List.of("delete")),
            Map.entry("/api/v1/branding", List.of("get")),
            Map.entry("/api/v1/branding/logo", List.of("get")),
            Map.entry("/api/v1/tenant/branding", List.of("put")),
            Map.entry("/api/v1/tenant/branding/logo", List.of("put", "delete")),
            Map.entry("/api/v1/api-keys", List.of("get", "post")),
            Map.entry("/api/v1/api-keys/{id}", List.of("delete")),
            Map.entry("/api/v1/platform/keys/rotate", List.of("post")),
            Map.entry("/api/v1/audit-events", List.of("get")),
            Map.entry("/api/v1/audit-events/verify", List.of("get")),
            Map.entry("/api/v1/auth/methods", List.of("get")),
            Map.entry("/api/v1/tenant/security-settings", List.of("get", "put")),
            Map.entry("/api/v1/tenant/oidc-settings", List.of("get", "put")),
            Map.entry("/api/v1/agents/{id}/bank-account", List.of("put")),
            Map.entry("/api/v1/agents/{id}/statement", List.of("get")),
            Map.entry("/api/v1/leads", List.of("get", "post")),
            Map.entry("/api/v1/leads/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/leads/{id}/history", List.of("get")),
            Map.entry("/api/v1/leads/{id}/convert", List.of("post")),
            Map.entry("/api/v1/referrals/{code}", List.of("get")),
            Map.entry("/api/v1/referrals/{code}/leads", List.of("post")),
            Map.entry("/api/v1/payout-runs", List.of("get", "post")),
            Map.entry("/api/v1/payout-runs/{id}", List.of("get")),
            Map.entry("/api/v1/payout-runs/{id}/bank-file", List.of("get")),
            Map.entry("/api/v1/payments/reconciliation/failures", List.of("get")),
            Map.entry("/api/v1/payments/reconciliation/unapplied", List.of("get")),
            Map.entry("/api/v1/agents/leaderboard", List.of("get")),
            Map.entry("/api/v1/agents/me", List.of("get")),
            Map.entry("/api/v1/agents/{id}/earnings", List.of("get")),
            Map.entry("/api/v1/agents/{id}/referral-qr", List.of("get")),
            Map.entry("/api/v1/commission-accruals/backfill", List.of("post")),
            Map.entry("/callback", List.of("get", "post")),
            Map.entry("/login/complete", List.of("get")),
            Map.entry("/login/totp", List.of("post")),
            Map.entry("/login/oidc", List.of("get")),
            Map.entry("/logout", List.of("post")),
            Map.entry("/api/v1/document-retention", List.of("get")),
            Map.entry("/api/v1/document-retention/{documentType}", List.of("put", "delete")),
            Map.entry("/api/v1/document-reminders/scan", List.of("post")),
            Map.entry("/api/v1/documents/{id}/reminders", List.of("get")));

    @Test
    void readyWhenTheDatabaseIsMigrated() {
        var r = get("/health/ready", Tenant.NONE, null).expect(200);
        assertEquals("UP", r.str("status"));
        assertTrue(r.body().contains("\"migrated\":true"), r.body());
        get("/health/live", Tenant.NONE, null).expect(200);
        // server paths are not tenant-resolved: an unknown tenant's host still gets health
        get("/health/ready", Tenant.host("unknown-firm.localhost"), null).expect(200);
    }

    @Test
    void metricsArePrometheusTextWithRequestsPerTenant() {
        var t = Api.newTenant("metrics");
        get("/api/v1/me", t.t(), t.adminToken()).expect(200);
        var r = Api.raw("GET", "/metrics", "text/plain");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("# TYPE"), r.body().substring(0, Math.min(200, r.body().length())));
        assertTrue(r.body().lines().anyMatch(l -> l.startsWith("seva_requests_total{") && l.contains("tenant=\""
                + t.slug() + "\"")), "per-tenant request count for " + t.slug());
    }

    @Test
    void openApiListsEveryEndpoint() {
        var paths = call("GET", "/openapi?format=JSON", Tenant.NONE, null, null).expect(200).obj()
                .getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        ENDPOINTS.forEach((path, methods) -> methods.forEach(m -> {
            if (!paths.containsKey(path) || !paths.getJsonObject(path).containsKey(m)) {
                missing.add(m.toUpperCase() + " " + path);
            }
        }));
        assertEquals(List.of(), missing, "missing from /openapi");
    }

    @Test
    void everyResponseCarriesARequestId() {
        var r = get("/api/v1/me", Tenant.NONE, null);
        assertTrue(r.raw().headers().firstValue("X-Request-Id").isPresent());
        assertEquals(r.raw().headers().firstValue("X-Request-Id").get(), r.str("requestId"));
    }
}
