package dev.seva.reference.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** Sets up what the browser tests need (tenants, users, entities, branding) through the REST API. */
final class Rest {

    /** The IT server, e.g. http://localhost:9180. */
    static final String BASE = System.getProperty("seva.it.url", "http://localhost:9180");
    static final int PORT = URI.create(BASE).getPort();
    static final String PLATFORM_EMAIL = System.getProperty("seva.it.platform.admin.email", "ops@seva.test");
    static final String PLATFORM_PASSWORD = System.getProperty("seva.it.platform.admin.password",
            "it-platform-admin-password");

    /** HTTP/1.1: the JDK client's h2c upgrade offer on a POST to a path Liberty does not serve can hang. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Rest() {
    }

    /** An answer. */
    record Res(int status, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        Res expect(int expected) {
            assertEquals(expected, status, body);
            return this;
        }
    }

    static Res call(String method, String path, String slug, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (slug != null) {
            b.header("X-Seva-Tenant", slug);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(b.build());
    }

    static Res send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String token(String slug, String email, String password) {
        return call("POST", "/api/v1/auth/token", slug, null, Json.createObjectBuilder().add("email", email)
                .add("password", password).build().toString()).expect(200).json().getString("accessToken");
    }

    /** A tenant with its first admin. */
    record Tenant(String slug, String name, String adminEmail, String adminPassword, String adminToken) {
        /** @return the tenant's portal, as a browser opens it: http://slug.localhost:port */
        String origin() {
            return "http://" + slug + ".localhost:" + PORT;
        }
    }

    /** Creates a tenant named {@code name} under a unique slug starting with {@code prefix}. */
    static Tenant newTenant(String prefix, String name) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".in";
        String password = "pw-" + slug + "-secret";
        call("POST", "/api/v1/platform/tenants", null, dev.seva.reference.it.PlatformAdmin.token(),
                Json.createObjectBuilder().add("slug", slug).add("name", name).add("adminEmail", email)
                        .add("adminPassword", password).build().toString())
                .expect(201);
        return new Tenant(slug, name, email, password, token(slug, email, password));
    }

    /** A user of a tenant. */
    record User(String id, String email, String password, String name) {
    }

    static User newUser(Tenant t, String name, String... roles) {
        String email = roles[0].toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.in";
        String password = "user-password-" + UUID.randomUUID().toString().substring(0, 8);
        JsonArrayBuilder rs = Json.createArrayBuilder();
        for (String r : roles) {
            rs.add(r);
        }
        String id = call("POST", "/api/v1/users", t.slug(), t.adminToken(), Json.createObjectBuilder()
                .add("email", email).add("name", name).add("roles", rs).add("password", password).build()
                .toString()).expect(201).json().getString("id");
        return new User(id, email, password, name);
    }

    /** Creates an entity and makes the user a member of it; @return its id */
    static String newEntity(Tenant t, String legalName, User member) {
        String id = call("POST", "/api/v1/entities", t.slug(), t.adminToken(), Json.createObjectBuilder()
                .add("legalName", legalName).add("type", "PRIVATE_LIMITED").build().toString()).expect(201).json()
                .getString("id");
        if (member != null) {
            call("POST", "/api/v1/entities/" + id + "/members", t.slug(), t.adminToken(), Json.createObjectBuilder()
                    .add("userId", member.id()).add("role", "OWNER").build().toString()).expect(201);
        }
        return id;
    }

    /** Uploads a file to a documents endpoint as multipart/form-data (part {@code file}); @return the answer */
    static Res upload(Tenant t, String token, String path, byte[] file, String fileName) {
        String boundary = "seva-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(file);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("X-Seva-Tenant", t.slug())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build());
    }

    static void putBranding(Tenant t, String displayName, String primary, String accent, String supportEmail,
            String footer) {
        var b = Json.createObjectBuilder().add("displayName", displayName).add("primaryColor", primary)
                .add("accentColor", accent);
        if (supportEmail != null) {
            b.add("supportEmail", supportEmail);
        }
        if (footer != null) {
            b.add("footerText", footer);
        }
        call("PUT", "/api/v1/tenant/branding", t.slug(), t.adminToken(), b.build().toString()).expect(200);
    }

    /** The code an authenticator app shows {@code stepsAhead} 30-second steps from now. */
    static String totp(String secret, int stepsAhead) {
        try {
            var gen = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));
            var key = new SecretKeySpec(new Base32().decode(secret), gen.getAlgorithm());
            return String.format("%06d", gen.generateOneTimePassword(key, Instant.now().plusSeconds(30L
                    * stepsAhead)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
