package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server's log is JSON, carries the request id and the tenant, and never a secret. */
class LogsIT {

    private static final Path LOG = Path.of("target/liberty/wlp/usr/servers/seva-it/logs/messages.log");

    @Test
    void accessLogLinesAreJsonWithRequestIdAndTenant() throws Exception {
        var t = Api.newTenant("logs");
        String requestId = "logs-it-" + UUID.randomUUID();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.BASE
                + "/api/v1/me")).header("X-Seva-Tenant", t.slug()).header("X-Request-Id", requestId)
                .header("Authorization", "Bearer " + t.adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200, r.body());
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) {
            line = lines().stream().filter(l -> l.contains(requestId)).findFirst().orElse(null);
            if (line == null) {
                Thread.sleep(200);
            }
        }
        assertTrue(line != null, "no log line with request id " + requestId);
        assertTrue(line.startsWith("{\"type\":\"liberty_accesslog\""), line);
        assertTrue(line.contains("\"ibm_responseHeader_x-seva-tenant\":\"" + t.slug() + "\""), line);
    }

    @Test
    void noPasswordOrTokenIsLogged() throws Exception {
        var t = Api.newTenant("secrets");
        Api.newUser(t, "STAFF");
        List<String> all = lines();
        assertFalse(all.stream().anyMatch(l -> l.contains(t.adminPassword())), "a password was logged");
        assertFalse(all.stream().anyMatch(l -> l.contains(t.adminToken())), "a token was logged");
        assertFalse(all.stream().anyMatch(l -> l.contains(Api.PLATFORM_PASSWORD)), "the platform password was logged");
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(LOG);
    }
}
