package dev.seva.documents.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * Reads a {@code multipart/form-data} body as a stream (Commons FileUpload's streaming API): small form fields are
 * collected, the one file part is handed to a consumer as an {@link InputStream} while it arrives, so nothing is
 * buffered in memory or spooled to disk in plaintext (the Servlet multipart API would spool large parts to a
 * temporary file unencrypted).
 */
final class MultipartUpload {

    /** What to do with the file part's bytes. */
    interface FileConsumer<T> {
        T accept(InputStream bytes, String fileName) throws IOException;
    }

    /** The form fields and what the consumer made of the file. */
    record Parsed<T>(Map<String, String> fields, T file) {
    }

    private static final int MAX_FIELD = 2000;
    /**
     * The most parts a body may have: the file and a few fields are all an upload needs (the streaming parser, unlike
     * its {@code parseRequest}, does not enforce Commons FileUpload's own file-count limit). Each part's header block is
     * limited by the parser itself to 512 bytes ({@code MultipartInput.DEFAULT_PART_HEADER_SIZE_MAX}).
     */
    static final int MAX_PARTS = 16;

    private MultipartUpload() {
    }

    /** The streaming parser; only {@link #getItemIterator(RequestContext)} is used. */
    private static final class Parser extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(RequestContext request) throws FileUploadException, IOException {
            return super.getItemIterator(request);
        }

        @Override
        public Map<String, java.util.List<DiskFileItem>> parseParameterMap(RequestContext request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.List<DiskFileItem> parseRequest(RequestContext request) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * @param maxBytes the most bytes the whole body may have (also when it is sent chunked, without a length)
     */
    static <T> Parsed<T> read(InputStream body, String contentType, long contentLength, long maxBytes,
            String fileField, FileConsumer<T> consumer, java.util.function.Consumer<T> discard) throws IOException {
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new SevaException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the file as multipart/form-data.");
        }
        RequestContext ctx = new RequestContext() {
            @Override
            public String getCharacterEncoding() {
                return StandardCharsets.UTF_8.name();
            }

            @Override
            public long getContentLength() {
                return contentLength;
            }

            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public InputStream getInputStream() {
                return body;
            }

            @Override
            public boolean isMultipartRelated() {
                return false;
            }
        };
        Map<String, String> fields = new HashMap<>();
        T file = null;
        int parts = 0;
        try {
            Parser parser = new Parser();
            parser.setSizeMax(maxBytes);
            FileItemInputIterator it = parser.getItemIterator(ctx);
            while (it.hasNext()) {
                FileItemInput item = it.next();
                if (++parts > MAX_PARTS) {
                    throw new SevaException(ErrorCode.PAYLOAD_TOO_LARGE, "A multipart body has at most " + MAX_PARTS
                            + " parts: the file and its fields.");
                }
                if (item.isFormField()) {
                    try (InputStream in = item.getInputStream()) {
                        byte[] b = in.readNBytes(MAX_FIELD + 1);
                        if (b.length > MAX_FIELD) {
                            throw SevaException.invalidField(item.getFieldName(), "must be at most " + MAX_FIELD
                                    + " characters");
                        }
                        fields.put(item.getFieldName(), new String(b, StandardCharsets.UTF_8));
                    }
                } else if (fileField.equals(item.getFieldName())) {
                    if (file != null) {
                        throw SevaException.invalidField(fileField, "send one file per request");
                    }
                    try (InputStream in = item.getInputStream()) {
                        file = consumer.accept(in, item.getName());
                    }
                }
                // other file parts are skipped (the iterator drains them)
            }
        } catch (FileUploadSizeException e) {
            discardQuietly(file, discard);
            if (e.getPermitted() == maxBytes) {
                throw new SevaException(ErrorCode.PAYLOAD_TOO_LARGE, "The multipart body is larger than allowed.");
            }
            // a part's header block over the parser's limit
            throw new SevaException(ErrorCode.MALFORMED_REQUEST, "The multipart body is malformed.");
        } catch (FileUploadException e) {
            discardQuietly(file, discard);
            throw new SevaException(ErrorCode.MALFORMED_REQUEST, "The multipart body is malformed.");
        } catch (IOException e) {
            discardQuietly(file, discard);
            if (e.getClass().getName().contains("MultipartInput")) {
                throw new SevaException(ErrorCode.MALFORMED_REQUEST, "The multipart body is malformed.");
            }
            throw e;
        } catch (RuntimeException e) {
            discardQuietly(file, discard);
            throw e;
        }
        if (file == null) {
            throw SevaException.invalidField(fileField, "is required: a multipart part named \"" + fileField
                    + "\" with the file");
        }
        return new Parsed<>(fields, file);
    }

    private static <T> void discardQuietly(T file, java.util.function.Consumer<T> discard) {
        if (file != null) {
            discard.accept(file);
        }
    }
}
