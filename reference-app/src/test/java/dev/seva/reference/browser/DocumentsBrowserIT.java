package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.seva.documents.Fixtures;
import dev.seva.sdk.identifiers.Aadhaar;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The document vault's pages in a real browser (the issue's "done when" through the portal): a client uploads a
 * scanned PAN card, watches it become READY, classified, with its PAN; finds it by a word; sees the checklist
 * satisfied; an Aadhaar shows only its last four digits; staff reject from the review queue and the client is asked for
 * a new version; a hostile file gets the clear 415 answer; a client of another entity cannot open a document.
 */
class DocumentsBrowserIT {

    /** OCR of one scan takes a few seconds alone; five builds share this machine's two cores. */
    private static final int PROCESSING_SECONDS = 180;

    Browser browser;
    Path tmp;

    @BeforeEach
    void start(@TempDir Path tmp, TestInfo info) throws Exception {
        Browser.require();
        this.tmp = tmp;
        browser = Browser.start(tmp, "Documents-" + info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    static boolean tesseract() {
        boolean ok = Files.isRegularFile(Path.of("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata"));
        if (!ok) {
            if ("1".equals(System.getenv("SEVA_REQUIRE_SYSTEM_TOOLS"))) {
                fail("SEVA_REQUIRE_SYSTEM_TOOLS=1 but Tesseract's eng.traineddata is missing");
            }
            System.out.println("SKIPPED: Tesseract is not installed (bin/system-tools installs it)");
        }
        return ok;
    }

    /** Writes a file for the browser's file input. */
    private Path file(String name, byte[] bytes) throws Exception {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Chooses a file in an uploader ({@code upload} or {@code version}) and sends it; waits for the answer. */
    private String upload(String uploader, Path file) {
        browser.find("#" + uploader + "-file").sendKeys(file.toAbsolutePath().toString());
        browser.textContains("#" + uploader + "-chosen", file.getFileName().toString());
        browser.click("#" + uploader + "-submit");
        browser.waitUntil(60, d -> !browser.find("#" + uploader + "-message").getText().isBlank());
        return browser.find("#" + uploader + "-message").getText();
    }

    /** The id of the document in the list whose title is this. */
    private String rowId(String title) {
        browser.waitUntil(d -> !browser.findAll("#document-list tr[data-document-id]").stream().filter(r -> r
                .getText().contains(title)).toList().isEmpty());
        return browser.findAll("#document-list tr[data-document-id]").stream().filter(r -> r.getText().contains(
                title)).findFirst().orElseThrow().getAttribute("data-document-id");
    }

    private void awaitStatus(String css, String status) {
        try {
            browser.waitUntil(PROCESSING_SECONDS, d -> !browser.findAll(css + "[data-status='" + status + "']")
                    .isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + status + " at " + css + "; the page says " + browser.find("#view")
                    .getText(), e);
        }
    }

    private static void requirePan(Rest.Tenant t) {
        Rest.call("POST", "/api/v1/document-requirements", t.slug(), t.adminToken(), Json.createObjectBuilder()
                .add("entityType", "PRIVATE_LIMITED").add("documentType", "PAN_CARD").add("required", true)
                .add("description", "PAN card of the company").build().toString()).expect(201);
    }

    @Test
    void aClientUploadsAScannedPanCardThatIsReadClassifiedFoundAndSatisfiesTheChecklist() throws Exception {
        Assumptions.assumeTrue(tesseract());
        var t = Rest.newTenant("vault", "Vault & Co");
        var client = Rest.newUser(t, "Rajesh Client", "CLIENT");
        Rest.newEntity(t, "Kumar Traders Pvt Ltd", client);
        requirePan(t);

        browser.signIn(t.origin(), client.email(), client.password());
        assertTrue(browser.findAll("#nav a").stream().anyMatch(a -> a.getText().equals("Documents")));
        assertFalse(browser.findAll("#nav a").stream().anyMatch(a -> a.getText().equals("Review queue")),
                "clients have no review queue");
        browser.open(t.origin() + "/app/#/documents");
        browser.text("#documents-entity", "Kumar Traders Pvt Ltd");
        String pan = "#checklist-table tr[data-document-type='PAN_CARD']";
        browser.text(pan + " .checklist-status", "Missing");
        browser.text("#checklist-summary", "1 required document is still missing.");
        browser.text("#document-list", "No documents yet.");
        // the checklist's button prepares the upload form for the requirement
        browser.click(pan + " button.checklist-upload");
        assertEquals("PAN_CARD", new Select(browser.find("#upload-documentType")).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("upload-choose", browser.js("return document.activeElement.id"));
        // ...but this test lets Seva recognise it
        new Select(browser.find("#upload-documentType")).selectByValue("");
        browser.shot("empty");

        // nothing chosen: the form says so
        browser.click("#upload-submit");
        browser.textContains("#upload-message", "Choose a file first");

        Path scan = file("pan-scan.png", Fixtures.png(Fixtures.card(Fixtures.PAN_CARD)));
        browser.type("#upload-title", "PAN card scan");
        String answer = upload("upload", scan);
        assertTrue(answer.startsWith("Uploaded “pan-scan.png”"), answer);
        assertEquals("100", browser.find("#upload-progress").getAttribute("value"), "the progress bar ran to the end");
        String id = rowId("PAN card scan");
        String row = "#document-list tr[data-document-id='" + id + "']";
        browser.shot("uploaded");
        // the list follows the processing by itself, and then the checklist
        awaitStatus(row + " .doc-status", "READY");
        browser.text(row + " .doc-type", "PAN card");
        awaitStatus(pan + " .checklist-status", "SATISFIED");
        browser.text("#checklist-summary", "Everything required is here.");
        assertTrue(browser.find(pan + " a.checklist-document").getAttribute("href").endsWith("#/documents/" + id));
        browser.assertNoProblems();
        browser.shot("ready-in-list");

        // the document itself
        browser.click(pan + " a.checklist-document");
        browser.text("#document-title", "PAN card scan");
        awaitStatus("#document-status", "READY");
        browser.textContains("#document-classification", "PAN card");
        browser.text("#document-fields dd[data-field='pan']", "ABCPK1234F");
        browser.textContains("#document-ocr", "Text recognised");
        browser.text("#review-state", "Waiting for review");
        browser.click("#document-text-toggle");
        browser.waitUntil(d -> browser.find("#document-text").getText().contains("RAJESH"));
        // every version can be downloaded by a plain link (session cookie, attachment; no blob: URL needed)
        String href = browser.find("#version-list tr[data-version='1'] a.download-link").getAttribute("href");
        assertTrue(href.endsWith("/api/v1/documents/" + id + "/content?version=1"), href);
        assertEquals("200 image/png", browser.js("return fetch(arguments[0], {credentials: 'same-origin'})"
                + ".then(r => r.status + ' ' + r.headers.get('Content-Type'))", href));
        assertTrue(browser.findAll("#review-form, #fix-form").isEmpty(), "clients neither review nor correct");
        browser.assertNoProblems();
        browser.shot("document");

        // a phone-width screen: nothing wider than the screen
        browser.phone();
        browser.driver.navigate().refresh();
        awaitStatus("#document-status", "READY");
        assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 375,
                "nothing wider than the phone");
        browser.shot("document-phone");
        browser.open(t.origin() + "/app/#/documents");
        awaitStatus(pan + " .checklist-status", "SATISFIED");
        assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 375,
                "nothing wider than the phone");
        assertTrue(browser.find("#upload-choose").isDisplayed());
        browser.shot("documents-phone");

        // search by a word on the card
        browser.open(t.origin() + "/app/#/search");
        browser.visible("#search-hint");
        browser.type("#search-q", "rajesh");
        browser.find("#search-q").sendKeys(Keys.ENTER);
        browser.text("#search-count", "1 document found.");
        browser.visible("#search-results tr[data-document-id='" + id + "'] a.document-link");
        assertTrue(browser.driver.getCurrentUrl().endsWith("#/search?q=rajesh"));
        browser.type("#search-q", "nosuchwordanywhere").click("#search-submit");
        browser.text("#search-count", "0 documents found.");
        // filters: type and status
        browser.type("#search-q", "");
        new Select(browser.find("#search-documentType")).selectByValue("PAN_CARD");
        new Select(browser.find("#search-status")).selectByValue("READY");
        browser.click("#search-submit");
        browser.text("#search-count", "1 document found.");
        browser.click("#search-results a.document-link");
        browser.text("#document-title", "PAN card scan");
        browser.assertNoProblems();
        browser.shot("search-phone");
    }

    @Test
    void anAadhaarShowsOnlyItsLastFourDigitsOnThePage() throws Exception {
        var t = Rest.newTenant("aadhaar", "Aadhaar & Co");
        var client = Rest.newUser(t, "Rajesh Client", "CLIENT");
        Rest.newEntity(t, "Kumar Traders Pvt Ltd", client);
        String eleven = "49182736451";
        String number = eleven + Aadhaar.verhoeffDigit(eleven);
        String spaced = number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8);
        byte[] pdf = Fixtures.textPdf(List.of("Unique Identification Authority of India", "Government of India",
                "RAJESH KUMAR", "DOB: 15/08/1985", "MALE", spaced, "Aadhaar - Aam Aadmi ka Adhikar"));

        browser.signIn(t.origin(), client.email(), client.password());
        browser.open(t.origin() + "/app/#/documents");
        browser.text("#documents-entity", "Kumar Traders Pvt Ltd");
        upload("upload", file("aadhaar.pdf", pdf));
        String id = rowId("aadhaar.pdf");
        browser.click("#document-list tr[data-document-id='" + id + "'] a.document-link");
        awaitStatus("#document-status", "READY");
        browser.textContains("#document-classification", "Aadhaar");
        browser.text("#document-fields dd[data-field='aadhaarMasked']", "XXXX XXXX " + number.substring(8));
        browser.click("#document-text-toggle");
        browser.waitUntil(d -> browser.find("#document-text").getText().contains("XXXX XXXX " + number.substring(
                8)));
        String page = browser.driver.getPageSource() + browser.js("return document.body.innerText");
        for (String part : List.of(number, number.substring(0, 8), spaced, spaced.substring(0, 9))) {
            assertFalse(page.contains(part), "the page shows more of the Aadhaar number than its last 4 digits");
        }
        browser.assertNoProblems();
        browser.shot("aadhaar");
    }

    @Test
    void staffRejectFromTheQueueAndTheClientIsAskedForANewVersion() throws Exception {
        var t = Rest.newTenant("review", "Review & Co");
        var client = Rest.newUser(t, "Meera Client", "CLIENT");
        String entity = Rest.newEntity(t, "Meera Textiles Pvt Ltd", client);
        String id = Rest.upload(t, t.adminToken(), "/api/v1/entities/" + entity + "/documents",
                "Statement of Account\nOpening Balance 100\nClosing Balance 200\n".getBytes(), "statement.txt")
                .expect(201).json().getString("id");

        // staff: the queue lists it; open it, rejecting without a comment is refused next to the field
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.open(t.origin() + "/app/#/review");
        String queued = "#review-list tr[data-document-id='" + id + "']";
        browser.visible(queued);
        browser.textContains(queued, "Meera Textiles Pvt Ltd");
        browser.shot("queue");
        browser.click(queued + " a.document-link");
        awaitStatus("#document-status", "READY");
        browser.visible("#review-form");
        browser.click("#review-reject");
        browser.waitUntil(d -> !browser.find("#review-comment-error").getText().isBlank());
        assertEquals("true", browser.find("#review-comment").getAttribute("aria-invalid"));
        browser.type("#review-comment", "The closing balance page is missing").click("#review-reject");
        browser.textContains("#review-message", "Rejected");
        browser.textContains("#review-rejected", "The closing balance page is missing");
        browser.text("#review-state", "New version requested");
        browser.shot("rejected-by-staff");
        // staff correct the fields: a wrong PAN is refused next to its field; a full Aadhaar is kept masked
        browser.click("#fix-details summary");
        browser.type("#fix-pan", "ABCDE").click("#fix-save");
        browser.waitUntil(d -> !browser.find("#fix-pan-error").getText().isBlank());
        assertEquals("true", browser.find("#fix-pan").getAttribute("aria-invalid"));
        browser.type("#fix-pan", "abcpk1234f").click("#fix-save");
        browser.textContains("#fix-message", "Corrections saved.");
        browser.text("#document-fields dd[data-field='pan']", "ABCPK1234F");
        String eleven = "49182736451";
        String aadhaar = eleven + Aadhaar.verhoeffDigit(eleven);
        browser.type("#fix-aadhaar", aadhaar).click("#fix-save");
        browser.text("#document-fields dd[data-field='aadhaarMasked']", "XXXX XXXX " + aadhaar.substring(8));
        assertEquals("", browser.find("#fix-aadhaar").getAttribute("value"), "the typed number does not stay");
        assertFalse((browser.driver.getPageSource() + browser.js("return document.body.innerText")).contains(
                aadhaar.substring(0, 8)));
        browser.shot("corrected");
        // staff open any entity's documents
        browser.open(t.origin() + "/app/#/documents?entity=" + entity);
        browser.text("#documents-entity", "Meera Textiles Pvt Ltd");
        browser.visible("#document-list tr[data-document-id='" + id + "']");
        // ...and extend the checklist of every entity of that type
        browser.visible("#checklist-empty");
        browser.click("#requirement-details summary");
        new Select(browser.find("#requirement-documentType")).selectByValue("GST_CERTIFICATE");
        browser.type("#requirement-description", "GST registration certificate").click("#requirement-add");
        browser.textContains("#requirement-message", "is now asked for: GST registration certificate");
        browser.text("#checklist-table tr[data-document-type='GST_CERTIFICATE'] .checklist-status", "Missing");
        browser.click("#requirement-add");
        browser.textContains("#requirement-message", "exists already");
        browser.shot("checklist-staff");
        browser.open(t.origin() + "/app/#/review");
        browser.visible("#review-count");
        assertTrue(browser.findAll(queued).isEmpty(), "a decided document leaves the queue");
        browser.assertNoProblems();
        browser.signOut();

        // the client: the document asks for a new version, with the reason; uploading one starts the review again
        browser.signIn(t.origin(), client.email(), client.password());
        browser.open(t.origin() + "/app/#/documents/" + id);
        browser.textContains("#review-rejected", "Please upload a new version");
        browser.textContains("#review-rejected", "The closing balance page is missing");
        assertEquals("alert", browser.find("#review-rejected").getAttribute("role"));
        browser.shot("client-asked");
        browser.click("#review-upload");
        assertEquals("version-choose", browser.js("return document.activeElement.id"));
        String answer = upload("version", file("statement-2.txt",
                "Statement of Account\nOpening Balance 100\nClosing Balance 200\nPage 2 of 2\n".getBytes()));
        assertTrue(answer.contains("Uploaded"), answer);
        browser.visible("#version-list tr[data-version='2']");
        browser.text("#version-list tr[data-version='2'] td:first-child", "2 (current)");
        browser.text("#review-state", "Waiting for review");
        assertTrue(browser.findAll("#review-rejected").isEmpty());
        assertEquals(2, browser.findAll("#version-list a.download-link").size(), "both versions stay readable");
        awaitStatus("#document-status", "READY");
        browser.assertNoProblems();
        browser.shot("new-version");
    }

    @Test
    void hostileAndEmptyFilesGetClearMessages() throws Exception {
        var t = Rest.newTenant("hostile", "Hostile & Co");
        var client = Rest.newUser(t, "Ravi Client", "CLIENT");
        Rest.newEntity(t, "Ravi Exports LLP", client);
        browser.signIn(t.origin(), client.email(), client.password());
        browser.open(t.origin() + "/app/#/documents");
        browser.visible("#upload-form");

        String elf = upload("upload", file("invoice.pdf", Fixtures.elf()));
        assertTrue(elf.startsWith("“invoice.pdf” was not accepted."), elf);
        assertTrue(elf.contains("application/x-"), "the detected type is named: " + elf);
        assertEquals("alert", browser.find("#upload-message").getAttribute("role"));
        assertTrue(browser.find("#upload-progress").findElement(By.xpath("..")).getAttribute("hidden") != null,
                "the progress bar is put away");
        browser.shot("415");

        String empty = upload("upload", file("empty.pdf", new byte[0]));
        assertTrue(empty.startsWith("“empty.pdf” is empty"), empty);
        browser.text("#document-list", "No documents yet.");

        // over the plan's limit (the IT server allows 5 MiB): refused, the limit named
        byte[] big = new byte[6 << 20];
        java.util.Arrays.fill(big, (byte) 'a');
        String tooLarge = upload("upload", file("big.txt", big));
        assertTrue(tooLarge.startsWith("“big.txt” is too large.") && tooLarge.contains("5242880"), tooLarge);
        browser.shot("413");

        // a malformed PDF is stored (a PDF by its header) and ends FAILED: the page gives the reason
        upload("upload", file("broken.pdf", Fixtures.brokenPdf()));
        String id = rowId("broken.pdf");
        awaitStatus("#document-list tr[data-document-id='" + id + "'] .doc-status", "FAILED");
        browser.click("#document-list tr[data-document-id='" + id + "'] a.document-link");
        awaitStatus("#document-status", "FAILED");
        browser.textContains("#document-failure", "Why: ");
        assertTrue(browser.findAll("#document-ocr").isEmpty(), "how the text was read is not said of a failure");
        assertEquals("alert", browser.find("#document-failure").getAttribute("role"));
        browser.assertNoProblems();
        browser.shot("failed");
    }

    @Test
    void aDroppedFileUploadsWithARealProgressBar() {
        var t = Rest.newTenant("drop", "Drop & Co");
        var client = Rest.newUser(t, "Asha Client", "CLIENT");
        Rest.newEntity(t, "Asha Foods Pvt Ltd", client);
        browser.signIn(t.origin(), client.email(), client.password());
        browser.open(t.origin() + "/app/#/documents");
        browser.visible("#upload-drop");
        assertEquals("0", browser.find("#upload-drop").getAttribute("tabindex"), "the drop zone takes the focus");
        assertEquals("button", browser.find("#upload-drop").getAttribute("role"));
        // a file dropped on the zone, as a desktop drag delivers it (800 KB of text)
        browser.js("const text = 'Statement of Account, Asha Foods, opening balance 1000\\n'.repeat(15000);"
                + " const dt = new DataTransfer();"
                + " dt.items.add(new File([text], 'statement.txt', {type: 'text/plain'}));"
                + " document.getElementById('upload-drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt,"
                + " bubbles: true, cancelable: true}));");
        browser.textContains("#upload-chosen", "Chosen: statement.txt (");
        // a slow uplink (256 KB/s) so that the bar visibly moves; record what it shows every 50 ms
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", 256 * 1024));
        browser.js("window.__progress = []; const p = document.getElementById('upload-progress');"
                + " window.__timer = setInterval(() => window.__progress.push(p.value), 50);");
        browser.click("#upload-submit");
        browser.waitUntil(60, d -> !browser.find("#upload-message").getText().isBlank());
        browser.textContains("#upload-message", "Uploaded “statement.txt”");
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) browser.js("clearInterval(window.__timer); return window.__progress");
        assertTrue(seen.stream().anyMatch(v -> v.doubleValue() > 0 && v.doubleValue() < 100),
                "the bar showed progress between 0 and 100: " + seen);
        assertEquals("100", browser.find("#upload-progress").getAttribute("value"));
        String id = rowId("statement.txt");
        awaitStatus("#document-list tr[data-document-id='" + id + "'] .doc-status", "READY");
        browser.assertNoProblems();
        browser.shot("dropped");
    }

    @Test
    void aClientOfAnotherEntityCannotOpenTheDocument() throws Exception {
        var t = Rest.newTenant("other", "Other & Co");
        var owner = Rest.newUser(t, "Owner Client", "CLIENT");
        var stranger = Rest.newUser(t, "Stranger Client", "CLIENT");
        String entity = Rest.newEntity(t, "Owner Industries Pvt Ltd", owner);
        Rest.newEntity(t, "Stranger Services LLP", stranger);
        String id = Rest.upload(t, t.adminToken(), "/api/v1/entities/" + entity + "/documents",
                "Tax Invoice\nInvoice No 42\nConfidential widgets\n".getBytes(), "invoice.txt").expect(201).json()
                .getString("id");

        browser.signIn(t.origin(), stranger.email(), stranger.password());
        browser.open(t.origin() + "/app/#/documents/" + id);
        browser.text("#document-missing", "This document does not exist, or you may not open it.");
        assertTrue(browser.findAll("#document-status, #version-list").isEmpty());
        assertFalse(browser.driver.getPageSource().contains("invoice.txt"));
        browser.shot("not-found");
        browser.open(t.origin() + "/app/#/documents?entity=" + entity);
        browser.text("#documents-problem", "This entity does not exist, or it is not one of yours.");
        browser.open(t.origin() + "/app/#/search?q=widgets");
        browser.text("#search-count", "0 documents found.");
        browser.open(t.origin() + "/app/#/review");
        browser.text("#not-allowed", "You are not allowed to open this page.");
        // the API itself: not found, and no content
        assertEquals(404L, browser.js("return fetch('/api/v1/documents/' + arguments[0] + '/content',"
                + " {credentials: 'same-origin'}).then(r => r.status)", id));
        browser.assertNoProblems();
    }
}
