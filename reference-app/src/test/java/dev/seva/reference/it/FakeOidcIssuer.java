package dev.seva.reference.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenID Connect provider on 127.0.0.1 for the tests, inside the test JVM: discovery document, JWKS, an authorize
 * endpoint that approves at once (signing in whoever {@link #nextUser} names) and redirects back with a code, and a
 * token endpoint that checks the client's id and secret (HTTP Basic), the code and the PKCE verifier, and answers an
 * RS256 ID token (issuer, audience = client id, nonce, email, email_verified) signed with its own key.
 */
final class FakeOidcIssuer implements AutoCloseable {

    /** Who the provider signs in next. */
    record User(String subject, String email, boolean emailVerified, String name) {
    }

    private record Grant(User user, String nonce, String challenge, String clientId, String redirectUri) {
    }

    final String clientId;
    final String clientSecret;
    final String issuer;
    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile User next;
    /** Fields of the discovery document to replace (or add), for tests of what the server accepts in it. */
    final Map<String, String> discoveryOverrides = new ConcurrentHashMap<>();
    /** How often the discovery document was fetched. */
    final java.util.concurrent.atomic.AtomicInteger discoveryFetches = new java.util.concurrent.atomic.AtomicInteger();
    /** What the token endpoint refused, for the tests to look at. */
    final List<String> refusals = new CopyOnWriteArrayList<>();

    FakeOidcIssuer(String clientId, String clientSecret) throws IOException, JOSEException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                .generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", ex -> {
            var doc = jakarta.json.Json.createObjectBuilder(jakarta.json.Json.createReader(new java.io.StringReader("""
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","profile","email"],
                     "token_endpoint_auth_methods_supported":["client_secret_basic"],
                     "code_challenge_methods_supported":["S256"]}""".formatted(issuer))).readObject());
            discoveryOverrides.forEach(doc::add);
            discoveryFetches.incrementAndGet();
            send(ex, 200, doc.build().toString());
        });
        server.createContext("/jwks", ex -> send(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    /** The identity the next authorization signs in. */
    void nextUser(User user) {
        this.next = user;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * What a browser does at the authorize endpoint: follows the redirect there, and answers the redirect back to
     * the portal.
     *
     * @param authorizeUrl the Location the portal sent the browser to
     * @return the Location the provider sends the browser back to
     */
    String approve(String authorizeUrl) {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(
                    authorizeUrl)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                    "no redirect from authorize: " + r.statusCode() + " " + r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
        User u = next;
        if (u == null || !clientId.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || q.get("redirect_uri") == null || q.get("state") == null) {
            send(ex, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(u, q.get("nonce"), q.get("code_challenge"), q.get("client_id"), q.get(
                "redirect_uri")));
        String redirect = q.get("redirect_uri");
        String loc = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code + "&state=" + URLEncoder
                .encode(q.get("state"), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Location", loc);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String expected = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(clientId,
                StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(
                        StandardCharsets.UTF_8));
        if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            refusals.add("invalid_client");
            send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant g = codes.remove(f.getOrDefault("code", ""));
        if (g == null || !g.redirectUri().equals(f.get("redirect_uri"))) {
            refusals.add("invalid_grant");
            send(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        if (g.challenge() != null && !g.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
            refusals.add("pkce");
            send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE\"}");
            return;
        }
        try {
            long now = System.currentTimeMillis();
            JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(issuer).subject(g.user().subject())
                    .audience(g.clientId()).issueTime(new Date(now)).expirationTime(new Date(now + 300_000))
                    .claim("email", g.user().email()).claim("email_verified", g.user().emailVerified())
                    .claim("name", g.user().name());
            if (g.nonce() != null) {
                c.claim("nonce", g.nonce());
            }
            SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), c.build());
            idToken.sign(new RSASSASigner(key));
            send(ex, 200, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":300,\"id_token\":\"" + idToken.serialize() + "\"}");
        } catch (JOSEException e) {
            throw new IOException(e);
        }
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String q) {
        Map<String, String> m = new HashMap<>();
        if (q == null || q.isEmpty()) {
            return m;
        }
        for (String p : q.split("&")) {
            int i = p.indexOf('=');
            if (i > 0) {
                m.put(URLDecoder.decode(p.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(p.substring(i
                        + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }
}
