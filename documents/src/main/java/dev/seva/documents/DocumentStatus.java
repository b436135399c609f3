package dev.seva.documents;

/** Where a document's newest version is in the processing pipeline. */
public enum DocumentStatus {
    /** stored; text extraction, OCR and classification are under way */
    PROCESSING,
    /** processed: text, classification and fields are available (OCR may be marked unavailable) */
    READY,
    /** processing failed; the document carries the reason (the file stays stored and downloadable) */
    FAILED
}
