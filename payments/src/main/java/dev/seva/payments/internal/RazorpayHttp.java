package dev.seva.payments.internal;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one HTTP client razorpay-java 1.4.10 uses for every tenant. The SDK keeps it in a <b>static</b> field and
 * builds every URL on the compile-time host {@code https://api.razorpay.com}; this class replaces that client, once
 * per JVM and before any {@code RazorpayClient} exists, with ours: bounded timeouts, no logging, no extra headers
 * (the SDK's static {@code addHeaders} is never called: headers would leak across tenants; each tenant's keys travel
 * in the {@code Authorization} header the SDK sets per client), and, when {@code seva.payments.razorpay.base-url} is
 * not Razorpay's own, an interceptor that sends each request to that base URL instead (a local fake in tests, a
 * proxy in production).
 */
final class RazorpayHttp {

    static final String RAZORPAY_BASE_URL = "https://api.razorpay.com";

    private static String installedFor;

    private RazorpayHttp() {
    }

    /**
     * Installs the client for {@code baseUrl} with these timeouts (idempotent for the same settings).
     *
     * @throws IllegalStateException when the SDK's field cannot be set (an SDK upgrade changed it)
     */
    static synchronized void install(String baseUrl, long connectTimeoutMs, long readTimeoutMs) {
        String key = baseUrl + "|" + connectTimeoutMs + "|" + readTimeoutMs;
        if (key.equals(installedFor)) {
            return;
        }
        OkHttpClient.Builder b = new OkHttpClient.Builder().connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS).writeTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false).followRedirects(false);
        String base = baseUrl.replaceAll("/+$", "");
        if (!base.equals(RAZORPAY_BASE_URL)) {
            HttpUrl parsed = HttpUrl.parse(base);
            if (parsed == null) {
                throw new IllegalStateException("seva.payments.razorpay.base-url is not a URL");
            }
            b.addInterceptor(chain -> {
                Request r = chain.request();
                HttpUrl u = r.url();
                HttpUrl target = HttpUrl.parse(base + u.encodedPath()
                        + (u.encodedQuery() == null ? "" : "?" + u.encodedQuery()));
                return chain.proceed(r.newBuilder().url(target).build());
            });
        }
        try {
            Field f = Class.forName("com.razorpay.ApiUtils").getDeclaredField("client");
            f.setAccessible(true);
            f.set(null, b.build());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot configure razorpay-java's HTTP client", e);
        }
        installedFor = key;
    }
}
