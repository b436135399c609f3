package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The public pages in each tenant's branding, in a real browser, and tenant-typed markup rendered as text. */
class BrandingBrowserIT {

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
    void eachTenantShowsItsOwnNameAndColours() throws Exception {
        var acme = Rest.newTenant("acme", "Acme & Co, Chartered Accountants");
        var globex = Rest.newTenant("globex", "Globex Legal LLP");
        Rest.putBranding(acme, "Acme & Co, Chartered Accountants", "#aa1122", "#228844", "help@acme.in",
                "© Acme & Co. ICAI firm registration 012345W");
        Rest.putBranding(globex, "Globex Legal", "#0b5394", "#f1c232", null, null);

        browser.open(acme.origin() + "/login/");
        browser.text("#brand-name", "Acme & Co, Chartered Accountants");
        browser.waitUntil(d -> "rgb(170, 17, 34)".equals(browser.css(".brand-bar", "background-color")));
        assertEquals("rgb(170, 17, 34)", browser.css("#sign-in", "background-color"), "buttons take the colour");
        assertEquals("rgb(34, 136, 68)", browser.css(".brand-bar", "border-bottom-color"), "the accent colour");
        assertEquals("Sign in · Acme & Co, Chartered Accountants", browser.driver.getTitle());
        assertEquals("© Acme & Co. ICAI firm registration 012345W", browser.find("#brand-footer").getText());
        assertEquals("help@acme.in", browser.find("#brand-support").getText());
        assertEquals("mailto:help@acme.in", browser.find("#brand-support").getAttribute("href"));
        // the form the server's sign-in expects (shared/login-contract)
        var form = browser.find("#login-form");
        assertEquals("post", form.getAttribute("method"));
        assertEquals(acme.origin() + "/callback?client_name=FormClient", form.getAttribute("action"));
        assertEquals("username", browser.find("#username").getAttribute("name"));
        assertEquals("password", browser.find("#password").getAttribute("name"));
        assertEquals("E-mail", browser.find("label[for=username]").getText());
        assertEquals("Password", browser.find("label[for=password]").getText());
        browser.assertNoProblems();
        browser.shot("acme-login");

        browser.open(globex.origin() + "/login/");
        browser.text("#brand-name", "Globex Legal");
        browser.waitUntil(d -> "rgb(11, 83, 148)".equals(browser.css(".brand-bar", "background-color")));
        assertEquals("rgb(241, 194, 50)", browser.css(".brand-bar", "border-bottom-color"));
        assertFalse(browser.find("#brand-footer").isDisplayed(), "no footer typed: none shown");
        assertFalse(browser.find("#brand-support").isDisplayed());
        browser.assertNoProblems();
        browser.shot("globex-login");

        // the second-factor step is branded the same way, and posts the code where the contract says
        browser.open(globex.origin() + "/login/totp.html");
        browser.text("#brand-name", "Globex Legal");
        assertEquals(globex.origin() + "/login/totp", browser.find("#totp-form").getAttribute("action"));
        assertEquals("code", browser.find("#code").getAttribute("name"));
        browser.assertNoProblems();
        browser.shot("globex-totp");

        // acme's page is unchanged by globex's branding; a phone-width screen still shows the whole form
        browser.open(acme.origin() + "/login/?error=INVALID_CREDENTIALS");
        browser.text("#brand-name", "Acme & Co, Chartered Accountants");
        assertEquals("The e-mail or the password is not right.", browser.visible("#message").getText());
        browser.phone();
        assertEquals(List.of(375L, 812L), browser.js("return [innerWidth, innerHeight]"));
        assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 375,
                "nothing wider than the phone");
        assertTrue(browser.find("#sign-in").isDisplayed());
        browser.shot("acme-login-phone");
    }

    @Test
    void theSignInPageOffersOnlySafeThings() {
        var t = Rest.newTenant("safe", "Safe & Sound");
        // an unknown error code shows a fixed sentence, never the text from the address bar
        browser.open(t.origin() + "/login/?error=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&next=javascript:alert(2)");
        assertEquals("Signing in did not work. Try again.", browser.visible("#message").getText());
        assertTrue(browser.findAll("#message img").isEmpty());
        assertEquals("true", browser.find("#next").getAttribute("disabled"), "a non-portal next is not passed on");
        // a portal path is
        browser.open(t.origin() + "/login/?next=%2Fapp%2F%23%2Fusers&signedOut=1");
        assertEquals("You have signed out.", browser.visible("#notice").getText());
        assertNull(browser.find("#next").getAttribute("disabled"));
        assertEquals("/app/#/users", browser.find("#next").getAttribute("value"));
        // without OIDC configured (or before the endpoint exists) only the password form is offered
        assertFalse(browser.find("#oidc").isDisplayed());
        browser.assertNoAlert();
        browser.assertNoProblems();

        // the platform's own host (no tenant) still shows a working sign-in page
        browser.open("http://localhost:" + Rest.PORT + "/login/");
        browser.text("#brand-name", "Seva");
        assertTrue(browser.find("#login-form").isDisplayed());
        browser.assertNoProblems();
        browser.shot("platform-login");
    }

    @Test
    void theSignInPageWorksFromTheKeyboardWithAVisibleFocus() {
        var t = Rest.newTenant("keys", "Keys & Co");
        browser.open(t.origin() + "/login/");
        browser.text("#brand-name", "Keys & Co");
        var order = new java.util.ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            browser.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            order.add((String) browser.js("return document.activeElement.id || document.activeElement.className"));
        }
        assertEquals(List.of("skip-link", "username", "password", "sign-in"), order, "tab order");
        assertEquals("solid", browser.js("return getComputedStyle(document.activeElement).outlineStyle"),
                "the focused control shows it");
        assertEquals("3px", browser.js("return getComputedStyle(document.activeElement).outlineWidth"));
        browser.shot("focus");
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheSignInPageAndBack() {
        var t = Rest.newTenant("visitor", "Visitor & Co");
        browser.open(t.origin() + "/app/#/users");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(t.origin() + "/login/?next="));
        assertEquals(t.origin() + "/login/?next=%2Fapp%2F%23%2Fusers", browser.driver.getCurrentUrl());
        browser.text("#brand-name", "Visitor & Co");
        assertEquals("/app/#/users", browser.find("#next").getAttribute("value"), "sent with the form");
        assertNull(browser.find("#next").getAttribute("disabled"));
        browser.assertNoProblems();
        // the root of the site leads to the portal, hence here too
        browser.open(t.origin() + "/");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(t.origin() + "/login/?next="));
    }

    @Test
    void scriptInjectionThroughEveryBrandingFieldRendersAsText() throws Exception {
        var t = Rest.newTenant("inject", "Inject Test");
        String name = "<img src=x onerror=\"alert(1)\"><script>alert(2)</script>";
        String email = "<svg/onload=alert(3)>@evil.in";
        String footer = "</p><script>window.__pwned=1;alert(4)</script><b id=\"injected\">bold</b>"
                + "<a href=\"javascript:alert(5)\">x</a>";
        Rest.putBranding(t, name, "#123456", "#654321", email, footer);

        // colours are the one place where text would reach CSS: the API accepts only #rrggbb
        for (String bad : List.of("#fff\" onload=\"alert(6)", "red;background:url(x)", "expression(alert(7))",
                "javascript:alert(8)")) {
            var r = Rest.call("PUT", "/api/v1/tenant/branding", t.slug(), t.adminToken(), Json.createObjectBuilder()
                    .add("displayName", "x").add("primaryColor", bad).add("accentColor", "#000000").build()
                    .toString());
            assertEquals(400, r.status(), r.body());
            assertTrue(r.body().contains("primaryColor"), r.body());
        }
        // and a logo with a script is refused; a logo is only ever shown as an image anyway
        String unsafe = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(9)</script></svg>";
        var logo = Rest.send(HttpRequest.newBuilder(URI.create(Rest.BASE + "/api/v1/tenant/branding/logo"))
                .timeout(java.time.Duration.ofSeconds(30)).header("X-Seva-Tenant", t.slug())
                .header("Authorization", "Bearer " + t.adminToken())
                .header("Content-Type", "image/svg+xml")
                .PUT(HttpRequest.BodyPublishers.ofString(unsafe, StandardCharsets.UTF_8)).build());
        assertEquals(422, logo.status(), logo.body());

        // the OIDC button's label is tenant-typed too (a loopback issuer is accepted; it is never contacted here)
        String label = "<img src=x onerror=alert(10)>Google";
        Rest.call("PUT", "/api/v1/tenant/oidc-settings", t.slug(), t.adminToken(), Json.createObjectBuilder()
                .add("enabled", true).add("issuer", "http://127.0.0.1:9/").add("clientId", "portal")
                .add("clientSecret", "not-used-here").add("label", label).build().toString()).expect(200);

        for (String page : List.of("/login/", "/login/totp.html")) {
            browser.open(t.origin() + page);
            browser.text("#brand-name", name);
            browser.text("#brand-footer", footer);
            browser.text("#brand-support", email.toLowerCase());
            assertTrue(browser.find("#brand-support").getAttribute("href").startsWith("mailto:"));
            assertTrue(browser.driver.getTitle().endsWith(name), browser.driver.getTitle());
            // what the page holds: text only; no element came out of the tenant's strings
            assertEquals(0L, browser.js("return document.querySelectorAll('img[src=\"x\"], svg, #injected, "
                    + "a[href^=\"javascript\"], header script, footer script, main script').length"));
            assertEquals(1L, browser.js("return document.scripts.length"), "only the page's own module");
            assertNull(browser.js("return window.__pwned === undefined ? null : window.__pwned"));
            // give a broken image's onerror its chance to fire before looking for dialogs
            browser.js("return new Promise(r => setTimeout(r, 300))");
            browser.assertNoAlert();
            browser.assertNoProblems();
        }
        browser.open(t.origin() + "/login/");
        browser.text("#oidc-link", label);
        assertEquals(t.origin() + "/login/oidc", browser.find("#oidc-link").getAttribute("href"));
        assertEquals(0L, browser.js("return document.querySelectorAll('#oidc img').length"));
        browser.js("return new Promise(r => setTimeout(r, 300))");
        browser.assertNoAlert();
        browser.assertNoProblems();
        browser.shot("login");
        assertTrue(Files
                .size(Browser.SHOTS.resolve("scriptInjectionThroughEveryBrandingFieldRendersAsText-login.png")) > 1000);
        assertEquals(name, Rest.call("GET", "/api/v1/branding", t.slug(), null, null).json().getString(
                "displayName"), "the API keeps the text as typed; the page escapes it");
    }
}
