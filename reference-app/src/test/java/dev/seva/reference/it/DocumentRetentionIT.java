package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention per document type ({@code /api/v1/document-retention}): a document of a retained type cannot be deleted
 * (409 DOCUMENT_RETAINED) until its upload date plus its type's period; rules are per tenant.
 */
class DocumentRetentionIT {

    /** Uploads and waits for the processing (a delete while it runs may meet 409 CONCURRENT_MODIFICATION). */
    private static String upload(Api.TestTenant t, String entity, String type) {
        String id = DocApi.upload("/api/v1/entities/" + entity + "/documents", t.t(), t.adminToken(), ("A " + type
                + " to keep").getBytes(), "doc.txt", Map.of("title", "Kept " + type, "documentType", type)).expect(201)
                .str("id");
        DocApi.awaitProcessed(id, t);
        return id;
    }

    private static JsonObject days(int d) {
        return Json.createObjectBuilder().add("days", d).build();
    }

    private static Api.Res rules(Api.TestTenant t) {
        return Api.get("/api/v1/document-retention", t.t(), t.adminToken()).expect(200);
    }

    @Test
    void aTypesPeriodRefusesDeletesOfThatTypeOnly() {
        DocApi.awaitReady();
        var t = Api.newTenant("retain");
        String entity = Api.newEntity(t, "Retained Records Pvt Ltd");
        String invoice = upload(t, entity, "INVOICE");

        var rule = Api.call("PUT", "/api/v1/document-retention/PAN_CARD", t.t(), t.adminToken(), days(3650))
                .expect(200);
        assertEquals("PAN_CARD", rule.str("documentType"));
        assertEquals(3650, rule.obj().getInt("days"));
        var listed = rules(t).obj();
        assertEquals(0, listed.getInt("defaultDays"));
        assertEquals(1, listed.getJsonArray("rules").size());

        String pan = upload(t, entity, "PAN_CARD");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(today.plusDays(3650).toString(), Api.get("/api/v1/documents/" + pan, t.t(), t.adminToken())
                .expect(200).str("retainUntil"));
        Api.delete("/api/v1/documents/" + pan, t.t(), t.adminToken()).problem(409, "DOCUMENT_RETAINED");

        // a rule applies to the documents of its type that exist already, and its removal releases them
        String other = upload(t, entity, "OTHER");
        Api.call("PUT", "/api/v1/document-retention/invoice", t.t(), t.adminToken(), days(30)).expect(200);
        assertEquals(today.plusDays(30).toString(), Api.get("/api/v1/documents/" + invoice, t.t(), t.adminToken())
                .expect(200).str("retainUntil"));
        Api.delete("/api/v1/documents/" + invoice, t.t(), t.adminToken()).problem(409, "DOCUMENT_RETAINED");
        Api.call("PUT", "/api/v1/document-retention/INVOICE", t.t(), t.adminToken(), days(60)).expect(200);
        assertEquals(60, rules(t).obj().getJsonArray("rules").stream().map(v -> v.asJsonObject())
                .filter(r -> r.getString("documentType").equals("INVOICE")).findFirst().orElseThrow()
                .getInt("days"));
        Api.delete("/api/v1/document-retention/INVOICE", t.t(), t.adminToken()).expect(204);
        Api.delete("/api/v1/documents/" + invoice, t.t(), t.adminToken()).expect(204);
        Api.delete("/api/v1/documents/" + other, t.t(), t.adminToken()).expect(204);

        // a staff correction of the type moves the document under the other type's rule
        Api.patch("/api/v1/documents/" + pan, t.t(), t.adminToken(), Json.createObjectBuilder().add("documentType",
                "OTHER").build()).expect(200);
        Api.delete("/api/v1/documents/" + pan, t.t(), t.adminToken()).expect(204);
    }

    @Test
    void badInputIsAProblemAndOnlyManagersChangeRules() {
        DocApi.awaitReady();
        var t = Api.newTenant("retbad");
        assertEquals(java.util.List.of("documentType"), Api.call("PUT", "/api/v1/document-retention/PASSPORTX",
                t.t(), t.adminToken(), days(10)).problem(400, "VALIDATION_FAILED").fields());
        assertEquals(java.util.List.of("days"), Api.call("PUT", "/api/v1/document-retention/PAN_CARD", t.t(),
                t.adminToken(), days(-1)).problem(400, "VALIDATION_FAILED").fields());
        Api.call("PUT", "/api/v1/document-retention/PAN_CARD", t.t(), t.adminToken(), days(36501)).problem(400,
                "VALIDATION_FAILED");
        Api.call("PUT", "/api/v1/document-retention/PAN_CARD", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("days", "ten").build()).problem(400, "VALIDATION_FAILED");
        Api.call("PUT", "/api/v1/document-retention/PAN_CARD", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("days", 1.5).build()).problem(400, "VALIDATION_FAILED");
        Api.delete("/api/v1/document-retention/PAN_CARD", t.t(), t.adminToken()).problem(404, "NOT_FOUND");
        var staff = Api.newUser(t, "STAFF");
        Api.call("PUT", "/api/v1/document-retention/PAN_CARD", t.t(), staff.token(), days(10)).problem(403,
                "FORBIDDEN");
        Api.get("/api/v1/document-retention", t.t(), staff.token()).expect(200);
        var client = Api.newUser(t, "CLIENT");
        Api.get("/api/v1/document-retention", t.t(), client.token()).problem(403, "FORBIDDEN");
    }

    @Test
    void rulesArePerTenant() {
        DocApi.awaitReady();
        var a = Api.newTenant("retxa");
        var b = Api.newTenant("retxb");
        Api.call("PUT", "/api/v1/document-retention/PAN_CARD", a.t(), a.adminToken(), days(3650)).expect(200);
        String aDoc = upload(a, Api.newEntity(a, "Alpha Kept Pvt Ltd"), "PAN_CARD");

        // B sees none of A's rules, and its own PAN card is not retained by A's rule
        assertEquals(0, rules(b).obj().getJsonArray("rules").size());
        String bDoc = upload(b, Api.newEntity(b, "Beta Kept Pvt Ltd"), "PAN_CARD");
        JsonObject bView = Api.get("/api/v1/documents/" + bDoc, b.t(), b.adminToken()).expect(200).obj();
        assertTrue(!bView.containsKey("retainUntil") || bView.isNull("retainUntil"), "B's PAN card is not retained: "
                + bView);
        Api.delete("/api/v1/documents/" + bDoc, b.t(), b.adminToken()).expect(204);

        // B's token on A's host: 401; B changing "its" PAN_CARD rule leaves A's alone
        Api.get("/api/v1/document-retention", a.t(), b.adminToken()).problem(401, "TENANT_MISMATCH");
        Api.call("PUT", "/api/v1/document-retention/PAN_CARD", a.t(), b.adminToken(), days(0)).problem(401,
                "TENANT_MISMATCH");
        Api.delete("/api/v1/document-retention/PAN_CARD", a.t(), b.adminToken()).problem(401, "TENANT_MISMATCH");
        Api.delete("/api/v1/document-retention/PAN_CARD", b.t(), b.adminToken()).problem(404, "NOT_FOUND");
        Api.call("PUT", "/api/v1/document-retention/PAN_CARD", b.t(), b.adminToken(), days(0)).expect(200);
        assertEquals(3650, rules(a).obj().getJsonArray("rules").getJsonObject(0).getInt("days"));
        Api.delete("/api/v1/documents/" + aDoc, a.t(), a.adminToken()).problem(409, "DOCUMENT_RETAINED");
    }
}
