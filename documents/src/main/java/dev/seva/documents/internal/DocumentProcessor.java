package dev.seva.documents.internal;

import dev.seva.documents.DocumentType;
import dev.seva.documents.KycReader;
import dev.seva.sdk.spi.OcrEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads one stored file: text from the file itself (Tika) for digital documents, OCR for images and for PDF pages
 * without a text layer (PDFBox renders them at 300 dpi), then the KYC reading of the text. Pure: no database, no
 * tenant; the caller hands it a plaintext file and stores the {@link Result}.
 *
 * <p>
 * Bounded work: at most {@link Limits#maxPages()} pages, {@link Limits#maxPixels()} pixels per page (a page that
 * would render larger is rendered at a lower resolution; an image that is larger is refused), a time limit per page
 * inside the OCR engine, and a write limit on the text. A malformed file, a zip bomb or an encrypted PDF ends as a
 * failure with a reason, never as an exception.
 */
public final class DocumentProcessor {

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class.getName());

    /** A PDF page with fewer characters than this in its text layer is treated as scanned. */
    static final int MIN_TEXT_CHARS = 20;

    /**
     * The bounds of one document's processing.
     *
     * @param maxPages pages read at most; more is a failure
     * @param maxPixels pixels per page image at most
     * @param pageTimeLimit OCR time per page
     * @param maxTextChars characters of text kept
     */
    public record Limits(int maxPages, long maxPixels, Duration pageTimeLimit, int maxTextChars) {
        /** The defaults: 200 pages, 40 MP, 60 s per page, one million characters. */
        public static final Limits DEFAULT = new Limits(200, 40_000_000L, Duration.ofSeconds(60), 1_000_000);
    }

    /**
     * What processing found.
     *
     * @param text the text, Aadhaar numbers masked
     * @param truncated whether the write limit cut it
     * @param ocrState whether OCR was not needed, done, or unavailable
     * @param ocrEngine the engine's name, when it ran
     * @param ocrPages pages recognised
     * @param ocrConfidence mean confidence over those pages
     * @param reading classification and fields
     * @param failure why processing failed, or null
     */
    public record Result(String text, boolean truncated, DocumentVersionRecord.OcrState ocrState, String ocrEngine,
            Integer ocrPages, Integer ocrConfidence, KycReader.Reading reading, String failure) {

        static Result failed(String why) {
            return new Result("", false, DocumentVersionRecord.OcrState.NOT_NEEDED, null, null, null, null, why);
        }
    }

    private final OcrEngine ocr;
    private final Limits limits;

    /**
     * @param ocr the OCR engine
     * @param limits the bounds
     */
    public DocumentProcessor(OcrEngine ocr, Limits limits) {
        this.ocr = ocr;
        this.limits = limits;
    }

    /**
     * @param file the plaintext file
     * @param mediaType its type, as detected at upload
     * @param declaredType the document's type as people set it, or null: an Aadhaar declared as such is masked as
     *        one even when its text is too poor to be classified
     * @return what was found; never throws for a bad file
     */
    public Result process(Path file, String mediaType, DocumentType declaredType) {
        try {
            Result raw;
            if (mediaType.equals("application/pdf")) {
                raw = pdf(file);
            } else if (TikaContentInspector.IMAGES.contains(mediaType)) {
                raw = image(file, mediaType);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    var t = TikaContentInspector.extract(in, limits.maxTextChars());
                    raw = t.failure() != null
                            ? Result.failed(t.failure())
                            : new Result(t.text(), t.truncated(), DocumentVersionRecord.OcrState.NOT_NEEDED, null,
                                    null, null, null, null);
                }
            }
            if (raw.failure() != null) {
                return raw;
            }
            KycReader.Reading reading = KycReader.read(raw.text());
            String text = KycReader.redact(clean(raw.text()), declaredType == DocumentType.AADHAAR
                    ? declaredType
                    : reading.type());
            return new Result(text, raw.truncated(), raw.ocrState(), raw.ocrEngine(), raw.ocrPages(),
                    raw.ocrConfidence(), reading, null);
        } catch (IOException e) {
            return Result.failed("The file could not be read: " + brief(e));
        } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
            LOG.log(Level.WARNING, "Processing failed on a hostile or malformed file", e);
            return Result.failed("The file could not be processed safely (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String clean(String text) {
        // NUL cannot be stored in PostgreSQL text
        return text == null ? "" : text.replace('\u0000', ' ');
    }

    private Result pdf(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()))) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPages()) {
                return Result.failed("The PDF has " + pages + " pages; at most " + limits.maxPages() + " are read");
            }
            StringBuilder text = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper();
            PDFRenderer renderer = null;
            OcrTally tally = new OcrTally();
            for (int i = 0; i < pages && text.length() < limits.maxTextChars(); i++) {
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String pageText = stripper.getText(doc);
                if (pageText.strip().length() >= MIN_TEXT_CHARS) {
                    text.append(pageText).append('\n');
                    continue;
                }
                if (tally.unavailable != null) {
                    continue;
                }
                if (renderer == null) {
                    renderer = new PDFRenderer(doc);
                }
                PDPage page = doc.getPage(i);
                PDRectangle box = page.getCropBox();
                float dpi = 300;
                double px = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
                if (px > limits.maxPixels()) {
                    dpi = (float) (dpi * Math.sqrt(limits.maxPixels() / px));
                }
                if (dpi < 50) {
                    return Result.failed("Page " + (i + 1) + " is too large to read (" + (int) box.getWidth() + " x "
                            + (int) box.getHeight() + " pt)");
                }
                BufferedImage img = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                Optional<String> f = tally.ocr(img, Math.round(dpi), i + 1);
                if (f.isPresent()) {
                    return Result.failed(f.get());
                }
                text.append(tally.lastText).append('\n');
            }
            return tally.result(text, limits.maxTextChars());
        } catch (InvalidPasswordException e) {
            return Result.failed("The PDF is password-protected; upload it without the password");
        }
    }

    private Result image(Path file, String mediaType) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers == null || !readers.hasNext()) {
                // no decoder here (WebP): the file is kept, its text is not read
                return new Result("", false, DocumentVersionRecord.OcrState.NOT_NEEDED, null, null, null, null,
                        null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, false, true);
                int n = mediaType.equals("image/tiff") ? reader.getNumImages(true) : 1;
                if (n > limits.maxPages()) {
                    return Result.failed("The image has " + n + " pages; at most " + limits.maxPages() + " are read");
                }
                OcrTally tally = new OcrTally();
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    long px = (long) reader.getWidth(i) * reader.getHeight(i);
                    if (px > limits.maxPixels()) {
                        return Result.failed("The image is " + reader.getWidth(i) + " x " + reader.getHeight(i)
                                + " pixels; at most " + limits.maxPixels() / 1_000_000 + " megapixels are read");
                    }
                    if (tally.unavailable != null) {
                        break;
                    }
                    BufferedImage img = reader.read(i);
                    int dpi = dpiOf(reader, i);
                    Optional<String> f = tally.ocr(img, dpi, i + 1);
                    if (f.isPresent()) {
                        return Result.failed(f.get());
                    }
                    text.append(tally.lastText).append('\n');
                }
                return tally.result(text, limits.maxTextChars());
            } finally {
                reader.dispose();
            }
        }
    }

    private static int dpiOf(ImageReader reader, int i) {
        try {
            var md = reader.getImageMetadata(i);
            var root = (org.w3c.dom.Element) md.getAsTree("javax_imageio_1.0");
            var nodes = root.getElementsByTagName("HorizontalPixelSize");
            if (nodes.getLength() > 0) {
                double mmPerPixel = Double.parseDouble(((org.w3c.dom.Element) nodes.item(0)).getAttribute("value"));
                int dpi = (int) Math.round(25.4 / mmPerPixel);
                if (dpi >= 70 && dpi <= 1200) {
                    return dpi;
                }
            }
        } catch (RuntimeException | IOException e) {
            // no usable resolution in the file
        }
        return 300;
    }

    /** Counts OCR over the pages of one document. */
    private final class OcrTally {
        int pages;
        long confidenceSum;
        String unavailable;
        String lastText = "";

        /** @return a failure, or empty (the text is in {@link #lastText}; nothing when OCR is unavailable) */
        Optional<String> ocr(BufferedImage img, int dpi, int pageNo) {
            lastText = "";
            Optional<String> reason = ocr.unavailableReason();
            if (reason.isPresent()) {
                unavailable = reason.get();
                return Optional.empty();
            }
            try {
                OcrEngine.OcrResult r = ocr.recognize(img, dpi, limits.pageTimeLimit());
                pages++;
                confidenceSum += r.confidence();
                lastText = r.text();
                return Optional.empty();
            } catch (OcrEngine.OcrException e) {
                return Optional.of("OCR of page " + pageNo + " failed: " + e.getMessage());
            }
        }

        Result result(StringBuilder text, int max) {
            boolean truncated = text.length() > max;
            String t = truncated ? text.substring(0, max) : text.toString();
            if (unavailable != null) {
                return new Result(t, truncated, DocumentVersionRecord.OcrState.UNAVAILABLE, null, pages == 0
                        ? null
                        : pages, null, null, null);
            }
            if (pages == 0) {
                return new Result(t, truncated, DocumentVersionRecord.OcrState.NOT_NEEDED, null, null, null, null,
                        null);
            }
            return new Result(t, truncated, DocumentVersionRecord.OcrState.DONE, ocr.name(), pages,
                    (int) (confidenceSum / pages), null, null);
        }
    }

    private static String brief(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("[\\r\\n\\t]+", " ");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
