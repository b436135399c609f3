package dev.seva.reference.it;

import static dev.seva.reference.it.Api.call;
import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.seva.reference.it.Api.Tenant;
import dev.seva.reference.it.Api.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every agents endpoint across tenants: B's token on A's host is 401, B's token with A's ids is 404, B cannot
 * attribute A's entity or hang its agents under A's, and nothing of A changes.
 */
class AgentsCrossTenantIT {

    private static TestTenant a;
    private static TestTenant b;
    private static String aAgent;
    private static String aPlan;
    private static String aEntity;
    private static String bAgent;
    private static JsonObject aAgentBefore;
    private static String aCode;
    private static String aLead;
    private static String aRun;
    private static JsonObject aLeadBefore;

    private record Endpoint(String method, String path, String body) {
    }

    private static List<Endpoint> endpoints() {
        String ag = "/api/v1/agents/" + aAgent;
        return List.of(new Endpoint("GET", "/api/v1/agents", null),
                new Endpoint("POST", "/api/v1/agents", Json.createObjectBuilder().add("name", "Mole")
                        .add("email", "mole@b.in").add("phone", "9876543210").add("parentAgentId", aAgent).build()
                        .toString()),
                new Endpoint("GET", ag, null),
                new Endpoint("PATCH", ag, Json.createObjectBuilder().add("status", "INACTIVE").build().toString()),
                new Endpoint("POST", ag + "/clients", Json.createObjectBuilder().add("entityId", aEntity).build()
                        .toString()),
                new Endpoint("GET", ag + "/ledger", null), new Endpoint("GET", ag + "/statement?month=2026-11", null),
                new Endpoint("GET", "/api/v1/commission-plans", null),
                new Endpoint("POST", "/api/v1/commission-plans", "{}"),
                new Endpoint("GET", "/api/v1/commission-plans/" + aPlan, null),
                new Endpoint("PUT", ag + "/bank-account", Json.createObjectBuilder().add("accountName", "Mole")
                        .add("accountNumber", "123456789012").add("ifsc", "HDFC0001234").build().toString()),
                new Endpoint("GET", ag + "/statement?month=2026-11&format=csv", null),
                new Endpoint("GET", ag + "/statement?month=2026-11&format=pdf", null),
                new Endpoint("GET", "/api/v1/leads", null),
                new Endpoint("POST", "/api/v1/leads", Json.createObjectBuilder().add("name", "Mole")
                        .add("phone", "9811111111").add("referralCode", aCode).build().toString()),
                new Endpoint("GET", "/api/v1/leads/" + aLead, null),
                new Endpoint("PATCH", "/api/v1/leads/" + aLead, Json.createObjectBuilder().add("stage", "LOST")
                        .build().toString()),
                new Endpoint("GET", "/api/v1/leads/" + aLead + "/history", null),
                new Endpoint("POST", "/api/v1/leads/" + aLead + "/convert", Json.createObjectBuilder()
                        .add("entity", Json.createObjectBuilder().add("legalName", "Mole Ltd")
                                .add("type", "PRIVATE_LIMITED"))
                        .build().toString()),
                new Endpoint("GET", "/api/v1/referrals/" + aCode, null),
                new Endpoint("POST", "/api/v1/referrals/" + aCode + "/leads", Json.createObjectBuilder()
                        .add("name", "Mole").add("email", "mole@b.in").build().toString()),
                new Endpoint("GET", "/api/v1/payout-runs", null),
                new Endpoint("POST", "/api/v1/payout-runs", Json.createObjectBuilder().add("periodEnd", "2026-01-01")
                        .build().toString()),
                new Endpoint("GET", "/api/v1/payout-runs/" + aRun, null),
                new Endpoint("GET", "/api/v1/payout-runs/" + aRun + "/bank-file", null));
    }

    private static String plan(TestTenant t) {
        return post("/api/v1/commission-plans", t.t(), t.adminToken(), Json.createObjectBuilder().add("name", "P")
                .add("effectiveFrom", "2026-01-01").add("rules", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "FLAT").add("amountPaise", 10_000)))
                .build()).expect(201).str("id");
    }

    private static String agent(TestTenant t, String name) {
        return post("/api/v1/agents", t.t(), t.adminToken(), Json.createObjectBuilder().add("name", name)
                .add("email", name + "@x.in").add("phone", "9876543210").build()).expect(201).str("id");
    }

    @BeforeAll
    static void twoFirms() {
        a = Api.newTenant("agxa");
        b = Api.newTenant("agxb");
        aPlan = plan(a);
        aAgent = agent(a, "alpha");
        aEntity = Api.newEntity(a, "Alpha Clients Pvt Ltd");
        post("/api/v1/agents/" + aAgent + "/clients", a.t(), a.adminToken(), Json.createObjectBuilder()
                .add("entityId", aEntity).build()).expect(201);
        aCode = get("/api/v1/agents/" + aAgent, a.t(), a.adminToken()).expect(200).str("referralCode");
        Api.call("PUT", "/api/v1/agents/" + aAgent + "/bank-account", a.t(), a.adminToken(), Json.createObjectBuilder()
                .add("accountName", "Alpha").add("accountNumber", "555566667777").add("ifsc", "HDFC0001234").build())
                .expect(200);
        aAgentBefore = get("/api/v1/agents/" + aAgent, a.t(), a.adminToken()).expect(200).obj();
        aLead = post("/api/v1/leads", a.t(), a.adminToken(), Json.createObjectBuilder().add("name", "Alpha lead")
                .add("phone", "9811111111").add("email", "lead@alpha.in").add("referralCode", aCode).build())
                .expect(201).str("id");
        aLeadBefore = get("/api/v1/leads/" + aLead, a.t(), a.adminToken()).expect(200).obj();
        aRun = post("/api/v1/payout-runs", a.t(), a.adminToken(), Json.createObjectBuilder().add("periodEnd",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).toString()).build()).expect(201)
                .str("id");
        plan(b);
        bAgent = agent(b, "beta");
    }

    @Test
    void tenantBsTokenOnTenantAsHostIsRefused() {
        for (Endpoint e : endpoints()) {
            call(e.method(), e.path(), a.t(), b.adminToken(), e.body()).problem(401, "TENANT_MISMATCH");
            call(e.method(), e.path(), Tenant.host(a.slug() + ".localhost:9080"), b.adminToken(), e.body())
                    .problem(401, "TENANT_MISMATCH");
        }
        assertEquals(aAgentBefore, get("/api/v1/agents/" + aAgent, a.t(), a.adminToken()).expect(200).obj());
    }

    @Test
    void tenantAsIdsAreNotFoundFromTenantB() {
        for (Endpoint e : endpoints()) {
            if (!e.path().contains(aAgent) && !e.path().contains(aPlan) && !e.path().contains(aLead)
                    && !e.path().contains(aRun) && !e.path().contains(aCode)) {
                continue;
            }
            call(e.method(), e.path(), b.t(), b.adminToken(), e.body()).problem(404, "NOT_FOUND");
        }
        // B's own agent cannot claim A's entity, nor hang under A's agent
        post("/api/v1/agents/" + bAgent + "/clients", b.t(), b.adminToken(), Json.createObjectBuilder()
                .add("entityId", aEntity).build()).problem(404, "NOT_FOUND");
        var r = post("/api/v1/agents", b.t(), b.adminToken(), Json.createObjectBuilder().add("name", "Mole")
                .add("email", "mole@b.in").add("phone", "9876543210").add("parentAgentId", aAgent).add("planId", aPlan)
                .build()).problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("parentAgentId", "planId"), r.fields());
        call("PATCH", "/api/v1/agents/" + bAgent, b.t(), b.adminToken(), Json.createObjectBuilder()
                .add("parentAgentId", aAgent).build()).problem(400, "VALIDATION_FAILED");
        assertFalse(get("/api/v1/agents?size=200", b.t(), b.adminToken()).expect(200).body().contains(aAgent));
        assertFalse(get("/api/v1/commission-plans", b.t(), b.adminToken()).expect(200).body().contains(aPlan));
        assertEquals(aAgentBefore, get("/api/v1/agents/" + aAgent, a.t(), a.adminToken()).expect(200).obj());
        assertEquals(1, Pay.sql("SELECT count(*) FROM agent_client WHERE tenant_id = ? AND entity_id = ?", a.id(),
                aEntity));
        // B's lists never show A's leads or runs; A's code means nothing in B; the same phone is a new lead in B
        assertFalse(get("/api/v1/leads?size=200", b.t(), b.adminToken()).expect(200).body().contains(aLead));
        assertFalse(get("/api/v1/payout-runs", b.t(), b.adminToken()).expect(200).body().contains(aRun));
        post("/api/v1/leads", b.t(), b.adminToken(), Json.createObjectBuilder().add("name", "Mole").add("phone",
                "9811111111").add("referralCode", aCode).build()).problem(400, "VALIDATION_FAILED");
        String bLead = post("/api/v1/leads", b.t(), b.adminToken(), Json.createObjectBuilder().add("name", "Beta lead")
                .add("phone", "+91 98111 11111").add("email", "LEAD@alpha.in").build()).expect(201).str("id");
        assertFalse(bLead.equals(aLead));
        assertEquals(aLeadBefore, get("/api/v1/leads/" + aLead, a.t(), a.adminToken()).expect(200).obj());
        assertEquals(1, Pay.sql("SELECT count(*) FROM agent_lead_event WHERE tenant_id = ? AND lead_id = ? AND kind"
                + " <> 'ASSIGNED'", a.id(), aLead), "only A's own CREATED event");
        assertEquals(1, Pay.sql("SELECT count(*) FROM payout_run WHERE tenant_id = ?", a.id()));
    }
}
