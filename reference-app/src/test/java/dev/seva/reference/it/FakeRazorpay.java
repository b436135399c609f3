package dev.seva.reference.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fake Razorpay API on 127.0.0.1 inside the test JVM, speaking the real request and response shapes of orders
 * ({@code POST /v1/orders}), the payments of an order ({@code GET /v1/orders/{id}/payments}) and refunds
 * ({@code POST /v1/payments/{id}/refund}, {@code GET /v1/payments/{id}/refunds}), with Basic authentication per key
 * pair: one key's orders are invisible to another's. Faults (a slow answer, a 5xx or 429, an answer lost after the
 * work was done) are set per key pair ({@link #fault}), so one tenant's outage leaves the others' calls alone. The IT server is pointed at it by {@code seva.payments.razorpay.base-url}. One instance per JVM, on
 * {@code seva.it.razorpay.port}. Payments exist only when a test makes them ({@link #pay}), as a customer would.
 */
public final class FakeRazorpay {

    static final int PORT = Integer.getInteger("seva.it.razorpay.port", 9290);
    private static FakeRazorpay instance;

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> orders = new ConcurrentHashMap<>();
    private final Map<String, String> orderOwner = new ConcurrentHashMap<>();
    private final Map<String, List<JsonObject>> paymentsByOrder = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> payments = new ConcurrentHashMap<>();
    private final Map<String, Long> refunded = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String refundStatus = "processed";
    private final AtomicInteger failNext = new AtomicInteger();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    private FakeRazorpay() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/", this::handle);
        server.createContext("/v1/checkout", this::checkout);
        server.start();
    }

    public static synchronized FakeRazorpay get() {
        if (instance == null) {
            try {
                instance = new FakeRazorpay();
            } catch (IOException e) {
                throw new IllegalStateException("fake Razorpay cannot listen on 127.0.0.1:" + PORT, e);
            }
        }
        return instance;
    }

    /** A new key pair the fake accepts. */
    public record Keys(String keyId, String keySecret, String webhookSecret) {
    }

    /** Registers a key pair (the fake Checkout signs its payments with the key secret, as Razorpay does). */
    public void register(String keyId, String keySecret) {
        secrets.put(keyId, keySecret);
    }

    /** @return the fake Checkout script's URL (what {@code seva.payments.razorpay.checkout-script} names in ITs) */
    public static String checkoutScript() {
        return "http://127.0.0.1:" + PORT + "/v1/checkout.js";
    }

    public Keys newKeys() {
        String id = "rzp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        Keys k = new Keys(id, "secret_" + UUID.randomUUID(), "whsec_" + UUID.randomUUID());
        secrets.put(k.keyId(), k.keySecret());
        return k;
    }

    /** What Razorpay answers to the next refunds: processed or pending. */
    void refundStatus(String status) {
        this.refundStatus = status;
    }

    /** Answers the next {@code n} API calls with 500. */
    void failNext(int n) {
        failNext.set(n);
    }

    public int calls(String what) {
        return calls.getOrDefault(what, new AtomicInteger()).get();
    }

    /** @return the calls of one key pair, {@code what} as in {@link #calls(String)} */
    public int calls(String keyId, String what) {
        return calls(keyId + " " + what);
    }

    /**
     * What the fake does to one key pair's calls of one kind ({@code "POST /v1/orders"}, {@code "*"} for every
     * call): wait {@code delayMillis} first, then answer {@code status} without doing anything (0: do the work and
     * answer normally, after the wait; -1: do the work, then answer 504 as a gateway whose answer was lost).
     */
    record Fault(String call, long delayMillis, int status) {
    }

    /** Applies a fault to one key pair's calls until {@link #clearFaults}. */
    void fault(String keyId, Fault f) {
        faults.put(keyId, f);
    }

    void clearFaults(String keyId) {
        faults.remove(keyId);
    }

    /** The customer pays an order an amount other than the order's (what the gateway reports is what counts). */
    JsonObject pay(String orderId, long amountPaise) {
        JsonObject p = Json.createObjectBuilder(payment(orderId)).add("amount", amountPaise).build();
        payments.put(p.getString("id"), p);
        paymentsByOrder.computeIfAbsent(orderId, o -> new ArrayList<>()).add(p);
        return p;
    }

    /**
     * Razorpay no longer knows the order under its key (as after the firm switched Razorpay accounts): asking for
     * its payments answers 400 "The id provided does not exist".
     */
    void forgetOrder(String orderId) {
        orderOwner.remove(orderId);
    }

    /** The customer pays an order: a captured payment of the order's amount. */
    JsonObject pay(String orderId) {
        JsonObject p = payment(orderId);
        payments.put(p.getString("id"), p);
        paymentsByOrder.computeIfAbsent(orderId, o -> new ArrayList<>()).add(p);
        return p;
    }

    /** A payment entity of the order that the fake does not keep (nothing to reconcile). */
    JsonObject payment(String orderId) {
        JsonObject order = orders.get(orderId);
        String id = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        JsonObject p = Json.createObjectBuilder().add("id", id).add("entity", "payment")
                .add("amount", order.getJsonNumber("amount").longValue()).add("currency", "INR")
                .add("status", "captured").add("order_id", orderId).addNull("invoice_id").add("international", false)
                .add("method", "upi").add("amount_refunded", 0).addNull("refund_status").add("captured", true)
                .add("description", "Invoice").addNull("card_id").addNull("bank").addNull("wallet")
                .add("vpa", "success@razorpay").add("email", "client@example.in").add("contact", "+919900000000")
                .add("notes", Json.createArrayBuilder()).add("fee", 2360).add("tax", 360).addNull("error_code")
                .addNull("error_description").add("created_at", Instant.now().getEpochSecond()).build();
        return p;
    }

    public static String sign(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checkout's signature of an order and payment. */
    static String checkoutSignature(String keySecret, String orderId, String paymentId) {
        return sign(keySecret, (orderId + "|" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    /** A webhook body as Razorpay sends it, for a payment event ({@code payment.captured}, {@code payment.failed}). */
    static String paymentEvent(String event, JsonObject payment) {
        JsonObject p = event.equals("payment.failed")
                ? Json.createObjectBuilder(payment).add("status", "failed")
                        .add("captured", false).add("error_code", "BAD_REQUEST_ERROR")
                        .add("error_description", "Payment failed").build()
                : payment;
        return Json.createObjectBuilder().add("entity", "event").add("account_id", "acc_FAKE0000000001")
                .add("event", event).add("contains", Json.createArrayBuilder().add("payment"))
                .add("payload", Json.createObjectBuilder().add("payment", Json.createObjectBuilder().add("entity", p)))
                .add("created_at", Instant.now().getEpochSecond()).build().toString();
    }

    /** An {@code order.paid} webhook body. */
    String orderPaidEvent(JsonObject payment) {
        JsonObject order = Json.createObjectBuilder(orders.get(payment.getString("order_id")))
                .add("amount_paid", payment.getJsonNumber("amount").longValue()).add("amount_due", 0)
                .add("status", "paid").add("attempts", 1).build();
        return Json.createObjectBuilder().add("entity", "event").add("account_id", "acc_FAKE0000000001")
                .add("event", "order.paid").add("contains", Json.createArrayBuilder().add("payment").add("order"))
                .add("payload", Json.createObjectBuilder()
                        .add("payment", Json.createObjectBuilder().add("entity", payment))
                        .add("order", Json.createObjectBuilder().add("entity", order)))
                .add("created_at", Instant.now().getEpochSecond()).build().toString();
    }

    /** A {@code refund.processed} webhook body. */
    public static String refundEvent(String event, JsonObject refund) {
        return Json.createObjectBuilder().add("entity", "event").add("account_id", "acc_FAKE0000000001")
                .add("event", event).add("contains", Json.createArrayBuilder().add("refund").add("payment"))
                .add("payload", Json.createObjectBuilder().add("refund", Json.createObjectBuilder()
                        .add("entity", refund)))
                .add("created_at", Instant.now().getEpochSecond()).build().toString();
    }

    /** The refunds made so far through the API, by refund id. */
    final Map<String, JsonObject> refunds = new ConcurrentHashMap<>();

    /**
     * Razorpay Checkout, faked: {@code GET /v1/checkout.js} is a script with the real one's API surface
     * ({@code new Razorpay(options)}, {@code .on('payment.failed', fn)}, {@code .open()}, {@code .close()},
     * {@code options.handler}, {@code options.modal.ondismiss}) that shows a small dialog in the page instead of
     * Razorpay's frame, with Pay, Fail and Close buttons. Pay asks {@code POST /v1/checkout/pay} (key id and order
     * id), which makes a captured payment of the order as a customer would and answers what Checkout hands its
     * handler: payment id, order id and HMAC-SHA256(key secret, order_id|payment_id). Only a registered key that owns
     * the order can pay it.
     */
    private void checkout(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            if (ex.getRequestMethod().equals("GET") && path.equals("/v1/checkout.js")) {
                byte[] b = CHECKOUT_JS.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/javascript; charset=UTF-8");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
                return;
            }
            if (ex.getRequestMethod().equals("POST") && path.equals("/v1/checkout/pay")) {
                calls.computeIfAbsent("POST /v1/checkout/pay", k -> new AtomicInteger()).incrementAndGet();
                JsonObject req = Json.createReader(new StringReader(new String(ex.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8))).readObject();
                String key = req.getString("key", "");
                String orderId = req.getString("order_id", "");
                String secret = secrets.get(key);
                if (secret == null || !key.equals(orderOwner.get(orderId))) {
                    send(ex, 400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
                    return;
                }
                String paymentId = pay(orderId).getString("id");
                send(ex, 200, Json.createObjectBuilder().add("razorpay_payment_id", paymentId)
                        .add("razorpay_order_id", orderId)
                        .add("razorpay_signature", checkoutSignature(secret, orderId, paymentId)).build().toString());
                return;
            }
            send(ex, 404, error("BAD_REQUEST_ERROR", "The requested URL was not found on the server."));
        }
    }

    private static final String CHECKOUT_JS = """
            (function () {
              'use strict';
              var base = new URL(document.currentScript.src).origin;
              function el(tag, attrs, text) {
                var e = document.createElement(tag);
                Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
                if (text) { e.textContent = text; }
                return e;
              }
              function Razorpay(options) {
                if (!(this instanceof Razorpay)) { return new Razorpay(options); }
                if (!options || !options.key || !options.order_id) {
                  throw new Error('Razorpay: key and order_id are required');
                }
                this.options = options;
                this.handlers = {};
                this.dialog = null;
              }
              Razorpay.prototype.on = function (event, fn) {
                (this.handlers[event] = this.handlers[event] || []).push(fn);
                return this;
              };
              Razorpay.prototype.emit = function (event, arg) {
                (this.handlers[event] || []).forEach(function (fn) { fn(arg); });
              };
              Razorpay.prototype.close = function () {
                if (this.dialog) { this.dialog.remove(); this.dialog = null; }
              };
              Razorpay.prototype.open = function () {
                var self = this;
                var o = this.options;
                var d = el('div', { id: 'razorpay-fake', role: 'dialog', 'aria-label': 'Razorpay Checkout' });
                d.style.position = 'fixed'; d.style.inset = '20% 10% auto 10%'; d.style.background = '#fff';
                d.style.border = '2px solid #3395ff'; d.style.padding = '1em'; d.style.zIndex = '1000';
                d.appendChild(el('p', { id: 'razorpay-fake-what' }, (o.name || '') + ': ' + (o.description || '')
                  + ', ' + (o.amount / 100).toFixed(2) + ' ' + (o.currency || 'INR')));
                var pay = el('button', { id: 'razorpay-fake-pay', type: 'button' }, 'Pay');
                var fail = el('button', { id: 'razorpay-fake-fail', type: 'button' }, 'Fail');
                var close = el('button', { id: 'razorpay-fake-close', type: 'button' }, 'Close');
                d.appendChild(pay); d.appendChild(fail); d.appendChild(close);
                pay.addEventListener('click', function () {
                  fetch(base + '/v1/checkout/pay', { method: 'POST', headers: { 'Content-Type': 'text/plain' },
                    body: JSON.stringify({ key: o.key, order_id: o.order_id }) })
                    .then(function (r) { return r.json(); })
                    .then(function (answer) {
                      if (answer.error) {
                        self.emit('payment.failed', { error: answer.error });
                        return;
                      }
                      self.close();
                      if (typeof o.handler === 'function') { o.handler(answer); }
                    });
                });
                fail.addEventListener('click', function () {
                  self.emit('payment.failed', { error: { code: 'BAD_REQUEST_ERROR',
                    description: 'Your payment could not be completed as this business accepts domestic cards only.',
                    source: 'customer', step: 'payment_authentication', reason: 'payment_failed',
                    metadata: { order_id: o.order_id, payment_id: 'pay_FAKEFAILED0001' } } });
                });
                close.addEventListener('click', function () {
                  self.close();
                  if (o.modal && typeof o.modal.ondismiss === 'function') { o.modal.ondismiss(); }
                });
                document.body.appendChild(d);
                this.dialog = d;
              };
              window.Razorpay = Razorpay;
            })();
            """;

    /** An answer of the fake API. */
    private record Reply(int status, String body) {
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            String key = auth(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] in = ex.getRequestBody().readAllBytes();
            String what = method + " " + path.replaceAll("/(order|pay)_[A-Za-z0-9]+", "/{id}");
            calls.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(ex, 500, error("SERVER_ERROR", "The server encountered an error."));
                return;
            }
            if (key == null) {
                send(ex, 401, error("BAD_REQUEST_ERROR", "Authentication failed"));
                return;
            }
            calls.computeIfAbsent(key + " " + what, k -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.get(key);
            if (fault != null && (fault.call().equals("*") || fault.call().equals(what))) {
                sleep(fault.delayMillis());
                if (fault.status() > 0) {
                    send(ex, fault.status(), error(fault.status() == 429 ? "BAD_REQUEST_ERROR" : "SERVER_ERROR",
                            fault.status() == 429 ? "Too many requests" : "The server encountered an error."));
                    return;
                }
                if (fault.status() < 0) {
                    api(method, path, key, in);
                    send(ex, 504, error("SERVER_ERROR", "Gateway timeout"));
                    return;
                }
            }
            Reply r = api(method, path, key, in);
            send(ex, r.status(), r.body());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply api(String method, String path, String key, byte[] in) {
        if (method.equals("POST") && path.equals("/v1/orders")) {
            JsonObject req = Json.createReader(new StringReader(new String(in, StandardCharsets.UTF_8))).readObject();
            long amount = req.getJsonNumber("amount").longValue();
            if (amount < 100) {
                return new Reply(400, error("BAD_REQUEST_ERROR", "The amount must be atleast INR 1.00"));
            }
            String id = "order_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", id).add("entity", "order")
                    .add("amount", amount).add("amount_paid", 0).add("amount_due", amount)
                    .add("currency", req.getString("currency", "INR")).add("receipt", req.getString("receipt", ""))
                    .addNull("offer_id").add("status", "created").add("attempts", 0)
                    .add("notes", req.containsKey("notes") ? req.get("notes") : Json.createArrayBuilder().build())
                    .add("created_at", Instant.now().getEpochSecond());
            JsonObject order = o.build();
            orders.put(id, order);
            orderOwner.put(id, key);
            return new Reply(200, order.toString());
        }
        if (method.equals("GET") && path.matches("/v1/orders/[^/]+/payments")) {
            String orderId = path.split("/")[3];
            if (!key.equals(orderOwner.get(orderId))) {
                return new Reply(400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
            }
            var items = Json.createArrayBuilder();
            List<JsonObject> ps = paymentsByOrder.getOrDefault(orderId, List.of());
            ps.forEach(items::add);
            return new Reply(200, Json.createObjectBuilder().add("entity", "collection").add("count", ps.size())
                    .add("items", items).build().toString());
        }
        if (method.equals("GET") && path.matches("/v1/payments/[^/]+/refunds")) {
            String paymentId = path.split("/")[3];
            JsonObject p = payments.get(paymentId);
            if (p == null || !key.equals(orderOwner.get(p.getString("order_id")))) {
                return new Reply(400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
            }
            var items = Json.createArrayBuilder();
            List<JsonObject> rs = refunds.values().stream().filter(r -> r.getString("payment_id").equals(paymentId))
                    .toList();
            rs.forEach(items::add);
            return new Reply(200, Json.createObjectBuilder().add("entity", "collection").add("count", rs.size())
                    .add("items", items).build().toString());
        }
        if (method.equals("POST") && path.matches("/v1/payments/[^/]+/refund")) {
            String paymentId = path.split("/")[3];
            JsonObject p = payments.get(paymentId);
            if (p == null || !key.equals(orderOwner.get(p.getString("order_id")))) {
                return new Reply(400, error("BAD_REQUEST_ERROR", "The id provided does not exist"));
            }
            JsonObject req = Json.createReader(new StringReader(new String(in, StandardCharsets.UTF_8))).readObject();
            long amount = req.containsKey("amount")
                    ? req.getJsonNumber("amount").longValue()
                    : p.getJsonNumber("amount").longValue();
            synchronized (this) {
                long done = refunded.getOrDefault(paymentId, 0L);
                if (done + amount > p.getJsonNumber("amount").longValue()) {
                    return new Reply(400, error("BAD_REQUEST_ERROR",
                            "The refund amount provided is greater than amount captured"));
                }
                refunded.put(paymentId, done + amount);
            }
            String id = "rfnd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
            JsonObject r = Json.createObjectBuilder().add("id", id).add("entity", "refund").add("amount", amount)
                    .add("currency", "INR").add("payment_id", paymentId)
                    .add("notes", req.containsKey("notes") ? req.get("notes") : Json.createArrayBuilder().build())
                    .addNull("receipt").add("acquirer_data", Json.createObjectBuilder().addNull("arn"))
                    .add("created_at", Instant.now().getEpochSecond()).addNull("batch_id")
                    .add("status", refundStatus).add("speed_processed", "normal")
                    .add("speed_requested", "normal").build();
            refunds.put(id, r);
            return new Reply(200, r.toString());
        }
        return new Reply(400, error("BAD_REQUEST_ERROR", "The requested URL was not found on the server."));
    }

    private String auth(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String[] kv = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":",
                2);
        return kv.length == 2 && kv[1].equals(secrets.get(kv[0])) ? kv[0] : null;
    }

    private static String error(String code, String description) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("code", code)
                .add("description", description).add("source", "business").add("step", "payment_initiation")
                .add("reason", "input_validation_failed").add("metadata", Json.createObjectBuilder())).build()
                .toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
