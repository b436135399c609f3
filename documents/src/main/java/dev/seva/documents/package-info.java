/**
 * The document vault's public types: what a document is ({@link dev.seva.documents.DocumentType},
 * {@link dev.seva.documents.DocumentStatus}, {@link dev.seva.documents.ReviewState}) and the KYC reading of a text
 * ({@link dev.seva.documents.KycReader}) that other modules may reuse. Depends on seva-sdk and tenant-core's public
 * facades only.
 */
package dev.seva.documents;
