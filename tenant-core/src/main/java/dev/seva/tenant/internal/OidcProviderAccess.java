package dev.seva.tenant.internal;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.pac4j.oidc.config.OidcConfiguration;

/**
 * How the server talks to tenants' OpenID Connect providers, within {@link OidcUrlPolicy}:
 * <ul>
 * <li>an issuer is checked when a tenant admin saves it: 400 {@code OIDC_ISSUER_NOT_ALLOWED};</li>
 * <li>the discovery document is fetched here, not by Pac4j (each time a tenant's client is built): the issuer is
 * checked again, no redirect is followed, at most {@value #MAX_BYTES} bytes are read, and the document must name the
 * same issuer and every URL in it (authorization, token, JWKS, userinfo, end-session, whatever else) must pass the
 * policy;</li>
 * <li>Pac4j gets a retriever for the JWKS and an HTTP configuration for the token and userinfo calls that check each
 * call's URL once more and follow no redirect.</li>
 * </ul>
 * A name that resolves to a public address when checked and to an internal one when connected (DNS rebinding) is
 * stopped by https itself: the internal server would have to present a trusted certificate for that name. Plain http
 * exists only on loopback, and only when {@code seva.auth.oidc.allow-insecure-loopback} is on.
 */
@ApplicationScoped
public class OidcProviderAccess {

    /** Connect and read timeout of every call to a provider. */
    static final int TIMEOUT_MILLIS = 5000;
    /** The most a discovery document or key set may weigh. */
    static final int MAX_BYTES = 256 * 1024;

    @Inject
    @ConfigProperty(name = "seva.auth.oidc.allow-insecure-loopback", defaultValue = "false")
    boolean allowLoopback;

    @Inject
    @ConfigProperty(name = "seva.auth.oidc.allowed-networks")
    Optional<String> allowedNetworks;

    private volatile OidcUrlPolicy policy;

    private OidcUrlPolicy policy() {
        OidcUrlPolicy p = policy;
        if (p == null) {
            p = new OidcUrlPolicy(allowLoopback, OidcUrlPolicy.networks(allowedNetworks.orElse("")),
                    InetAddress::getAllByName);
            policy = p;
        }
        return p;
    }

    /** @throws SevaException 400 {@code OIDC_ISSUER_NOT_ALLOWED} when the server may not call this issuer */
    void checkIssuer(URI issuer) {
        Optional<String> refusal = policy().refusal(issuer, false);
        if (refusal.isPresent()) {
            throw new SevaException(ErrorCode.OIDC_ISSUER_NOT_ALLOWED, "The issuer " + refusal.get() + ".");
        }
    }

    /**
     * @param issuer the tenant's issuer, without a trailing slash
     * @return its discovery document, checked
     * @throws IOException when it cannot be fetched, is invalid, or names what the server may not call
     */
    OIDCProviderMetadata discover(String issuer) throws IOException {
        Resource doc = retriever().retrieveResource(url(issuer + "/.well-known/openid-configuration"));
        try {
            Map<String, Object> json = JSONObjectUtils.parse(doc.getContent());
            Object named = json.get("issuer");
            if (!(named instanceof String n) || !trimmed(n).equals(trimmed(issuer))) {
                throw new IOException("The discovery document names another issuer than " + issuer);
            }
            List<String> urls = new ArrayList<>();
            collectUrls(json, urls);
            for (String u : urls) {
                Optional<String> refusal;
                try {
                    refusal = policy().refusal(new URI(u), true);
                } catch (URISyntaxException e) {
                    refusal = Optional.of("is no URL");
                }
                if (refusal.isPresent()) {
                    throw new IOException("The discovery document of " + issuer + " names " + u + ", which "
                            + refusal.get());
                }
            }
            return OIDCProviderMetadata.parse(doc.getContent());
        } catch (java.text.ParseException | ParseException e) {
            throw new IOException("The discovery document of " + issuer + " is not valid: " + e.getMessage(), e);
        }
    }

    /** @return a retriever of the provider's documents and keys: each URL checked, no redirects, size-limited */
    ResourceRetriever retriever() {
        return new GuardedRetriever(this);
    }

    /** @return Pac4j's OIDC configuration whose HTTP calls (token, userinfo) check their URL and follow no redirect */
    OidcConfiguration configuration() {
        return new GuardedConfiguration(this);
    }

    private void check(URL url) throws IOException {
        Optional<String> refusal;
        try {
            refusal = policy().refusal(url.toURI(), true);
        } catch (URISyntaxException e) {
            refusal = Optional.of("is no URL");
        }
        if (refusal.isPresent()) {
            throw new IOException("Not calling " + url.getProtocol() + "://" + url.getHost() + ": it "
                    + refusal.get());
        }
    }

    private static URL url(String s) throws IOException {
        try {
            return new URI(s).toURL();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("Not a URL: " + s, e);
        }
    }

    private static String trimmed(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** Every string in the document (nested too) that looks like a URL with a scheme. */
    private static void collectUrls(Object value, List<String> urls) {
        if (value instanceof String s) {
            if (s.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*")) {
                urls.add(s);
            }
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectUrls(v, urls));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> collectUrls(v, urls));
        }
    }

    /** Nimbus's retriever, checking every URL first and following no redirect. */
    private static final class GuardedRetriever extends DefaultResourceRetriever {
        private final transient OidcProviderAccess access;

        GuardedRetriever(OidcProviderAccess access) {
            super(TIMEOUT_MILLIS, TIMEOUT_MILLIS, MAX_BYTES);
            this.access = access;
        }

        @Override
        public Resource retrieveResource(URL url) throws IOException {
            access.check(url);
            return super.retrieveResource(url);
        }

        @Override
        protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
            HttpURLConnection c = super.openHTTPConnection(url);
            c.setInstanceFollowRedirects(false);
            return c;
        }
    }

    /** Pac4j's configuration, checking the URL of every HTTP call it makes and following no redirect. */
    private static final class GuardedConfiguration extends OidcConfiguration {
        private final transient OidcProviderAccess access;

        GuardedConfiguration(OidcProviderAccess access) {
            this.access = access;
        }

        @Override
        public void configureHttpRequest(HTTPRequest request) {
            super.configureHttpRequest(request);
            request.setFollowRedirects(false);
            try {
                access.check(request.getURL());
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
