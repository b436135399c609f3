package dev.seva.payments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Money taken on voided invoices ({@code UNAPPLIED} payments, see {@link Ledger}): what the firm owes back, for the
 * reconciliation page. Refunded through the invoice's refunds like any payment, without touching the invoice's
 * amounts or the commission ledger.
 */
@ApplicationScoped
public class UnappliedPayments {

    @Inject
    PaymentsUnit unit;

    /**
     * An unapplied payment and what is left to give back.
     *
     * @param refundDuePaise the amount minus refunds processed or under way
     */
    public record UnappliedView(String paymentId, String orderId, String invoiceId, String invoiceNumber,
            String invoiceStatus, long amountPaise, long refundedPaise, long refundPendingPaise, long refundDuePaise,
            String source, OffsetDateTime capturedAt) {
    }

    /** @return the current tenant's unapplied payments, newest first (at most 200) */
    @Transactional
    public List<UnappliedView> list() {
        EntityManager em = unit.em();
        List<PaymentRecord> payments = em.createQuery("SELECT p FROM Payment p WHERE p.status = 'UNAPPLIED' ORDER BY"
                + " p.capturedAt DESC, p.id", PaymentRecord.class).setMaxResults(200).getResultList();
        if (payments.isEmpty()) {
            return List.of();
        }
        List<String> invoiceIds = payments.stream().map(PaymentRecord::getInvoiceId).distinct().toList();
        Map<String, InvoiceRecord> invoices = em.createQuery("SELECT i FROM Invoice i WHERE i.id IN :ids",
                InvoiceRecord.class).setParameter("ids", invoiceIds).getResultList().stream()
                .collect(Collectors.toMap(InvoiceRecord::getId, Function.identity()));
        List<RefundRecord> refunds = em.createQuery("SELECT r FROM Refund r WHERE r.invoiceId IN :ids",
                RefundRecord.class).setParameter("ids", invoiceIds).getResultList();
        return payments.stream().map(p -> {
            long refunded = sum(refunds, p, true);
            long pending = sum(refunds, p, false);
            InvoiceRecord inv = invoices.get(p.getInvoiceId());
            return new UnappliedView(p.getRazorpayPaymentId(), p.getRazorpayOrderId(), p.getInvoiceId(),
                    inv == null ? null : inv.getNumber(), inv == null ? null : inv.status().name(),
                    p.getAmountPaise(), refunded, pending, Math.max(0, p.getAmountPaise() - refunded - pending),
                    p.getSource(), p.getCapturedAt());
        }).toList();
    }

    private static long sum(List<RefundRecord> refunds, PaymentRecord p, boolean processed) {
        return refunds.stream().filter(r -> r.getRazorpayPaymentId().equals(p.getRazorpayPaymentId()))
                .filter(r -> processed
                        ? r.status() == RefundRecord.Status.PROCESSED
                        : r.status() == RefundRecord.Status.REQUESTED || r.status() == RefundRecord.Status.PENDING)
                .mapToLong(RefundRecord::getAmountPaise).sum();
    }
}
