package dev.seva.sdk;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of one tenant (one firm): the UUID that every tenant-owned row carries in its {@code tenant_id}
 * column. It never changes, unlike the tenant's slug or domains.
 *
 * <p>
 * {@link #PLATFORM} is reserved for records of the platform itself (for example the platform's own audit trail); no
 * firm ever has that id.
 *
 * @param value the canonical, lower-case UUID string
 */
public record TenantId(String value) {

    /** The reserved id under which platform-level (tenant-less) records are kept. */
    public static final TenantId PLATFORM = new TenantId("00000000-0000-0000-0000-000000000000");

    /**
     * @param value a UUID string
     * @throws IllegalArgumentException when {@code value} is not a UUID
     */
    public TenantId {
        Objects.requireNonNull(value, "value");
        value = UUID.fromString(value).toString();
    }

    /** @return a new, random tenant id */
    public static TenantId random() {
        return new TenantId(UUID.randomUUID().toString());
    }

    /** @return whether this is the reserved {@link #PLATFORM} id */
    public boolean isPlatform() {
        return PLATFORM.equals(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
