package dev.seva.documents.internal;

/**
 * A file that was streamed into the blob store (encrypted) and checked.
 *
 * @param versionId the version id: blob key and encryption associated data
 * @param mediaType the type Tika detected from the bytes
 * @param size its size in bytes (plaintext)
 * @param sha256 hex SHA-256 of the plaintext
 * @param originalName the client's file name, only shown back, never trusted
 */
public record StoredFile(String versionId, String mediaType, long size, String sha256, String originalName) {
}
