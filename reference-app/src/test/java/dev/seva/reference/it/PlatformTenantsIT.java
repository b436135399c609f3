package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.patch;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlatformTenantsIT {

    private static JsonObject body(String slug, String password, String... domains) {
        var ds = Json.createArrayBuilder();
        for (String d : domains) {
            ds.add(d);
        }
        return Json.createObjectBuilder().add("slug", slug).add("name", "Firm " + slug)
                .add("adminEmail", "boss@" + slug + ".in").add("adminPassword", password).add("domains", ds).build();
    }

    @Test
    void createsATenantIdempotentlyAndRefusesATakenSlug() {
        String pt = Api.platformToken();
        String slug = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        var first = post("/api/v1/platform/tenants", Tenant.NONE, pt, body(slug, "first-password-1")).expect(201);
        assertEquals(slug, first.str("slug"));
        assertEquals("ACTIVE", first.str("status"));
        var again = post("/api/v1/platform/tenants", Tenant.NONE, pt, body(slug, "first-password-1")).expect(201);
        assertEquals(first.str("id"), again.str("id"));
        post("/api/v1/platform/tenants", Tenant.NONE, pt, body(slug, "other-password-1")).problem(409,
                "TENANT_SLUG_TAKEN");
        // the first admin can sign in to the new tenant
        Api.token(Tenant.header(slug), "boss@" + slug + ".in", "first-password-1");
    }

    @Test
    void customDomainsAreUniqueAndResolveTheTenant() {
        String pt = Api.platformToken();
        String slug = "dom-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = "portal." + slug + ".example.in";
        post("/api/v1/platform/tenants", Tenant.NONE, pt, body(slug, "domain-password-1", domain)).expect(201);
        post("/api/v1/platform/tenants", Tenant.NONE, pt, body(slug + "x", "domain-password-1", domain))
                .problem(409, "TENANT_DOMAIN_TAKEN");
        String token = Api.token(Tenant.host(domain), "boss@" + slug + ".in", "domain-password-1");
        assertEquals(slug, get("/api/v1/me", Tenant.host(domain + ":9080"), token).expect(200).str("tenant"));
        // the subdomain of the base domain names the same tenant, and the token is good there too
        assertEquals(slug, get("/api/v1/me", Tenant.host(slug + ".localhost:9080"), token).expect(200)
                .str("tenant"));
    }

    @Test
    void badInputGetsFieldErrors() {
        var r = post("/api/v1/platform/tenants", Tenant.NONE, Api.platformToken(),
                Json.createObjectBuilder().add("slug", "Bad Slug!").add("adminEmail", "not-an-email")
                        .add("adminPassword", "short").add("plan", "GOLD")
                        .add("domains", Json.createArrayBuilder().add("x")).build())
                .problem(400, "VALIDATION_FAILED");
        assertTrue(r.fields().containsAll(java.util.List.of("slug", "name", "adminEmail", "adminPassword", "plan",
                "domains[0]")), r.body());
        post("/api/v1/platform/tenants", Tenant.NONE, Api.platformToken(),
                Json.createObjectBuilder().add("slug", "api").add("name", "x").add("adminEmail", "a@b.in")
                        .add("adminPassword", "long-enough-pw").build())
                .problem(400, "VALIDATION_FAILED");
        patch("/api/v1/platform/tenants/nope-nope", Tenant.NONE, Api.platformToken(),
                Json.createObjectBuilder().add("status", "SUSPENDED").build()).problem(404, "NOT_FOUND");
        patch("/api/v1/platform/tenants/nope-nope", Tenant.NONE, Api.platformToken(),
                Json.createObjectBuilder().add("status", "GONE").build()).problem(400, "VALIDATION_FAILED");
    }

    @Test
    void suspendedTenantsAreRefusedUntilReactivated() {
        var t = Api.newTenant("susp");
        String pt = Api.platformToken();
        patch("/api/v1/platform/tenants/" + t.slug(), Tenant.NONE, pt,
                Json.createObjectBuilder().add("status", "SUSPENDED").build()).expect(200);
        get("/api/v1/me", t.t(), t.adminToken()).problem(403, "TENANT_SUSPENDED");
        post("/api/v1/auth/token", t.t(), null, Json.createObjectBuilder().add("email", t.adminEmail())
                .add("password", t.adminPassword()).build()).problem(403, "TENANT_SUSPENDED");
        patch("/api/v1/platform/tenants/" + t.slug(), Tenant.NONE, pt,
                Json.createObjectBuilder().add("status", "ACTIVE").add("plan", "ENTERPRISE").build()).expect(200);
        get("/api/v1/me", t.t(), t.adminToken()).expect(200);
        boolean listed = false;
        for (int page = 0; !listed; page++) {
            var r = get("/api/v1/platform/tenants?size=200&page=" + page, Tenant.NONE, pt).expect(200);
            if (r.items().isEmpty()) {
                break;
            }
            listed = r.items().stream().anyMatch(i -> i.asJsonObject().getString("slug").equals(t.slug())
                    && i.asJsonObject().getString("plan").equals("ENTERPRISE"));
        }
        assertTrue(listed, "the tenant is listed with its new plan");
    }

    @Test
    void onlyPlatformAdminsOperateTenants() {
        var t = Api.newTenant("nonadmin");
        // a tenant admin's token on the bare host is not for the platform
        get("/api/v1/platform/tenants", Tenant.NONE, t.adminToken()).problem(401, "TENANT_MISMATCH");
        // and on its own host it lacks the role
        get("/api/v1/platform/tenants", t.t(), t.adminToken()).problem(403, "FORBIDDEN");
        get("/api/v1/platform/tenants", Tenant.NONE, null).problem(401, "AUTHENTICATION_REQUIRED");
    }
}
