/**
 * Agents and commissions: agents in a tree, the entities they referred, versioned commission plans and an immutable
 * commission ledger written from {@link dev.seva.sdk.events.PaymentCaptured} and
 * {@link dev.seva.sdk.events.PaymentRefunded} in the payment's transaction. {@link dev.seva.agents.CommissionMath}
 * holds the arithmetic and its rounding rule.
 */
package dev.seva.agents;
