package dev.seva.reference.it;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Multipart uploads and binary downloads for the document tests (Api speaks JSON only). */
final class DocApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private DocApi() {
    }

    static byte[] multipart(String boundary, byte[] file, String fileName, Map<String, String> fields) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            for (var f : fields.entrySet()) {
                b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (file != null) {
                b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                b.write(file);
                b.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            b.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    static Api.Res upload(String path, Api.Tenant t, String token, byte[] file, String name,
            Map<String, String> fields) {
        String boundary = "seva-" + UUID.randomUUID();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept",
                        "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file, name, fields)));
        return send(b, t, token);
    }

    static Api.Res send(HttpRequest.Builder b, Api.Tenant t, String token) {
        if (t.header() != null) {
            b.header("X-Seva-Tenant", t.header());
        }
        if (t.host() != null) {
            b.header("Host", t.host());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonValue json = null;
            String text = r.body();
            if (text != null && (text.startsWith("{") || text.startsWith("["))) {
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

    static HttpResponse<byte[]> download(String path, Api.Tenant t, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(60));
        b.header("X-Seva-Tenant", t.header());
        b.header("Authorization", "Bearer " + token);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the application is ready (on a busy machine it may start after the server). */
    static void awaitReady() {
        long end = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (Api.raw("GET", "/health/ready", "application/json").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Polls until the document leaves PROCESSING. */
    static Api.Res awaitProcessed(String id, Api.TestTenant t) {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Api.Res r = Api.get("/api/v1/documents/" + id, t.t(), t.adminToken()).expect(200);
            if (!r.str("status").equals("PROCESSING") || System.nanoTime() > end) {
                return r;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
