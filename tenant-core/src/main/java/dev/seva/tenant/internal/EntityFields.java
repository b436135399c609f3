package dev.seva.tenant.internal;

import dev.seva.tenant.EntityType;

/** The validated, normalised fields of a business entity. */
record EntityFields(String legalName, EntityType type, String pan, String gstin, String cin, String llpin,
        String state, String address) {
}
