package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A small client of the running server for the integration tests. */
final class Api {

    static final String BASE = System.getProperty("seva.it.url", "http://localhost:9180");
    static final String PLATFORM_EMAIL = System.getProperty("seva.it.platform.admin.email", "ops@seva.test");
    static final String PLATFORM_PASSWORD = System.getProperty("seva.it.platform.admin.password",
            "it-platform-admin-password");

    /**
     * HTTP/1.1: the JDK client otherwise upgrades plain-text connections to HTTP/2 (h2c), and Liberty 26.0.0.3 was
     * seen to hold several concurrent h2c streams for over a minute with idle request threads. Browsers never use
     * h2c (only HTTP/2 over TLS), so this keeps the tests on what clients really send.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {
    }

    /** How a request names its tenant: the X-Seva-Tenant header, the Host header, or not at all. */
    record Tenant(String header, String host) {
        static final Tenant NONE = new Tenant(null, null);

        static Tenant header(String slug) {
            return new Tenant(slug, null);
        }

        static Tenant host(String host) {
            return new Tenant(null, host);
        }
    }

    /** A response: status, the raw body, its JSON (or null) and the headers. */
    record Res(int status, String body, JsonValue json, HttpResponse<String> raw) {
        JsonObject obj() {
            return json.asJsonObject();
        }

        String str(String key) {
            return obj().getString(key);
        }

        JsonArray items() {
            return obj().getJsonArray("items");
        }

        Res expect(int expected) {
            assertEquals(expected, status, () -> "status of " + raw.request().method() + " " + raw.request().uri()
                    + ": " + body);
            return this;
        }

        /** Asserts a problem+json answer with this status and code. */
        Res problem(int expected, String code) {
            expect(expected);
            assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    () -> "problem+json expected, got " + raw.headers().firstValue("Content-Type") + ": " + body);
            assertEquals(code, str("code"), body);
            assertEquals(expected, obj().getInt("status"), body);
            assertFalse(body.contains("at dev.seva") || body.contains("Exception"), "no internals leak: " + body);
            return this;
        }

        /** @return the field names of {@code errors[]} */
        List<String> fields() {
            return obj().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        }
    }

    static Res call(String method, String path, Tenant tenant, String token, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60));
        if (tenant.header() != null) {
            b.header("X-Seva-Tenant", tenant.header());
        }
        if (tenant.host() != null) {
            b.header("Host", tenant.host());
        }
        if (token != null) {
            b.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
        }
        b.header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonValue json = null;
            String text = r.body();
            if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) {
                try (var reader = Json.createReader(new StringReader(text))) {
                    JsonStructure s = reader.read();
                    json = s;
                }
            }
            return new Res(r.statusCode(), text, json, r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain request with its own Accept header and no tenant. */
    static HttpResponse<String> raw(String method, String path, String accept) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Accept", accept)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Res get(String path, Tenant t, String token) {
        return call("GET", path, t, token, null);
    }

    static Res post(String path, Tenant t, String token, Object body) {
        return call("POST", path, t, token, body);
    }

    static Res patch(String path, Tenant t, String token, Object body) {
        return call("PATCH", path, t, token, body);
    }

    static Res delete(String path, Tenant t, String token) {
        return call("DELETE", path, t, token, null);
    }

    static String token(Tenant t, String email, String password) {
        return post("/api/v1/auth/token", t, null,
                Json.createObjectBuilder().add("email", email).add("password", password).build()).expect(200)
                .str("accessToken");
    }

    /** @return the platform admin's shared token (password and second factor: {@link PlatformAdmin}) */
    static String platformToken() {
        return PlatformAdmin.token();
    }

    /** A fresh tenant with its admin, under a unique slug. */
    record TestTenant(String id, String slug, String adminEmail, String adminPassword, String adminToken) {
        Tenant t() {
            return Tenant.header(slug);
        }
    }

    static TestTenant newTenant(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".in";
        String password = "pw-" + slug + "-secret";
        Res r = post("/api/v1/platform/tenants", Tenant.NONE, platformToken(),
                Json.createObjectBuilder().add("slug", slug).add("name", prefix + " & Co")
                        .add("adminEmail", email).add("adminPassword", password).build())
                .expect(201);
        return new TestTenant(r.str("id"), slug, email, password, token(Tenant.header(slug), email, password));
    }

    /** Creates a user with these roles and returns its id and token. */
    record TestUser(String id, String email, String token) {
    }

    static TestUser newUser(TestTenant t, String... roles) {
        String email = roles[0].toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        String password = "user-password-" + email.hashCode();
        var rs = Json.createArrayBuilder();
        for (String r : roles) {
            rs.add(r);
        }
        Res r = post("/api/v1/users", t.t(), t.adminToken(), Json.createObjectBuilder().add("email", email)
                .add("name", "Test " + roles[0]).add("roles", rs).add("password", password).build()).expect(201);
        return new TestUser(r.str("id"), email, token(t.t(), email, password));
    }

    static String newEntity(TestTenant t, String legalName) {
        return post("/api/v1/entities", t.t(), t.adminToken(), Json.createObjectBuilder().add("legalName", legalName)
                .add("type", "PRIVATE_LIMITED").add("pan", "AAPFU0939F").build()).expect(201).str("id");
    }
}
