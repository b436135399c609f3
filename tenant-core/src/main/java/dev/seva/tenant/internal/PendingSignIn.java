package dev.seva.tenant.internal;

import java.io.Serializable;

/**
 * A browser sign-in whose password was right and whose second factor is due, kept in the HTTP session for
 * {@link #TTL_MILLIS}. It holds no password.
 *
 * @param email the normalised e-mail
 * @param host the Host the password was given on (the code must come to the same tenant)
 * @param createdAt when the password was checked, epoch milliseconds
 * @param next where to land afterwards (already checked to be safe)
 */
record PendingSignIn(String email, String host, long createdAt, String next) implements Serializable {

    /** The session attribute. */
    static final String ATTRIBUTE = "seva.login.pending";
    /** How long the code may take. */
    static final long TTL_MILLIS = 5 * 60 * 1000L;

    boolean expired(long now) {
        return now - createdAt > TTL_MILLIS || now < createdAt;
    }
}
