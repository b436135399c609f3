package dev.seva.payments;

/**
 * An invoice's status. It only moves forward: {@code DRAFT → ISSUED → PAID → PARTIALLY_REFUNDED → REFUNDED}, and
 * {@code DRAFT | ISSUED → VOID}. An invoice is created {@code ISSUED} (numbered, payable) unless the request says
 * {@code draft: true}; a draft has no number until it is issued. After a payment, the status follows the amounts,
 * which only grow: paid ≥ total → PAID; then any refund → PARTIALLY_REFUNDED; refunded ≥ paid → REFUNDED.
 */
public enum InvoiceStatus {
    /** being prepared: no number, not payable */
    DRAFT,
    /** numbered and payable */
    ISSUED,
    /** paid in full */
    PAID,
    /** paid, and part of it refunded */
    PARTIALLY_REFUNDED,
    /** paid, and all of it refunded */
    REFUNDED,
    /** cancelled before payment */
    VOID
}
