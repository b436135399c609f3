package dev.seva.documents;

/** The firm's review of a document's newest version; a new version starts again at {@link #PENDING_REVIEW}. */
public enum ReviewState {
    /** nobody has reviewed the newest version yet */
    PENDING_REVIEW,
    /** staff approved the newest version */
    APPROVED,
    /** staff rejected it: the client is asked for a new version */
    REJECTED
}
