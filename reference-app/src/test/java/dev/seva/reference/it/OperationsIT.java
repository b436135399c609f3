package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static dev.seva.reference.it.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OperationsIT {

    /**
     * The browser sign-in paths: servlets and Pac4j filters, not JAX-RS (tenant-core's BrowserSignInOpenApi describes
     * them). Every JAX-RS operation is found in the code itself ({@link ResourceOperations}).
     */
    private static final List<String> SERVLET_OPERATIONS = List.of("GET /callback", "POST /callback",
            "GET /login/complete", "POST /login/totp", "GET /login/oidc", "POST /logout");

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
    void healthSaysWhetherOcrWorks() {
        var r = get("/health", Tenant.NONE, null).expect(200);
        var ocr = r.obj().getJsonArray("checks").stream().map(c -> c.asJsonObject()).filter(c -> "ocr".equals(c
                .getString("name"))).findFirst().orElseThrow(() -> new AssertionError("no ocr check: " + r.body()));
        assertEquals("UP", ocr.getString("status"), "the portal works without OCR");
        boolean installed = Files.isRegularFile(Path.of("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata"));
        assertEquals(installed, ocr.getJsonObject("data").getBoolean("available"), ocr.toString());
        if (!installed) {
            assertTrue(ocr.getJsonObject("data").getString("reason").contains("apt-get install"), ocr.toString());
        }
    }

    @Test
    void metricsNameTenantsOnlyToThePlatformAdminAndTheScraper() throws Exception {
        var t = Api.newTenant("metrics");
        get("/api/v1/me", t.t(), t.adminToken()).expect(200);
        // anonymous: nothing, over http (sent to https) or https
        var http = Api.raw("GET", "/metrics", "text/plain");
        assertTrue(http.statusCode() != 200 && !http.body().contains(t.slug()), "anonymous GET /metrics: " + http
                .statusCode());
        var anonymous = Https.get("/metrics", null);
        assertEquals(401, anonymous.status(), "anonymous GET /metrics over https");
        assertFalse(anonymous.body().contains(t.slug()));
        assertEquals(401, Https.get("/metrics", Https.basic(Https.METRICS_USER, "not-the-password")).status());
        // a tenant's admin is not the platform's
        assertEquals(403, Https.get("/metrics", "Bearer " + t.adminToken()).status());
        // the platform admin's token, and Prometheus with its scrape user
        for (String auth : List.of("Bearer " + Api.platformToken(), Https.basic(Https.METRICS_USER,
                Https.METRICS_PASSWORD))) {
            var r = Https.get("/metrics", auth);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("# TYPE"), r.body().substring(0, Math.min(200, r.body().length())));
            assertTrue(r.body().lines().anyMatch(l -> l.startsWith("seva_requests_total{") && l.contains(
                    "tenant=\"" + t.slug() + "\"")), "per-tenant request count for " + t.slug());
        }
    }

    @Test
    void openApiListsEveryOperationOfTheDeployedResources() {
        var paths = call("GET", "/openapi?format=JSON", Tenant.NONE, null, null).expect(200).obj()
                .getJsonObject("paths");
        Set<String> expected = new TreeSet<>(ResourceOperations.all());
        // the scan sees every module (tenant-core, documents, payments, agents, the reference app)
        assertTrue(expected.containsAll(List.of("GET /api/v1/me", "GET /api/v1/documents/{id}", "POST /api/v1/invoices",
                "GET /api/v1/agents", "GET /api/v1/_bench/entities")), expected.toString());
        expected.addAll(SERVLET_OPERATIONS);
        List<String> missing = new ArrayList<>();
        for (String op : expected) {
            String verb = op.substring(0, op.indexOf(' ')).toLowerCase();
            String path = op.substring(op.indexOf(' ') + 1);
            if (!paths.containsKey(path) || !paths.getJsonObject(path).containsKey(verb)) {
                missing.add(op);
            }
        }
        assertEquals(List.of(), missing, "missing from /openapi");
    }

    @Test
    void everyResponseCarriesARequestId() {
        var r = get("/api/v1/me", Tenant.NONE, null);
        assertTrue(r.raw().headers().firstValue("X-Request-Id").isPresent());
        assertEquals(r.raw().headers().firstValue("X-Request-Id").get(), r.str("requestId"));
    }
}
