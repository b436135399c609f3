package dev.seva.tenant.internal;

import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantContext;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's sign-in policy: whether staff must use a second factor (TENANT_ADMIN edits it). */
@ApplicationScoped
@Transactional
public class SecuritySettingsService {

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    AuditLog audit;

    @Inject
    SignInPolicy policy;

    /** The settings as the API shows and takes them. */
    public record SecuritySettings(Boolean totpRequiredForStaff) {
    }

    /** @return the request tenant's settings (defaults when never set) */
    public SecuritySettings get() {
        return new SecuritySettings(find(tenant.require()).map(SecuritySettingsRecord::isTotpRequiredForStaff)
                .orElse(false));
    }

    /** Replaces the settings. */
    public SecuritySettings update(SecuritySettings body) {
        if (body == null || body.totpRequiredForStaff() == null) {
            throw SevaException.invalidField("totpRequiredForStaff", "is required (true or false)");
        }
        TenantId t = tenant.require();
        SecuritySettingsRecord r = find(t).orElseGet(() -> {
            SecuritySettingsRecord n = new SecuritySettingsRecord(UUID.randomUUID().toString());
            ems.tenant().persist(n);
            return n;
        });
        boolean before = r.isTotpRequiredForStaff();
        r.setTotpRequiredForStaff(body.totpRequiredForStaff());
        audit.record(t, "SECURITY_SETTINGS_UPDATED", "tenant", t.value(),
                "totpRequiredForStaff " + before + " -> " + body.totpRequiredForStaff());
        policy.forget(t);
        return new SecuritySettings(r.isTotpRequiredForStaff());
    }

    /** @return whether the tenant requires a second factor of its staff */
    boolean totpRequiredForStaff(TenantId t) {
        return find(t).map(SecuritySettingsRecord::isTotpRequiredForStaff).orElse(false);
    }

    /** @return whether the user turned a second factor on */
    boolean hasSecondFactor(TenantId t, String userId) {
        UserTotpRecord r = ems.forTenant(t).find(UserTotpRecord.class, userId);
        return r != null && r.isConfirmed();
    }

    private Optional<SecuritySettingsRecord> find(TenantId t) {
        List<SecuritySettingsRecord> rows = ems.forTenant(t)
                .createQuery("SELECT s FROM SecuritySettings s", SecuritySettingsRecord.class).getResultList();
        return rows.stream().findFirst();
    }
}
