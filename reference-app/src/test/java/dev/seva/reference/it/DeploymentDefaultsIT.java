package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a deployment gets by default (issue 11, item 22): the embedded database asks for passwords and listens on
 * loopback only; the access log never holds a query string (OIDC's code and state); no data source but the
 * migrations' connects as the schema owner.
 */
class DeploymentDefaultsIT {

    private static final Path SERVER = Path.of("target/liberty/wlp/usr/servers/seva-it");

    @Test
    void theEmbeddedDatabaseWantsThePassword() throws Exception {
        for (String user : List.of("postgres", "seva_app")) {
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(Db.URL, user,
                    "not-the-password").close(), user + " got in with a wrong password");
            assertEquals("28P01", e.getSQLState(), user + ": " + e.getMessage());
        }
        try (var c = Db.owner(); var app = Db.app()) {
            assertTrue(c.isValid(2) && app.isValid(2));
        }
    }

    @Test
    void theEmbeddedDatabaseListensOnLoopbackOnly() throws Exception {
        int port = URI.create(Db.URL.substring("jdbc:".length())).getPort();
        InetAddress external = NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst().orElse(null);
        if (external == null) {
            System.err.println("SKIPPED: this machine has no address but loopback");
            return;
        }
        try (Socket s = new Socket()) {
            assertThrows(java.io.IOException.class, () -> s.connect(new InetSocketAddress(external, port), 2000),
                    "PostgreSQL answered on " + external + ":" + port);
        }
    }

    @Test
    void oidcCodeAndStateNeverReachTheLog() throws Exception {
        var t = Api.newTenant("accesslog");
        String code = "code-" + UUID.randomUUID();
        String state = "state-" + UUID.randomUUID();
        String requestId = "accesslog-it-" + UUID.randomUUID();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.BASE
                + "/callback?client_name=OidcClient&code=" + code + "&state=" + state)).header("X-Seva-Tenant",
                        t.slug())
                .header("X-Request-Id", requestId).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
        Path log = SERVER.resolve("logs/messages.log");
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) {
            line = Files.readAllLines(log).stream().filter(l -> l.contains(requestId)).findFirst().orElse(null);
            if (line == null) {
                Thread.sleep(200);
            }
        }
        assertNotNull(line, "the access log has the request " + requestId);
        assertTrue(line.contains("/callback"), line);
        String all = Files.readString(log);
        assertFalse(all.contains(code), "the OIDC code was logged");
        assertFalse(all.contains(state), "the OIDC state was logged");
    }

    @Test
    void noDataSourceButTheMigrationsConnectsAsTheOwner() throws Exception {
        Pattern ds = Pattern.compile("<dataSource\\s+id=\"([^\"]+)\"");
        List<Path> config;
        try (Stream<Path> s = Files.walk(SERVER, 3)) {
            config = s.filter(p -> p.toString().endsWith(".xml") && !p.toString().contains("/logs/")
                    && !p.toString().contains("/apps/")).toList();
        }
        List<String> ids = new java.util.ArrayList<>();
        for (Path p : config) {
            Matcher m = ds.matcher(Files.readString(p));
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        assertEquals(List.of("sevaDS", "sevaMigrationDS"), ids.stream().sorted().toList(), "data sources in "
                + config);
    }
}
