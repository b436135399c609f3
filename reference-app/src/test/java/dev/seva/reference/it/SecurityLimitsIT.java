package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.documents.Fixtures;
import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "no one can stall or crash the platform": concurrent sign-ins, anonymous floods, trusted proxies, bounded
 * multipart bodies and aggregated audit of anonymous failures, tried against the running server. The IT server runs
 * Argon2 behind one permit ({@code seva.auth.hash-permits=1}), trusts 127.0.0.1 as a proxy, and closes audit
 * aggregation windows after 5 s (reference-app/pom.xml).
 */
class SecurityLimitsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A request with extra headers (what a proxy in front of the server adds). */
    private static Api.Res send(String method, String path, Tenant t, String token, Map<String, String> headers) {
        return send(method, path, t, token, headers, null);
    }

    private static Api.Res send(String method, String path, Tenant t, String token, Map<String, String> headers,
            Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (t.header() != null) {
            b.header("X-Seva-Tenant", t.header());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String text = r.body();
            jakarta.json.JsonValue json = null;
            if (text != null && text.startsWith("{")) {
                try (var reader = Json.createReader(new StringReader(text))) {
                    json = reader.read();
                }
            }
            return new Api.Res(r.statusCode(), text, json, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Res wrongSignIn(Tenant t, String email) {
        return post("/api/v1/auth/token", t, null, Json.createObjectBuilder().add("email", email).add("password",
                "not-the-password").build());
    }

    /** A FREE tenant (20 requests per second) and its admin's token. */
    private record Free(String slug, String adminToken) {
        Tenant t() {
            return Tenant.header(slug);
        }
    }

    private static Free freeTenant(String prefix) throws InterruptedException {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/platform/tenants", Tenant.NONE, Api.platformToken(), Json.createObjectBuilder().add("slug", slug)
                .add("name", "Free firm").add("adminEmail", "a@" + slug + ".in").add("adminPassword",
                        "free-plan-password")
                .add("plan", "FREE").build()).expect(201);
        String token = Api.token(Tenant.header(slug), "a@" + slug + ".in", "free-plan-password");
        Thread.sleep(1100); // the set-up's requests leave the one-second windows
        return new Free(slug, token);
    }

    /**
     * Runs {@code request} from {@code threads} threads for {@code seconds} while {@code alongside} runs on this
     * thread; returns the flood's answers.
     */
    private static List<Api.Res> flood(int threads, double seconds, Supplier<Api.Res> request, Runnable alongside)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean on = new AtomicBoolean(true);
        List<Api.Res> answers = new CopyOnWriteArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (on.get()) {
                        answers.add(request.get());
                    }
                }));
            }
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                alongside.run();
            }
        } finally {
            on.set(false);
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
        return answers;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertSomeRateLimited(List<Api.Res> answers, String what) {
        List<Api.Res> limited = answers.stream().filter(r -> r.status() == 429).toList();
        assertFalse(limited.isEmpty(), what + ": " + answers.size() + " requests, none limited");
        for (Api.Res r : limited) {
            r.problem(429, "RATE_LIMITED");
            assertTrue(r.raw().headers().firstValue("Retry-After").isPresent(), r.body());
        }
        answers.stream().filter(r -> r.status() != 429).forEach(r -> r.expect(200));
    }

    // --- item 8: Argon2 behind a bounded permit; attempts counted before hashing

    @Test
    void aHundredConcurrentWrongSignInsGetFastAnswersAndTheServerStaysReady() throws Exception {
        var t = Api.newTenant("argon");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Integer> readiness = new CopyOnWriteArrayList<>();
        Thread probe = new Thread(() -> {
            while (flooding.get()) {
                readiness.add(Api.raw("GET", "/health/ready", "application/json").statusCode());
                sleep(200);
            }
        });
        probe.start();
        int busy = 0;
        try {
            List<Future<Api.Res>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String email = "nobody-" + i + "@" + t.slug() + ".in";
                answers.add(pool.submit(() -> wrongSignIn(t.t(), email)));
            }
            for (Future<Api.Res> f : answers) {
                Api.Res r = f.get(120, TimeUnit.SECONDS);
                if (r.status() == 503) {
                    r.problem(503, "SIGN_IN_BUSY");
                    assertTrue(r.raw().headers().firstValue("Retry-After").isPresent(), r.body());
                    busy++;
                } else {
                    r.problem(401, "INVALID_CREDENTIALS");
                }
            }
        } finally {
            flooding.set(false);
            probe.join();
            pool.shutdownNow();
        }
        assertTrue(busy > 0, "100 password checks at once exceed the server's permits: some must be answered 503");
        assertFalse(readiness.isEmpty());
        assertTrue(readiness.stream().allMatch(s -> s == 200), "ready during the flood: " + readiness);
        assertEquals(200, Api.raw("GET", "/health/ready", "application/json").statusCode());
        Api.token(t.t(), t.adminEmail(), t.adminPassword());
    }

    @Test
    void concurrentGuessesAtOneAccountAreCountedBeforeAnyPasswordIsChecked() throws Exception {
        var t = Api.newTenant("guess");
        var victim = Api.newUser(t, "STAFF");
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Api.Res> answers = new ArrayList<>();
        try {
            List<Future<Api.Res>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(pool.submit(() -> wrongSignIn(t.t(), victim.email())));
            }
            for (Future<Api.Res> f : calls) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        long checked = answers.stream().filter(r -> r.status() == 401).count();
        assertTrue(checked <= 5, checked + " passwords were checked for an account that allows 5 failures: "
                + answers.stream().map(Api.Res::status).toList());
        for (Api.Res r : answers) {
            switch (r.status()) {
                case 401 -> r.problem(401, "INVALID_CREDENTIALS");
                case 503 -> r.problem(503, "SIGN_IN_BUSY");
                default -> r.problem(429, "RATE_LIMITED");
            }
        }
    }

    // --- item 10: anonymous traffic has a budget of its own, per client address; trusted proxies

    @Test
    void anAnonymousFloodDoesNotSpendTheStaffsBudget() throws Exception {
        Free f = freeTenant("anon");
        List<Api.Res> staff = new ArrayList<>();
        List<Api.Res> anonymous = flood(6, 3, () -> get("/api/v1/branding", f.t(), null), () -> {
            staff.add(get("/api/v1/me", f.t(), f.adminToken()));
            sleep(150);
        });
        assertFalse(staff.isEmpty());
        for (Api.Res r : staff) {
            r.expect(200);
        }
        assertSomeRateLimited(anonymous, "an anonymous flood from one address");
    }

    @Test
    void madeUpApiKeysSpendTheirAddresssBudgetNotTheFirms() throws Exception {
        Free f = freeTenant("keys");
        List<Api.Res> staff = new ArrayList<>();
        List<Api.Res> forged = flood(6, 3, () -> get("/api/v1/entities", f.t(), "ApiKey seva_" + UUID.randomUUID()
                .toString().replace("-", "").substring(0, 16) + "_" + "A".repeat(43)), () -> {
                    staff.add(get("/api/v1/me", f.t(), f.adminToken()));
                    sleep(150);
                });
        assertFalse(staff.isEmpty());
        for (Api.Res r : staff) {
            r.expect(200);
        }
        assertTrue(forged.stream().anyMatch(r -> r.status() == 429), "made-up keys from one address are limited");
        for (Api.Res r : forged) {
            if (r.status() == 429) {
                r.problem(429, "RATE_LIMITED");
            } else {
                r.problem(401, "API_KEY_INVALID");
            }
        }
    }

    @Test
    void behindATrustedProxyEachClientAddressHasItsOwnBudget() throws Exception {
        Free f = freeTenant("proxy");
        List<Api.Res> neighbour = new ArrayList<>();
        List<Api.Res> anonymous = flood(6, 3, () -> send("GET", "/api/v1/branding", f.t(), null, Map.of(
                "X-Forwarded-For", "203.0.113.10")), () -> {
                    neighbour.add(send("GET", "/api/v1/branding", f.t(), null, Map.of("X-Forwarded-For",
                            "203.0.113.11")));
                    sleep(200);
                });
        assertSomeRateLimited(anonymous, "a flood from 203.0.113.10");
        assertFalse(neighbour.isEmpty());
        for (Api.Res r : neighbour) {
            r.expect(200);
        }
        // the audit trail records the client's address, not the proxy's
        Thread.sleep(1100);
        send("POST", "/api/v1/auth/token", f.t(), null, Map.of("X-Forwarded-For", "203.0.113.12"), Json
                .createObjectBuilder().add("email", "someone@" + f.slug() + ".in").add("password", "wrong").build())
                .problem(401, "INVALID_CREDENTIALS");
        var events = get("/api/v1/audit-events?size=50", f.t(), f.adminToken()).expect(200);
        assertTrue(events.items().stream().map(e -> e.asJsonObject())
                .anyMatch(e -> "LOGIN_FAILED".equals(e.getString("action")) && "203.0.113.12".equals(e.getString(
                        "ip", null))),
                events.body());
    }

    @Test
    void theSchemeFollowsXForwardedProtoFromTrustedProxiesOnly() throws Exception {
        var t = Api.newTenant("scheme");
        // from 127.0.0.1 (trusted): the request counts as HTTPS (Liberty takes the scheme from a proxy that also
        // names the client, as proxies do)
        Map<String, String> https = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.30");
        var viaProxy = send("GET", "/api/v1/branding", t.t(), null, https);
        viaProxy.expect(200);
        assertTrue(viaProxy.raw().headers().firstValue("Strict-Transport-Security").isPresent(),
                viaProxy.raw().headers().map().toString());
        var plain = get("/api/v1/branding", t.t(), null).expect(200);
        assertFalse(plain.raw().headers().firstValue("Strict-Transport-Security").isPresent());
        // the sign-in cookie is Secure behind a TLS-terminating proxy
        Browser br = Browser.forTenant(t.slug());
        String form = "username=" + java.net.URLEncoder.encode(t.adminEmail(), StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(t.adminPassword(), StandardCharsets.UTF_8);
        var first = br.send("POST", "/callback?client_name=FormClient", https, "application/x-www-form-urlencoded",
                form);
        assertEquals(303, first.status(), first.body());
        br.send("GET", "/login/complete", https, null, null).expect(303);
        String cookie = br.lastSetCookies.stream().filter(c -> c.startsWith("seva_token=")).findFirst()
                .orElseThrow(() -> new AssertionError("no seva_token cookie: " + br.lastSetCookies));
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("secure"), cookie);

        // from 127.0.0.2 (not a trusted proxy) the same headers change nothing
        String head = fromUntrustedAddress("GET /api/v1/branding HTTP/1.1\r\nHost: localhost\r\nX-Seva-Tenant: "
                + t.slug()
                + "\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.20\r\nConnection: close\r\n\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        assertFalse(head.toLowerCase(java.util.Locale.ROOT).contains("strict-transport-security"), head);
    }

    /** Sends a raw request from 127.0.0.2 (loopback, but not the trusted proxy) and returns the response head. */
    private static String fromUntrustedAddress(String request) throws IOException {
        URI base = URI.create(Api.BASE);
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.2", 0));
            s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = all.indexOf("\r\n\r\n");
            return end < 0 ? all : all.substring(0, end);
        }
    }

    // --- item 11: bounded multipart bodies

    @Test
    void anUploadWithThousandsOfFormFieldsIsRefused() throws Exception {
        var t = Api.newTenant("parts");
        String entity = Api.newEntity(t, "Parts Pvt Ltd");
        String path = "/api/v1/entities/" + entity + "/documents";
        byte[] pdf = Fixtures.textPdf(List.of("Many parts"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            fields.put("f" + i, "x");
        }
        DocApi.upload(path, t.t(), t.adminToken(), pdf, "parts.pdf", fields).problem(413, "PAYLOAD_TOO_LARGE");
        // a part whose headers are over the limit
        DocApi.upload(path, t.t(), t.adminToken(), pdf, "parts.pdf", Map.of("t".repeat(4000), "x")).problem(400,
                "MALFORMED_REQUEST");
        // an ordinary upload still works
        DocApi.upload(path, t.t(), t.adminToken(), pdf, "parts.pdf", Map.of("title", "Fine")).expect(201);
    }

    // --- item 13: anonymous failures are aggregated in the audit trail

    private static final Pattern COUNT = Pattern.compile("^count=(\\d+)");

    /** @return {rows, counted failures} of the tenant's audit events whose action starts with {@code prefix} */
    private static long[] audited(String tenantId, String prefix) throws SQLException {
        long rows = 0;
        long counted = 0;
        try (Connection c = Db.owner();
                PreparedStatement s = c.prepareStatement("SELECT action, details FROM audit_event WHERE tenant_id = ?"
                        + " AND action LIKE ?")) {
            s.setString(1, tenantId);
            s.setString(2, prefix + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                    if (r.getString(1).endsWith("_REPEATED")) {
                        Matcher m = COUNT.matcher(r.getString(2) == null ? "" : r.getString(2));
                        assertTrue(m.find(), "a summary carries its count: " + r.getString(2));
                        counted += Long.parseLong(m.group(1));
                    } else {
                        counted++;
                    }
                }
            }
        }
        return new long[]{rows, counted};
    }

    private static long[] failedSignIns(String tenantId) throws SQLException {
        long[] failed = audited(tenantId, "LOGIN_FAILED");
        long[] throttled = audited(tenantId, "LOGIN_THROTTLED");
        return new long[]{failed[0] + throttled[0], failed[1] + throttled[1]};
    }

    @Test
    void floodsOfForgedWebhooksAndWrongPasswordsAreAuditedAsAFewCountedEvents() throws Exception {
        Pay.Firm firm = Pay.firm("flood", "27");
        var t = firm.tenant();
        var victim = Api.newUser(t, "STAFF");
        String body = "{\"event\":\"payment.captured\",\"payload\":{}}";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long answeredFailed = 0;
        try {
            List<Future<Integer>> webhookCalls = new ArrayList<>();
            List<Future<Integer>> signInCalls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                webhookCalls.add(pool.submit(() -> Pay.webhook(t.slug(), body, "whsec_forged", Pay.eventId())
                        .statusCode()));
                signInCalls.add(pool.submit(() -> wrongSignIn(t.t(), victim.email()).status()));
            }
            for (Future<Integer> f : webhookCalls) {
                assertEquals(400, f.get(120, TimeUnit.SECONDS));
            }
            for (Future<Integer> f : signInCalls) {
                int status = f.get(120, TimeUnit.SECONDS);
                assertTrue(status == 401 || status == 429 || status == 503, "status " + status);
                // a busy answer (503) checked nothing: it is not a failed sign-in
                answeredFailed += status == 503 ? 0 : 1;
            }
        } finally {
            pool.shutdownNow();
        }
        long[] webhooks = audited(t.id(), "WEBHOOK_REJECTED");
        long[] logins = failedSignIns(t.id());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((webhooks[1] < 200 || logins[1] < answeredFailed) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            webhooks = audited(t.id(), "WEBHOOK_REJECTED");
            logins = failedSignIns(t.id());
        }
        assertEquals(200, webhooks[1], "every forged webhook is counted");
        assertEquals(answeredFailed, logins[1], "every failed sign-in is counted (5 wrong, then throttled)");
        assertTrue(webhooks[0] <= 10, webhooks[0] + " audit events for 200 forged webhooks from one address");
        assertTrue(logins[0] <= 12, logins[0] + " audit events for 200 wrong passwords from one address");
        var verify = get("/api/v1/audit-events/verify", t.t(), t.adminToken()).expect(200);
        assertTrue(verify.obj().getBoolean("valid"), verify.body());
    }
}
