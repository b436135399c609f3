package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.FakeRazorpay;
import jakarta.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The payments pages in a real browser, under the server's real Content-Security-Policy: the admin sets the Razorpay
 * keys, a manager bills a Karnataka entity of a Maharashtra firm (IGST), the entity's client pays through Razorpay
 * Checkout (the fake's checkout.js on 127.0.0.1, with the real API surface and a real signature), after cancelling
 * and failing once, and the manager refunds part of it. A client sees no staff controls and may not open the set-up.
 */
class PaymentsBrowserIT {

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

    @Test
    void billPayAndRefundAnInvoice() throws Exception {
        var t = Rest.newTenant("payb", "Patil & Rao Associates");
        var manager = Rest.newUser(t, "Meera Manager", "MANAGER");
        var client = Rest.newUser(t, "Kiran Client", "CLIENT");
        String entity = Rest.call("POST", "/api/v1/entities", t.slug(), t.adminToken(), Json.createObjectBuilder()
                .add("legalName", "Bengaluru Bytes Pvt Ltd").add("type", "PRIVATE_LIMITED").add("state", "29").build()
                .toString()).expect(201).json().getString("id");
        Rest.call("POST", "/api/v1/entities/" + entity + "/members", t.slug(), t.adminToken(), Json
                .createObjectBuilder().add("userId", client.id()).add("role", "OWNER").build().toString()).expect(201);
        FakeRazorpay.Keys keys = FakeRazorpay.get().newKeys();

        // the admin sets the keys: the secrets are write-only ("set"), the key id comes back
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.open(t.origin() + "/app/#/payments");
        browser.text("h1", "Payments set-up");
        browser.text("#settings-keySecret-state", "not set");
        browser.type("#settings-keyId", keys.keyId()).type("#settings-keySecret", keys.keySecret())
                .type("#settings-webhookSecret", keys.webhookSecret());
        new Select(browser.find("#settings-stateCode")).selectByValue("27");
        browser.click("#settings-save");
        browser.textContains("#settings-message", "Saved.");
        browser.text("#settings-keySecret-state", "set");
        browser.text("#settings-webhookSecret-state", "set");
        assertEquals("", browser.find("#settings-keySecret").getAttribute("value"));
        browser.driver.navigate().refresh();
        browser.text("#settings-webhookSecret-state", "set");
        assertEquals(keys.keyId(), browser.find("#settings-keyId").getAttribute("value"));
        assertTrue(!browser.driver.getPageSource().contains(keys.keySecret()), "the secret is never shown");
        browser.text("#reconcile-failures", "No failing checks.");
        browser.assertNoProblems();
        browser.shot("settings");
        browser.signOut();

        // a manager bills the Karnataka entity: a draft, then issued; Maharashtra to Karnataka is IGST
        browser.signIn(t.origin(), manager.email(), manager.password());
        browser.open(t.origin() + "/app/#/invoices");
        browser.text("h1", "Invoices");
        new Select(browser.visible("#invoice-entityId")).selectByVisibleText("Bengaluru Bytes Pvt Ltd (29 Karnataka)");
        browser.type("#invoice-lines\\[0\\]\\.description", "Annual ROC filing")
                .type("#invoice-lines\\[0\\]\\.sac", "998231")
                .type("#invoice-lines\\[0\\]\\.amountPaise", "abc");
        browser.click("#invoice-draft").click("#invoice-create");
        browser.textContains("#invoice-lines\\[0\\]\\.amountPaise-error", "Type an amount in rupees");
        browser.type("#invoice-lines\\[0\\]\\.amountPaise", "10,000.50");
        browser.click("#invoice-create");
        browser.textContains("#invoice-message", "Created a draft");
        browser.click("#invoice-created-link");
        browser.text("#invoice-title", "Draft invoice");
        browser.text("#invoice-status", "Draft");
        browser.click("#invoice-issue");
        browser.textContains("#invoice-action-message", "Issued as ");
        browser.text("#invoice-status", "Issued");
        // ₹10,000.50 at 18%: IGST ₹1,800.09 (half-even on 180009 paise), no CGST/SGST
        browser.text("#invoice-taxable", "₹10,000.50");
        browser.text("#invoice-igst", "₹1,800.09");
        browser.text("#invoice-cgst", "₹0.00");
        browser.text("#invoice-sgst", "₹0.00");
        browser.text("#invoice-total", "₹11,800.59");
        browser.textContains("#invoice-pos", "inter-state: IGST");
        String invoiceUrl = browser.driver.getCurrentUrl();
        String number = browser.find("#invoice-title").getText().replace("Invoice ", "");
        assertTrue(browser.find("#invoice-pdf").getAttribute("href").endsWith("/pdf"));
        browser.assertNoProblems();
        browser.shot("issued");
        browser.signOut();

        // the client: sees it, no staff controls; cancels, fails, then pays through Checkout
        browser.signIn(t.origin(), client.email(), client.password());
        browser.open(t.origin() + "/app/#/invoices");
        browser.text("#invoice-count", "1 invoice.");
        assertEquals(List.of(), browser.findAll("#invoice-form"), "no create form for a client");
        browser.text("#invoice-list a", number);
        browser.click("#invoice-list a");
        browser.text("#invoice-status", "Issued");
        assertEquals(List.of(), browser.findAll("#refund-form"));
        assertEquals(List.of(), browser.findAll("#invoice-void"));
        browser.click("#invoice-pay");
        browser.visible("#razorpay-fake");
        browser.textContains("#razorpay-fake-what", "11800.59 INR");
        browser.shot("checkout");
        browser.click("#razorpay-fake-close");
        browser.textContains("#invoice-action-message", "Payment cancelled");
        assertEquals("alert", browser.find("#invoice-action-message").getAttribute("role"));
        browser.click("#invoice-pay");
        browser.click("#razorpay-fake-fail");
        browser.textContains("#invoice-action-message", "The payment failed: Your payment could not be completed");
        browser.click("#razorpay-fake-close");
        browser.text("#invoice-status", "Issued");
        browser.click("#invoice-pay");
        browser.click("#razorpay-fake-pay");
        browser.text("#invoice-status", "Paid");
        browser.textContains("#invoice-action-message", "₹11,800.59 received");
        browser.text("#invoice-due", "₹0.00");
        assertEquals(1, browser.findAll("#invoice-payments tbody tr").size());
        assertTrue(FakeRazorpay.get().calls("POST /v1/checkout/pay") >= 1);
        browser.assertNoProblems();
        browser.shot("paid");
        // the admin's page is not for clients
        browser.open(t.origin() + "/app/#/payments");
        browser.text("#not-allowed", "You are not allowed to open this page.");
        browser.signOut();

        // the manager refunds part of it
        browser.signIn(t.origin(), manager.email(), manager.password());
        browser.open(invoiceUrl);
        browser.text("#invoice-status", "Paid");
        browser.text("#refund-refundable", "₹11,800.59");
        browser.type("#refund-amountPaise", "20000");
        browser.click("#refund-submit");
        browser.textContains("#refund-amountPaise-error", "up to ₹11,800.59");
        browser.type("#refund-amountPaise", "1,000").type("#refund-reason", "Goodwill discount");
        browser.click("#refund-submit");
        browser.textContains("#invoice-action-message", "Refund of ₹1,000.00 processed");
        browser.text("#invoice-status", "Partially refunded");
        assertEquals("PARTIALLY_REFUNDED", browser.find("#invoice-status").getAttribute("data-status"));
        browser.text("#invoice-refunded", "₹1,000.00");
        browser.text("#refund-refundable", "₹10,800.59");
        browser.assertNoProblems();
        browser.shot("refunded");

        // the list filters by status; at phone width nothing is wider than the screen
        browser.open(t.origin() + "/app/#/invoices?status=PAID");
        browser.text("#invoice-count", "0 invoices.");
        new Select(browser.find("#invoice-status-filter")).selectByValue("PARTIALLY_REFUNDED");
        browser.text("#invoice-count", "1 invoice.");
        browser.phone();
        browser.open(invoiceUrl);
        browser.text("#invoice-status", "Partially refunded");
        assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 375,
                "nothing wider than the phone");
        browser.shot("invoice-phone");
        browser.signOut();

        // a webhook that cannot be applied (a refund of a payment Seva never saw) stands out in the admin's log
        String body = FakeRazorpay.refundEvent("refund.processed", Json.createObjectBuilder()
                .add("id", "rfnd_BROWSER00001").add("entity", "refund").add("amount", 100).add("currency", "INR")
                .add("payment_id", "pay_NEVERSEEN0001").add("status", "processed").build());
        Rest.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Rest.BASE + "/api/v1/webhooks/razorpay"))
                .header("X-Seva-Tenant", t.slug()).header("Content-Type", "application/json")
                .header("X-Razorpay-Signature", FakeRazorpay.sign(keys.webhookSecret(), body.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))
                .header("x-razorpay-event-id", "evt_BROWSERFAIL01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build()).expect(200);
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.open(t.origin() + "/app/#/payments?webhooks=FAILED");
        for (int i = 0; i < 30 && browser.findAll("#webhook-list tr.failed").isEmpty(); i++) {
            Thread.sleep(500);
            browser.driver.navigate().refresh();
            browser.text("h1", "Payments set-up");
        }
        var failed = browser.visible("#webhook-list tr.failed[data-event-id='evt_BROWSERFAIL01']");
        assertTrue(failed.getText().contains("not recorded yet"), failed.getText());
        browser.assertNoProblems();
        browser.js("arguments[0].scrollIntoView()", failed);
        browser.shot("webhook-log");
    }
}
