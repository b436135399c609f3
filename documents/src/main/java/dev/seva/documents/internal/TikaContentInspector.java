package dev.seva.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Content detection and text extraction with Apache Tika. Detection reads the <b>bytes only</b> (no file name is
 * given to Tika, so a renamed executable is named for what it is); text extraction always has a write limit (a zip
 * bomb or a huge text would otherwise fill the heap) and never OCRs (the vault OCRs with Tess4J itself). Thread-safe.
 */
public final class TikaContentInspector {

    /** The types the vault accepts, as detected by Tika, with the name shown to users. */
    static final Map<String, String> ALLOWED = Map.ofEntries(Map.entry("application/pdf", "PDF"),
            Map.entry("image/png", "PNG"), Map.entry("image/jpeg", "JPEG"), Map.entry("image/tiff", "TIFF"),
            Map.entry("image/webp", "WebP"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
            Map.entry("application/vnd.oasis.opendocument.text", "ODT"), Map.entry("text/plain", "plain text"),
            Map.entry("text/csv", "CSV"));

    /** Image types that are OCRed directly. */
    static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/tiff", "image/webp");

    private static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
    private static final Detector DETECTOR = CONFIG.getDetector();

    private TikaContentInspector() {
    }

    /**
     * @param bytes the file's bytes, from the start (read as far as the detectors need; not closed here)
     * @return the detected media type without parameters, for example {@code application/pdf}
     */
    public static String detect(InputStream bytes) throws IOException {
        // TikaInputStream.get(InputStream): no file name hint (the Path variants add one)
        try (TikaInputStream in = TikaInputStream.get(new NonClosing(bytes))) {
            MediaType t = DETECTOR.detect(in, new Metadata());
            return t.getBaseType().toString();
        }
    }

    /** @return whether the vault accepts this detected type */
    public static boolean allowed(String mediaType) {
        return ALLOWED.containsKey(mediaType);
    }

    /**
     * The text of a digital document.
     *
     * @param in the bytes (closed here)
     * @param writeLimit the most characters kept; the rest is dropped and {@link Text#truncated()} says so
     * @return the text and page count (PDF), or a failure reason for a malformed file
     */
    public static Text extract(InputStream in, int writeLimit) throws IOException {
        AutoDetectParser parser = new AutoDetectParser(CONFIG);
        BodyContentHandler handler = new BodyContentHandler(writeLimit);
        Metadata md = new Metadata();
        ParseContext ctx = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        ctx.set(PDFParserConfig.class, pdf);
        // embedded documents (attachments, zip entries) are not recursed into: the outer text is what we index
        ctx.set(Parser.class, new org.apache.tika.parser.EmptyParser());
        boolean truncated = false;
        try (TikaInputStream tin = TikaInputStream.get(in)) {
            parser.parse(tin, handler, md, ctx);
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                return Text.failed("The file's content could not be read: " + brief(e));
            }
        } catch (TikaException e) {
            return Text.failed("The file is damaged or not what it claims to be: " + brief(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Text.failed("The file could not be parsed safely: " + e.getClass().getSimpleName());
        }
        String pages = md.get("xmpTPg:NPages");
        return new Text(handler.toString(), truncated, pages == null ? 0 : Integer.parseInt(pages), null);
    }

    private static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.replaceAll("[\\r\\n\\t]+", " ");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }

    /**
     * Extracted text.
     *
     * @param text the text (empty when none)
     * @param truncated whether the write limit cut it
     * @param pages the page count when the format has pages, else 0
     * @param failure why extraction failed, or null
     */
    public record Text(String text, boolean truncated, int pages, String failure) {
        static Text failed(String why) {
            return new Text("", false, 0, why);
        }
    }

    /** Keeps Tika from closing a stream it does not own. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes
        }
    }
}
