package dev.seva.sdk;

/**
 * Every error Seva answers with, one registry for all modules. The {@link #code()} is the stable, machine-readable
 * {@code code} of the problem+json response; clients may rely on it, so a code is never renamed or reused (a unit
 * test keeps them unique). Modules add their codes here, grouped by area.
 */
public enum ErrorCode {
    // --- request shape (400)
    /** One or more fields are invalid; see {@code errors[]}. */
    VALIDATION_FAILED("VALIDATION_FAILED", 400, "Invalid request"),
    /** The body is not valid JSON or does not fit the expected shape. */
    MALFORMED_REQUEST("MALFORMED_REQUEST", 400, "Malformed request"),
    /** The endpoint needs a tenant and none was named. */
    TENANT_REQUIRED("TENANT_REQUIRED", 400, "Tenant required"),
    /** A PAN that is not a valid PAN. */
    INVALID_PAN("INVALID_PAN", 400, "Invalid PAN"),
    /** A GSTIN that is malformed or whose check character is wrong. */
    INVALID_GSTIN("INVALID_GSTIN", 400, "Invalid GSTIN"),
    /** A CIN that is not a valid corporate identity number. */
    INVALID_CIN("INVALID_CIN", 400, "Invalid CIN"),
    /** An LLPIN that is not a valid LLP identification number. */
    INVALID_LLPIN("INVALID_LLPIN", 400, "Invalid LLPIN"),

    // --- authentication (401)
    /** No credentials, or credentials that could not be validated. */
    AUTHENTICATION_REQUIRED("AUTHENTICATION_REQUIRED", 401, "Authentication required"),
    /** Wrong e-mail or password; the same answer for an unknown user. */
    INVALID_CREDENTIALS("INVALID_CREDENTIALS", 401, "Invalid credentials"),
    /** Password accepted; the account has a second factor and no valid TOTP or recovery code was given. */
    TOTP_REQUIRED("TOTP_REQUIRED", 401, "Second factor required"),
    /** The token was issued for another tenant than the one this request is for. */
    TENANT_MISMATCH("TENANT_MISMATCH", 401, "Token not valid for this tenant"),

    /** The API key is unknown (in this tenant), malformed or revoked. */
    API_KEY_INVALID("API_KEY_INVALID", 401, "Invalid API key"),

    // --- authorization (403)
    /** The principal's roles do not allow this. */
    FORBIDDEN("FORBIDDEN", 403, "Forbidden"),
    /** The API key's scopes do not cover this call, or API keys cannot make it at all. */
    API_KEY_SCOPE_MISSING("API_KEY_SCOPE_MISSING", 403, "API key scope missing"),
    /** The tenant is suspended. */
    TENANT_SUSPENDED("TENANT_SUSPENDED", 403, "Tenant suspended"),

    // --- not found (404), also for another tenant's ids
    /** No such resource, or it belongs to another tenant. */
    NOT_FOUND("NOT_FOUND", 404, "Not found"),
    /** The host or header names no known tenant. */
    TENANT_NOT_FOUND("TENANT_NOT_FOUND", 404, "Unknown tenant"),

    // --- HTTP protocol
    /** The method is not supported on this resource. */
    METHOD_NOT_ALLOWED("METHOD_NOT_ALLOWED", 405, "Method not allowed"),
    /** No representation matches the request's Accept header. */
    NOT_ACCEPTABLE("NOT_ACCEPTABLE", 406, "Not acceptable"),

    // --- conflicts (409)
    /** The slug is used by another tenant. */
    TENANT_SLUG_TAKEN("TENANT_SLUG_TAKEN", 409, "Slug taken"),
    /** A domain is registered to another tenant. */
    TENANT_DOMAIN_TAKEN("TENANT_DOMAIN_TAKEN", 409, "Domain taken"),
    /** The e-mail is used by another user of this tenant. */
    EMAIL_TAKEN("EMAIL_TAKEN", 409, "E-mail taken"),
    /** The account's second factor is enabled already. */
    TOTP_ALREADY_ENABLED("TOTP_ALREADY_ENABLED", 409, "Second factor already enabled"),
    /** The user is already a member of the entity. */
    ALREADY_MEMBER("ALREADY_MEMBER", 409, "Already a member"),
    /** The request conflicts with data stored meanwhile (for example a duplicate created concurrently). */
    CONFLICT("CONFLICT", 409, "Conflict"),
    /** The resource was changed by someone else meanwhile. */
    CONCURRENT_MODIFICATION("CONCURRENT_MODIFICATION", 409, "Concurrent modification"),

    /**
     * Stored data failed its integrity check (its authentication tag does not match: altered on disk, or its key
     * is gone); nothing of it is returned.
     */
    DATA_INTEGRITY_FAILED("DATA_INTEGRITY_FAILED", 409, "Stored data failed its integrity check"),

    // --- payload (413, 415)
    /** The body is larger than allowed. */
    PAYLOAD_TOO_LARGE("PAYLOAD_TOO_LARGE", 413, "Payload too large"),
    /** The body's media type is not accepted. */
    UNSUPPORTED_MEDIA_TYPE("UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported media type"),

    // --- business rules (422)
    /** The tenant would be left without an active tenant admin. */
    LAST_TENANT_ADMIN("LAST_TENANT_ADMIN", 422, "Last tenant admin"),
    /** The TOTP code does not match (enrolment confirmation). */
    TOTP_INVALID("TOTP_INVALID", 422, "Invalid code"),
    /** An SVG with scripts, event handlers, external references or elements outside the allow-list. */
    UNSAFE_SVG("UNSAFE_SVG", 422, "Unsafe SVG"),
    /** A user cannot delete themselves. */
    CANNOT_DELETE_SELF("CANNOT_DELETE_SELF", 422, "Cannot delete yourself"),

    // --- limits (429)
    /** Too many requests; retry after the time in {@code Retry-After}. */
    RATE_LIMITED("RATE_LIMITED", 429, "Too many requests"),

    // --- server (5xx)
    /** An unexpected failure; the response carries a request id to quote. */
    INTERNAL_ERROR("INTERNAL_ERROR", 500, "Internal error"),
    /** A dependency (the database) is not available. */
    SERVICE_UNAVAILABLE("SERVICE_UNAVAILABLE", 503, "Service unavailable"),
    /**
     * Every password check of this node is taken (each Argon2 check holds about 19 MiB, so they run behind a bounded
     * number of permits) and none came free in time; retry after the seconds in {@code Retry-After}.
     */
    SIGN_IN_BUSY("SIGN_IN_BUSY", 503, "Sign-in busy"),

    // --- documents (the vault)
    /** An Aadhaar number that is malformed or fails its Verhoeff check digit. */
    INVALID_AADHAAR("INVALID_AADHAAR", 400, "Invalid Aadhaar number"),
    /** An IFSC that is not a valid bank branch code. */
    INVALID_IFSC("INVALID_IFSC", 400, "Invalid IFSC"),
    /** The uploaded file is empty. */
    DOCUMENT_EMPTY("DOCUMENT_EMPTY", 400, "Empty document"),
    /** The uploaded file is larger than the tenant's plan allows; the detail names the limit. */
    DOCUMENT_TOO_LARGE("DOCUMENT_TOO_LARGE", 413, "Document too large"),
    /** The file's type, detected from its bytes (not its name), is not on the allow-list; the detail names it. */
    DOCUMENT_TYPE_NOT_ALLOWED("DOCUMENT_TYPE_NOT_ALLOWED", 415, "Document type not allowed"),
    /** The stored document failed its integrity check (authenticated decryption or hash): never served. */
    DOCUMENT_INTEGRITY_FAILED("DOCUMENT_INTEGRITY_FAILED", 409, "Document integrity check failed"),
    /** The document is under legal hold and cannot be deleted. */
    DOCUMENT_LEGAL_HOLD("DOCUMENT_LEGAL_HOLD", 409, "Document under legal hold"),
    /** The document's retention period has not ended; it cannot be deleted yet. */
    DOCUMENT_RETAINED("DOCUMENT_RETAINED", 409, "Document under retention"),
    /** A requirement for this entity type and document type exists already. */
    DOCUMENT_REQUIREMENT_EXISTS("DOCUMENT_REQUIREMENT_EXISTS", 409, "Requirement exists"),

    // --- payments (issue 5)
    /** The tenant has not configured its payment gateway keys. */
    PAYMENTS_NOT_CONFIGURED("PAYMENTS_NOT_CONFIGURED", 422, "Payments not configured"),
    /** The invoice's status does not allow this (paying a draft or void invoice, refunding an unpaid one). */
    INVOICE_STATE("INVOICE_STATE", 422, "Invoice state does not allow this"),
    /** A refund larger than what was paid and not yet refunded. */
    REFUND_EXCEEDS_PAID("REFUND_EXCEEDS_PAID", 422, "Refund exceeds the refundable amount"),
    /** A checkout signature that does not match the order and payment. */
    PAYMENT_SIGNATURE_INVALID("PAYMENT_SIGNATURE_INVALID", 400, "Invalid payment signature"),
    /** A webhook whose signature is missing or does not match its body. */
    WEBHOOK_SIGNATURE_INVALID("WEBHOOK_SIGNATURE_INVALID", 400, "Invalid webhook signature"),
    /** The payment gateway refused the request or could not be reached. */
    PAYMENT_GATEWAY_ERROR("PAYMENT_GATEWAY_ERROR", 502, "Payment gateway error"),
    /** The payment gateway is unavailable (timeouts, open circuit); try again later. */
    PAYMENT_GATEWAY_UNAVAILABLE("PAYMENT_GATEWAY_UNAVAILABLE", 503, "Payment gateway unavailable"),
    /** The year's next invoice number would exceed GST's 16 characters with the tenant's prefix. */
    INVOICE_NUMBERS_EXHAUSTED("INVOICE_NUMBERS_EXHAUSTED", 422, "Invoice numbers exhausted for the prefix"),

    // --- browser sign-in (auth): cookies, CSRF, second-factor policy
    /**
     * A state-changing call authenticated by the {@code seva_token} cookie without {@code X-CSRF-Token} equal to the
     * {@code seva_csrf} cookie (or a sign-out form without the matching {@code csrf} field).
     */
    CSRF_FAILED("CSRF_FAILED", 403, "CSRF check failed"),
    /**
     * The tenant requires a second factor for staff (or the caller is a platform admin, who always needs one); this
     * user must enrol TOTP before anything else.
     */
    TOTP_ENROLMENT_REQUIRED("TOTP_ENROLMENT_REQUIRED", 403, "Second factor enrolment required"),
    /**
     * A tenant's OIDC issuer (or a URL its discovery document names) is not {@code https}, or resolves to a private,
     * link-local, loopback or otherwise internal address: the server does not call inside its own network.
     */
    OIDC_ISSUER_NOT_ALLOWED("OIDC_ISSUER_NOT_ALLOWED", 400, "OIDC issuer not allowed"),

    // --- agents and commissions (issue 6)
    /** The new parent agent is in the agent's own downline (or is the agent): the tree would get a cycle. */
    AGENT_HIERARCHY_CYCLE("AGENT_HIERARCHY_CYCLE", 422, "Agent hierarchy cycle"),
    /** The business entity was referred by another agent already; attribution is fixed once recorded. */
    AGENT_ATTRIBUTION_FIXED("AGENT_ATTRIBUTION_FIXED", 409, "Referring agent already recorded"),
    /**
     * A lead with the same normalised phone number or e-mail exists in the tenant; the problem's
     * {@code existingLeadId} names it.
     */
    LEAD_DUPLICATE("LEAD_DUPLICATE", 409, "Duplicate lead"),
    /** The lead's stage cannot change that way (stages only move forward; CONVERTED only by converting). */
    LEAD_STAGE_INVALID("LEAD_STAGE_INVALID", 409, "Lead stage change not allowed"),
    /** A payout run for a period end before the tenant's latest run (runs go forward in time). */
    PAYOUT_PERIOD_INVALID("PAYOUT_PERIOD_INVALID", 422, "Payout period not allowed");

    private static final String TYPE_PREFIX = "urn:seva:problem:";

    private final String code;
    private final int status;
    private final String title;

    ErrorCode(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** @return the stable code, the problem's {@code code} member */
    public String code() {
        return code;
    }

    /** @return the HTTP status this error is answered with */
    public int status() {
        return status;
    }

    /** @return a short, fixed, human-readable summary, the problem's {@code title} */
    public String title() {
        return title;
    }

    /** @return the problem's {@code type} URI */
    public String type() {
        return TYPE_PREFIX + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
