package dev.seva.tenant;

/**
 * The plans a tenant can be on. Limits that depend on the plan (request rate, upload size, ...) are configured per
 * plan by the module that enforces them.
 */
public enum Plan {
    /** trial */
    FREE,
    /** small firm */
    STARTER,
    /** the default */
    PROFESSIONAL,
    /** large firm */
    ENTERPRISE
}
