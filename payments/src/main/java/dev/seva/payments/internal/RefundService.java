package dev.seva.payments.internal;

/** Views of refunds. */
final class RefundService {

    private RefundService() {
    }

    static InvoiceService.RefundView view(RefundRecord r) {
        return new InvoiceService.RefundView(r.getId(), r.getRazorpayRefundId(), r.getRazorpayPaymentId(),
                r.getAmountPaise(), r.status().name(), r.getReason(), r.getCreatedAt(), r.getProcessedAt());
    }
}
