package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.identifiers.Aadhaar;
import jakarta.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Aadhaar number never comes back in clear from the vault, however its groups are separated and whatever OCR made
 * of one digit: not in the text, the fields, the versions, the search results, nor in what is stored (text, search
 * index, fields), and a search for the clear number does not find the document.
 */
class AadhaarMaskingIT {

    private static Api.TestTenant t;
    private static String entity;

    @BeforeAll
    static void tenant() {
        DocApi.awaitReady();
        t = Api.newTenant("aadhaar-mask");
        entity = Api.newEntity(t, "Mehta Exports Pvt Ltd");
    }

    static String aadhaar(String eleven) {
        return eleven + Aadhaar.verhoeffDigit(eleven);
    }

    /** the first eight digits of {@code number} with separators between them */
    static Pattern clear(String number) {
        StringBuilder p = new StringBuilder();
        for (char c : number.substring(0, 8).toCharArray()) {
            p.append(p.isEmpty() ? "" : "[^0-9A-Za-z]{0,12}").append(c);
        }
        return Pattern.compile(p.toString());
    }

    static String upload(String text, Map<String, String> fields) {
        return DocApi.upload("/api/v1/entities/" + entity + "/documents", t.t(), t.adminToken(), text.getBytes(
                StandardCharsets.UTF_8), "notes.txt", fields).expect(201).str("id");
    }

    /** everything the API says about a document, and everything stored for it */
    static String everything(String id) throws Exception {
        StringBuilder all = new StringBuilder();
        all.append(Api.get("/api/v1/documents/" + id, t.t(), t.adminToken()).expect(200).body());
        all.append(Api.get("/api/v1/documents/" + id + "/text", t.t(), t.adminToken()).expect(200).body());
        all.append(Api.get("/api/v1/documents/" + id + "/versions", t.t(), t.adminToken()).expect(200).body());
        all.append(Api.get("/api/v1/documents?q=xxxx", t.t(), t.adminToken()).expect(200).body());
        try (Connection c = Db.owner(); PreparedStatement s = c.prepareStatement("""
                SELECT d.title, d.search_text, d.search::text, v.text_content,
                       (SELECT string_agg(f.value, ' ') FROM document_field f WHERE f.document_id = d.id)
                FROM document d JOIN document_version v ON v.document_id = d.id WHERE d.id = ?""")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 5; i++) {
                        all.append('\n').append(rs.getString(i));
                    }
                }
            }
        }
        return all.toString();
    }

    /** the document's search index (tsvector) as text */
    static String indexed(String id) throws Exception {
        try (Connection c = Db.owner();
                PreparedStatement s = c.prepareStatement(
                        "SELECT search::text FROM document WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    static void notFoundBy(String id, String q) {
        var r = Api.get("/api/v1/documents?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), t.t(), t
                .adminToken()).expect(200);
        assertFalse(r.body().contains(id), "a search for " + q + " finds the document: " + r.body());
    }

    @Test
    void aPlainTextDocumentKeepsNoAadhaarNumberInClearWhateverSeparatesItsGroups() throws Exception {
        String twoSpaces = aadhaar("49182736451"), dots = aadhaar("23456789012"), lines = aadhaar("34567890123"),
                dashes = aadhaar("56781234590"), lastBad = aadhaar("91826374605");
        // twelve digits that fail Verhoeff are not an Aadhaar number outside an Aadhaar document: they stay
        String notAadhaar = lastBad.substring(0, 11) + (lastBad.charAt(11) == '9'
                ? '0'
                : (char) (lastBad.charAt(11)
                        + 1));
        String text = String.join("\n", "Minutes of the board meeting of Mehta Exports",
                "Director one: " + twoSpaces.substring(0, 4) + "  " + twoSpaces.substring(4, 8) + "  " + twoSpaces
                        .substring(8) + " (identity seen)",
                "Director two: " + dots.substring(0, 4) + "." + dots.substring(4, 8) + "." + dots.substring(8),
                "Director three:", lines.substring(0, 4), lines.substring(4, 8), lines.substring(8),
                "Director four: " + dashes.substring(0, 4) + " - " + dashes.substring(4, 8) + " - " + dashes
                        .substring(8),
                "Account reference " + notAadhaar.substring(0, 4) + " " + notAadhaar.substring(4, 8) + " " + notAadhaar
                        .substring(8),
                "GSTIN 27AAPFU0939F1ZV, PAN AAPFU0939F, phone +91 98765 43210, total Rs 1,07,150.50");
        String id = upload(text, Map.of("title", "Board minutes"));
        var d = DocApi.awaitProcessed(id, t);
        assertEquals("READY", d.str("status"), d.body());
        assertNotEquals("AADHAAR", d.str("documentType"), d.body());
        // staff correcting the fields cannot store a number in clear either
        Api.patch("/api/v1/documents/" + id + "/fields", t.t(), t.adminToken(), Json.createObjectBuilder()
                .add("name", "Director one, " + twoSpaces.substring(0, 4) + "." + twoSpaces.substring(4, 8) + "."
                        + twoSpaces.substring(8))
                .build()).expect(200);
        // nor in the title, which the search index holds too
        Api.patch("/api/v1/documents/" + id, t.t(), t.adminToken(), Json.createObjectBuilder().add("title",
                "Board minutes " + dots.substring(0, 4) + " " + dots.substring(4, 8) + " " + dots.substring(8))
                .build()).expect(200);

        String all = everything(id);
        String served = Api.get("/api/v1/documents/" + id + "/text", t.t(), t.adminToken()).expect(200).body();
        for (String n : List.of(twoSpaces, dots, lines, dashes)) {
            assertFalse(clear(n).matcher(all).find(), n + " is kept or shown in clear: " + all);
            assertTrue(served.contains("XXXX XXXX " + n.substring(8)), served);
            notFoundBy(id, n);
            String index = indexed(id);
            assertFalse(index.contains(n.substring(0, 4)) || index.contains(n.substring(4, 8)), index);
            notFoundBy(id, n.substring(0, 4) + " " + n.substring(4, 8));
        }
        notFoundBy(id, twoSpaces.substring(0, 4) + "  " + twoSpaces.substring(4, 8) + "  " + twoSpaces.substring(8));
        notFoundBy(id, dots.substring(0, 4) + "." + dots.substring(4, 8) + "." + dots.substring(8));
        // no false positives: what is clearly not an Aadhaar number is left alone
        for (String kept : List.of(notAadhaar.substring(0, 4) + " " + notAadhaar.substring(4, 8) + " " + notAadhaar
                .substring(8), "27AAPFU0939F1ZV", "AAPFU0939F", "+91 98765 43210", "1,07,150.50")) {
            assertTrue(served.contains(kept), kept + " was changed: " + served);
        }
        var found = Api.get("/api/v1/documents?q=minutes", t.t(), t.adminToken()).expect(200);
        assertTrue(found.body().contains(id), found.body());
    }

    @Test
    void inAnAadhaarDocumentANumberWithAMisreadDigitIsMaskedToo() throws Exception {
        String number = aadhaar("82730645190");
        // OCR read the third digit wrong (the checksum fails) and an 0 as the letter O
        String misread = number.substring(0, 2) + (char) ('0' + (number.charAt(2) - '0' + 3) % 10) + number
                .substring(3, 9).replace('0', 'O') + number.substring(9);
        String spaced = misread.substring(0, 4) + "  " + misread.substring(4, 8) + "\n" + misread.substring(8);
        assertFalse(Aadhaar.verhoeffValid(misread.replace('O', '0')));
        // classified as an Aadhaar letter by its text
        String classified = upload(String.join("\n", "Unique Identification Authority of India",
                "Government of India", "PRIYA MEHTA", "DOB: 02/11/1990", "FEMALE", spaced,
                "Aadhaar - Aam Aadmi ka Adhikar"), Map.of("title", "Aadhaar of the partner"));
        // declared an Aadhaar by the uploader, its text too poor to tell
        String declared = upload("PRIYA MEHTA\n" + spaced + "\n", Map.of("title", "ID card", "documentType",
                "AADHAAR"));
        // read as an ordinary text first (a misread number is not an Aadhaar number there), then staff say what it is
        String corrected = upload("PRIYA MEHTA\n" + spaced + "\n", Map.of("title", "Scan"));
        var before = DocApi.awaitProcessed(corrected, t);
        assertEquals("OTHER", before.str("documentType"), before.body());
        Api.patch("/api/v1/documents/" + corrected, t.t(), t.adminToken(), Json.createObjectBuilder().add(
                "documentType", "AADHAAR").build()).expect(200);
        for (String id : List.of(classified, declared, corrected)) {
            var d = DocApi.awaitProcessed(id, t);
            assertEquals("READY", d.str("status"), d.body());
            assertEquals("AADHAAR", d.str("documentType"), d.body());
            String all = everything(id);
            assertFalse(clear(misread.replace('O', '0')).matcher(all.replace('O', '0')).find(), all);
            String served = Api.get("/api/v1/documents/" + id + "/text", t.t(), t.adminToken()).expect(200).body();
            assertTrue(served.contains("XXXX XXXX " + misread.substring(8).replace('O', '0')), served);
            notFoundBy(id, misread.substring(0, 4) + " " + misread.substring(4, 8));
            String index = indexed(id).toLowerCase();
            assertFalse(index.contains(misread.substring(0, 4)) || index.contains(misread.substring(4, 8)
                    .toLowerCase()), index);
        }
    }
}
