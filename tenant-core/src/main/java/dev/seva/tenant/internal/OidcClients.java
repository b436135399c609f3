package dev.seva.tenant.internal;

import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pac4j.core.client.Client;
import org.pac4j.core.http.callback.QueryParameterCallbackUrlResolver;
import org.pac4j.core.http.url.DefaultUrlResolver;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.metadata.StaticOidcOpMetadataResolver;

/**
 * Each tenant's Pac4j {@link OidcClient}, built at request time from its settings ({@link OidcSettingsService}) and
 * kept per tenant until the settings change (their version is compared on every use, so a change on any node is
 * seen at the next sign-in; a provider that cannot be reached is not tried again for 30 seconds). Two tenants thus talk to two providers at the same time, each through its own client,
 * on its own host. Authorization code flow with state, nonce and PKCE (when the provider offers S256); the ID
 * token's signature (provider's JWKS), issuer, audience, expiry and nonce are checked by Pac4j. Every call to the
 * provider goes through {@link OidcProviderAccess}: https (or allowed loopback) only, no internal addresses, no
 * redirects; the discovery document is fetched and checked there when the client is built.
 */
@ApplicationScoped
public class OidcClients {

    /** The name every tenant's OIDC client has: {@code /callback?client_name=OidcClient}. */
    static final String NAME = "OidcClient";
    /** The profile attribute naming the tenant whose client (and provider) made the profile. */
    static final String TENANT_ATTRIBUTE = "seva_tenant";
    /** Where identity providers and the sign-in form come back to. */
    static final String CALLBACK = "/callback";
    @Inject
    RequestTenantContext context;

    @Inject
    OidcProviderAccess access;

    @Inject
    OidcSettingsService settings;

    private record Built(long version, OidcClient client) {
    }

    private record Failed(long version, long until) {
    }

    /** How long a client that could not be built (provider unreachable) is not tried again. */
    private static final long RETRY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private final Map<TenantId, Built> clients = new ConcurrentHashMap<>();
    private final Map<TenantId, Failed> failures = new ConcurrentHashMap<>();

    /**
     * @return the OIDC client of the request's tenant, when it turned OIDC on
     * @throws RuntimeException when the client cannot be built (the provider's discovery document is unreachable)
     */
    Optional<Client> current() {
        Optional<TenantId> t = context.current();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<OidcSettingsService.Snapshot> s = settings.snapshot(t.get())
                .filter(x -> x.enabled() && x.issuer() != null && x.clientId() != null && x.sealedSecret() != null);
        if (s.isEmpty()) {
            clients.remove(t.get());
            return Optional.empty();
        }
        Built b = clients.get(t.get());
        if (b == null || b.version() != s.get().version()) {
            long version = s.get().version();
            Failed f = failures.get(t.get());
            if (f != null && f.version() == version && System.nanoTime() - f.until() < 0) {
                // do not make every sign-in (the password form's too) wait for a provider that was just unreachable
                throw new IllegalStateException("The provider could not be reached moments ago; not retried yet");
            }
            try {
                b = new Built(version, build(t.get(), s.get(), settings.secret(t.get(), s.get())));
            } catch (RuntimeException e) {
                failures.put(t.get(), new Failed(version, System.nanoTime() + RETRY_NANOS));
                throw e;
            }
            failures.remove(t.get());
            clients.put(t.get(), b);
        }
        return Optional.of(b.client());
    }

    private OidcClient build(TenantId tenant, OidcSettingsService.Snapshot s, String secret) {
        OIDCProviderMetadata metadata;
        try {
            // fetched and checked by Seva (OidcProviderAccess), not by Pac4j: no discovery URI is given to Pac4j
            metadata = access.discover(s.issuer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OidcConfiguration oc = access.configuration();
        oc.setClientId(s.clientId());
        oc.setSecret(secret);
        oc.setScope("openid profile email");
        oc.setUseNonce(true);
        oc.setConnectTimeout(OidcProviderAccess.TIMEOUT_MILLIS);
        oc.setReadTimeout(OidcProviderAccess.TIMEOUT_MILLIS);
        oc.setResourceRetriever(access.retriever());
        StaticOidcOpMetadataResolver resolver = new StaticOidcOpMetadataResolver(oc, metadata);
        oc.setOpMetadataResolver(resolver);
        resolver.init(); // Pac4j initialises only a resolver it made itself
        OidcClient c = new OidcClient(oc);
        c.setName(NAME);
        c.setCallbackUrl(CALLBACK);
        c.setUrlResolver(new DefaultUrlResolver(true));
        c.setCallbackUrlResolver(new QueryParameterCallbackUrlResolver());
        // every profile says which tenant's provider vouched for it: only that tenant's sign-in may use it
        c.addAuthorizationGenerator((ctx, profile) -> {
            profile.addAttribute(TENANT_ATTRIBUTE, tenant.value());
            return Optional.of(profile);
        });
        c.init();
        return c;
    }

    /** @return a failure's type and (shortened) message for the log */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\p{Cntrl}", " ");
            b.append(b.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(m.length() > 160 ? m.substring(0, 160) + "…" : m);
        }
        return b.toString();
    }
}
