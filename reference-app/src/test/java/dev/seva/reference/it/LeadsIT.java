package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.patch;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Res;
import dev.seva.reference.it.Api.Tenant;
import dev.seva.reference.it.Api.TestTenant;
import dev.seva.reference.it.Api.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leads: capture, de-duplication on the normalised phone and e-mail (also for racing inserts), forward-only stages
 * with history, territory assignment with workload balancing, the public referral link (honeypot, rate limit, never
 * revealing a duplicate), conversion into entity + client user + attribution, and what agents may see.
 */
class LeadsIT {

    private static TestTenant firm;
    private static TestUser pUser;
    private static TestUser qUser;
    private static TestUser rUser;
    private static String p;
    private static String q;
    private static String r;
    private static String pCode;

    private static Tenant t() {
        return firm.t();
    }

    private static String admin() {
        return firm.adminToken();
    }

    private static String agent(TestTenant f, String name, String parent, String userId, JsonObjectBuilder territory) {
        var body = Json.createObjectBuilder().add("name", name).add("email", name.toLowerCase() + "@agents.in")
                .add("phone", "9876543210");
        if (parent != null) {
            body.add("parentAgentId", parent);
        }
        if (userId != null) {
            body.add("userId", userId);
        }
        if (territory != null) {
            body.add("territory", territory);
        }
        return post("/api/v1/agents", f.t(), f.adminToken(), body.build()).expect(201).str("id");
    }

    private static JsonObjectBuilder lead(String name, String phone, String email) {
        var b = Json.createObjectBuilder().add("name", name);
        if (phone != null) {
            b.add("phone", phone);
        }
        if (email != null) {
            b.add("email", email);
        }
        return b;
    }

    private static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static String uniquePhone() {
        return "9" + String.format("%09d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
    }

    @BeforeAll
    static void firmWithAgents() {
        firm = Api.newTenant("lds");
        pUser = Api.newUser(firm, "AGENT");
        qUser = Api.newUser(firm, "AGENT");
        rUser = Api.newUser(firm, "AGENT");
        p = agent(firm, "Prakash", null, pUser.id(), null);
        q = agent(firm, "Qadir", p, qUser.id(), null);
        r = agent(firm, "Rekha", null, rUser.id(), null);
        pCode = get("/api/v1/agents/" + p, t(), admin()).expect(200).str("referralCode");
    }

    @Test
    void duplicatesAreRefusedOnNormalisedPhoneAndEmail() {
        JsonObject first = post("/api/v1/leads", t(), admin(), lead("Asha Rao", "+91 98200 11111",
                "Asha.Rao@Example.in").add("companyName", "Rao Traders").add("city", "Nashik").build()).expect(201)
                .obj();
        assertEquals("NEW", first.getString("stage"));
        assertEquals("STAFF", first.getString("source"));
        assertTrue(absent(first, "agentId"), "no referrer and no territory match: unassigned " + first);
        for (String phone : new String[]{"098200 11111", "9820011111", "0091-98200-11111", "+919820011111"}) {
            Res dup = post("/api/v1/leads", t(), admin(), lead("Someone Else", phone, null).build())
                    .problem(409, "LEAD_DUPLICATE");
            assertEquals(first.getString("id"), dup.str("existingLeadId"), phone);
        }
        Res byEmail = post("/api/v1/leads", t(), admin(), lead("A. Rao", null, "  ASHA.RAO@example.IN ").build())
                .problem(409, "LEAD_DUPLICATE");
        assertEquals(first.getString("id"), byEmail.str("existingLeadId"));
        var bad = post("/api/v1/leads", t(), admin(), Json.createObjectBuilder().add("name", "").add("pincode", "12")
                .build()).problem(400, "VALIDATION_FAILED");
        assertTrue(bad.fields().containsAll(List.of("name", "phone", "pincode")), bad.body());
        post("/api/v1/leads", t(), admin(), lead("X", "12ab", null).build()).problem(400, "VALIDATION_FAILED");
        post("/api/v1/leads", t(), admin(), lead("X", uniquePhone(), null).add("referralCode", "NOSUCH99").build())
                .problem(400, "VALIDATION_FAILED");
    }

    @Test
    void racingDuplicateInsertsMakeOneLead() throws Exception {
        String phone = uniquePhone();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Res>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String prefix = i % 2 == 0 ? "+91 " : "0";
            int n = i;
            racers.add(() -> post("/api/v1/leads", t(), admin(), lead("Racer " + n, prefix + phone, null).build()));
        }
        List<Res> results = new ArrayList<>();
        try {
            for (Future<Res> f : pool.invokeAll(racers)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, results.stream().filter(x -> x.status() == 201).count(), results.toString());
        String id = results.stream().filter(x -> x.status() == 201).findFirst().orElseThrow().str("id");
        for (Res x : results) {
            if (x.status() != 201) {
                x.problem(409, "LEAD_DUPLICATE");
                assertEquals(id, x.str("existingLeadId"));
            }
        }
        assertEquals(1, Pay.sql("SELECT count(*) FROM agent_lead WHERE tenant_id = ? AND phone_key = ?", firm.id(),
                phone));
    }

    @Test
    void stagesOnlyMoveForwardAndEveryChangeIsInTheHistory() {
        String id = post("/api/v1/leads", t(), admin(), lead("Stage Walker", uniquePhone(), null).build())
                .expect(201).str("id");
        String path = "/api/v1/leads/" + id;
        assertEquals("CONTACTED", patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "CONTACTED")
                .add("note", "called, interested").build()).expect(200).str("stage"));
        patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "NEW").build()).problem(409,
                "LEAD_STAGE_INVALID");
        patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "CONVERTED").build()).problem(409,
                "LEAD_STAGE_INVALID");
        assertEquals("QUALIFIED", patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "QUALIFIED")
                .build()).expect(200).str("stage"));
        patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "CONTACTED").build()).problem(409,
                "LEAD_STAGE_INVALID");
        patch(path, t(), admin(), Json.createObjectBuilder().add("agentId", r).build()).expect(200);
        JsonObject lost = patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "LOST")
                .add("lostReason", "went with a competitor").build()).expect(200).obj();
        assertEquals("LOST", lost.getString("stage"));
        assertEquals("went with a competitor", lost.getString("lostReason"));
        assertEquals("Rekha", lost.getString("agentName"));
        patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "QUALIFIED").build()).problem(409,
                "LEAD_STAGE_INVALID");
        post(path + "/convert", t(), admin(), Json.createObjectBuilder().add("entity", Json.createObjectBuilder()
                .add("legalName", "Lost Co").add("type", "PROPRIETORSHIP")).build()).problem(409,
                        "LEAD_STAGE_INVALID");
        patch(path, t(), admin(), Json.createObjectBuilder().add("stage", "BOGUS").build()).problem(400,
                "VALIDATION_FAILED");
        JsonArray h = get(path + "/history", t(), admin()).expect(200).items();
        List<String> seen = h.stream().map(v -> v.asJsonObject().getString("kind") + ":"
                + v.asJsonObject().getString("toValue", "")).toList();
        assertEquals(List.of("CREATED:NEW", "STAGE:CONTACTED", "NOTE:", "STAGE:QUALIFIED", "ASSIGNED:" + r,
                "STAGE:LOST"), seen);
        assertEquals(firm.adminEmail(), h.getJsonObject(1).getString("actor"));
        assertTrue(Pay.audits(firm.id(), "LEAD_CHANGED", id) >= 4);
    }

    @Test
    void territoryAssignmentBalancesTheWorkload() {
        var pune = Json.createObjectBuilder().add("states", Json.createArrayBuilder().add("MH"))
                .add("cities", Json.createArrayBuilder().add("Pune"));
        String tara = agent(firm, "Tara", null, null, pune);
        String uday = agent(firm, "Uday", null, null, Json.createObjectBuilder()
                .add("states", Json.createArrayBuilder().add("MH")).add("cities", Json.createArrayBuilder()
                        .add("pune")));
        String vik = agent(firm, "Vikram", null, null, Json.createObjectBuilder()
                .add("states", Json.createArrayBuilder().add("KA"))
                .add("serviceCategories", Json.createArrayBuilder().add("GST")));
        String inactive = agent(firm, "Wasim", null, null, pune);
        patch("/api/v1/agents/" + inactive, t(), admin(), Json.createObjectBuilder().add("status", "INACTIVE")
                .build()).expect(200);
        JsonObject shown = get("/api/v1/agents/" + tara, t(), admin()).expect(200).obj();
        assertEquals("Pune", shown.getJsonObject("territory").getJsonArray("cities").getString(0));
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            String a = post("/api/v1/leads", t(), admin(), lead("Pune lead " + i, uniquePhone(), null)
                    .add("state", "MH").add("city", "PUNE").build()).expect(201).str("agentId");
            got.merge(a, 1, Integer::sum);
        }
        assertEquals(Map.of(tara, 3, uday, 3), got, "six leads over two agents with no open leads yet");
        // closing two of Tara's leads makes her the least loaded for the next two
        JsonArray taras = get("/api/v1/leads?agentId=" + tara, t(), admin()).expect(200).items();
        for (int i = 0; i < 2; i++) {
            patch("/api/v1/leads/" + taras.getJsonObject(i).getString("id"), t(), admin(), Json.createObjectBuilder()
                    .add("stage", "LOST").build()).expect(200);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(tara, post("/api/v1/leads", t(), admin(), lead("Pune again " + i, uniquePhone(), null)
                    .add("state", "MH").add("city", "Pune").build()).expect(201).str("agentId"));
        }
        assertEquals(vik, post("/api/v1/leads", t(), admin(), lead("Bengaluru GST", uniquePhone(), null)
                .add("state", "KA").add("city", "Bengaluru").add("serviceCategory", "gst").build()).expect(201)
                .str("agentId"));
        JsonObject none = post("/api/v1/leads", t(), admin(), lead("Bengaluru audit", uniquePhone(), null)
                .add("state", "KA").add("serviceCategory", "AUDIT").build()).expect(201).obj();
        assertTrue(absent(none, "agentId"), none.toString());
        // staff assign it by hand; an inactive agent cannot take it
        patch("/api/v1/leads/" + none.getString("id"), t(), admin(), Json.createObjectBuilder()
                .add("agentId", inactive).build()).problem(400, "VALIDATION_FAILED");
        assertEquals(vik, patch("/api/v1/leads/" + none.getString("id"), t(), admin(), Json.createObjectBuilder()
                .add("agentId", vik).build()).expect(200).str("agentId"));
        // with a referral code the code's agent gets it, whatever the territory
        JsonObject referred = post("/api/v1/leads", t(), admin(), lead("Referred", uniquePhone(), null)
                .add("state", "MH").add("city", "Pune").add("referralCode", pCode).build()).expect(201).obj();
        assertEquals(p, referred.getString("agentId"));
        assertEquals(p, referred.getString("referredByAgentId"));
    }

    @Test
    void thePublicReferralLinkTakesLeadsWithoutRevealingDuplicates() {
        Tenant anon = t();
        JsonObject info = get("/api/v1/referrals/" + pCode, anon, null).expect(200).obj();
        assertEquals("Prakash", info.getString("agentName"));
        assertEquals("lds & Co", info.getString("firmName"));
        assertFalse(info.containsKey("email"), info.toString());
        get("/api/v1/referrals/ZZZZ9999", anon, null).problem(404, "NOT_FOUND");
        String email = "visitor-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        JsonObject ok = post("/api/v1/referrals/" + pCode + "/leads", anon, null, Json.createObjectBuilder()
                .add("name", "Visitor").add("email", email).add("message", "Need GST help").add("website", "")
                .build()).expect(202).obj();
        assertTrue(ok.getBoolean("received"));
        JsonObject l = get("/api/v1/leads?q=" + email, t(), admin()).expect(200).items().getJsonObject(0);
        assertEquals("REFERRAL_LINK", l.getString("source"));
        assertEquals(p, l.getString("referredByAgentId"));
        assertEquals(p, l.getString("agentId"));
        // the same person again: the same answer, and the existing lead's history notes it
        post("/api/v1/referrals/" + pCode + "/leads", anon, null, Json.createObjectBuilder().add("name", "Visitor 2")
                .add("email", email.toUpperCase()).build()).expect(202);
        assertEquals(1, Pay.sql("SELECT count(*) FROM agent_lead WHERE tenant_id = ? AND email_key = ?", firm.id(),
                email));
        JsonArray h = get("/api/v1/leads/" + l.getString("id") + "/history", t(), admin()).expect(200).items();
        assertTrue(h.stream().anyMatch(e -> e.asJsonObject().getString("kind").equals("REFERRAL")), h.toString());
        // a bot fills the honeypot: accepted, nothing stored
        String botEmail = "bot-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        post("/api/v1/referrals/" + pCode + "/leads", anon, null, Json.createObjectBuilder().add("name", "Bot")
                .add("email", botEmail).add("website", "http://spam.example").build()).expect(202);
        assertEquals(0, Pay.sql("SELECT count(*) FROM agent_lead WHERE tenant_id = ? AND email_key = ?", firm.id(),
                botEmail));
        post("/api/v1/referrals/" + pCode + "/leads", anon, null, Json.createObjectBuilder().add("name", "No contact")
                .build()).problem(400, "VALIDATION_FAILED");
        post("/api/v1/referrals/ZZZZ9999/leads", anon, null, Json.createObjectBuilder().add("name", "X")
                .add("email", "x@example.in").build()).problem(404, "NOT_FOUND");
    }

    @Test
    void thePublicFormIsRateLimitedPerAddress() {
        TestTenant other = Api.newTenant("ldr");
        String agentId = agent(other, "Solo", null, null, null);
        String code = get("/api/v1/agents/" + agentId, other.t(), other.adminToken()).expect(200).str("referralCode");
        Res last = null;
        int accepted = 0;
        for (int i = 0; i < 12; i++) {
            last = post("/api/v1/referrals/" + code + "/leads", other.t(), null, Json.createObjectBuilder()
                    .add("name", "Flood " + i).add("phone", uniquePhone()).build());
            if (last.status() == 202) {
                accepted++;
            } else {
                break;
            }
        }
        assertEquals(10, accepted);
        last.problem(429, "RATE_LIMITED");
        assertTrue(last.raw().headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L) > 0);
        // another firm's form is not affected by this firm's limit
        post("/api/v1/referrals/" + pCode + "/leads", t(), null, Json.createObjectBuilder().add("name", "Unaffected")
                .add("phone", uniquePhone()).build()).expect(202);
    }

    @Test
    void conversionCreatesTheEntityTheClientUserAndTheAttribution() {
        String email = "client-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        String id = post("/api/v1/leads", t(), qUser.token(), lead("Kiran Client", null, email).build()).expect(201)
                .str("id");
        JsonObject conv = post("/api/v1/leads/" + id + "/convert", t(), admin(), Json.createObjectBuilder()
                .add("entity", Json.createObjectBuilder().add("legalName", "Kiran Exports Pvt Ltd")
                        .add("type", "PRIVATE_LIMITED").add("pan", "AAPFU0939F").add("state", "27"))
                .build()).expect(200).obj();
        String entityId = conv.getString("entityId");
        String userId = conv.getString("userId");
        assertEquals("CONVERTED", conv.getJsonObject("lead").getString("stage"));
        assertEquals(entityId, conv.getJsonObject("lead").getString("entityId"));
        assertEquals("Kiran Exports Pvt Ltd", get("/api/v1/entities/" + entityId, t(), admin()).expect(200)
                .str("legalName"));
        JsonObject user = get("/api/v1/users/" + userId, t(), admin()).expect(200).obj();
        assertEquals(email, user.getString("email"));
        assertEquals(List.of("CLIENT"), user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(get("/api/v1/entities/" + entityId + "/members", t(), admin()).body().contains(userId));
        assertEquals(1, Pay.sql("SELECT count(*) FROM agent_client WHERE tenant_id = ? AND entity_id = ? AND"
                + " agent_id = ?", firm.id(), entityId, q));
        post("/api/v1/leads/" + id + "/convert", t(), admin(), Json.createObjectBuilder().add("entityId", entityId)
                .build()).problem(409, "LEAD_STAGE_INVALID");

        // another agent's lead cannot be converted into the same entity: attribution is fixed, nothing changes
        String other = post("/api/v1/leads", t(), rUser.token(), lead("Kiran Partner", uniquePhone(),
                "partner-" + email).build()).expect(201).str("id");
        post("/api/v1/leads/" + other + "/convert", t(), admin(), Json.createObjectBuilder().add("entityId",
                entityId).build()).problem(409, "AGENT_ATTRIBUTION_FIXED");
        assertEquals("NEW", get("/api/v1/leads/" + other, t(), admin()).expect(200).str("stage"));
        assertEquals(0, Pay.sql("SELECT count(*) FROM app_user WHERE tenant_id = ? AND email = ?", firm.id(),
                "partner-" + email), "rolled back with the conversion");
        // a bad entity is a field error, and nothing is created
        String third = post("/api/v1/leads", t(), admin(), lead("Third", uniquePhone(), null).build()).expect(201)
                .str("id");
        var bad = post("/api/v1/leads/" + third + "/convert", t(), admin(), Json.createObjectBuilder()
                .add("entity", Json.createObjectBuilder().add("legalName", "").add("type", "NOPE")).build())
                .problem(400, "VALIDATION_FAILED");
        assertTrue(bad.fields().containsAll(List.of("legalName", "type")), bad.body());
        // agents do not convert
        post("/api/v1/leads/" + third + "/convert", t(), qUser.token(), "{}").problem(403, "FORBIDDEN");
    }

    @Test
    void convertingIntoAnExistingEntityMakesTheLeadAMemberOnlyWhenStaffSaySoAndNeverOwnerByDefault() {
        // a firm's client entity with its real owner
        String entityId = Api.newEntity(firm, "Existing Client Pvt Ltd");
        TestUser owner = Api.newUser(firm, "CLIENT");
        post("/api/v1/entities/" + entityId + "/members", t(), admin(), Json.createObjectBuilder()
                .add("userId", owner.id()).add("role", "OWNER").build()).expect(201);
        // a stranger's lead from the anonymous referral form, naming themself
        String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        post("/api/v1/referrals/" + pCode + "/leads", t(), null, Json.createObjectBuilder().add("name",
                "Not The Owner").add("email", stranger).build()).expect(202);
        String leadId = leadByEmail(stranger);
        JsonObject conv = post("/api/v1/leads/" + leadId + "/convert", t(), admin(), Json.createObjectBuilder()
                .add("entityId", entityId).build()).expect(200).obj();
        assertEquals("CONVERTED", conv.getJsonObject("lead").getString("stage"));
        assertTrue(absent(conv, "userId"), "no user linked unless staff choose it: " + conv);
        assertEquals(0, Pay.sql("SELECT count(*) FROM app_user WHERE tenant_id = ? AND email = ?", firm.id(),
                stranger), "the lead's e-mail got no account");
        JsonArray members = get("/api/v1/entities/" + entityId + "/members", t(), admin()).expect(200).json()
                .asJsonArray();
        assertEquals(1, members.size(), members.toString());
        // asking for a user without saying as what is a field error, and changes nothing
        String second = "member-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        String secondLead = post("/api/v1/leads", t(), pUser.token(), lead("Chosen Member", null, second).build())
                .expect(201).str("id");
        var bad = post("/api/v1/leads/" + secondLead + "/convert", t(), admin(), Json.createObjectBuilder()
                .add("entityId", entityId).add("createClientUser", true).build()).problem(400,
                        "VALIDATION_FAILED");
        assertTrue(bad.fields().contains("memberRole"), bad.body());
        assertEquals("NEW", get("/api/v1/leads/" + secondLead, t(), admin()).expect(200).str("stage"));
        // staff choose explicitly: a MEMBER, not an OWNER
        JsonObject chosen = post("/api/v1/leads/" + secondLead + "/convert", t(), admin(), Json.createObjectBuilder()
                .add("entityId", entityId).add("memberRole", "MEMBER").build()).expect(200).obj();
        String userId = chosen.getString("userId");
        JsonObject membership = get("/api/v1/entities/" + entityId + "/members", t(), admin()).expect(200).json()
                .asJsonArray().stream().map(v -> v.asJsonObject()).filter(m -> m.getString("userId").equals(userId))
                .findFirst().orElseThrow();
        assertEquals("MEMBER", membership.getString("role"));
        // a new entity made from the lead still gets the lead as its owner (unchanged)
        String third = "new-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        String thirdLead = post("/api/v1/leads", t(), pUser.token(), lead("New Owner", null, third).build())
                .expect(201).str("id");
        JsonObject made = post("/api/v1/leads/" + thirdLead + "/convert", t(), admin(), Json.createObjectBuilder()
                .add("entity", Json.createObjectBuilder().add("legalName", "Brand New Pvt Ltd").add("type",
                        "PRIVATE_LIMITED"))
                .build()).expect(200).obj();
        assertEquals("OWNER", get("/api/v1/entities/" + made.getString("entityId") + "/members", t(), admin())
                .expect(200).json().asJsonArray().getJsonObject(0).getString("role"));
        String fourthLead = post("/api/v1/leads", t(), pUser.token(), lead("Fourth", uniquePhone(), null).build())
                .expect(201).str("id");
        assertTrue(post("/api/v1/leads/" + fourthLead + "/convert", t(), admin(), Json.createObjectBuilder()
                .add("entityId", entityId).add("memberRole", "BOSS").build()).problem(400, "VALIDATION_FAILED")
                .fields().contains("memberRole"));
    }

    @Test
    void anAgentPostingADuplicateIsNotToldTheIdOfALeadItCannotSee() {
        String phone = uniquePhone();
        String rLead = post("/api/v1/leads", t(), rUser.token(), lead("R's contact", phone, null).build())
                .expect(201).str("id");
        // Q cannot see R's lead: told it is a duplicate, not which lead it is
        Res hidden = post("/api/v1/leads", t(), qUser.token(), lead("Same contact", phone, null).build())
                .problem(409, "LEAD_DUPLICATE");
        assertFalse(hidden.body().contains(rLead), hidden.body());
        assertFalse(hidden.obj().containsKey("existingLeadId"), hidden.body());
        // R's own lead, P's downline's lead and staff: named
        assertEquals(rLead, post("/api/v1/leads", t(), rUser.token(), lead("Again", phone, null).build())
                .problem(409, "LEAD_DUPLICATE").str("existingLeadId"));
        assertEquals(rLead, post("/api/v1/leads", t(), admin(), lead("Again", phone, null).build())
                .problem(409, "LEAD_DUPLICATE").str("existingLeadId"));
        String qPhone = uniquePhone();
        String qLead = post("/api/v1/leads", t(), qUser.token(), lead("Q's contact", qPhone, null).build())
                .expect(201).str("id");
        assertEquals(qLead, post("/api/v1/leads", t(), pUser.token(), lead("Again", qPhone, null).build())
                .problem(409, "LEAD_DUPLICATE").str("existingLeadId"));
        assertFalse(post("/api/v1/leads", t(), rUser.token(), lead("Again", qPhone, null).build())
                .problem(409, "LEAD_DUPLICATE").body().contains(qLead));
    }

    private static String leadByEmail(String email) {
        return get("/api/v1/leads?size=200&q=" + email, t(), admin()).expect(200).items().getJsonObject(0)
                .getString("id");
    }

    @Test
    void agentsSeeOnlyTheirOwnAndTheirDownlinesLeads() {
        JsonObject mine = post("/api/v1/leads", t(), qUser.token(), lead("Q's lead", uniquePhone(), null)
                .add("referralCode", pCode).build()).expect(201).obj();
        assertEquals(q, mine.getString("agentId"), "an agent's lead is their own, whatever code they send");
        assertEquals("AGENT", mine.getString("source"));
        String pLead = post("/api/v1/leads", t(), pUser.token(), lead("P's lead", uniquePhone(), null).build())
                .expect(201).str("id");
        String rLead = post("/api/v1/leads", t(), rUser.token(), lead("R's lead", uniquePhone(), null).build())
                .expect(201).str("id");
        // P sees its own and Q's (downline); Q sees only its own; R sees neither
        get("/api/v1/leads/" + mine.getString("id"), t(), pUser.token()).expect(200);
        get("/api/v1/leads/" + pLead, t(), qUser.token()).problem(404, "NOT_FOUND");
        get("/api/v1/leads/" + pLead, t(), rUser.token()).problem(404, "NOT_FOUND");
        get("/api/v1/leads/" + mine.getString("id") + "/history", t(), rUser.token()).problem(404, "NOT_FOUND");
        patch("/api/v1/leads/" + pLead, t(), rUser.token(), Json.createObjectBuilder().add("stage", "CONTACTED")
                .build()).problem(404, "NOT_FOUND");
        for (var e : get("/api/v1/leads?size=200", t(), qUser.token()).expect(200).items()) {
            String a = e.asJsonObject().getString("agentId");
            assertEquals(q, a, "Q sees only its leads");
        }
        String pList = get("/api/v1/leads?size=200", t(), pUser.token()).expect(200).body();
        assertTrue(pList.contains(pLead) && pList.contains(mine.getString("id")) && !pList.contains(rLead));
        assertFalse(get("/api/v1/leads?size=200", t(), rUser.token()).expect(200).body().contains(pLead));
        // an agent works its own lead but does not reassign it
        assertEquals("CONTACTED", patch("/api/v1/leads/" + rLead, t(), rUser.token(), Json.createObjectBuilder()
                .add("stage", "CONTACTED").build()).expect(200).str("stage"));
        patch("/api/v1/leads/" + rLead, t(), rUser.token(), Json.createObjectBuilder().add("agentId", p).build())
                .problem(403, "FORBIDDEN");
        // nor sees another agent's ledger or statement
        get("/api/v1/agents/" + p + "/ledger", t(), rUser.token()).problem(404, "NOT_FOUND");
        get("/api/v1/agents/" + p + "/statement?month=2026-11", t(), rUser.token()).problem(404, "NOT_FOUND");
        // clients have no leads
        TestUser client = Api.newUser(firm, "CLIENT");
        get("/api/v1/leads", t(), client.token()).problem(403, "FORBIDDEN");
        post("/api/v1/leads", t(), client.token(), lead("x", uniquePhone(), null).build()).problem(403, "FORBIDDEN");
        assertNotNull(mine.getString("createdAt"));
    }
}
