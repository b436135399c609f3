/**
 * Payments: invoices with GST ({@link dev.seva.payments.GstCalculator}), per-tenant per-financial-year invoice
 * numbers ({@link dev.seva.payments.FinancialYear}), Razorpay checkout, webhooks, refunds and reconciliation. Fires
 * {@link dev.seva.sdk.events.PaymentCaptured} and {@link dev.seva.sdk.events.PaymentRefunded} exactly once per
 * payment and refund. Depends on the sdk and tenant-core's public facades only.
 */
package dev.seva.payments;
