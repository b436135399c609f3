package dev.seva.tenant.internal;

import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantCrypto;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's OpenID Connect provider (TENANT_ADMIN edits it): issuer, client id, client secret (sealed under the
 * tenant's data key with {@link TenantCrypto}, never shown again), the sign-in button's label and whether a first
 * sign-in by an unknown (verified) e-mail creates a CLIENT user, and whether staff too (never a TENANT_ADMIN) are
 * linked by verified e-mail at their first sign-in. The issuer must be {@code https} at a public address
 * ({@link OidcProviderAccess}; 400 {@code OIDC_ISSUER_NOT_ALLOWED} otherwise).
 */
@ApplicationScoped
@Transactional
public class OidcSettingsService {

    static final String DEFAULT_LABEL = "Sign in with your organisation";

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    @Inject
    TenantCrypto crypto;

    @Inject
    OidcProviderAccess access;

    /** The settings as the API shows them: the secret only as "is set". */
    public record OidcSettingsView(boolean enabled, String issuer, String clientId, boolean clientSecretSet,
            String label, boolean allowSignUp, boolean linkStaffByEmail) {
    }

    /** The update: {@code clientSecret} absent or null keeps the stored one. */
    public record NewOidcSettings(Boolean enabled, String issuer, String clientId, String clientSecret, String label,
            Boolean allowSignUp, Boolean linkStaffByEmail) {
    }

    /** What the sign-in page offers. */
    public record Methods(boolean password, Oidc oidc) {
        /** The tenant's provider button. */
        public record Oidc(boolean enabled, String label) {
        }
    }

    /** The stored settings, secret still sealed. */
    record Snapshot(String id, boolean enabled, String issuer, String clientId, String sealedSecret, String label,
            boolean allowSignUp, boolean linkStaffByEmail, long version) {
    }

    /** @return the request tenant's settings (disabled defaults when never set) */
    public OidcSettingsView get() {
        return find(tenant.require()).map(OidcSettingsService::view)
                .orElseGet(() -> new OidcSettingsView(false, null, null, false, DEFAULT_LABEL, false, false));
    }

    /** Replaces the settings. */
    public OidcSettingsView update(NewOidcSettings body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        TenantId t = tenant.require();
        Optional<OidcSettingsRecord> existing = find(t);
        FieldCheck check = new FieldCheck();
        if (body.enabled() == null) {
            check.add("enabled", "is required (true or false)");
        }
        boolean enabled = Boolean.TRUE.equals(body.enabled());
        String issuer = issuer(check, body.issuer());
        String clientId = check.optional("clientId", body.clientId(), 255);
        String secret = body.clientSecret() == null || body.clientSecret().isEmpty()
                ? null
                : check.optional("clientSecret", body.clientSecret(), 1000);
        String label = check.optional("label", body.label(), 60);
        boolean secretSet = secret != null || existing.map(r -> r.getClientSecretSealed() != null).orElse(false);
        if (enabled) {
            if (issuer == null) {
                check.add("issuer", "is required to turn OIDC on");
            }
            if (clientId == null) {
                check.add("clientId", "is required to turn OIDC on");
            }
            if (!secretSet) {
                check.add("clientSecret", "is required to turn OIDC on");
            }
        }
        check.throwIfAny();
        if (issuer != null) {
            access.checkIssuer(URI.create(issuer));
        }
        OidcSettingsRecord r = existing.orElseGet(() -> {
            OidcSettingsRecord n = new OidcSettingsRecord(UUID.randomUUID().toString());
            ems.tenant().persist(n);
            return n;
        });
        r.apply(enabled, issuer, clientId, label == null ? DEFAULT_LABEL : label,
                Boolean.TRUE.equals(body.allowSignUp()), Boolean.TRUE.equals(body.linkStaffByEmail()));
        if (secret != null) {
            r.sealedSecret(crypto.sealToText(t, secret, aad(r.getId())));
        }
        audit.record(t, "OIDC_SETTINGS_UPDATED", "tenant", t.value(), "enabled " + enabled + ", issuer " + issuer
                + ", clientId " + clientId + ", allowSignUp " + r.isAllowSignUp() + ", linkStaffByEmail "
                + r.isLinkStaffByEmail()
                + (secret != null ? ", client secret replaced" : ""));
        return view(r);
    }

    /** @return the sign-in methods of the request's tenant (password only without one) */
    public Methods methods() {
        Optional<OidcSettingsRecord> r = tenant.current().flatMap(this::find).filter(OidcSettingsRecord::isEnabled);
        return new Methods(true, new Methods.Oidc(r.isPresent(), r.map(OidcSettingsRecord::getLabel).orElse(null)));
    }

    /** @return the tenant's stored settings */
    Optional<Snapshot> snapshot(TenantId t) {
        return find(t).map(r -> new Snapshot(r.getId(), r.isEnabled(), r.getIssuer(), r.getClientId(),
                r.getClientSecretSealed(), r.getLabel(), r.isAllowSignUp(), r.isLinkStaffByEmail(), r.getVersion()));
    }

    /** @return the client secret in clear, for building the tenant's client */
    String secret(TenantId t, Snapshot s) {
        return s.sealedSecret() == null ? null : crypto.openText(t, s.sealedSecret(), aad(s.id()));
    }

    private static String aad(String rowId) {
        return "tenant_oidc_settings.client_secret:" + rowId;
    }

    private Optional<OidcSettingsRecord> find(TenantId t) {
        List<OidcSettingsRecord> rows = ems.forTenant(t)
                .createQuery("SELECT o FROM OidcSettings o", OidcSettingsRecord.class).getResultList();
        return rows.stream().findFirst();
    }

    private static String issuer(FieldCheck check, String value) {
        String v = check.optional("issuer", value, 500);
        if (v == null) {
            return null;
        }
        v = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        try {
            URI u = new URI(v);
            // the scheme and the address are OidcProviderAccess's to judge (OIDC_ISSUER_NOT_ALLOWED)
            boolean ok = u.isAbsolute() && u.getRawQuery() == null && u.getRawFragment() == null
                    && u.getRawUserInfo() == null && u.getHost() != null && !u.getHost().isEmpty();
            if (!ok) {
                check.add("issuer", "must be the provider's https URL (no query or fragment)");
                return null;
            }
            return v;
        } catch (URISyntaxException e) {
            check.add("issuer", "must be the provider's https URL (no query or fragment)");
            return null;
        }
    }

    private static OidcSettingsView view(OidcSettingsRecord r) {
        return new OidcSettingsView(r.isEnabled(), r.getIssuer(), r.getClientId(), r.getClientSecretSealed() != null,
                r.getLabel(), r.isAllowSignUp(), r.isLinkStaffByEmail());
    }
}
