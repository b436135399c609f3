package dev.seva.sdk.spi;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;

/**
 * Optical character recognition of one page image. The vault calls it from its processing jobs for images and for
 * PDF pages without a text layer (rendered at 300 dpi).
 *
 * <p>
 * The default is {@code Tess4jOcrEngine} (Tesseract through Tess4J, CDI bean in seva-documents); a partner app
 * replaces it with an {@code @Alternative @Priority} bean. Lifecycle: an application-scoped bean; native resources
 * are held per worker and released at shutdown. Threading: called concurrently from several worker threads; an
 * implementation never shares a native engine instance between threads. Errors: {@link OcrException} for a page
 * that cannot be read or that ran out of time; an engine that is not installed says so through
 * {@link #unavailableReason()} and is not called.
 */
public interface OcrEngine {

    /** @return a short name with the version, for example {@code tesseract 5.3.0} */
    String name();

    /**
     * @return empty when the engine can be used now; otherwise why not (for example "eng.traineddata missing"), which
     *         the vault records on the document (the page is picked up again once the engine is available)
     */
    Optional<String> unavailableReason();

    /**
     * @param page the page, 8-bit grey or RGB
     * @param dpi its resolution
     * @param timeLimit how long the engine may work on it; past that it stops and throws
     * @return the recognised text and the mean word confidence
     * @throws OcrException when the page cannot be read or the time limit was reached
     */
    OcrResult recognize(BufferedImage page, int dpi, Duration timeLimit) throws OcrException;

    /**
     * @param text the recognised text
     * @param confidence mean word confidence, 0 to 100
     */
    record OcrResult(String text, int confidence) {
    }

    /** A page that could not be recognised. */
    class OcrException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message why, for a person */
        public OcrException(String message) {
            super(message);
        }
    }
}
