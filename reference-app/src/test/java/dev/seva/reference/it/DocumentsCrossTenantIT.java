package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every documents endpoint: tenant B's token on A's host is 401 TENANT_MISMATCH; B's token on B's host with A's ids is
 * 404; nothing of A's changes; B's search never finds A's documents.
 */
class DocumentsCrossTenantIT {

    private static Api.TestTenant a;
    private static Api.TestTenant b;
    private static String aEntity;
    private static String aDoc;

    private record Endpoint(String method, String path, JsonObject body, boolean multipart) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/entities/{entity}/documents", null, true),
            new Endpoint("GET", "/api/v1/entities/{entity}/checklist", null, false),
            new Endpoint("GET", "/api/v1/documents/{doc}", null, false),
            new Endpoint("GET", "/api/v1/documents/{doc}/content", null, false),
            new Endpoint("GET", "/api/v1/documents/{doc}/content?version=1", null, false),
            new Endpoint("GET", "/api/v1/documents/{doc}/text", null, false),
            new Endpoint("GET", "/api/v1/documents/{doc}/versions", null, false),
            new Endpoint("POST", "/api/v1/documents/{doc}/versions", null, true),
            new Endpoint("PATCH", "/api/v1/documents/{doc}/fields", Json.createObjectBuilder().add("pan", "ABCPK1234F")
                    .build(), false),
            new Endpoint("PATCH", "/api/v1/documents/{doc}", Json.createObjectBuilder().add("title", "Hijacked")
                    .build(), false),
            new Endpoint("POST", "/api/v1/documents/{doc}/review", Json.createObjectBuilder().add("decision",
                    "APPROVE").build(), false),
            new Endpoint("DELETE", "/api/v1/documents/{doc}", null, false),
            new Endpoint("GET", "/api/v1/documents", null, false),
            new Endpoint("GET", "/api/v1/document-requirements", null, false),
            new Endpoint("GET", "/api/v1/document-types", null, false),
            new Endpoint("POST", "/api/v1/document-requirements", Json.createObjectBuilder().add("entityType",
                    "LLP").add("documentType", "PAN_CARD").build(), false),
            new Endpoint("GET", "/api/v1/documents/{doc}/reminders", null, false),
            new Endpoint("POST", "/api/v1/document-reminders/scan", null, false),
            new Endpoint("GET", "/api/v1/document-retention", null, false),
            new Endpoint("PUT", "/api/v1/document-retention/PAN_CARD", Json.createObjectBuilder().add("days", 1)
                    .build(), false),
            new Endpoint("DELETE", "/api/v1/document-retention/PAN_CARD", null, false));

    @BeforeAll
    static void twoTenants() {
        DocApi.awaitReady();
        a = Api.newTenant("dxa");
        b = Api.newTenant("dxb");
        aEntity = Api.newEntity(a, "Alpha Documents Pvt Ltd");
        aDoc = DocApi.upload("/api/v1/entities/" + aEntity + "/documents", a.t(), a.adminToken(),
                "Alpha secret ledger text".getBytes(), "alpha.txt", Map.of("title", "Alpha ledger")).expect(201)
                .str("id");
        DocApi.awaitProcessed(aDoc, a);
        String bEntity = Api.newEntity(b, "Beta Documents Pvt Ltd");
        DocApi.upload("/api/v1/entities/" + bEntity + "/documents", b.t(), b.adminToken(), "Beta ledger".getBytes(),
                "beta.txt", Map.of()).expect(201);
    }

    private static Api.Res send(Endpoint e, Tenant t, String token) {
        String path = e.path().replace("{entity}", aEntity).replace("{doc}", aDoc);
        if (e.multipart()) {
            return DocApi.upload(path, t, token, "intruder".getBytes(), "x.txt", Map.of());
        }
        return Api.call(e.method(), path, t, token, e.body());
    }

    @Test
    void tenantBsTokenOnTenantAsHostIsRefused() {
        for (Endpoint e : ENDPOINTS) {
            send(e, a.t(), b.adminToken()).problem(401, "TENANT_MISMATCH");
            send(e, Tenant.host(a.slug() + ".localhost:9080"), b.adminToken()).problem(401, "TENANT_MISMATCH");
        }
    }

    @Test
    void tenantAsIdsAreNotFoundFromTenantB() {
        for (Endpoint e : ENDPOINTS) {
            if (!e.path().contains("{")) {
                continue;
            }
            send(e, b.t(), b.adminToken()).problem(404, "NOT_FOUND");
        }
    }

    @Test
    void withoutATokenEveryEndpointAsksForOne() {
        for (Endpoint e : ENDPOINTS) {
            send(e, a.t(), null).problem(401, "AUTHENTICATION_REQUIRED");
        }
    }

    @Test
    void tenantBsSearchNeverFindsTenantAsDocuments() {
        for (String q : List.of("", "?q=alpha", "?q=secret%20ledger", "?entityId=" + aEntity)) {
            var r = Api.get("/api/v1/documents" + q, b.t(), b.adminToken()).expect(200);
            assertFalse(r.body().contains(aDoc), q);
            assertFalse(r.body().toLowerCase().contains("alpha"), q);
        }
    }

    @Test
    void tenantAsDocumentIsUnchangedAfterTheAttempts() {
        tenantBsTokenOnTenantAsHostIsRefused();
        tenantAsIdsAreNotFoundFromTenantB();
        var d = Api.get("/api/v1/documents/" + aDoc, a.t(), a.adminToken()).expect(200);
        assertEquals("Alpha ledger", d.str("title"));
        assertEquals(1, d.obj().getInt("currentVersion"));
        assertEquals("PENDING_REVIEW", d.str("reviewState"));
        assertEquals(0, d.obj().getJsonObject("fields").size());
        assertEquals(0, Api.get("/api/v1/document-requirements", a.t(), a.adminToken()).expect(200).json()
                .asJsonArray().size());
        assertEquals(0, Api.get("/api/v1/document-retention", a.t(), a.adminToken()).expect(200).obj()
                .getJsonArray("rules").size());
        assertEquals(true, Api.get("/api/v1/audit-events/verify", a.t(), a.adminToken()).expect(200).obj()
                .getBoolean("valid"));
    }
}
