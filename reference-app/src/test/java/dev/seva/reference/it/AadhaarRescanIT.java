package dev.seva.reference.it;

import static dev.seva.reference.it.AadhaarMaskingIT.aadhaar;
import static dev.seva.reference.it.AadhaarMaskingIT.clear;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.identifiers.Aadhaar;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A firm upgrading Seva keeps no Aadhaar number in clear that an older, weaker redaction left in its rows: the
 * redaction rescan masks, under each tenant's RLS, the stored text of every version, the search text (and so the
 * search index), titles, file names and field values, with the rule of each document's type; once per redaction
 * version (the start of an upgraded server runs it for every tenant whose marker is behind, as
 * {@code onlyOutdated=true} does here), audited once with counts and never the numbers, and a second run changes
 * nothing. The rows an older Seva left are written here over JDBC as the owner.
 */
class AadhaarRescanIT {

    private static final String RESCAN = "/api/v1/platform/documents/redaction-rescan";
    private static final String RESCANNED = "DOCUMENTS_REDACTION_RESCANNED";

    private static Api.TestTenant a;
    private static Api.TestTenant b;

    @BeforeAll
    static void tenants() {
        DocApi.awaitReady();
        a = Api.newTenant("rescan-a");
        b = Api.newTenant("rescan-b");
    }

    static String upload(Api.TestTenant t, String text, Map<String, String> fields) {
        String entity = Api.newEntity(t, "Mehta Exports Pvt Ltd");
        String id = DocApi.upload("/api/v1/entities/" + entity + "/documents", t.t(), t.adminToken(), text.getBytes(
                StandardCharsets.UTF_8), "notes.txt", fields).expect(201).str("id");
        assertEquals("READY", DocApi.awaitProcessed(id, t).str("status"));
        return id;
    }

    static String spaced(String n, String sep) {
        return n.substring(0, 4) + sep + n.substring(4, 8) + sep + n.substring(8);
    }

    /** writes what an older Seva's redaction left: the text, search text, title, file name and a field in clear */
    static void leaveInClear(String id, String title, String text, String fileName, String name) throws Exception {
        try (Connection c = Db.owner()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE document SET title = ?, search_text = ? WHERE id = ?")) {
                s.setString(1, title);
                s.setString(2, text);
                s.setString(3, id);
                assertEquals(1, s.executeUpdate());
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE document_version SET text_content = ?, original_name = ? WHERE document_id = ?")) {
                s.setString(1, text);
                s.setString(2, fileName);
                s.setString(3, id);
                assertEquals(1, s.executeUpdate());
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO document_field (id, tenant_id, document_id, version_no, name, value, source, updated_at)
                    SELECT gen_random_uuid()::text, tenant_id, id, 1, 'name', ?, 'CORRECTED', now()
                    FROM document WHERE id = ?
                    ON CONFLICT (document_id, version_no, name) DO UPDATE SET value = EXCLUDED.value""")) {
                s.setString(1, name);
                s.setString(2, id);
                assertEquals(1, s.executeUpdate());
            }
        }
    }

    /** every stored row of a tenant's documents that may hold words, as text */
    static String stored(Api.TestTenant t) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = Db.owner(); PreparedStatement s = c.prepareStatement("""
                SELECT d.title, d.search_text, d.search::text, v.text_content, v.original_name,
                       (SELECT string_agg(f.name || '=' || f.value, ' ' ORDER BY f.name) FROM document_field f
                        WHERE f.document_id = d.id)
                FROM document d JOIN document_version v ON v.document_id = d.id
                WHERE d.tenant_id = ? ORDER BY d.id, v.version_no""")) {
            s.setString(1, t.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 6; i++) {
                        all.append(rs.getString(i)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    static boolean found(Api.TestTenant t, String id, String q) {
        return Api.get("/api/v1/documents?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), t.t(), t.adminToken())
                .expect(200).body().contains(id);
    }

    static List<String> rescans(Api.TestTenant t) {
        return Api.get("/api/v1/audit-events?size=200", t.t(), t.adminToken()).expect(200).items().stream()
                .map(e -> e.asJsonObject()).filter(e -> RESCANNED.equals(e.getString("action")))
                .map(e -> e.getString("details", "")).toList();
    }

    static List<String> awaitRescans(Api.TestTenant t, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (rescans(t).size() < n && System.nanoTime() < end) {
            Thread.sleep(300);
        }
        List<String> done = rescans(t);
        assertEquals(n, done.size(), "rescans audited in " + t.slug() + ": " + done);
        return done;
    }

    static Api.Res rescan(String query) {
        return Api.post(RESCAN + query, Api.Tenant.NONE, Api.platformToken(), null);
    }

    @Test
    void anUpgradeMasksWhatAnOlderRedactionLeftInEveryTenantOnceAndAuditsItWithoutTheNumbers() throws Exception {
        String one = aadhaar("49182736451"), two = aadhaar("23456789012");
        String valid = aadhaar("91826374605");
        String notAadhaar = valid.substring(0, 11) + (char) ('0' + (valid.charAt(11) - '0' + 1) % 10);
        // an Aadhaar letter whose number OCR misread (the checksum fails, an 0 read as O): masked there only
        String number = aadhaar("82730645190");
        String misread = (number.substring(0, 2) + (char) ('0' + (number.charAt(2) - '0' + 3) % 10) + number
                .substring(3)).replace('0', 'O');
        assertFalse(Aadhaar.verhoeffValid(misread.replace('O', '0')));

        String minutes = String.join("\n", "Minutes of the board meeting of Mehta Exports",
                "Director one: " + spaced(one, "  ") + " (identity seen)", "Director two: " + spaced(two, "."),
                "Account reference " + spaced(notAadhaar, " "));
        String plain = upload(a, "Minutes of the board meeting", Map.of("title", "Board minutes"));
        leaveInClear(plain, "Board minutes " + spaced(one, " "), minutes, "director " + spaced(two, "-") + ".txt",
                "Director one, " + spaced(one, "."));
        String letter = "PRIYA MEHTA\nDOB: 02/11/1990\n" + spaced(misread, "  ") + "\n";
        String card = upload(a, "PRIYA MEHTA\n", Map.of("title", "ID card", "documentType", "AADHAAR"));
        leaveInClear(card, "ID card " + spaced(misread, " "), letter, "card.txt", "PRIYA MEHTA " + spaced(misread,
                " "));
        String elsewhere = upload(b, "Minutes of the board meeting", Map.of("title", "Board minutes"));
        leaveInClear(elsewhere, "Board minutes " + spaced(one, " "), minutes, "minutes.txt", "Director one");
        // what an older Seva left is searchable in clear
        assertTrue(found(a, plain, spaced(one, " ")));
        assertTrue(found(a, card, misread.substring(0, 4) + " " + misread.substring(4, 8)));

        // only platform admins ask for a rescan, of a tenant that exists, in words it understands
        Api.post(RESCAN + "?tenant=" + a.slug(), a.t(), a.adminToken(), null).expect(403);
        rescan("?tenant=no-such-firm").problem(404, "TENANT_NOT_FOUND");
        rescan("?tenant=" + a.slug() + "&onlyOutdated=maybe").problem(400, "VALIDATION_FAILED");

        // the upgrade: tenant a has never been rescanned under this redaction version
        var first = rescan("?tenant=" + a.slug() + "&onlyOutdated=true").expect(202);
        assertEquals(1, first.obj().getInt("enqueued"), first.body());
        String audited = awaitRescans(a, 1).get(0);
        assertTrue(audited.contains("2 documents examined, 2 changed"), audited);

        String after = stored(a);
        for (String n : List.of(one, two)) {
            assertFalse(clear(n).matcher(after).find(), n + " is left in clear: " + after);
        }
        assertFalse(clear(misread.replace('O', '0')).matcher(after.replace('O', '0')).find(), after);
        // the same rule as for a new document: twelve digits failing the checksum stay outside an Aadhaar document
        assertTrue(after.contains(spaced(notAadhaar, " ")), after);
        assertTrue(after.contains("XXXX XXXX " + one.substring(8)) && after.contains("XXXX XXXX " + two.substring(8)),
                after);
        String text = Api.get("/api/v1/documents/" + card + "/text", a.t(), a.adminToken()).expect(200).body();
        assertTrue(text.contains("XXXX XXXX " + misread.substring(8).replace('O', '0')), text);
        assertTrue(text.contains("02/11/1990"), text);
        String fields = Api.get("/api/v1/documents/" + plain, a.t(), a.adminToken()).expect(200).body();
        assertTrue(fields.contains("Director one, XXXX XXXX " + one.substring(8)), fields);
        assertFalse(found(a, plain, spaced(one, " ")), "a search for the clear number finds the document");
        assertFalse(found(a, plain, spaced(two, ".")));
        assertFalse(found(a, card, misread.substring(0, 4) + " " + misread.substring(4, 8)));
        assertTrue(found(a, plain, "minutes"));
        assertFalse(clear(one).matcher(audited).find() || audited.contains(one.substring(8)), audited);

        // another tenant's rows are not touched by a's job, and b has no rescan of its own yet
        String untouched = stored(b);
        assertTrue(untouched.contains(spaced(one, "  ")) && untouched.contains("Board minutes " + spaced(one, " ")),
                untouched);
        assertEquals(List.of(), rescans(b));

        // once per redaction version: a's marker is current, nothing to do at the next start
        var again = rescan("?tenant=" + a.slug() + "&onlyOutdated=true").expect(202);
        assertEquals(0, again.obj().getInt("enqueued"), again.body());
        // asked again by a platform admin, it runs and changes nothing
        assertEquals(1, rescan("?tenant=" + a.slug()).expect(202).obj().getInt("enqueued"));
        String second = awaitRescans(a, 2).get(0);
        assertTrue(second.contains("2 documents examined, 0 changed"), second);
        assertEquals(after, stored(a));
        assertEquals(untouched, stored(b));
    }

    @Test
    void aNewDocumentKeepsNoAadhaarNumberInItsFileName() {
        Api.TestTenant c = Api.newTenant("rescan-c");
        String one = aadhaar("49182736451");
        String entity = Api.newEntity(c, "Mehta Exports Pvt Ltd");
        String id = DocApi.upload("/api/v1/entities/" + entity + "/documents", c.t(), c.adminToken(), "Minutes"
                .getBytes(StandardCharsets.UTF_8), "director " + spaced(one, " ") + ".txt", Map.of()).expect(201)
                .str("id");
        String versions = Api.get("/api/v1/documents/" + id + "/versions", c.t(), c.adminToken()).expect(200).body();
        assertFalse(clear(one).matcher(versions).find(), versions);
        assertTrue(versions.contains("director XXXX XXXX " + one.substring(8) + ".txt"), versions);
    }
}
