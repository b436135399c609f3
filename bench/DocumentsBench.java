import dev.seva.documents.internal.FileSystemBlobStore;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.BlobStore;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The vault's benchmark helpers (bench/documents.sh runs them; not part of the tests).
 *
 * <pre>
 * pages  <dir> <n>                                     dense 300 dpi A4 PNG pages (2480 x 3508, ~60 lines of text)
 * crypto <dir> <MB> <rounds>                           blob store write+read with the vault's crypto streams vs plain
 * api    <base> <email> <password> <pages dir or -> <big MB> <docs> <db url> <server pid> <work dir>
 *                                                       OCR pipeline, big upload heap, search p95 through the server
 * </pre>
 */
public class DocumentsBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "pages" -> pages(Path.of(a[1]), Integer.parseInt(a[2]));
            case "crypto" -> crypto(Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]));
            case "api" -> api(a);
            default -> throw new IllegalArgumentException(a[0]);
        }
    }

    // ------------------------------------------------------------------------------------------------ pages

    static final String[] WORDS = ("the firm shall file the annual return of the company with the registrar within"
            + " sixty days from the date of the general meeting and the statutory auditor will verify the books of"
            + " account maintained under section one hundred twenty eight together with the register of members"
            + " goods and services tax invoice number dated payable within thirty days bank account ifsc branch"
            + " certificate of incorporation permanent account number income tax department government of india")
            .split(" ");

    static void pages(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        for (int p = 1; p <= n; p++) {
            Path f = dir.resolve(String.format("page-%03d.png", p));
            if (Files.exists(f)) {
                continue;
            }
            BufferedImage img = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 44)); // 10.5 pt at 300 dpi
            Random r = new Random(p);
            int y = 260;
            int line = 0;
            while (y < 3508 - 240) {
                StringBuilder sb = new StringBuilder();
                if (line % 12 == 0) {
                    sb.append("Clause ").append(p).append('.').append(line / 12 + 1).append(' ');
                }
                while (g.getFontMetrics().stringWidth(sb.toString()) < 2480 - 2 * 240 - 180) {
                    sb.append(r.nextInt(9) == 0 ? Integer.toString(1000 + r.nextInt(90000)) : WORDS[r.nextInt(
                            WORDS.length)]).append(' ');
                }
                g.drawString(sb.toString().strip(), 240, y);
                y += 56;
                line++;
            }
            g.dispose();
            ImageIO.write(img, "png", f.toFile());
        }
        System.out.println("pages: " + n + " dense A4 pages at 300 dpi in " + dir);
    }

    // ------------------------------------------------------------------------------------------------ crypto

    /**
     * Writes and reads a file through the vault's FileSystemBlobStore (temp + fsync + rename) with SHA-256 on the
     * way in, once through the same streaming AEAD as TenantCrypto (AES-256-GCM-HKDF, 256 KiB segments) and once
     * plain; interleaved rounds, medians.
     */
    static void crypto(Path dir, int mb, int rounds) throws Exception {
        Files.createDirectories(dir);
        Path src = dir.resolve("crypto-src.bin");
        if (!Files.exists(src) || Files.size(src) != mb * 1048576L) {
            byte[] block = new byte[1 << 20];
            new SecureRandom().nextBytes(block);
            try (OutputStream o = Files.newOutputStream(src)) {
                for (int i = 0; i < mb; i++) {
                    o.write(block);
                }
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        AesGcmHkdfStreaming aead = new AesGcmHkdfStreaming(key, "HmacSha256", 32, 256 * 1024, 0);
        BlobStore store = new FileSystemBlobStore(dir.resolve("blobs"));
        TenantId t = new TenantId(UUID.randomUUID().toString());
        List<Double> enc = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int r = 0; r < rounds + 1; r++) {
            for (boolean encrypted : new boolean[] {true, false}) {
                String k = UUID.randomUUID().toString();
                byte[] aad = k.getBytes(StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                try (BlobStore.PendingBlob b = store.create(t, k); InputStream in = Files.newInputStream(src)) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    OutputStream out = encrypted
                            ? aead.newEncryptingStream(new NonClosing(b.output()), aad)
                            : b.output();
                    byte[] buf = new byte[65536];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        sha.update(buf, 0, n);
                        out.write(buf, 0, n);
                    }
                    if (encrypted) {
                        out.close(); // writes the last segment; NonClosing keeps the blob's stream open for commit
                    }
                    b.commit();
                }
                long t1 = System.nanoTime();
                long read = 0;
                try (InputStream raw = store.open(t, k);
                        InputStream in = encrypted ? aead.newDecryptingStream(raw, aad) : raw) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    byte[] buf = new byte[65536];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        sha.update(buf, 0, n);
                        read += n;
                    }
                }
                long t2 = System.nanoTime();
                if (read != mb * 1048576L) {
                    throw new IllegalStateException("read " + read);
                }
                store.delete(t, k);
                double mbs = 2.0 * mb / ((t2 - t0) / 1e9);
                if (r > 0) { // round 0 warms up
                    (encrypted ? enc : plain).add(mbs);
                }
            }
        }
        double e = median(enc);
        double p = median(plain);
        System.out.printf("(b) blob store write+read of %d MB, %d rounds (medians): encrypted %.0f MB/s, plain %.0f"
                + " MB/s, ratio %.2f (target >= 0.8)   [all: enc %s plain %s]%n", mb, rounds, e, p, e / p,
                fmt(enc), fmt(plain));
    }

    // ------------------------------------------------------------------------------------------------ api

    static void api(String[] a) throws Exception {
        String base = a[1];
        Path pages = Path.of(a[4]);
        int bigMb = Integer.parseInt(a[5]);
        int docs = Integer.parseInt(a[6]);
        String dbUrl = a[7];
        String pid = a[8];
        String pt = token(base, null, a[2], a[3]);
        String slug = "docbench-" + UUID.randomUUID().toString().substring(0, 8);
        String tenant = field(send("POST", base + "/api/v1/platform/tenants", null, pt, "{\"slug\":\"" + slug
                + "\",\"name\":\"Vault bench\",\"adminEmail\":\"admin@" + slug + ".in\",\"adminPassword\":"
                + "\"bench-password-1\",\"plan\":\"ENTERPRISE\"}", 201), "id");
        String t = token(base, slug, "admin@" + slug + ".in", "bench-password-1");
        String entity = field(send("POST", base + "/api/v1/entities", slug, t, "{\"legalName\":\"Bench Vault Pvt"
                + " Ltd\",\"type\":\"PRIVATE_LIMITED\"}", 201), "id");
        String upload = base + "/api/v1/entities/" + entity + "/documents";

        if (!a[4].equals("-")) {
            ocr(base, slug, t, upload, pages);
        }

        // (c) heap while uploading a big file; then its download speed
        if (bigMb > 0) {
            bigUpload(base, slug, t, upload, Path.of(a[9]).resolve("big.csv"), bigMb, pid);
        }

        // (d) search p95 over `docs` documents
        if (docs > 0) {
            search(base, slug, t, tenant, entity, docs, dbUrl);
        }
    }

    /** (a) OCR through the whole pipeline. */
    static void ocr(String base, String slug, String t, String upload, Path pages) throws Exception {
        List<Path> files;
        try (var s = Files.list(pages)) {
            files = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            ids.add(field(uploadFile(upload, slug, t, f, f.getFileName().toString()), "id"));
        }
        long uploaded = System.nanoTime();
        int ocrPages = 0;
        for (String id : ids) {
            String d;
            while (true) {
                d = send("GET", base + "/api/v1/documents/" + id, slug, t, null, 200);
                if (!"PROCESSING".equals(field(d, "status"))) {
                    break;
                }
                Thread.sleep(200);
            }
            if (!"READY".equals(field(d, "status")) || !d.contains("\"state\":\"DONE\"")) {
                throw new IllegalStateException("not OCRed: " + d);
            }
            Matcher m = Pattern.compile("\"pages\":(\\d+)").matcher(d);
            ocrPages += m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("(a) pipeline: %d pages (%d OCRed) upload->READY in %.1f s (uploads took %.1f s):"
                + " %.1f pages/min%n", files.size(), ocrPages, secs, (uploaded - t0) / 1e9, files.size() * 60 / secs);
    }

    static void bigUpload(String base, String slug, String t, String upload, Path big, int mb, String pid)
            throws Exception {
        long size = mb * 1048576L;
        if (!Files.exists(big) || Files.size(big) != size) {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
                long written = 0;
                long row = 0;
                Random r = new Random(1);
                while (written < size) {
                    String line = row++ + ",INV-" + r.nextInt(1_000_000) + ",2026-11-" + (1 + r.nextInt(28))
                            + ",goods and services," + r.nextInt(10_000_000) + "\n";
                    byte[] b = line.getBytes(StandardCharsets.US_ASCII);
                    int n = (int) Math.min(b.length, size - written);
                    o.write(b, 0, n);
                    written += n;
                }
            }
        }
        gc(pid);
        Thread.sleep(500);
        long baseLive = usedHeap(base);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong peakRaw = new AtomicLong(baseLive);
        AtomicLong peakLive = new AtomicLong(baseLive);
        Thread sampler = new Thread(() -> {
            int i = 0;
            while (!done.get()) {
                try {
                    if (++i % 8 == 0) {
                        gc(pid);
                        peakLive.accumulateAndGet(usedHeap(base), Math::max);
                    } else {
                        peakRaw.accumulateAndGet(usedHeap(base), Math::max);
                    }
                    Thread.sleep(250);
                } catch (Exception e) {
                    // keep sampling
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        String doc = uploadFile(upload, slug, t, big, "big.csv");
        double up = (System.nanoTime() - t0) / 1e9;
        done.set(true);
        sampler.join();
        String id = field(doc, "id");
        // let its processing (decrypt to a temporary file, Tika up to the text limit) finish before timing the download
        long tp = System.nanoTime();
        while ("PROCESSING".equals(field(send("GET", base + "/api/v1/documents/" + id, slug, t, null, 200),
                "status")) && System.nanoTime() - tp < 900e9) {
            Thread.sleep(1000);
        }
        long t1 = System.nanoTime();
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + id
                + "/content")).header("X-Seva-Tenant", slug).header("Authorization", "Bearer " + t).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                read += n;
            }
        }
        double down = (System.nanoTime() - t1) / 1e9;
        if (read != size) {
            throw new IllegalStateException("downloaded " + read + " of " + size);
        }
        System.out.printf("(c) heap while uploading %d MB: live (after full GC) %d -> peak %d MB, growth %d MB"
                + " (target < 64 MB); raw used peak %d MB (garbage included)%n", mb, baseLive >> 20,
                peakLive.get() >> 20, (peakLive.get() - baseLive) >> 20, peakRaw.get() >> 20);
        System.out.printf("    the same file through the product over HTTP (encrypted): upload %.0f MB/s, download"
                + " %.0f MB/s, upload+download %.0f MB/s%n", mb / up, mb / down, 2.0 * mb / (up + down));
    }

    static void search(String base, String slug, String t, String tenant, String entity, int docs, String dbUrl)
            throws Exception {
        List<String> vocab = new ArrayList<>();
        Random r = new Random(7);
        String[] syl = {"ka", "ri", "to", "ma", "ne", "su", "lo", "vi", "da", "pe", "gu", "ho", "zi", "ba", "ye",
                "nor", "tal", "kesh", "pur", "wan"};
        while (vocab.size() < 2000) {
            String w = syl[r.nextInt(syl.length)] + syl[r.nextInt(syl.length)] + syl[r.nextInt(syl.length)];
            if (!vocab.contains(w)) {
                vocab.add(w);
            }
        }
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "postgres")) {
            var arr = c.createArrayOf("text", vocab.toArray());
            int chunk = 10_000;
            for (int from = 1; from <= docs; from += chunk) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO document (id, tenant_id, entity_id, title,"
                        + " document_type, type_source, status, review_state, current_version, media_type,"
                        + " size_bytes, sha256, search_text, created_at, updated_at)"
                        + " SELECT gen_random_uuid()::text, ?, ?, 'Bench document ' || g,"
                        + " (ARRAY['PAN_CARD','INVOICE','BANK_STATEMENT','OTHER'])[1 + g % 4], 'DECLARED', 'READY',"
                        + " 'PENDING_REVIEW', 1, 'text/plain', 1000, repeat('0', 64),"
                        + " (SELECT string_agg(w, ' ') FROM (SELECT (?::text[])[1 + (hashtext(g::text || ':' || i)"
                        + " & 2147483647) % 2000] AS w FROM generate_series(1, 40) i) v)"
                        + " || CASE WHEN g % 3 = 0 THEN ' invoice payable' ELSE '' END,"
                        + " now() - make_interval(secs => g), now() FROM generate_series(?, ?) g")) {
                    ps.setString(1, tenant);
                    ps.setString(2, entity);
                    ps.setArray(3, arr);
                    ps.setInt(4, from);
                    ps.setInt(5, Math.min(docs, from + chunk - 1));
                    ps.executeUpdate();
                }
            }
            try (var s = c.createStatement()) {
                s.execute("ANALYZE document");
            }
        }
        System.out.printf("(d) seeded %d documents in %.1f s%n", docs, (System.nanoTime() - t0) / 1e9);
        String[][] kinds = {{"rare word (~2%% of documents)", "rare"}, {"two words", "two"},
                {"common word (1/3 of documents)", "common"}, {"no q, filter by type", "filter"}};
        for (int warm = 0; warm < 40; warm++) {
            timedSearch(base, slug, t, "q=" + vocab.get(r.nextInt(2000)));
        }
        List<Double> all = new ArrayList<>();
        for (String[] k : kinds) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                String q = switch (k[1]) {
                    case "rare" -> "q=" + vocab.get(r.nextInt(2000));
                    case "two" -> "q=" + URLEncoder.encode(vocab.get(r.nextInt(2000)) + " " + vocab.get(r.nextInt(
                            2000)), StandardCharsets.UTF_8);
                    case "common" -> "q=invoice";
                    default -> "documentType=INVOICE";
                };
                ms.add(timedSearch(base, slug, t, q));
            }
            all.addAll(ms);
            System.out.printf("    %-34s p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", k[0].replace("%%", "%"),
                    pct(ms, 50), pct(ms, 95), pct(ms, 99));
        }
        System.out.printf("(d) search over %d documents, %d queries (page of 20 with the total): p95 %.1f ms (target"
                + " < 100 ms)%n", docs, all.size(), pct(all, 95));
    }

    static double timedSearch(String base, String slug, String t, String q) throws Exception {
        long t0 = System.nanoTime();
        send("GET", base + "/api/v1/documents?size=20&" + q, slug, t, null, 200);
        return (System.nanoTime() - t0) / 1e6;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static void gc(String pid) throws Exception {
        new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                .DISCARD).start().waitFor();
    }

    static long usedHeap(String base) throws Exception {
        String m = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=base")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : m.split("\n")) {
            if (line.startsWith("memory_usedHeap_bytes")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new IllegalStateException("no memory_usedHeap_bytes in /metrics");
    }

    static String uploadFile(String url, String slug, String token, Path file, String name) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-Seva-Tenant", slug)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head), HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload " + name + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String token(String base, String slug, String email, String password) throws Exception {
        if (slug == null && System.getenv("SEVA_PLATFORM_TOKEN") != null) {
            // the platform admin signs in with a second factor: the script did (bench/platform-token.sh)
            return System.getenv("SEVA_PLATFORM_TOKEN");
        }
        return field(send("POST", base + "/api/v1/auth/token", slug, null, "{\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}", 200), "accessToken");
    }

    static String send(String method, String url, String slug, String token, String body, int expect)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (slug != null) {
            b.header("X-Seva-Tenant", slug);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(
                body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** As in DocumentStorage: the encrypting stream must not close the pending blob's stream before commit. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    static double median(List<Double> v) {
        return pct(v, 50);
    }

    static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }

    static String fmt(List<Double> v) {
        return Arrays.toString(v.stream().mapToLong(Math::round).toArray());
    }
}
