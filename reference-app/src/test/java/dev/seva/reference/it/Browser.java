package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A browser as the integration tests need one: a cookie jar for one host (kept explicitly, so tests can read, drop
 * and forge cookies), no automatic redirects, form posts. Requests go to the IT server with the browser's
 * {@code Host} header ({@code acme.localhost:9080} names tenant acme; {@code localhost} none).
 */
final class Browser {

    /** HTTP/1.1 as a browser speaks it over plain HTTP (browsers never upgrade to cleartext HTTP/2). */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();

    /** The Host header this browser sends, null for the IT server's own host. */
    final String host;
    /** The cookie jar: name → value. */
    final Map<String, String> cookies = new LinkedHashMap<>();
    /** The last response's Set-Cookie headers, raw. */
    List<String> lastSetCookies = List.of();

    Browser(String host) {
        this.host = host;
    }

    /** A browser on tenant {@code slug}'s sub-domain. */
    static Browser forTenant(String slug) {
        return new Browser(slug + ".localhost:9080");
    }

    /** A browser on the bare host (no tenant: the platform). */
    static Browser platform() {
        return new Browser(null);
    }

    /** A response. */
    record Page(int status, String body, HttpResponse<String> raw) {
        Optional<String> location() {
            return raw.headers().firstValue("Location");
        }

        Page expect(int expected) {
            assertEquals(expected, status, () -> raw.request().method() + " " + raw.request().uri() + ": " + body);
            return this;
        }

        /** Asserts a 303 to exactly this same-origin location and returns it. */
        Page redirectsTo(String expected) {
            expect(303);
            assertEquals(expected, location().orElse(null), "Location of " + raw.request().uri());
            return this;
        }

        JsonValue json() {
            try (var r = Json.createReader(new StringReader(body))) {
                return r.readValue();
            }
        }

        String str(String key) {
            return json().asJsonObject().getString(key);
        }

        /** Asserts a problem+json answer with this status and code. */
        Page problem(int expected, String code) {
            expect(expected);
            assertEquals(true, raw.headers().firstValue("Content-Type").orElse("").startsWith(
                    "application/problem+json"), body);
            assertEquals(code, str("code"), body);
            return this;
        }
    }

    Page get(String path) {
        return send("GET", path, Map.of(), null, null);
    }

    Page get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null, null);
    }

    /** A form post, as the sign-in page's form sends it. */
    Page form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send("POST", path, Map.of(), "application/x-www-form-urlencoded", body);
    }

    /** A JSON call as the portal's scripts make it (cookie, and the CSRF header when given). */
    Page json(String method, String path, Object body, Map<String, String> headers) {
        return send(method, path, headers, body == null ? null : "application/json",
                body == null ? null : body.toString());
    }

    /** The portal's way of calling a state-changing endpoint: the CSRF cookie's value echoed in X-CSRF-Token. */
    Page api(String method, String path, Object body) {
        return json(method, path, body, Map.of("X-CSRF-Token", cookies.getOrDefault("seva_csrf", "")));
    }

    /** Follows one redirect (a path on the same host). */
    Page follow(Page p) {
        String loc = p.location().orElseThrow();
        return get(loc);
    }

    Page send(String method, String path, Map<String, String> headers, String contentType, String body) {
        URI uri = URI.create(path.startsWith("http") ? path : Api.BASE + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (host != null && !path.startsWith("http")) {
            b.header("Host", host);
        }
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            lastSetCookies = r.headers().allValues("Set-Cookie");
            for (String sc : lastSetCookies) {
                String pair = sc.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                boolean gone = sc.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (gone) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the raw Set-Cookie header of the last response for this cookie */
    Optional<String> setCookie(String name) {
        return lastSetCookies.stream().filter(s -> s.startsWith(name + "=")).findFirst();
    }
}
