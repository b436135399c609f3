package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every endpoint: tenant B's token, host and ids against tenant A's data give 401/403/404, never data, and
 * change nothing of A's.
 */
class CrossTenantIT {

    private static Api.TestTenant a;
    private static Api.TestTenant b;
    private static String aEntity;
    private static Api.TestUser aClient;

    /** One endpoint call, with {@code {entity}} and {@code {user}} replaced by ids. */
    private record Endpoint(String method, String path, JsonObject body) {
        String path(String entity, String user) {
            return path.replace("{entity}", entity).replace("{user}", user);
        }
    }

    private static final List<Endpoint> TENANT_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/me", null),
            new Endpoint("GET", "/api/v1/entities", null),
            new Endpoint("POST", "/api/v1/entities",
                    Json.createObjectBuilder().add("legalName", "Intruder Ltd").add("type", "OPC").build()),
            new Endpoint("GET", "/api/v1/entities/{entity}", null),
            new Endpoint("GET", "/api/v1/entity-types", null),
            new Endpoint("PATCH", "/api/v1/entities/{entity}",
                    Json.createObjectBuilder().add("legalName", "Hijacked").build()),
            new Endpoint("GET", "/api/v1/entities/{entity}/members", null),
            new Endpoint("POST", "/api/v1/entities/{entity}/members",
                    Json.createObjectBuilder().add("userId", "{user}").add("role", "OWNER").build()),
            new Endpoint("DELETE", "/api/v1/entities/{entity}/members/{user}", null),
            new Endpoint("GET", "/api/v1/users", null),
            new Endpoint("POST", "/api/v1/users", Json.createObjectBuilder().add("email", "x@intruder.in")
                    .add("name", "x").add("roles", Json.createArrayBuilder().add("TENANT_ADMIN")).build()),
            new Endpoint("GET", "/api/v1/users/{user}", null),
            new Endpoint("PATCH", "/api/v1/users/{user}", Json.createObjectBuilder().add("name", "Hijacked").build()),
            new Endpoint("DELETE", "/api/v1/users/{user}", null),
            new Endpoint("POST", "/api/v1/me/totp", Json.createObjectBuilder().build()),
            new Endpoint("POST", "/api/v1/me/totp/confirm", Json.createObjectBuilder().add("code", "123456").build()),
            new Endpoint("PUT", "/api/v1/tenant/branding", Json.createObjectBuilder().add("displayName", "Hijacked")
                    .add("primaryColor", "#000000").add("accentColor", "#000000").build()),
            new Endpoint("PUT", "/api/v1/tenant/branding/logo", Json.createObjectBuilder().build()),
            new Endpoint("DELETE", "/api/v1/tenant/branding/logo", null),
            new Endpoint("GET", "/api/v1/api-keys", null),
            new Endpoint("POST", "/api/v1/api-keys", Json.createObjectBuilder().add("name", "Intruder")
                    .add("scopes", Json.createArrayBuilder().add("entities:read")).build()),
            new Endpoint("DELETE", "/api/v1/api-keys/{user}", null),
            new Endpoint("GET", "/api/v1/audit-events", null),
            new Endpoint("GET", "/api/v1/audit-events/verify", null));

    @BeforeAll
    static void twoTenants() {
        a = Api.newTenant("xa");
        b = Api.newTenant("xb");
        aEntity = Api.newEntity(a, "Alpha Holdings Pvt Ltd");
        aClient = Api.newUser(a, "CLIENT");
        post("/api/v1/entities/" + aEntity + "/members", a.t(), a.adminToken(), Json.createObjectBuilder()
                .add("userId", aClient.id()).add("role", "OWNER").build()).expect(201);
        Api.newEntity(b, "Beta Holdings Pvt Ltd");
    }

    private static Api.Res send(Endpoint e, Tenant t, String token) {
        String body = e.body() == null ? null : e.body().toString().replace("{user}", aClient.id());
        return call(e.method(), e.path(aEntity, aClient.id()), t, token, body);
    }

    @Test
    void tenantBsTokenOnTenantAsHostIsRefused() {
        for (Endpoint e : TENANT_ENDPOINTS) {
            send(e, a.t(), b.adminToken()).problem(401, "TENANT_MISMATCH");
            send(e, Tenant.host(a.slug() + ".localhost:9080"), b.adminToken()).problem(401, "TENANT_MISMATCH");
        }
    }

    @Test
    void tenantAsIdsAreNotFoundFromTenantB() {
        for (Endpoint e : TENANT_ENDPOINTS) {
            if (!e.path().contains("{")) {
                continue;
            }
            var r = send(e, b.t(), b.adminToken());
            // 404 for an id of another tenant; a membership body naming A's user is a field error, never a success
            if (r.status() == 400) {
                r.problem(400, "VALIDATION_FAILED");
            } else {
                r.problem(404, "NOT_FOUND");
            }
        }
    }

    @Test
    void tenantBsListsNeverContainTenantAsData() {
        for (String path : List.of("/api/v1/entities?size=200", "/api/v1/users?size=200",
                "/api/v1/audit-events?size=200")) {
            var r = get(path, b.t(), b.adminToken()).expect(200);
            assertFalse(r.body().contains(aEntity), path);
            assertFalse(r.body().contains(aClient.id()), path);
            assertFalse(r.body().contains(a.slug()), path);
            assertFalse(r.body().contains(a.adminEmail()), path);
        }
        var me = get("/api/v1/me", b.t(), b.adminToken()).expect(200);
        assertEquals(b.slug(), me.str("tenant"));
    }

    @Test
    void concurrentRequestsOfTwoTenantsNeverSeeEachOthersRows() throws Exception {
        String bEntity = Api.newEntity(b, "Beta Concurrent Pvt Ltd");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean asA = i % 2 == 0;
                results.add(pool.submit(() -> {
                    var t = asA ? a : b;
                    var r = get("/api/v1/entities?size=200", t.t(), t.adminToken()).expect(200);
                    String foreign = asA ? bEntity : aEntity;
                    return r.body().contains(foreign) ? "leak as " + t.slug() : "";
                }));
            }
            for (var f : results) {
                assertEquals("", f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutATokenEveryTenantEndpointAsksForOne() {
        for (Endpoint e : TENANT_ENDPOINTS) {
            send(e, a.t(), null).problem(401, "AUTHENTICATION_REQUIRED");
        }
    }

    @Test
    void tenantTokensCannotReachThePlatform() {
        call("GET", "/api/v1/platform/tenants", Tenant.NONE, a.adminToken(), null).problem(401, "TENANT_MISMATCH");
        call("PATCH", "/api/v1/platform/tenants/" + b.slug(), a.t(), a.adminToken(),
                Json.createObjectBuilder().add("status", "SUSPENDED").build()).problem(403, "FORBIDDEN");
        // and the platform admin's token is not a tenant's
        call("GET", "/api/v1/entities", a.t(), Api.platformToken(), null).problem(401, "TENANT_MISMATCH");
    }

    @Test
    void tenantAsDataIsUnchangedAfterTheAttempts() {
        tenantBsTokenOnTenantAsHostIsRefused();
        tenantAsIdsAreNotFoundFromTenantB();
        var e = get("/api/v1/entities/" + aEntity, a.t(), a.adminToken()).expect(200);
        assertEquals("Alpha Holdings Pvt Ltd", e.str("legalName"));
        assertEquals(1, get("/api/v1/entities/" + aEntity + "/members", a.t(), a.adminToken()).expect(200).json()
                .asJsonArray().size());
        assertEquals("Test CLIENT", get("/api/v1/users/" + aClient.id(), a.t(), a.adminToken()).expect(200)
                .str("name"));
        assertEquals(true, get("/api/v1/audit-events/verify", a.t(), a.adminToken()).expect(200).obj()
                .getBoolean("valid"));
        assertEquals("xa & Co", get("/api/v1/branding", a.t(), null).expect(200).str("displayName"));
    }
}
