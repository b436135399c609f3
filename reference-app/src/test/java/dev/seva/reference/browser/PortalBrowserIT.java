package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The signed-in portal in a real browser, signed in through the sign-in page (password, then the TOTP step): the
 * entity switcher, tenant administration, what a client may not open, and the platform admin's tenant list.
 */
class PortalBrowserIT {

    Browser browser;
    Path tmp;

    @BeforeEach
    void start(@TempDir Path tmp, TestInfo info) throws Exception {
        Browser.require();
        this.tmp = tmp;
        browser = Browser.start(tmp, info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void submitPassword(String origin, String email, String password) {
        browser.open(origin + "/login/");
        browser.type("#username", email).type("#password", password).click("#sign-in");
    }

    private void signOut() {
        browser.signOut().text("#notice", "You have signed out.");
    }

    @Test
    void signInWithPasswordAndTotp() {
        var t = Rest.newTenant("acme", "Acme & Co");
        // a wrong password comes back to the page with the contract's error
        submitPassword(t.origin(), t.adminEmail(), "not-the-password");
        browser.waitUntil(d -> d.getCurrentUrl().contains("error=INVALID_CREDENTIALS"));
        assertEquals("The e-mail or the password is not right.", browser.visible("#message").getText());

        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.text("h1", "Welcome, Acme & Co admin");
        browser.assertNoProblems();

        // enrol: the page shows the QR code and the key; the test plays the authenticator app
        browser.open(t.origin() + "/app/#/security");
        browser.click("#totp-start");
        browser.visible("#totp-qr");
        assertTrue(browser.find("#totp-qr").getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        String secret = browser.visible("#totp-secret").getText();
        browser.type("#totp-code", "000000").click("#totp-confirm");
        browser.textContains("#totp-code-error", "does not match");
        assertEquals("true", browser.find("#totp-code").getAttribute("aria-invalid"));
        browser.type("#totp-code", Rest.totp(secret, 0)).click("#totp-confirm");
        browser.visible("#recovery-codes");
        assertEquals(10, browser.findAll("#recovery-codes li").size());
        browser.assertNoProblems();
        browser.shot("recovery-codes");
        signOut();

        // now the password leads to the second step
        submitPassword(t.origin(), t.adminEmail(), t.adminPassword());
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(t.origin() + "/login/totp.html"));
        browser.text("#brand-name", "Acme & Co");
        browser.shot("totp-step");
        browser.type("#code", "000000").click("#verify");
        browser.waitUntil(d -> d.getCurrentUrl().contains("error=TOTP_INVALID"));
        assertTrue(browser.visible("#message").getText().startsWith("That code is not right"));
        browser.type("#code", Rest.totp(secret, 1)).click("#verify");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(t.origin() + "/app/"));
        browser.text("h1", "Welcome, Acme & Co admin");
        browser.assertNoProblems();
        browser.shot("dashboard");
    }

    @Test
    void staffWithoutASecondFactorAreSentToSetItUpWhenTheFirmRequiresIt() {
        var t = Rest.newTenant("strict", "Strict & Co");
        var staff = Rest.newUser(t, "Sunil Staff", "STAFF");
        Rest.call("PUT", "/api/v1/tenant/security-settings", t.slug(), t.adminToken(),
                "{\"totpRequiredForStaff\": true}").expect(200);
        browser.signIn(t.origin(), staff.email(), staff.password());
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/app/#/security"));
        browser.visible("#totp-required");
        // the other pages are refused by the API until then, and say so
        browser.open(t.origin() + "/app/#/entities");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/app/#/security"));
        browser.click("#totp-start");
        String secret = browser.visible("#totp-secret").getText();
        browser.type("#totp-code", Rest.totp(secret, 0)).click("#totp-confirm");
        browser.visible("#recovery-codes");
        assertFalse(browser.find("#totp-required").isDisplayed());
        browser.open(t.origin() + "/app/#/entities");
        browser.visible("#entity-form");
        browser.assertNoProblems();
        browser.shot("enrolled");
    }

    @Test
    void aClientSwitchesEntityAndTheChoiceIsRemembered() {
        var t = Rest.newTenant("switch", "Switch & Co");
        var client = Rest.newUser(t, "Meera Client", "CLIENT");
        Rest.newEntity(t, "Meera Textiles Pvt Ltd", client);
        Rest.newEntity(t, "Meera Exports LLP", client);
        Rest.newEntity(t, "Somebody Else Ltd", null);

        browser.signIn(t.origin(), client.email(), client.password());
        browser.text("h1", "Welcome, Meera Client");
        Select switcher = new Select(browser.visible("#entity-select"));
        assertEquals(List.of("Meera Exports LLP", "Meera Textiles Pvt Ltd"), switcher.getOptions().stream()
                .map(WebElement::getText).sorted().toList(), "only the client's own entities");
        String first = switcher.getFirstSelectedOption().getText();
        browser.text("#current-entity", first);
        assertEquals(2, browser.findAll("#my-entities li").size());
        String other = first.equals("Meera Exports LLP") ? "Meera Textiles Pvt Ltd" : "Meera Exports LLP";

        switcher.selectByVisibleText(other);
        browser.text("#current-entity", other);
        browser.text("#my-entities li.selected .entity-name", other);
        browser.shot("switched");

        // remembered across a reload, and the "work on this" button switches back
        browser.driver.navigate().refresh();
        browser.text("#current-entity", other);
        assertEquals(other, new Select(browser.visible("#entity-select")).getFirstSelectedOption().getText());
        browser.click("#my-entities li:not(.selected) button");
        browser.text("#current-entity", first);
        browser.assertNoProblems();

        // a phone-width screen: everything reachable, nothing wider than the screen
        browser.phone();
        browser.driver.navigate().refresh();
        browser.text("#current-entity", first);
        assertEquals(List.of(375L, 812L), browser.js("return [innerWidth, innerHeight]"));
        assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 375,
                "nothing wider than the phone");
        assertTrue(browser.find("#entity-select").isDisplayed());
        assertTrue(browser.find("#sign-out-button").isDisplayed());
        browser.shot("dashboard-phone");
    }

    @Test
    void aClientCannotOpenAdminPages() {
        var t = Rest.newTenant("deny", "Deny & Co");
        var client = Rest.newUser(t, "Ravi Client", "CLIENT");
        browser.signIn(t.origin(), client.email(), client.password());
        browser.text("h1", "Welcome, Ravi Client");
        List<String> menu = browser.findAll("#nav a").stream().map(WebElement::getText).toList();
        assertFalse(menu.contains("Users") || menu.contains("Branding") || menu.contains("Tenants"), menu::toString);

        // typing the address anyway: the API says 403 and the page says so
        for (String page : List.of("users", "branding", "platform")) {
            browser.open(t.origin() + "/app/#/" + page);
            browser.text("#not-allowed", "You are not allowed to open this page.");
            assertTrue(browser.findAll("#user-list, #branding-form, #tenant-list").isEmpty(), page);
            browser.shot(page);
        }
        assertEquals(403L, browser.js("return fetch('/api/v1/users', {credentials: 'same-origin'})"
                + ".then(r => r.status)"), "the API itself refuses");
        // clients see their entities but get no create form
        browser.open(t.origin() + "/app/#/entities");
        browser.visible("#entity-list");
        assertTrue(browser.findAll("#entity-form").isEmpty());
        browser.assertNoProblems();
    }

    @Test
    void anAdminChangesTheBrandingAndTheSignInPageChanges() throws Exception {
        var t = Rest.newTenant("rebrand", "Rebrand & Co");
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.open(t.origin() + "/app/#/branding");
        browser.visible("#branding-form");
        assertEquals("Rebrand & Co", browser.find("#brand-displayName").getAttribute("value"));

        // a bad colour is shown next to its field, from the API's problem+json errors[]
        browser.type("#brand-primaryColor", "#12345").click("#branding-save");
        browser.textContains("#brand-primaryColor-error", "#rrggbb");
        assertEquals("true", browser.find("#brand-primaryColor").getAttribute("aria-invalid"));

        String footer = "<script>alert('footer')</script> Regd. office: Pune";
        browser.type("#brand-displayName", "Rebranded Advisors").type("#brand-primaryColor", "#5b21b6")
                .type("#brand-accentColor", "#d97706").type("#brand-supportEmail", "desk@rebranded.in")
                .type("#brand-footerText", footer).click("#branding-save");
        browser.textContains("#branding-message", "Saved");
        browser.text("#brand-name", "Rebranded Advisors");
        assertEquals("rgb(91, 33, 182)", browser.css(".brand-bar", "background-color"), "applied at once");

        // the logo: a PNG chosen in the file input, uploaded as the raw body
        Path png = tmp.resolve("logo.png");
        BufferedImage img = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x5b21b6));
        g.fillRect(0, 0, 120, 40);
        g.setColor(Color.WHITE);
        g.fillOval(40, 5, 30, 30);
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
        browser.find("#logo-file").sendKeys(png.toAbsolutePath().toString());
        browser.click("#logo-upload");
        browser.textContains("#logo-message", "Logo uploaded");
        browser.visible("#brand-logo");
        browser.assertNoProblems();
        browser.shot("settings");

        // the sign-in page, as anyone sees it now
        signOut();
        browser.text("#brand-name", "Rebranded Advisors");
        assertEquals("rgb(91, 33, 182)", browser.css(".brand-bar", "background-color"));
        assertEquals("rgb(217, 119, 6)", browser.css(".brand-bar", "border-bottom-color"));
        browser.text("#brand-footer", footer);
        browser.text("#brand-support", "desk@rebranded.in");
        WebElement logo = browser.visible("#brand-logo");
        assertTrue(logo.getAttribute("src").startsWith(t.origin() + "/api/v1/branding/logo"));
        assertTrue((Boolean) browser.js("return arguments[0].complete && arguments[0].naturalWidth === 120", logo),
                "the logo loads");
        assertEquals(1L, browser.js("return document.scripts.length"));
        browser.assertNoAlert();
        browser.assertNoProblems();
        browser.shot("sign-in-page");
    }

    @Test
    void staffCreateEntitiesAndAdminsManageUsers() {
        var t = Rest.newTenant("admin", "Admin & Co");
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());

        browser.open(t.origin() + "/app/#/entities");
        browser.type("#entity-legalName", "Sharma Traders Pvt Ltd").type("#entity-pan", "ABCDE").click(
                "#entity-create");
        browser.waitUntil(d -> !browser.find("#entity-pan-error").getText().isBlank());
        assertEquals("true", browser.find("#entity-pan").getAttribute("aria-invalid"));
        assertEquals("", browser.find("#entity-legalName-error").getText(), "only the wrong field is marked");
        browser.shot("entity-errors");
        browser.type("#entity-pan", "AAPFU0939F").click("#entity-create");
        browser.textContains("#entity-message", "Created Sharma Traders Pvt Ltd");
        browser.textContains("#entity-list", "Sharma Traders Pvt Ltd");
        browser.text("#entity-count", "1 entity.");
        assertEquals("", browser.find("#entity-pan-error").getText());

        browser.open(t.origin() + "/app/#/users");
        browser.visible("#user-list");
        browser.type("#user-email", "anita@example.in").type("#user-name-input", "Anita Staff");
        browser.click("#user-roles input[value=CLIENT]").click("#user-roles input[value=STAFF]");
        browser.type("#user-password", "anita-first-password").click("#user-create");
        browser.textContains("#user-message", "Created anita@example.in");
        browser.text("#user-count", "2 users.");
        String row = "#user-list tr[data-email='anita@example.in']";
        browser.text(row + " .user-status", "Active");
        assertTrue(browser.find(row).getText().contains("Staff"));
        browser.click(row + " button[data-action=disable]");
        browser.text(row + " .user-status", "Disabled");
        browser.textContains("#users-message", "anita@example.in is now disabled");
        // the same e-mail again: the API's conflict is shown
        browser.type("#user-email", "anita@example.in").type("#user-name-input", "Anita Again").click(
                "#user-create");
        browser.waitUntil(d -> !browser.find("#user-message").getText().isBlank()
                && !browser.find("#user-message").getText().startsWith("Created"));
        browser.assertNoProblems();
        browser.shot("users");
    }

    @Test
    void longListsComeAPageAtATime() {
        var t = Rest.newTenant("pages", "Pages & Co");
        for (int i = 1; i <= 52; i++) {
            Rest.newEntity(t, String.format("Entity %02d Pvt Ltd", i), null);
        }
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.open(t.origin() + "/app/#/entities");
        browser.text("#entity-count", "52 entities.");
        browser.text("#entity-page", "Page 1 of 2");
        assertEquals(50, browser.findAll("#entity-list tbody tr").size());
        assertFalse(browser.find("#entity-prev").isEnabled());
        browser.click("#entity-next");
        browser.text("#entity-page", "Page 2 of 2");
        assertEquals(List.of("Entity 51 Pvt Ltd", "Entity 52 Pvt Ltd"), browser.findAll(
                "#entity-list tbody tr td:first-child").stream().map(WebElement::getText).toList());
        assertFalse(browser.find("#entity-next").isEnabled());
        browser.click("#entity-prev");
        browser.text("#entity-page", "Page 1 of 2");
        browser.assertNoProblems();
    }

    @Test
    void thePlatformAdminListsTenants() {
        var t = Rest.newTenant("listed", "Listed & Co");
        String platform = "http://localhost:" + Rest.PORT;
        // the platform admin has a second factor (the IT server's configured secret)
        submitPassword(platform, dev.seva.reference.it.PlatformAdmin.EMAIL,
                dev.seva.reference.it.PlatformAdmin.PASSWORD);
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(platform + "/login/totp.html"));
        browser.type("#code", dev.seva.reference.it.PlatformAdmin.nextCode()).click("#verify");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/app/#/platform"));
        browser.visible("#tenant-list");
        // "1 firm." when this test runs first on a fresh database, "n firms." otherwise
        browser.waitUntil(d -> browser.find("#tenant-count").getText().matches("\\d+ firms?\\."));
        // the list comes a page (50) at a time, in slug order: walk to the page with ours
        String row = "#tenant-list tr[data-slug='" + t.slug() + "']";
        for (int page = 1; browser.findAll(row).isEmpty(); page++) {
            assertTrue(browser.find("#tenant-next").isEnabled(), "the new tenant is on no page");
            browser.click("#tenant-next");
            browser.text("#tenant-page", "Page " + (page + 1) + " of " + browser.find("#tenant-page").getText()
                    .replaceAll(".* of ", ""));
        }
        browser.textContains(row, "Listed & Co");
        assertEquals(t.origin() + "/login/", browser.find(row + " a").getAttribute("href"));
        browser.text("#brand-name", "Seva");
        browser.assertNoProblems();
        browser.shot("tenants");
    }
}
