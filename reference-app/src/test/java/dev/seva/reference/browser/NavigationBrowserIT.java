package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The portal's menu in a real browser. The firm's staff see it in groups (Clients, Work, Billing, Agents, Settings),
 * each with the entries its modules add, beside the page; at phone width it folds behind a "Menu" button that opens
 * and closes from the keyboard; a client sees a short plain list. The forms offer the types the API lists.
 */
class NavigationBrowserIT {

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

    /** @return each group's title (as written: the style shows it in capitals) and its entries, in order */
    private Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (WebElement g : browser.findAll("#nav .nav-group")) {
            groups.put(g.findElement(By.cssSelector(".nav-group-title")).getAttribute("textContent"), g.findElements(
                    By.cssSelector("a")).stream().map(WebElement::getText).toList());
        }
        return groups;
    }

    private String active() {
        return (String) browser.js("return document.activeElement.id || document.activeElement.tagName");
    }

    private long scrollWidth() {
        return (Long) browser.js("return document.documentElement.scrollWidth");
    }

    @Test
    void staffSeeTheMenuInGroupsBesideThePage() {
        var t = Rest.newTenant("navs", "Navigation & Co");
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.text("h1", "Welcome, Navigation & Co admin");

        WebElement dashboard = browser.find("#nav > li > a");
        assertEquals("Dashboard", dashboard.getText(), "the dashboard above the groups");
        assertEquals("page", dashboard.getAttribute("aria-current"));
        assertEquals(Map.of(
                "Clients", List.of("Entities", "Documents"),
                "Work", List.of("Review queue", "Search documents"),
                "Billing", List.of("Invoices", "Payments set-up"),
                "Agents", List.of("Agents", "Leaderboard", "Leads", "Payout runs"),
                "Settings", List.of("Users", "Branding", "Security")), groups());
        assertEquals(List.of("Clients", "Work", "Billing", "Agents", "Settings"), List.copyOf(groups().keySet()));
        assertTrue(browser.findAll("#nav a").stream().allMatch(WebElement::isDisplayed), "every entry in sight");
        assertFalse(browser.find("#nav-toggle").isDisplayed(), "no menu button on a wide screen");
        assertTrue((Boolean) browser.js("return document.getElementById('main-nav').getBoundingClientRect().right"
                + " <= document.getElementById('view').getBoundingClientRect().left"), "the menu is beside the page");
        assertTrue(scrollWidth() <= 1280, "nothing wider than the window");
        browser.shot("desktop");

        // by keyboard: from the dashboard's entry, Tab reaches the next entry, Enter opens it, its heading has focus
        browser.js("document.querySelector('#nav a[href=\"#/\"]').focus()");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("Entities", browser.driver.switchTo().activeElement().getText());
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/app/#/entities"));
        browser.text("h1", "Entities");
        browser.waitUntil(d -> "H1".equals(active()));
        assertEquals("page", browser.find("#nav a[href='#/entities']").getAttribute("aria-current"));
        assertEquals(null, browser.find("#nav a[href='#/']").getAttribute("aria-current"));

        // a page below an entry marks that entry
        browser.click("#nav a[href='#/invoices']");
        browser.text("h1", "Invoices");
        assertEquals("Invoices", browser.find("#nav a[aria-current='page']").getText());
        browser.assertNoProblems();
        browser.shot("desktop-invoices");
    }

    @Test
    void atPhoneWidthTheMenuFoldsBehindAButtonThatOpensByKeyboard() {
        var t = Rest.newTenant("navp", "Phone & Co");
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());
        browser.phone();
        browser.driver.navigate().refresh();
        browser.text("h1", "Welcome, Phone & Co admin");
        WebElement toggle = browser.visible("#nav-toggle");
        assertEquals("Menu", toggle.getText());
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        assertEquals("nav", toggle.getAttribute("aria-controls"));
        assertTrue(browser.findAll("#nav a").stream().noneMatch(WebElement::isDisplayed), "folded");
        assertTrue(scrollWidth() <= 375, "nothing wider than the phone");
        browser.shot("phone-folded");

        // Enter on the button opens it; every group and entry is then in sight, still within the screen
        browser.js("document.getElementById('nav-toggle').focus()");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitUntil(d -> "true".equals(toggle.getAttribute("aria-expanded")));
        assertTrue(browser.findAll("#nav a").stream().allMatch(WebElement::isDisplayed), "unfolded");
        assertEquals(List.of("Clients", "Work", "Billing", "Agents", "Settings"), List.copyOf(groups().keySet()));
        assertTrue(scrollWidth() <= 375, "nothing wider than the phone");
        browser.shot("phone-open");
        // Tab goes from the button into the menu; Escape folds it and gives the focus back to the button
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("Dashboard", browser.driver.switchTo().activeElement().getText());
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUntil(d -> "false".equals(toggle.getAttribute("aria-expanded")));
        assertEquals("nav-toggle", active());
        assertTrue(browser.findAll("#nav a").stream().noneMatch(WebElement::isDisplayed));

        // choosing a page folds the menu and shows the page
        browser.click("#nav-toggle");
        browser.click("#nav a[href='#/invoices']");
        browser.text("h1", "Invoices");
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        assertTrue(browser.findAll("#nav a").stream().noneMatch(WebElement::isDisplayed));
        assertTrue(scrollWidth() <= 375, "nothing wider than the phone");
        browser.assertNoProblems();
        browser.shot("phone-invoices");
    }

    @Test
    void aClientSeesAShortPlainMenu() {
        var t = Rest.newTenant("navc", "Client & Co");
        var client = Rest.newUser(t, "Kavya Client", "CLIENT");
        Rest.newEntity(t, "Kavya Foods Pvt Ltd", client);
        browser.signIn(t.origin(), client.email(), client.password());
        browser.text("h1", "Welcome, Kavya Client");
        assertTrue(browser.findAll("#nav .nav-group").isEmpty(), "no groups for a handful of entries");
        assertEquals(List.of("Dashboard", "Entities", "Documents", "Search documents", "Invoices", "Security"),
                browser.findAll("#nav a").stream().map(WebElement::getText).toList());
        browser.text("#current-entity", "Kavya Foods Pvt Ltd");
        browser.textContains("#my-entities", "Private limited company");
        browser.assertNoProblems();
        browser.shot("client");
    }

    @Test
    void theFormsOfferTheTypesTheApiLists() {
        var t = Rest.newTenant("navt", "Types & Co");
        String entity = Rest.newEntity(t, "Typed Traders Pvt Ltd", null);
        browser.signIn(t.origin(), t.adminEmail(), t.adminPassword());

        browser.open(t.origin() + "/app/#/entities");
        browser.visible("#entity-form");
        assertEquals(types("/api/v1/entity-types", t), options("#entity-type option"));

        browser.open(t.origin() + "/app/#/documents?entity=" + entity);
        browser.text("#documents-entity", "Typed Traders Pvt Ltd");
        var documentTypes = types("/api/v1/document-types", t);
        assertEquals(documentTypes, options("#upload-documentType option:not([value=''])"));
        assertEquals(documentTypes, options("#requirement-documentType option"));
        assertEquals(documentTypes, options("#search-documentType option:not([value=''])", t.origin()
                + "/app/#/search"));
        browser.assertNoProblems();
    }

    /** @return "CODE=Name" of every type the API lists */
    private static List<String> types(String path, Rest.Tenant t) {
        return Json.createReader(new StringReader(Rest.call("GET", path, t.slug(), t.adminToken(), null).expect(200)
                .body())).readArray().getValuesAs(JsonObject.class).stream().map(o -> o.getString("code") + "="
                        + o.getString("name"))
                .toList();
    }

    /** @return "value=text" of the options (their text as the DOM has it, shown or not) */
    private List<String> options(String css) {
        return browser.findAll(css).stream().map(o -> o.getAttribute("value") + "=" + o.getAttribute("textContent"))
                .toList();
    }

    private List<String> options(String css, String url) {
        browser.open(url);
        browser.visible("#search-form");
        return options(css);
    }
}
