package dev.seva.tenant.internal;

import dev.seva.sdk.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A tenant's white-label branding. Text is stored as typed and must be rendered escaped; colours are {@code #rrggbb};
 * the logo is judged by its bytes ({@link LogoInspector}). A tenant that never set its branding gets defaults with
 * its own name.
 */
@ApplicationScoped
@Transactional
public class BrandingService {

    /** The largest logo accepted. */
    public static final int MAX_LOGO_BYTES = LogoInspector.MAX_BYTES;
    static final String DEFAULT_PRIMARY = "#1f4e79";
    static final String DEFAULT_ACCENT = "#f2a900";
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    @Inject
    TenantEntityManagers ems;

    @Inject
    TenantContext tenant;

    @Inject
    RequestTenantContext request;

    @Inject
    AuditLog audit;

    /** The branding as the API shows it. */
    public record BrandingView(String displayName, String primaryColor, String accentColor, String logoUrl,
            String supportEmail, String footerText) {
    }

    /** The update request. */
    public record NewBranding(String displayName, String primaryColor, String accentColor, String supportEmail,
            String footerText) {
    }

    /** A stored logo. */
    public record Logo(byte[] bytes, String mediaType, String sha256) {
    }

    /** @return the resolved tenant's branding, or its defaults */
    public BrandingView get() {
        return find().map(BrandingService::view).orElseGet(() -> new BrandingView(
                request.tenant().map(TenantSummary::name).orElse("Seva"), DEFAULT_PRIMARY, DEFAULT_ACCENT, null,
                null, null));
    }

    /** Replaces the text and colours. */
    public BrandingView update(NewBranding req) {
        if (req == null) {
            throw dev.seva.sdk.SevaException.invalidField("body", "is required");
        }
        FieldCheck check = new FieldCheck();
        String name = check.required("displayName", req.displayName(), 100);
        String primary = color(check, "primaryColor", req.primaryColor());
        String accent = color(check, "accentColor", req.accentColor());
        String email = req.supportEmail() == null || req.supportEmail().isBlank()
                ? null
                : check.email("supportEmail", req.supportEmail());
        String footer = check.optional("footerText", req.footerText(), 500);
        check.throwIfAny();
        BrandingRecord r = findOrCreate();
        r.apply(name, primary, accent, email, footer);
        audit.record(tenant.require(), "BRANDING_UPDATED", "branding", tenant.require().value(), null);
        return view(r);
    }

    /** Replaces the logo after checking its content. */
    public BrandingView setLogo(byte[] bytes) {
        String type = LogoInspector.inspect(bytes);
        BrandingRecord r = findOrCreate();
        String sha = Digests.sha256Hex(bytes);
        r.logo(bytes, type, sha);
        audit.record(tenant.require(), "BRANDING_LOGO_UPDATED", "branding", tenant.require().value(),
                type + " " + bytes.length + " bytes, sha256 " + sha);
        return view(r);
    }

    /** Removes the logo. */
    public void deleteLogo() {
        find().ifPresent(r -> {
            r.logo(null, null, null);
            audit.record(tenant.require(), "BRANDING_LOGO_REMOVED", "branding", tenant.require().value(), null);
        });
    }

    /** @return the resolved tenant's logo, if it has one */
    public Optional<Logo> logo() {
        return find().filter(r -> r.getLogo() != null)
                .map(r -> new Logo(r.getLogo(), r.getLogoMediaType(), r.getLogoSha256()));
    }

    private Optional<BrandingRecord> find() {
        List<BrandingRecord> rows = ems.tenant().createQuery("SELECT b FROM Branding b", BrandingRecord.class)
                .getResultList();
        return rows.stream().findFirst();
    }

    private BrandingRecord findOrCreate() {
        return find().orElseGet(() -> {
            BrandingRecord r = new BrandingRecord(UUID.randomUUID().toString());
            r.apply(request.tenant().map(TenantSummary::name).orElse("Seva"), DEFAULT_PRIMARY, DEFAULT_ACCENT,
                    null, null);
            ems.tenant().persist(r);
            return r;
        });
    }

    private static String color(FieldCheck check, String field, String value) {
        String v = check.required(field, value, 7);
        if (v != null && !COLOR.matcher(v).matches()) {
            check.add(field, "must be a colour as #rrggbb");
            return null;
        }
        return v == null ? null : v.toLowerCase(java.util.Locale.ROOT);
    }

    private static BrandingView view(BrandingRecord r) {
        String logoUrl = r.getLogoSha256() == null
                ? null
                : "/api/v1/branding/logo?v=" + r.getLogoSha256().substring(0, 12);
        return new BrandingView(r.getDisplayName(), r.getPrimaryColor(), r.getAccentColor(), logoUrl,
                r.getSupportEmail(), r.getFooterText());
    }
}
