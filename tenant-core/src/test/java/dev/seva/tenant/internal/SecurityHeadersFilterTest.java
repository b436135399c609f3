package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seva.tenant.PortalSources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    private static PortalSources sources(Set<String> script, Set<String> frame, Set<String> connect) {
        return new PortalSources() {
            @Override
            public Set<String> scriptOrigins() {
                return script;
            }

            @Override
            public Set<String> frameOrigins() {
                return frame;
            }

            @Override
            public Set<String> connectOrigins() {
                return connect;
            }
        };
    }

    @Test
    void withoutDeclaredOriginsThePortalHasTheStrictPolicy() {
        assertEquals(SecurityHeadersFilter.CSP, SecurityHeadersFilter.portalPolicy(List.of()));
        assertEquals(SecurityHeadersFilter.CSP, SecurityHeadersFilter.portalPolicy(List.of(new PortalSources() {
        })));
    }

    @Test
    void declaredOriginsAreAddedToTheirDirectivesOnly() {
        String csp = SecurityHeadersFilter.portalPolicy(List.of(sources(Set.of("https://checkout.razorpay.com"),
                Set.of("https://api.razorpay.com", "https://checkout.razorpay.com"),
                Set.of("https://api.razorpay.com"))));
        assertEquals("default-src 'self'; script-src 'self' https://checkout.razorpay.com; style-src 'self';"
                + " img-src 'self' data:; frame-src https://api.razorpay.com https://checkout.razorpay.com;"
                + " connect-src 'self' https://api.razorpay.com; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'", csp);
    }

    @Test
    void anythingButAnOriginIsIgnored() {
        String csp = SecurityHeadersFilter.portalPolicy(List.of(sources(Set.of("*", "'unsafe-inline'",
                "https://a.example/path", "https:", "javascript:alert(1)", "http://127.0.0.1:9290"), Set.of("data:"),
                Set.of("https://*.example.com"))));
        assertEquals("default-src 'self'; script-src 'self' http://127.0.0.1:9290; style-src 'self';"
                + " img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors 'none'", csp);
    }
}
