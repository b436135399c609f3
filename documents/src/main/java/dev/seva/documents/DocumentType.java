package dev.seva.documents;

/** What a document is, declared at upload, recognised by the classifier, or corrected by staff. */
public enum DocumentType {
    /** Permanent Account Number card of a person or a company. */
    PAN_CARD,
    /** Aadhaar letter or card (only the last four digits are ever kept). */
    AADHAAR,
    /** GST registration certificate (Form GST REG-06). */
    GST_CERTIFICATE,
    /** Certificate of incorporation issued by the Registrar of Companies. */
    INCORPORATION_CERTIFICATE,
    /** A cancelled cheque (bank account proof). */
    CANCELLED_CHEQUE,
    /** A bank account statement. */
    BANK_STATEMENT,
    /** A tax invoice. */
    INVOICE,
    /** Anything else. */
    OTHER
}
