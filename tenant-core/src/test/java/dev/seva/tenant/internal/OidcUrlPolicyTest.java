package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcUrlPolicyTest {

    /** A DNS of the test's own: names to addresses; IP literals as themselves. */
    private static final Map<String, List<String>> DNS = Map.of("idp.example.com", List.of("93.184.216.34"),
            "metadata.attacker.example", List.of("169.254.169.254"), "half.attacker.example",
            List.of("93.184.216.34", "10.0.0.7"), "v6.attacker.example", List.of("::ffff:127.0.0.1"), "localhost",
            List.of("127.0.0.1", "::1"), "corp.example", List.of("10.20.0.5"));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.matches("[0-9a-fA-F:.]+") && (host.contains(":") || host.matches("[0-9.]+"))) {
            return new InetAddress[]{InetAddress.getByName(host)};
        }
        List<String> a = DNS.get(host);
        if (a == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] r = new InetAddress[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = InetAddress.getByName(a.get(i));
        }
        return r;
    }

    private static final OidcUrlPolicy STRICT = new OidcUrlPolicy(false, List.of(), OidcUrlPolicyTest::resolve);
    private static final OidcUrlPolicy TESTS = new OidcUrlPolicy(true, List.of(), OidcUrlPolicyTest::resolve);

    private static Optional<String> at(OidcUrlPolicy p, String url) {
        return p.refusal(URI.create(url), true);
    }

    @Test
    void publicHttpsIsAllowed() {
        assertEquals(Optional.empty(), at(STRICT, "https://idp.example.com/realms/x"));
        assertEquals(Optional.empty(), at(STRICT, "https://93.184.216.34"));
        assertEquals(Optional.empty(), at(STRICT, "https://[2606:2800:220:1:248:1893:25c8:1946]/"));
    }

    @Test
    void plainHttpAndOtherSchemesAreRefused() {
        for (String u : List.of("http://idp.example.com", "ftp://idp.example.com", "file:///etc/passwd",
                "jar:https://idp.example.com!/x", "gopher://idp.example.com", "https:///nohost")) {
            assertTrue(at(STRICT, u).isPresent(), u);
            assertTrue(at(TESTS, u).isPresent(), u);
        }
    }

    @Test
    void internalAddressesAreRefusedInEveryForm() {
        for (String u : List.of("https://169.254.169.254/latest/meta-data/", "https://[::ffff:169.254.169.254]",
                "https://[::ffff:a9fe:a9fe]", "https://[::169.254.169.254]", "https://[64:ff9b::a9fe:a9fe]",
                "https://[2002:a9fe:a9fe::1]", "https://10.0.0.1", "https://172.16.5.4", "https://192.168.1.1",
                "https://100.64.0.1", "https://0.0.0.0", "https://[::]", "https://[fe80::1]", "https://[fd00::1]",
                "https://[fc00::1]", "https://224.0.0.1", "https://255.255.255.255", "https://[2001::1]",
                "https://metadata.attacker.example", "https://half.attacker.example")) {
            assertTrue(at(STRICT, u).isPresent(), u);
            assertTrue(at(TESTS, u).isPresent(), "loopback allowed, not the rest: " + u);
        }
    }

    @Test
    void loopbackOnlyWhenAllowedAndThenOverHttpToo() {
        for (String u : List.of("https://127.0.0.1:8443", "http://127.0.0.1:9000", "http://[::1]:9000",
                "http://localhost:9000", "https://127.1.2.3", "https://[::ffff:127.0.0.1]",
                "https://v6.attacker.example")) {
            assertTrue(at(STRICT, u).isPresent(), u);
            assertEquals(Optional.empty(), at(TESTS, u), u);
        }
        // http is for loopback only, even when loopback is allowed
        assertTrue(at(TESTS, "http://93.184.216.34").isPresent());
    }

    @Test
    void allowedNetworksOpenPrivateAddressesOverHttpsOnly() {
        OidcUrlPolicy corp = new OidcUrlPolicy(false, OidcUrlPolicy.networks("10.20.0.0/16, fd00::/8"),
                OidcUrlPolicyTest::resolve);
        assertEquals(Optional.empty(), at(corp, "https://corp.example"));
        assertEquals(Optional.empty(), at(corp, "https://10.20.255.1"));
        assertEquals(Optional.empty(), at(corp, "https://[fd00::5]"));
        assertTrue(at(corp, "https://10.21.0.1").isPresent());
        assertTrue(at(corp, "http://corp.example").isPresent());
        assertTrue(at(corp, "https://169.254.169.254").isPresent());
        assertTrue(at(corp, "https://127.0.0.1").isPresent());
        assertThrows(IllegalArgumentException.class, () -> OidcUrlPolicy.networks("corp.example/8"));
        assertThrows(IllegalArgumentException.class, () -> OidcUrlPolicy.networks("10.0.0.0/33"));
    }

    @Test
    void anUnresolvableHostPassesWhenSavedAndFailsWhenFetched() {
        URI u = URI.create("https://not-yet.example.com");
        assertEquals(Optional.empty(), STRICT.refusal(u, false));
        assertTrue(STRICT.refusal(u, true).isPresent());
        assertTrue(STRICT.refusal(URI.create("http://not-yet.example.com"), false).isPresent());
    }
}
