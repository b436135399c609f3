package dev.seva.reference.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.documents.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the vault (issue 4, item 10): a server of its own ({@code seva-crash}: a copy of the IT server with
 * its own ports, home and embedded PostgreSQL, so that killing it disturbs no other test) is killed with SIGKILL —
 * the Liberty JVM and PostgreSQL together, as a power cut would — while a large upload is streaming in and while a
 * scanned PDF is being OCRed; then started again. Nothing acknowledged is lost (a document READY before the crash
 * reads back byte for byte), nothing is half-written (the interrupted upload left no document and no committed
 * blob, only an incomplete file in the blob store's {@code .incoming/}, which the sweep removes), and the processing
 * job resumes once its lease runs out ({@code seva.documents.process.lease-seconds}, 40 s here) and ends READY with
 * its OCR text.
 */
class DocumentsCrashIT {

    private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
    private static final String NAME = "seva-crash";
    private static final Path DIR = WLP.resolve("usr/servers/" + NAME);
    private static final Path HOME = Path.of("target/seva-crash").toAbsolutePath();
    private static final int HTTP_PORT = Integer.getInteger("seva.it.crash.http.port", 9182);
    private static final int HTTPS_PORT = Integer.getInteger("seva.it.crash.https.port", 9545);
    private static final int DB_PORT = Integer.getInteger("seva.it.crash.db.port", 55443);
    private static final String BASE = "http://localhost:" + HTTP_PORT;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static String slug;
    private static String token;

    @BeforeAll
    static void createAndStart() throws Exception {
        Path source = WLP.resolve("usr/servers/seva-it");
        assertTrue(Files.isDirectory(source), "the IT server exists: " + source);
        server("stop");
        deleteTree(DIR);
        deleteTree(HOME);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path rel = source.relativize(p);
                String top = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
                if (List.of("logs", "workarea", "tranlog").contains(top)) {
                    continue;
                }
                Path target = DIR.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        List<String> props = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("bootstrap.properties"))) {
            String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
            switch (key) {
                case "http.port" -> props.add("http.port=" + HTTP_PORT);
                case "https.port" -> props.add("https.port=" + HTTPS_PORT);
                case "seva.home" -> props.add("seva.home=" + HOME);
                case "seva.db.embedded.port" -> props.add("seva.db.embedded.port=" + DB_PORT);
                case "seva.documents.process.lease-seconds" -> {
                }
                default -> props.add(line);
            }
        }
        props.add("seva.documents.process.lease-seconds=40");
        // no reminders or sweeps during the test: the test looks at the blob store itself
        props.add("seva.documents.sweep-minutes=600");
        Files.write(DIR.resolve("bootstrap.properties"), props);
        start();
        // the copied bootstrap properties configure the same admin and TOTP secret on this server's own database
        String platform = PlatformAdmin.signIn(BASE);
        slug = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/api/v1/platform/tenants", null, platform, "{\"slug\":\"" + slug + "\",\"name\":\"Crash"
                + " test\",\"adminEmail\":\"admin@" + slug + ".in\",\"adminPassword\":\"crash-password-1\","
                + "\"plan\":\"ENTERPRISE\"}", 201);
        token = field(call("POST", "/api/v1/auth/token", slug, null, "{\"email\":\"admin@" + slug
                + ".in\",\"password\":\"crash-password-1\"}", 200), "accessToken");
    }

    @AfterAll
    static void stop() throws Exception {
        server("stop");
        killPostgres();
    }

    @Test
    void aKilledServerLosesNothingLeavesNothingHalfWrittenAndResumesItsJobs() throws Exception {
        String entity = field(call("POST", "/api/v1/entities", slug, token, "{\"legalName\":\"Crash Test Pvt Ltd\","
                + "\"type\":\"PRIVATE_LIMITED\",\"pan\":\"AAPFU0939F\"}", 201), "id");
        String upload = "/api/v1/entities/" + entity + "/documents";

        // acknowledged before the crash: must survive byte for byte
        byte[] kept = ("Board resolution kept safely " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String keptId = field(uploadBytes(upload, kept, "kept.txt"), "id");
        awaitStatus(keptId, Duration.ofMinutes(3));

        // a scanned PDF of several pages: OCR runs for a while
        var page = Fixtures.page(List.of("MEMORANDUM OF ASSOCIATION", "The name of the company is Crash Test",
                "Private Limited and its registered office", "is situated in the State of Maharashtra"), 14);
        String scanId = field(uploadBytes(upload, Fixtures.scannedPdf(page, page, page, page, page, page),
                "memorandum.pdf"), "id");
        awaitRunningJob(Duration.ofMinutes(3));

        // a large upload streaming in, throttled so that the crash falls in the middle of it
        AtomicLong sent = new AtomicLong();
        Thread big = new Thread(() -> {
            try {
                String boundary = "crash-" + UUID.randomUUID();
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"ledger.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                HTTP.send(HttpRequest.newBuilder(URI.create(BASE + upload)).timeout(Duration.ofMinutes(10))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-Seva-Tenant", slug).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SlowCsv(head, 512L << 20, sent)))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the server died under it: expected
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        big.setDaemon(true);
        big.start();
        Path incoming = HOME.resolve("blobs/.incoming");
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (largestPart(incoming) < (4L << 20)) {
            assertTrue(System.nanoTime() < end, "the big upload reached the blob store");
            Thread.sleep(100);
        }
        assertEquals(1, runningJobs(), "OCR is still running when the server dies");

        // power cut: the JVM and PostgreSQL, no shutdown hooks, no fsync of anything not yet synced
        long pid = Long.parseLong(Files.readString(WLP.resolve("usr/servers/.pid/" + NAME + ".pid")).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        killPostgres();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        big.join(Duration.ofSeconds(30).toMillis());
        long partial = largestPart(incoming);
        assertTrue(partial > 0 && partial < (512L << 20), "the upload was cut off mid-file: " + partial);

        start();

        // the interrupted upload: no document, no committed blob without a version row
        var list = call("GET", "/api/v1/documents?entityId=" + entity, slug, token, null, 200);
        assertEquals(2, Json.createReader(new StringReader(list)).readObject().getInt("total"), list);
        List<String> committed;
        try (Stream<Path> s = Files.walk(HOME.resolve("blobs"))) {
            committed = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.incoming/"))
                    .map(p -> p.getFileName().toString()).toList();
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres",
                "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM document_version WHERE id = ?")) {
            for (String key : committed) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "committed blob " + key + " has its version row");
                }
            }
        }
        assertEquals(2, committed.size(), "two committed blobs: the kept file and the scan " + committed);

        // nothing acknowledged is lost
        HttpResponse<byte[]> back = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/documents/" + keptId
                + "/content")).header("X-Seva-Tenant", slug).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, back.statusCode());
        assertArrayEquals(kept, back.body());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kept)), field(call("GET",
                "/api/v1/documents/" + keptId, slug, token, null, 200), "sha256"));

        // the OCR job resumes after its lease and finishes
        String done = awaitStatus(scanId, Duration.ofMinutes(8));
        assertEquals("READY", field(done, "status"), done);
        assertTrue(done.contains("\"state\":\"DONE\""), done);
        String text = call("GET", "/api/v1/documents/" + scanId + "/text", slug, token, null, 200);
        assertTrue(text.toUpperCase().contains("MEMORANDUM"), text);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres",
                "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("SELECT status, attempts FROM job WHERE kind ="
                        + " 'documents.process' AND tenant_id = (SELECT id FROM tenant WHERE slug = ?) ORDER BY"
                        + " attempts DESC")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("DONE", rs.getString(1));
                assertTrue(rs.getInt(2) >= 2, "the job was taken over after the crash: attempts " + rs.getInt(2));
            }
        }
        assertFalse(call("GET", "/api/v1/audit-events/verify", slug, token, null, 200).contains("\"valid\":false"),
                "the audit chain is intact");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A CSV of {@code size} bytes after a multipart head, at about 16 MB/s. */
    private static final class SlowCsv extends InputStream {
        private final byte[] head;
        private final long size;
        private final AtomicLong sent;
        private long pos;

        SlowCsv(byte[] head, long size, AtomicLong sent) {
            this.head = head;
            this.size = size;
            this.sent = sent;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos < head.length) {
                int n = (int) Math.min(len, head.length - pos);
                System.arraycopy(head, (int) pos, b, off, n);
                pos += n;
                return n;
            }
            if (pos >= head.length + size) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, 65536), head.length + size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((pos + i) % 61 == 60 ? '\n' : (pos + i) % 7 == 6 ? ',' : '0' + (pos + i) % 10);
            }
            pos += n;
            sent.addAndGet(n);
            try {
                Thread.sleep(4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return n;
        }
    }

    private static void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(WLP.resolve("bin/server").toString(), "start", NAME)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.start().waitFor();
        long end = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the crash test server did not become ready");
    }

    private static void server(String action) throws Exception {
        if (Files.isDirectory(DIR)) {
            new ProcessBuilder(WLP.resolve("bin/server").toString(), action, NAME).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    private static void killPostgres() throws IOException {
        Path pidFile = HOME.resolve("pgdata/postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long largestPart(Path incoming) throws IOException {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(incoming)) {
            return s.mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
    }

    private static int runningJobs() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/postgres",
                "postgres", "postgres");
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM job WHERE kind = 'documents.process'"
                        + " AND status = 'RUNNING' AND tenant_id = (SELECT id FROM tenant WHERE slug = ?)")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void awaitRunningJob(Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (runningJobs() == 0) {
            assertTrue(System.nanoTime() < end, "the OCR job started");
            Thread.sleep(100);
        }
    }

    private static String awaitStatus(String id, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            String d = call("GET", "/api/v1/documents/" + id, slug, token, null, 200);
            if (!"PROCESSING".equals(field(d, "status")) || System.nanoTime() > end) {
                return d;
            }
            Thread.sleep(500);
        }
    }

    private static String uploadBytes(String path, byte[] file, String name) throws Exception {
        String boundary = "crash-" + UUID.randomUUID();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration
                .ofMinutes(2)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Seva-Tenant", slug).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(DocApi.multipart(boundary, file, name, Map.of()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return r.body();
    }

    private static String call(String method, String path, String tenant, String bearer, String body, int expect)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (tenant != null) {
            b.header("X-Seva-Tenant", tenant);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(
                        body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expect, r.statusCode(), () -> method + " " + path + ": " + r.body());
        return r.body();
    }

    private static String field(String json, String name) {
        var o = Json.createReader(new StringReader(json)).readObject();
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(name);
    }
}
