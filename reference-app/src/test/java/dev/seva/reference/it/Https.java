package dev.seva.reference.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Requests to the IT server's HTTPS port (its certificate is Liberty's self-signed one: trusted here only). */
final class Https {

    static final int PORT = Integer.getInteger("seva.it.https.port", 9543);
    static final String METRICS_USER = System.getProperty("seva.it.metrics.user", "prometheus");
    static final String METRICS_PASSWORD = System.getProperty("seva.it.metrics.password", "it-metrics-password");

    record Res(int status, String body) {
    }

    private Https() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @param authorization the Authorization header, or null */
    static Res get(String path, String authorization) throws IOException, GeneralSecurityException {
        HttpsURLConnection c = (HttpsURLConnection) new URL("https://localhost:" + PORT + path).openConnection();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[]{new TrustAll()}, null);
        c.setSSLSocketFactory(tls.getSocketFactory());
        c.setHostnameVerifier((host, session) -> true);
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(60_000);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Res(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            c.disconnect();
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // test only
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // test only: Liberty's generated certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
