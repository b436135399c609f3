/**
 * The payments REST API under {@code /api/v1}: payment settings, invoices (with HTML and PDF), checkout,
 * verification, refunds, the Razorpay webhook and its log. Thin: validation and rules live in the services.
 */
package dev.seva.payments.rest;
