package dev.seva.payments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckoutScriptTest {

    private static CheckoutScript script(String url, String api) {
        CheckoutScript s = new CheckoutScript();
        s.url = url;
        s.apiBaseUrl = api;
        return s;
    }

    @Test
    void razorpaysDefaultsGiveItsScriptApiAndFrameOrigins() {
        CheckoutScript s = script(CheckoutScript.DEFAULT, RazorpayHttp.RAZORPAY_BASE_URL);
        assertEquals("https://checkout.razorpay.com/v1/checkout.js", s.url());
        assertEquals(Set.of("https://checkout.razorpay.com"), s.scriptOrigins());
        assertEquals(Set.of("https://checkout.razorpay.com", "https://api.razorpay.com"), s.frameOrigins());
        assertEquals(s.frameOrigins(), s.connectOrigins());
    }

    @Test
    void aFakeOnLoopbackKeepsItsPort() {
        CheckoutScript s = script("http://127.0.0.1:9290/v1/checkout.js", "http://127.0.0.1:9290");
        assertEquals(Set.of("http://127.0.0.1:9290"), s.scriptOrigins());
        assertEquals(Set.of("http://127.0.0.1:9290"), s.frameOrigins());
    }

    @Test
    void somethingThatIsNotAnHttpUrlFallsBackToRazorpays() {
        for (String bad : new String[]{"", "javascript:alert(1)", "//evil.example/x.js", "ftp://x.example/c.js",
                "https://user:pw@x.example/c.js"}) {
            assertEquals(CheckoutScript.DEFAULT, script(bad, RazorpayHttp.RAZORPAY_BASE_URL).url(), bad);
        }
        assertEquals(Optional.of("https://checkout.razorpay.com"), CheckoutScript.origin(
                "HTTPS://Checkout.Razorpay.com/v1/checkout.js"));
    }
}
