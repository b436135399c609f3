package dev.seva.payments.internal;

import dev.seva.payments.FinancialYear;
import dev.seva.payments.InvoiceNumbers;
import dev.seva.payments.GstCalculator;
import dev.seva.payments.InvoiceStatus;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Entities;
import dev.seva.tenant.EntityRef;
import dev.seva.tenant.Page;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invoices: creation with the GST split ({@link GstCalculator}), gapless numbering, issue and void, reading with the
 * entity visibility rule (clients see only their entities' invoices; others are 404).
 *
 * <p>
 * <b>Numbers.</b> {@code <PREFIX>/<2627>/<00001>} ({@link InvoiceNumbers}: at most 16 characters, GST rule 46), per
 * tenant and Indian financial year (date in IST). The
 * number comes from the tenant's counter row for the year, incremented by an upsert that locks the row until the
 * invoice's transaction ends: concurrent creations queue on it, and a rolled-back creation gives its number back, so
 * numbers are unique and gapless. Drafts take a number only when issued.
 */
@ApplicationScoped
@Transactional
public class InvoiceService {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final Pattern SAC = Pattern.compile("[0-9]{4,8}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final BigDecimal DEFAULT_RATE = BigDecimal.valueOf(18);
    private static final long MAX_LINE_PAISE = 1_000_000_000_000L;

    @Inject
    PaymentsUnit unit;

    @Inject
    Entities entities;

    @Inject
    Tenants tenants;

    @Inject
    SettingsService settings;

    @Inject
    AuditTrail audit;

    /** A line of the create request. */
    public record NewLine(String description, String sac, Long amountPaise, BigDecimal gstRatePercent,
            String serviceCategory) {
    }

    /** The create request; {@code placeOfSupply} defaults to the entity's state; {@code draft} to false. */
    public record NewInvoice(String entityId, List<NewLine> lines, String placeOfSupply, Boolean draft) {
    }

    /** A line as shown. */
    public record LineView(int lineNo, String description, String sac, String serviceCategory, long amountPaise,
            BigDecimal gstRatePercent, long cgstPaise, long sgstPaise, long igstPaise) {
    }

    /** A payment as shown. */
    public record PaymentView(String razorpayPaymentId, String razorpayOrderId, long amountPaise, String status,
            String source, OffsetDateTime capturedAt) {
    }

    /** A refund as shown. */
    public record RefundView(String id, String razorpayRefundId, String razorpayPaymentId, long amountPaise,
            String status, String reason, OffsetDateTime createdAt, OffsetDateTime processedAt) {
    }

    /** An invoice as the API shows it; {@code lines}, {@code payments}, {@code refunds} only on a single read. */
    public record InvoiceView(String id, String number, String financialYear, InvoiceStatus status, String entityId,
            String entityName, String entityGstin, String firmState, String placeOfSupply, boolean interState,
            String currency, long taxablePaise, long cgstPaise, long sgstPaise, long igstPaise, long totalPaise,
            long paidPaise, long refundedPaise, long duePaise, String serviceCategory, String razorpayOrderId,
            OffsetDateTime issuedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt, List<LineView> lines,
            List<PaymentView> payments, List<RefundView> refunds) {
    }

    /** Creates an invoice, ISSUED (numbered) unless {@code draft} is true. */
    public InvoiceView create(NewInvoice req) {
        if (req == null) {
            throw SevaException.invalidField("body", "is required");
        }
        Checks c = new Checks();
        String entityId = c.text("entityId", req.entityId(), 36, true);
        String pos = c.stateCode("placeOfSupply", req.placeOfSupply(), false);
        List<GstCalculator.Line> gstLines = new ArrayList<>();
        List<NewLine> lines = req.lines() == null ? List.of() : req.lines();
        if (lines.isEmpty() || lines.size() > 100) {
            c.add("lines", "must have 1 to 100 lines");
        }
        for (int i = 0; i < lines.size() && i < 100; i++) {
            NewLine l = lines.get(i);
            String f = "lines[" + i + "].";
            if (l == null) {
                c.add("lines[" + i + "]", "is required");
                continue;
            }
            c.text(f + "description", l.description(), 500, true);
            c.matching(f + "sac", l.sac(), SAC, "must be a SAC code of 4 to 8 digits (for example 998231)", false);
            c.matching(f + "serviceCategory", l.serviceCategory(), CATEGORY,
                    "must be 1 to 64 letters, digits, '.', '_' or '-'", false);
            BigDecimal rate = l.gstRatePercent() == null ? DEFAULT_RATE : l.gstRatePercent();
            boolean ok = true;
            if (l.amountPaise() == null || l.amountPaise() <= 0 || l.amountPaise() > MAX_LINE_PAISE) {
                c.add(f + "amountPaise", "must be a positive number of paise up to " + MAX_LINE_PAISE);
                ok = false;
            }
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.stripTrailingZeros()
                    .scale() > 2) {
                c.add(f + "gstRatePercent", "must be a percentage between 0 and 100 with at most 2 decimals");
                ok = false;
            }
            if (ok) {
                gstLines.add(new GstCalculator.Line(l.amountPaise(), rate));
            }
        }
        c.throwIfAny();
        EntityRef entity = entities.require(entityId);
        String placeOfSupply = pos != null ? pos : entity.stateCode();
        if (placeOfSupply == null) {
            throw SevaException.invalidField("placeOfSupply",
                    "is required: the entity has no state on record (a two-digit GST state code)");
        }
        String firmState = settings.firmState().orElseThrow(() -> new SevaException(
                ErrorCode.PAYMENTS_NOT_CONFIGURED,
                "Set the firm's GST state (stateCode) in the payment settings before invoicing."));
        GstCalculator.Split split = GstCalculator.split(firmState, placeOfSupply, gstLines);

        String category = mainCategory(lines, gstLines);
        InvoiceRecord inv = new InvoiceRecord(UUID.randomUUID().toString(), entity.id(), entity.legalName(),
                entity.gstin(), firmState, placeOfSupply, category, split.taxablePaise(), split.cgstPaise(),
                split.sgstPaise(), split.igstPaise());
        EntityManager em = unit.em();
        em.persist(inv);
        // no JPA relationship tells EclipseLink the insert order: the invoice row goes first
        em.flush();
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            GstCalculator.LineTax t = split.lines().get(i);
            em.persist(new InvoiceLineRecord(UUID.randomUUID().toString(), inv.getId(), i + 1,
                    l.description().strip(), blankToNull(l.sac()), blankToNull(l.serviceCategory()),
                    l.amountPaise(), gstLines.get(i).ratePercent(), t.cgstPaise(), t.sgstPaise(), t.igstPaise()));
        }
        if (!Boolean.TRUE.equals(req.draft())) {
            number(inv);
        }
        audit.record(tenants.current().id(), "INVOICE_CREATED", "invoice", inv.getId(),
                (inv.getNumber() == null ? "draft" : inv.getNumber()) + " for entity " + entity.id() + ", total "
                        + dev.seva.sdk.Money.ofPaise(inv.getTotalPaise()));
        return view(inv, true);
    }

    /** Issues a draft: it gets its number now. */
    public InvoiceView issue(String id) {
        InvoiceRecord inv = lockVisible(id);
        if (inv.status() != InvoiceStatus.DRAFT) {
            throw new SevaException(ErrorCode.INVOICE_STATE, "Only a draft can be issued; this invoice is "
                    + inv.status() + ".");
        }
        number(inv);
        audit.record(tenants.current().id(), "INVOICE_ISSUED", "invoice", inv.getId(), inv.getNumber());
        return view(inv, true);
    }

    /** Voids a draft or an unpaid issued invoice. */
    public InvoiceView voidInvoice(String id) {
        InvoiceRecord inv = lockVisible(id);
        if ((inv.status() != InvoiceStatus.DRAFT && inv.status() != InvoiceStatus.ISSUED) || inv.getPaidPaise() > 0) {
            throw new SevaException(ErrorCode.INVOICE_STATE, "Only a draft or an unpaid issued invoice can be"
                    + " voided; this invoice is " + inv.status() + ".");
        }
        inv.voided();
        audit.record(tenants.current().id(), "INVOICE_VOIDED", "invoice", inv.getId(), inv.getNumber());
        return view(inv, true);
    }

    /** @return the invoice with lines, payments and refunds; 404 when not visible */
    public InvoiceView get(String id) {
        return view(requireVisible(id), true);
    }

    /** @return a page of the invoices the caller may see, newest first */
    public Page<InvoiceView> page(int page, int size, String entityId, String status) {
        Checks.paging(page, size);
        Checks c = new Checks();
        InvoiceStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = InvoiceStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                c.add("status", "must be one of DRAFT, ISSUED, PAID, PARTIALLY_REFUNDED, REFUNDED, VOID");
            }
        }
        c.throwIfAny();
        Optional<Set<String>> visible = entities.restrictedTo();
        if (visible.isPresent() && visible.get().isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (visible.isPresent()) {
            where.append(" AND i.entityId IN :visible");
        }
        if (entityId != null && !entityId.isBlank()) {
            where.append(" AND i.entityId = :entity");
        }
        if (st != null) {
            where.append(" AND i.status = :status");
        }
        EntityManager em = unit.em();
        var q = em.createQuery("SELECT i FROM Invoice i" + where + " ORDER BY i.createdAt DESC, i.id",
                InvoiceRecord.class);
        var n = em.createQuery("SELECT COUNT(i) FROM Invoice i" + where, Long.class);
        if (visible.isPresent()) {
            q.setParameter("visible", visible.get());
            n.setParameter("visible", visible.get());
        }
        if (entityId != null && !entityId.isBlank()) {
            q.setParameter("entity", entityId.strip());
            n.setParameter("entity", entityId.strip());
        }
        if (st != null) {
            q.setParameter("status", st.name());
            n.setParameter("status", st.name());
        }
        List<InvoiceView> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(i -> view(i, false)).toList();
        return new Page<>(items, page, size, n.getSingleResult());
    }

    /** @return the invoice if the caller may see it (its entity is visible), else 404 */
    InvoiceRecord requireVisible(String id) {
        InvoiceRecord inv = id == null || id.length() > 36 ? null : unit.em().find(InvoiceRecord.class, id);
        return checkVisible(inv);
    }

    /** Same as {@link #requireVisible(String)}, with the row locked for update. */
    InvoiceRecord lockVisible(String id) {
        InvoiceRecord inv = id == null || id.length() > 36
                ? null
                : unit.em().find(InvoiceRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
        return checkVisible(inv);
    }

    private InvoiceRecord checkVisible(InvoiceRecord inv) {
        if (inv == null) {
            throw SevaException.notFound("Invoice");
        }
        Optional<Set<String>> visible = entities.restrictedTo();
        if (visible.isPresent() && !visible.get().contains(inv.getEntityId())) {
            throw SevaException.notFound("Invoice");
        }
        return inv;
    }

    private void number(InvoiceRecord inv) {
        TenantId tenant = tenants.current().id();
        FinancialYear fy = FinancialYear.of(LocalDate.now(IST));
        Number next = (Number) unit.em().createNativeQuery("INSERT INTO invoice_counter (tenant_id, financial_year,"
                + " last_value) VALUES (?1, ?2, 1) ON CONFLICT (tenant_id, financial_year) DO UPDATE SET last_value ="
                + " invoice_counter.last_value + 1 RETURNING last_value").setParameter(1, tenant.value())
                .setParameter(2, fy.label()).getSingleResult();
        String number = InvoiceNumbers.format(settings.invoicePrefix(), fy, next.longValue()).orElseThrow(
                () -> new SevaException(ErrorCode.INVOICE_NUMBERS_EXHAUSTED, "Invoice number " + next
                        + " would exceed GST's 16 characters with this prefix; set a shorter invoicePrefix."));
        inv.issue(number, fy.label());
    }

    /** The category of the line with the largest taxable value (first such line on a tie). */
    private static String mainCategory(List<NewLine> lines, List<GstCalculator.Line> gst) {
        String best = null;
        long max = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (gst.get(i).amountPaise() > max) {
                max = gst.get(i).amountPaise();
                best = blankToNull(lines.get(i).serviceCategory());
            }
        }
        return best;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    InvoiceView view(InvoiceRecord i, boolean full) {
        List<LineView> lines = null;
        List<PaymentView> payments = null;
        List<RefundView> refunds = null;
        if (full) {
            EntityManager em = unit.em();
            lines = em.createQuery("SELECT l FROM InvoiceLine l WHERE l.invoiceId = :i", InvoiceLineRecord.class)
                    .setParameter("i", i.getId()).getResultList().stream()
                    .sorted(Comparator.comparingInt(InvoiceLineRecord::getLineNo))
                    .map(l -> new LineView(l.getLineNo(), l.getDescription(), l.getSac(), l.getServiceCategory(),
                            l.getAmountPaise(), l.getGstRatePercent(), l.getCgstPaise(), l.getSgstPaise(),
                            l.getIgstPaise()))
                    .toList();
            payments = em.createQuery("SELECT p FROM Payment p WHERE p.invoiceId = :i ORDER BY p.createdAt",
                    PaymentRecord.class).setParameter("i", i.getId()).getResultList().stream()
                    .map(p -> new PaymentView(p.getRazorpayPaymentId(), p.getRazorpayOrderId(), p.getAmountPaise(),
                            p.status().name(), p.getSource(), p.getCapturedAt()))
                    .toList();
            refunds = em.createQuery("SELECT r FROM Refund r WHERE r.invoiceId = :i ORDER BY r.createdAt",
                    RefundRecord.class).setParameter("i", i.getId()).getResultList().stream()
                    .map(RefundService::view).toList();
        }
        return new InvoiceView(i.getId(), i.getNumber(), i.getFinancialYear(), i.status(), i.getEntityId(),
                i.getEntityName(), i.getEntityGstin(), i.getFirmState(), i.getPlaceOfSupply(),
                GstCalculator.isInterState(i.getFirmState(), i.getPlaceOfSupply()), "INR", i.getTaxablePaise(),
                i.getCgstPaise(), i.getSgstPaise(), i.getIgstPaise(), i.getTotalPaise(), i.getPaidPaise(),
                i.getRefundedPaise(), i.duePaise(), i.getServiceCategory(), i.getRazorpayOrderId(), i.getIssuedAt(),
                i.getCreatedAt(), i.getUpdatedAt(), lines, payments, refunds);
    }
}
