package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.BrowserPayments;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent portal and the public referral page in a real browser: an agent signs in, sees and copies their referral
 * link and its QR code; a visitor sends the public referral form; the lead appears on the agent's board and the agent
 * moves it to CONTACTED; after a payment of a referred client the agent's earnings, statement and ledger show the
 * accrual and the statement's CSV downloads; another agent sees none of it; staff see the leaderboard.
 */
class AgentsBrowserIT {

    Browser browser;

    @BeforeEach
    void start(@TempDir Path tmp, TestInfo info) throws Exception {
        Browser.require();
        browser = Browser.start(tmp, info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String agent(Rest.Tenant t, String name, String userId, String parent) {
        var body = Json.createObjectBuilder().add("name", name).add("email", name.toLowerCase().replace(' ', '.')
                + "@agents.in").add("phone", "9876543210").add("pan", "ABCPE1234F");
        if (userId != null) {
            body.add("userId", userId);
        }
        if (parent != null) {
            body.add("parentAgentId", parent);
        }
        return Rest.call("POST", "/api/v1/agents", t.slug(), t.adminToken(), body.build().toString()).expect(201)
                .json().getString("id");
    }

    /** The lead card of this name in the stage's column, or null. */
    private WebElement card(String stage, String name) {
        for (WebElement c : browser.findAll("[data-stage=\"" + stage + "\"] .lead-card")) {
            if (c.getText().contains(name)) {
                return c;
            }
        }
        return null;
    }

    /** Scrolls the element to the top of the window, for the screenshot. */
    private void scrollTo(String css) {
        browser.js("arguments[0].scrollIntoView({block: 'start'})", browser.find(css));
    }

    /** GET of a same-origin URL from the page (the session cookie goes along): "status content-type length". */
    private String fetch(String path) {
        Object r = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], { credentials: 'same-origin' }).then(async (r) => done(r.status + ' '"
                + " + (r.headers.get('content-type') || '') + ' ' + (await r.text()).length)).catch((e) =>"
                + " done('error ' + e));", path);
        return String.valueOf(r);
    }

    @Test
    void agentPortalReferralLeadEarningsAndLeaderboard() {
        Rest.Tenant t = Rest.newTenant("agp", "Agents & Co");
        Rest.User asha = Rest.newUser(t, "Asha Agent", "AGENT");
        Rest.User bala = Rest.newUser(t, "Bala Agent", "AGENT");
        Rest.call("POST", "/api/v1/commission-plans", t.slug(), t.adminToken(), Json.createObjectBuilder()
                .add("name", "Standard").add("effectiveFrom", "2026-01-01").add("rules", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("kind", "PERCENT").add("ratePercent", 10)))
                .build().toString()).expect(201);
        String ashaId = agent(t, "Asha Rao", asha.id(), null);
        String balaId = agent(t, "Bala Iyer", bala.id(), null);
        String code = Rest.call("GET", "/api/v1/agents/" + ashaId, t.slug(), t.adminToken(), null).expect(200).json()
                .getString("referralCode");

        // the agent: referral link, QR code, copy
        browser.signIn(t.origin(), asha.email(), asha.password());
        browser.open(t.origin() + "/app/#/agent");
        browser.text("h1", "Agent portal");
        WebElement link = browser.visible("#referral-link");
        assertEquals(t.origin() + "/refer/?code=" + code, link.getAttribute("value"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js("const i = document.getElementById('referral-qr');"
                + " return i.complete && i.naturalWidth > 0;")));
        browser.click("#referral-copy");
        browser.text("#referral-message", "Referral link copied.");
        browser.assertNoProblems();
        browser.shot("agent-portal");

        // a visitor, not signed in (another browser profile is not needed: the page needs no session)
        browser.signOut();
        browser.open(t.origin() + "/refer/?code=" + code);
        browser.textContains("#referred-by", "Referred by Asha Rao");
        assertFalse(browser.find("#refer-website").isDisplayed(), "the honeypot is hidden from people");
        browser.type("#refer-name", "Vikram Visitor").type("#refer-phone", "9812345678")
                .type("#refer-email", "vikram@visitors.in").type("#refer-companyName", "Vikram Traders");
        browser.shot("referral-form");
        browser.click("#refer-send");
        browser.textContains("#refer-done", "Thank you");
        browser.assertNoProblems();
        browser.shot("referral-sent");

        // the lead is on the agent's board; the agent moves it to CONTACTED
        browser.signIn(t.origin(), asha.email(), asha.password());
        browser.open(t.origin() + "/app/#/agent");
        browser.waitUntil(d -> card("NEW", "Vikram Visitor") != null);
        WebElement card = card("NEW", "Vikram Visitor");
        new Select(card.findElement(By.cssSelector("select"))).selectByValue("CONTACTED");
        card.findElement(By.cssSelector("button[data-action=\"move\"]")).click();
        browser.textContains("#board-message", "moved to contacted");
        browser.waitUntil(d -> card("CONTACTED", "Vikram Visitor") != null);
        browser.assertNoProblems();
        scrollTo("#board-title");
        browser.shot("leads-board");

        // a referred client pays ₹1,18,000 (₹1,00,000 + GST): 10% of the taxable value accrues
        String entity = Rest.call("POST", "/api/v1/entities", t.slug(), t.adminToken(), Json.createObjectBuilder()
                .add("legalName", "Referred Traders Pvt Ltd").add("type", "PRIVATE_LIMITED").add("state", "27")
                .build().toString()).expect(201).json().getString("id");
        Rest.call("POST", "/api/v1/agents/" + ashaId + "/clients", t.slug(), t.adminToken(), Json
                .createObjectBuilder().add("entityId", entity).build().toString()).expect(201);
        BrowserPayments.enable(t.slug(), t.adminToken());
        BrowserPayments.payInvoice(t.slug(), t.adminToken(), entity, 10_000_000);
        String month = YearMonth.now(ZoneId.of("Asia/Kolkata")).toString();
        // the page is at #/agent already: opening it again would not reload it
        browser.driver.navigate().refresh();
        browser.text("#earnings-table tr[data-month=\"" + month + "\"] td.net", "₹10,000.00");
        assertEquals(12, browser.findAll("#earnings-chart rect.bar").size());
        browser.text("#st-accrued", "₹10,000.00");
        browser.text("#st-closing", "₹10,000.00");
        assertEquals(1, browser.findAll("#ledger-list tr[data-kind=\"ACCRUAL\"]").size());
        String csv = browser.find("#statement-csv").getAttribute("href");
        assertTrue(csv.contains("format=csv"), csv);
        String got = fetch(csv);
        assertTrue(got.startsWith("200 text/csv"), "the CSV downloads: " + got);
        browser.assertNoProblems();
        scrollTo("#earnings-title");
        browser.shot("agent-earnings");
        scrollTo("#statement-title");
        browser.shot("agent-statement");

        // another agent sees none of Asha's leads or ledger
        browser.signOut();
        browser.signIn(t.origin(), bala.email(), bala.password());
        browser.open(t.origin() + "/app/#/agent");
        browser.textContains("#agent-name", "Bala Iyer");
        browser.visible("#leads-board");
        assertTrue(browser.findAll(".lead-card").stream().noneMatch(c -> c.getText().contains("Vikram")));
        browser.text("#ledger-list", "No entries yet.");
        assertTrue(fetch("/api/v1/agents/" + ashaId + "/ledger").startsWith("404"));
        assertTrue(fetch("/api/v1/agents/" + ashaId + "/earnings").startsWith("404"));
        browser.assertNoProblems();
        browser.shot("other-agent");

        // staff: the leaderboard
        browser.signOut();
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.open(t.origin() + "/app/#/leaderboard");
        browser.text("h1", "Leaderboard");
        browser.text("#leaderboard tr[data-agent-id=\"" + ashaId + "\"] td.commission", "₹10,000.00");
        browser.text("#leaderboard tr[data-agent-id=\"" + balaId + "\"] td.commission", "₹0.00");
        browser.assertNoProblems();
        browser.shot("leaderboard");
    }
}
