package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantContext;
import dev.seva.tenant.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * API keys: {@code seva_<key id>_<secret>}, shown once; the secret's SHA-256 is kept. A key acts for its tenant only
 * (it is looked up under the tenant's RLS setting), only within its scopes ({@link ApiKeyScopes}) and only while the
 * TENANT_ADMIN who created it is one (active, not deleted, still TENANT_ADMIN), checked on every call.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern KEY = Pattern.compile("seva_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");
    /** last_used_at is written at most this often per key, not on every call */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    /** A key as listed (never with its secret). */
    public record ApiKeyView(String id, String name, List<String> scopes, String keyPrefix, OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        static ApiKeyView of(ApiKeyRecord r) {
            return new ApiKeyView(r.getId(), r.getName(), List.of(r.getScopes().split(",")), "seva_" + r.getKeyId(),
                    r.getCreatedAt(), r.getLastUsedAt(), r.getRevokedAt());
        }
    }

    /** A new key, the only time its full value is shown. */
    public record CreatedKey(String id, String name, List<String> scopes, String key, OffsetDateTime createdAt) {
    }

    /** The body of a create. */
    public record NewKey(String name, List<String> scopes) {
    }

    /** A key that checked out: the principal it acts as and what it may do. */
    public record Authenticated(SevaPrincipal principal, Set<String> scopes) {
    }

    /** Creates a key for the signed-in tenant admin. */
    public CreatedKey create(NewKey body) {
        FieldCheck check = new FieldCheck();
        String name = check.required("name", body == null ? null : body.name(), 100);
        Set<String> scopes = new LinkedHashSet<>();
        if (body == null || body.scopes() == null || body.scopes().isEmpty()) {
            check.add("scopes", "name at least one scope of " + ApiKeyScopes.ALL);
        } else {
            for (String s : body.scopes()) {
                if (s == null || !ApiKeyScopes.ALL.contains(s)) {
                    check.add("scopes", "unknown scope " + s + "; known: " + ApiKeyScopes.ALL);
                } else {
                    scopes.add(s);
                }
            }
        }
        check.throwIfAny();
        byte[] idBytes = new byte[10];
        RANDOM.nextBytes(idBytes);
        String keyId = HexFormat.of().formatHex(idBytes).substring(0, 16);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKeyRecord r = new ApiKeyRecord(UUID.randomUUID().toString(), keyId, sha256(secretText), name,
                String.join(",", scopes), currentUser.require().userId());
        ems.tenant().persist(r);
        audit.record(tenant.require(), "API_KEY_CREATED", "api-key", r.getId(), name + " " + scopes);
        return new CreatedKey(r.getId(), name, List.copyOf(scopes), "seva_" + keyId + "_" + secretText,
                r.getCreatedAt());
    }

    /** @return a page of the tenant's keys, newest first, revoked ones included */
    public Page<ApiKeyView> page(int page, int size) {
        List<ApiKeyView> items = ems.tenant()
                .createQuery("SELECT k FROM ApiKey k ORDER BY k.createdAt DESC, k.id", ApiKeyRecord.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(ApiKeyView::of)
                .toList();
        long total = ems.tenant().createQuery("SELECT COUNT(k) FROM ApiKey k", Long.class).getSingleResult();
        return new Page<>(items, page, size, total);
    }

    /** Revokes a key; it stops working at once. */
    public void revoke(String id) {
        ApiKeyRecord r = id == null || id.length() > 36 ? null : ems.tenant().find(ApiKeyRecord.class, id);
        if (r == null) {
            throw SevaException.notFound("API key");
        }
        if (r.getRevokedAt() == null) {
            r.revoke();
            audit.record(tenant.require(), "API_KEY_REVOKED", "api-key", r.getId(), r.getName());
        }
    }

    /**
     * @param presented the value after {@code ApiKey } in the Authorization header
     * @return the key's principal and scopes
     * @throws SevaException {@code API_KEY_INVALID} when it is malformed, unknown in this tenant, revoked, or its
     *         creator is no longer an active tenant admin
     */
    public Authenticated authenticate(String presented) {
        var m = presented == null ? null : KEY.matcher(presented.strip());
        if (m == null || !m.matches() || tenant.current().isEmpty()) {
            throw invalid();
        }
        Optional<ApiKeyRecord> found = ems.tenant()
                .createQuery("SELECT k FROM ApiKey k WHERE k.keyId = :id", ApiKeyRecord.class)
                .setParameter("id", m.group(1)).getResultList().stream().findFirst();
        byte[] expected = found.map(r -> r.getSecretSha256().getBytes(StandardCharsets.US_ASCII))
                .orElse(new byte[64]);
        boolean matches = MessageDigest.isEqual(expected,
                sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII));
        if (found.isEmpty() || !matches || found.get().getRevokedAt() != null) {
            throw invalid();
        }
        ApiKeyRecord r = found.get();
        // a key acts only while the tenant admin who made it is one: active, not deleted, still TENANT_ADMIN
        UserRecord creator = ems.tenant().find(UserRecord.class, r.getCreatedBy());
        if (creator == null || !creator.isActive() || !creator.getRoles().contains(Role.TENANT_ADMIN)) {
            throw new SevaException(ErrorCode.API_KEY_INVALID,
                    "The API key's creator is no longer an active tenant admin; the key acts for no one.");
        }
        OffsetDateTime now = Timestamps.now();
        if (r.getLastUsedAt() == null || r.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            r.used(now);
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(r.getScopes().split(",")));
        // a key acts as staff of its tenant, narrowed to its scopes by ApiKeyScopes
        SevaPrincipal p = new SevaPrincipal("api-key:" + r.getId(), "api-key:" + r.getName(), tenant.current(),
                EnumSet.of(Role.STAFF));
        return new Authenticated(p, scopes);
    }

    private static SevaException invalid() {
        return new SevaException(ErrorCode.API_KEY_INVALID, "The API key is not valid for this tenant.");
    }

    private static String sha256(String text) {
        return Digests.sha256Hex(text.getBytes(StandardCharsets.US_ASCII));
    }
}
