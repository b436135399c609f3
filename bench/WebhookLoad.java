import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook ingestion load: a fake Razorpay (orders only) on 127.0.0.1:<fake port>, a fresh tenant with keys, N issued
 * invoices each with a checkout order, then S concurrent senders posting signed payment.captured events for those
 * orders for the given seconds; a share of the deliveries repeats an earlier event id (Razorpay's retries).
 * Prints events/s, p50/p99 answer time, the duplicate ratio, and the processing lag (time from the last answer until
 * every stored event is processed, read from the webhook log).
 * Usage: java WebhookLoad.java <base url> <platform email> <platform password> <fake port> <seconds> <senders>
 *        <duplicate ratio 0..1> <invoices>
 */
public class WebhookLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] a) throws Exception {
        String base = a[0];
        int fakePort = Integer.parseInt(a[3]);
        int seconds = Integer.parseInt(a[4]);
        int senders = Integer.parseInt(a[5]);
        double dupRatio = Double.parseDouble(a[6]);
        int invoices = Integer.parseInt(a[7]);
        startFake(fakePort);

        String pt = token(base, null, a[1], a[2]);
        String slug = "wh-" + UUID.randomUUID().toString().substring(0, 8);
        send("POST", base + "/api/v1/platform/tenants", null, pt, "{\"slug\":\"" + slug + "\",\"name\":\"Webhook"
                + " bench\",\"adminEmail\":\"admin@" + slug + ".in\",\"adminPassword\":\"bench-password-1\","
                + "\"plan\":\"ENTERPRISE\"}", 201);
        String t = token(base, slug, "admin@" + slug + ".in", "bench-password-1");
        String secret = "whsec_" + UUID.randomUUID();
        send("PUT", base + "/api/v1/tenant/payment-settings", slug, t, "{\"keyId\":\"rzp_test_BENCHKEY01\","
                + "\"keySecret\":\"bench-secret\",\"webhookSecret\":\"" + secret + "\",\"stateCode\":\"27\"}", 200);
        String entity = field(send("POST", base + "/api/v1/entities", slug, t, "{\"legalName\":\"Bench Pvt Ltd\","
                + "\"type\":\"PRIVATE_LIMITED\",\"state\":\"29\"}", 201), "id");
        List<String[]> orders = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            String inv = send("POST", base + "/api/v1/invoices", slug, t, "{\"entityId\":\"" + entity + "\","
                    + "\"lines\":[{\"description\":\"Bench\",\"amountPaise\":" + (10_000 + i) + "}]}", 201);
            String id = field(inv, "id");
            String total = number(inv, "totalPaise");
            String order = field(send("POST", base + "/api/v1/invoices/" + id + "/checkout", slug, t, "{}", 200),
                    "razorpayOrderId");
            orders.add(new String[] {order, total});
        }
        System.out.printf("tenant %s, %d invoices with orders; %d senders for %d s, duplicate ratio %.2f%n", slug,
                invoices, senders, seconds, dupRatio);

        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger dups = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        List<String> sentIds = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> sentBodies = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(senders);
        AtomicLong lastAnswer = new AtomicLong();
        for (int s = 0; s < senders; s++) {
            Thread th = new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                try {
                    while (System.nanoTime() < end) {
                        String eventId;
                        String body;
                        boolean dup = !sentIds.isEmpty() && r.nextDouble() < dupRatio;
                        if (dup) {
                            int k = r.nextInt(sentIds.size());
                            eventId = sentIds.get(k);
                            body = sentBodies.get(k);
                        } else {
                            int n = next.getAndIncrement();
                            String[] o = orders.get(n % orders.size());
                            eventId = "evt_bench_" + n;
                            body = "{\"entity\":\"event\",\"account_id\":\"acc_BENCH\",\"event\":\"payment.captured\","
                                    + "\"contains\":[\"payment\"],\"payload\":{\"payment\":{\"entity\":{\"id\":\"pay_b"
                                    + n + "\",\"entity\":\"payment\",\"amount\":" + o[1] + ",\"currency\":\"INR\","
                                    + "\"status\":\"captured\",\"order_id\":\"" + o[0] + "\",\"method\":\"upi\","
                                    + "\"captured\":true,\"created_at\":" + System.currentTimeMillis() / 1000
                                    + "}}},\"created_at\":" + System.currentTimeMillis() / 1000 + "}";
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(base
                                + "/api/v1/webhooks/razorpay")).header("X-Seva-Tenant", slug)
                                .header("Content-Type", "application/json")
                                .header("X-Razorpay-Signature", hmac(secret, body))
                                .header("x-razorpay-event-id", eventId)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        latencies.add(new long[] {t1 - t0});
                        lastAnswer.set(System.currentTimeMillis());
                        if (res.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else {
                            sent.incrementAndGet();
                            if (res.body().contains("duplicate")) {
                                dups.incrementAndGet();
                            } else if (!dup) {
                                sentIds.add(eventId);
                                sentBodies.add(body);
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println(e);
                } finally {
                    done.countDown();
                }
            });
            th.start();
        }
        done.await();
        long[] l = latencies.stream().mapToLong(x -> x[0]).sorted().toArray();
        double p50 = l.length == 0 ? 0 : l[l.length / 2] / 1e6;
        double p99 = l.length == 0 ? 0 : l[Math.min(l.length - 1, (int) Math.ceil(l.length * 0.99) - 1)] / 1e6;
        System.out.printf("deliveries answered 2xx: %d in %d s = %.1f events/s (target >= 500)%n", sent.get(),
                seconds, sent.get() / (double) seconds);
        System.out.printf("answer time: p50 %.1f ms, p99 %.1f ms (target p99 < 100 ms); errors %d%n", p50, p99,
                errors.get());
        System.out.printf("duplicates: %d of %d deliveries (%.1f%%) answered 'duplicate'%n",
                dups.get(), sent.get(), 100.0 * dups.get() / Math.max(1, sent.get()));
        System.out.flush();
        if (System.getenv("NO_DRAIN") != null) {
            System.exit(0); // a warm-up: its backlog drains while the measured run starts
        }
        long answeredAt = lastAnswer.get();
        // processing lag: until the webhook log has nothing RECEIVED or FAILED left
        long lagMs;
        while (true) {
            String received = send("GET", base + "/api/v1/webhooks/razorpay/events?size=1&status=RECEIVED", slug, t,
                    null, 200);
            String failed = send("GET", base + "/api/v1/webhooks/razorpay/events?size=1&status=FAILED", slug, t,
                    null, 200);
            if (number(received, "total").equals("0") && number(failed, "total").equals("0")) {
                lagMs = Math.max(0, System.currentTimeMillis() - answeredAt);
                break;
            }
            Thread.sleep(50);
        }
        String total = number(send("GET", base + "/api/v1/webhooks/razorpay/events?size=1", slug, t, null, 200),
                "total");
        System.out.printf("distinct events stored: %s%n", total);
        System.out.printf("processing lag after the last answer: %d ms (events are processed asynchronously by"
                + " payments.webhook jobs); processing rate over the run and the drain: %.1f events/s%n", lagMs,
                Long.parseLong(total) / ((seconds * 1000.0 + lagMs) / 1000.0));
        System.exit(0);
    }

    static void startFake(int port) throws Exception {
        HttpServer srv = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        AtomicInteger n = new AtomicInteger();
        Pattern amount = Pattern.compile("\"amount\"\\s*:\\s*(\\d+)");
        srv.createContext("/v1/orders", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = amount.matcher(body);
            String amt = m.find() ? m.group(1) : "0";
            String resp = "{\"id\":\"order_bench" + n.incrementAndGet() + "\",\"entity\":\"order\",\"amount\":" + amt
                    + ",\"amount_paid\":0,\"amount_due\":" + amt + ",\"currency\":\"INR\",\"receipt\":\"r\","
                    + "\"status\":\"created\",\"attempts\":0,\"notes\":[],\"created_at\":1700000000}";
            if (ex.getRequestURI().getPath().endsWith("/payments")) {
                resp = "{\"entity\":\"collection\",\"count\":0,\"items\":[]}";
            }
            byte[] b = resp.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        srv.start();
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder b = new StringBuilder();
        for (byte x : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
            b.append(String.format("%02x", x));
        }
        return b.toString();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (slug != null) {
            b.header("X-Seva-Tenant", slug);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
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

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
