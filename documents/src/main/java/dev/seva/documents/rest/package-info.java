/**
 * The vault's JAX-RS resources ({@code /api/v1/documents}, {@code /api/v1/entities/{id}/documents} and
 * {@code /checklist}, {@code /api/v1/document-requirements}) and the streaming multipart reader. Resources only
 * translate HTTP; every rule lives in {@code dev.seva.documents.internal}.
 */
package dev.seva.documents.rest;
