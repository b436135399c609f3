import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The API half of bin/smoke-run: what a newcomer does with a portal just started. Plain JDK, run as a single-file
 * program ({@code java bin/smoke/PortalSmoke.java ...}). Each check prints "ok: ..." or throws (exit 1).
 *
 * <pre>
 *   full BASE HOME OCR      sign in as the platform admin, /api/v1/me, create a tenant; its admin creates an entity,
 *                           uploads a small scanned image and waits for it to be READY; OCR=require: its text must
 *                           have been read; OCR=report: say loudly when it was not
 *   signin BASE HOME        sign in as the platform admin and read /api/v1/me
 *   hold-port PORT MAX LOG TEXT  listen on 127.0.0.1:PORT (as the database of a server stopped a moment ago
 *                           would) until TEXT appears in LOG (at most MAX seconds); print "holding" once listening
 * </pre>
 */
public class PortalSmoke {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final String ADMIN = "admin@seva.localhost";
    static int checks;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "full" -> full(args[1], Path.of(args[2]), "require".equals(args[3]));
            case "signin" -> me(args[1], signIn(args[1], Path.of(args[2])));
            case "hold-port" -> {
                holdPort(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), args[4]);
                return;
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("checks passed: " + checks);
    }

    /**
     * The platform admin's sign-in, as the README's "Try it" does it: the password bin/run wrote into HOME's .seva and
     * the current code of the TOTP secret beside it (printed by bin/totp). Seva takes each code once, so a sign-in in
     * the same 30 seconds as the previous one waits for the next code. (Keep it the one place that knows how the
     * platform admin signs in.)
     */
    static String signIn(String base, Path home) throws Exception {
        String password = Files.readString(home.resolve(".seva/platform-admin-password")).strip();
        Path secret = home.resolve(".seva/platform-admin-totp");
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            r = send("POST", base + "/api/v1/auth/token", null, null,
                    json("email", ADMIN, "password", password, "totp", totp(secret)));
            if (r.statusCode() != 401) {
                break;
            }
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 500);
        }
        expect(200, r, "platform admin sign-in");
        return field(r.body(), "accessToken");
    }

    /** @return the current code of the secret in this file, as bin/totp prints it */
    static String totp(Path secretFile) throws Exception {
        Path script = Path.of(System.getProperty("seva.smoke.totp", "bin/totp"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--source", "17", script.toString(), secretFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (p.waitFor() != 0 || !out.matches("\\d{6}")) {
            throw new AssertionError("bin/totp " + secretFile + ": " + out);
        }
        return out;
    }

    static void me(String base, String token) throws Exception {
        var r = send("GET", base + "/api/v1/me", null, token, null);
        expect(200, r, "GET /api/v1/me with the platform admin's token");
        if (!r.body().contains("PLATFORM_ADMIN")) {
            throw new AssertionError("/api/v1/me is not the platform admin: " + r.body());
        }
    }

    static void full(String base, Path home, boolean requireOcr) throws Exception {
        String platform = signIn(base, home);
        me(base, platform);
        String slug = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".in";
        String password = "smoke-password-" + UUID.randomUUID();
        expect(201, send("POST", base + "/api/v1/platform/tenants", null, platform, json("slug", slug, "name",
                "Smoke & Co", "adminEmail", email, "adminPassword", password)), "create a tenant");
        var t = send("POST", base + "/api/v1/auth/token", slug, null, json("email", email, "password", password));
        expect(200, t, "the tenant admin's sign-in");
        String token = field(t.body(), "accessToken");
        var e = send("POST", base + "/api/v1/entities", slug, token, json("legalName", "Smoke Widgets Pvt Ltd",
                "type", "PRIVATE_LIMITED", "pan", "AAPFU0939F"));
        expect(201, e, "create an entity");
        String entity = field(e.body(), "id");

        String boundary = "smoke-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"receipt.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(scannedReceipt());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var up = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entities/" + entity + "/documents"))
                .timeout(Duration.ofSeconds(60)).header("X-Seva-Tenant", slug).header("Authorization", "Bearer "
                        + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(201, up, "upload a scanned image");
        String doc = field(up.body(), "id");

        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String view;
        while (true) {
            var r = send("GET", base + "/api/v1/documents/" + doc, slug, token, null);
            expect(200, r, "read the document");
            view = r.body();
            if (!view.contains("\"status\":\"PROCESSING\"")) {
                break;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the document is still PROCESSING after 3 minutes: " + view);
            }
            Thread.sleep(1000);
        }
        if (!view.contains("\"status\":\"READY\"")) {
            throw new AssertionError("the document did not become READY: " + view);
        }
        checks++;
        System.out.println("ok: the uploaded document is READY");
        var text = send("GET", base + "/api/v1/documents/" + doc + "/text", slug, token, null);
        expect(200, text, "the document's text");
        boolean read = text.body().toUpperCase().contains("SMOKE") && text.body().toUpperCase().contains("RECEIPT");
        if (read) {
            checks++;
            System.out.println("ok: OCR read the scanned image");
        } else if (requireOcr) {
            throw new AssertionError("OCR did not read the scanned image: text " + text.body() + ", document " + view);
        } else {
            System.out.println("WARNING: OCR IS UNAVAILABLE on this machine (the document is READY without text): "
                    + view);
        }
    }

    /** A white page with two lines of large black text, as a phone scan of a receipt would be. */
    static byte[] scannedReceipt() throws IOException {
        BufferedImage img = new BufferedImage(1400, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 72));
        g.drawString("SMOKE TEST", 80, 170);
        g.drawString("RECEIPT 2024", 80, 320);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /**
     * Listens on the port until the text appears once more in the log file than it did at the start (the server
     * saying that it waits for the port), then a second longer, or until max seconds have passed.
     */
    static void holdPort(int port, int max, Path log, String text) throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            long before = occurrences(log, text);
            System.out.println("holding 127.0.0.1:" + port);
            System.out.flush();
            long end = System.nanoTime() + Duration.ofSeconds(max).toNanos();
            while (System.nanoTime() < end && occurrences(log, text) <= before) {
                Thread.sleep(250);
            }
            Thread.sleep(1000);
            System.out.println(occurrences(log, text) > before ? "released: the server waited for the port"
                    : "released after " + max + " s: the server never said it waited");
        }
    }

    static long occurrences(Path log, String text) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        String all = Files.readString(log);
        return all.isEmpty() ? 0 : all.split(Pattern.quote(text), -1).length - 1;
    }

    static HttpResponse<String> send(String method, String url, String tenant, String token, String json)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept",
                "application/json");
        if (tenant != null) {
            b.header("X-Seva-Tenant", tenant);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(int status, HttpResponse<String> r, String what) {
        if (r.statusCode() != status) {
            throw new AssertionError(what + ": expected " + status + ", got " + r.statusCode() + " " + r.body());
        }
        checks++;
        System.out.println("ok: " + what + " (" + status + ")");
    }

    /** A string field of a flat JSON answer. */
    static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + body);
        }
        return m.group(1);
    }

    /** A JSON object of string fields (the values here need no escaping but quotes and backslashes). */
    static String json(String... kv) {
        var b = new StringBuilder("{");
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : ",").append('"').append(kv[i]).append("\":\"").append(kv[i + 1].replace("\\",
                    "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
