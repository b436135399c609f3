/**
 * The payments module's implementation: JPA records, services, the Razorpay adapter ({@code RazorpayGateway}),
 * webhook processing and reconciliation. Not for other modules: they use the sdk events and the REST API.
 */
package dev.seva.payments.internal;
