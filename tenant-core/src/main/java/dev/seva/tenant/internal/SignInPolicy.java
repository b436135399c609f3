package dev.seva.tenant.internal;

import dev.seva.sdk.Role;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a signed-in user must enrol a second factor before doing anything else: their tenant requires TOTP for
 * staff ({@code TENANT_ADMIN, MANAGER, STAFF, AUDITOR}) and they have none; or they are a platform admin, who must
 * always have one ({@link PlatformAdminTotp}). Asked on every API call, so the tenant's
 * setting is cached for {@code seva.auth.policy-cache-seconds} (default 5; a change on this node applies at once)
 * and users known to have a second factor are remembered (it cannot be turned off).
 */
@ApplicationScoped
public class SignInPolicy {

    /** The roles the tenant's TOTP requirement applies to. */
    static final Set<Role> STAFF = EnumSet.of(Role.TENANT_ADMIN, Role.MANAGER, Role.STAFF, Role.AUDITOR);
    private static final int MAX_REMEMBERED = 100_000;

    @Inject
    SecuritySettingsService settings;

    @Inject
    PlatformAdminTotp platformTotp;

    @Inject
    @ConfigProperty(name = "seva.auth.policy-cache-seconds", defaultValue = "5")
    long cacheSeconds;

    private record Cached(boolean required, long loadedAt) {
    }

    private final Map<TenantId, Cached> required = new ConcurrentHashMap<>();
    private final Set<String> enrolled = ConcurrentHashMap.newKeySet();

    /** @return whether this principal must enrol TOTP first */
    public boolean enrolmentRequired(SevaPrincipal p) {
        if (p.tenant().isEmpty()) {
            return p.roles().contains(Role.PLATFORM_ADMIN) && !remembered("platform/" + p.userId(),
                    () -> platformTotp.enrolled(p.userId()));
        }
        if (p.roles().stream().noneMatch(STAFF::contains)) {
            return false;
        }
        TenantId t = p.tenant().get();
        long now = System.nanoTime();
        Cached c = required.get(t);
        if (c == null || now - c.loadedAt() > TimeUnit.SECONDS.toNanos(cacheSeconds)) {
            c = new Cached(settings.totpRequiredForStaff(t), now);
            required.put(t, c);
        }
        if (!c.required()) {
            return false;
        }
        return !remembered(t.value() + "/" + p.userId(), () -> settings.hasSecondFactor(t, p.userId()));
    }

    /** @return whether the user has a second factor, remembered once seen (it cannot be turned off) */
    private boolean remembered(String key, java.util.function.BooleanSupplier lookUp) {
        if (enrolled.contains(key)) {
            return true;
        }
        if (lookUp.getAsBoolean()) {
            if (enrolled.size() > MAX_REMEMBERED) {
                enrolled.clear();
            }
            enrolled.add(key);
            return true;
        }
        return false;
    }

    /** Drops the cached setting of a tenant (it just changed). */
    void forget(TenantId t) {
        required.remove(t);
    }
}
