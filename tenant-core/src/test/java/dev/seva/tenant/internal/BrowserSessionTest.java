package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrowserSessionTest {

    @Test
    void nextIsASameOriginAppPathOrHome() {
        assertEquals("/app/entities?id=1#x", BrowserSession.safeNext("/app/entities?id=1#x"));
        assertEquals("/app/", BrowserSession.safeNext("/app/"));
        for (String bad : new String[]{null, "", "/", "/app", "/login/", "https://evil.example/app/",
                "//evil.example/app/", "/app//evil.example", "/app/\\evil", "/\\evil.example", "/app/../../x",
                "/app/\nSet-Cookie:x", "/app/ x", "javascript:alert(1)", "/app/" + "a".repeat(600)}) {
            assertEquals("/app/", BrowserSession.safeNext(bad), String.valueOf(bad));
        }
    }

    @Test
    void csrfValuesMustBeEqualAndPresent() {
        assertTrue(BrowserSession.csrfMatches("abc", "abc"));
        assertFalse(BrowserSession.csrfMatches("abc", "abd"));
        assertFalse(BrowserSession.csrfMatches("abc", "ab"));
        assertFalse(BrowserSession.csrfMatches("", ""));
        assertFalse(BrowserSession.csrfMatches(null, null));
        assertFalse(BrowserSession.csrfMatches("abc", null));
    }
}
