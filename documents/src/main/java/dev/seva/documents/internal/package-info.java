/**
 * The vault's implementation: JPA entities ({@code *Record}), the upload and processing services, the technology
 * adapters named after their technology ({@link dev.seva.documents.internal.TikaContentInspector},
 * {@link dev.seva.documents.internal.Tess4jOcrEngine}, {@link dev.seva.documents.internal.FileSystemBlobStore}).
 * Nothing outside the module uses this package; it may use seva-sdk, tenant-core's public facades and the libraries.
 */
package dev.seva.documents.internal;
