package dev.seva.sdk;

import java.util.EnumSet;
import java.util.Set;

/**
 * The seven roles of Seva. A user holds one or more of them inside one tenant; {@link #PLATFORM_ADMIN} is held
 * only by the operators of the platform, who belong to no tenant. Role names are the MP-JWT {@code groups}.
 */
public enum Role {
    /** Operates the SaaS: creates, suspends and lists tenants. Tenant-less. */
    PLATFORM_ADMIN,
    /** Runs one firm's portal: users, settings, branding. */
    TENANT_ADMIN,
    /** Firm staff with approval rights. */
    MANAGER,
    /** Firm staff. */
    STAFF,
    /** Brings in clients and earns commissions; sees only their own leads and commissions. */
    AGENT,
    /** A client of the firm; sees only the business entities they are a member of. */
    CLIENT,
    /** Read-only; sees the audit log. */
    AUDITOR;

    /** Roles that see every business entity of their tenant. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(TENANT_ADMIN, MANAGER, STAFF, AUDITOR);

    /** Role names as used in {@code @RolesAllowed}. */
    public static final class Names {
        /** {@link Role#PLATFORM_ADMIN} */
        public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
        /** {@link Role#TENANT_ADMIN} */
        public static final String TENANT_ADMIN = "TENANT_ADMIN";
        /** {@link Role#MANAGER} */
        public static final String MANAGER = "MANAGER";
        /** {@link Role#STAFF} */
        public static final String STAFF = "STAFF";
        /** {@link Role#AGENT} */
        public static final String AGENT = "AGENT";
        /** {@link Role#CLIENT} */
        public static final String CLIENT = "CLIENT";
        /** {@link Role#AUDITOR} */
        public static final String AUDITOR = "AUDITOR";

        private Names() {
        }
    }
}
