package dev.seva.documents.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.seva.sdk.spi.OcrEngine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.LoadLibs;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default {@link OcrEngine}: Tesseract (Debian's {@code tesseract-ocr} + {@code tesseract-ocr-eng}) through
 * Tess4J's JNA binding of its C API. The traps of {@code shared/STACK.md} are handled here:
 * <ul>
 * <li>one native engine per thread at a time: engines are pooled and each call takes one exclusively (sharing one
 * crashed the JVM);</li>
 * <li>a missing {@code eng.traineddata} crashes the JVM inside Tesseract: the file is checked before every use, and
 * without it the engine reports itself unavailable;</li>
 * <li>{@code OMP_THREAD_LIMIT=1} (OpenMP threads made a page 4x slower on 2 cores): set for the server by the
 * deployment, and set in-process before the native library is first loaded when it is missing;</li>
 * <li>Tess4J's {@code BufferedImage} renderers fail on Debian's Leptonica: pages go to Tesseract as raw 8-bit grey
 * pixels ({@code TessBaseAPISetImage}); no Leptonica call is made;</li>
 * <li>a time limit per page through Tesseract's own monitor deadline ({@code TessMonitorSetDeadlineMSecs}), so a
 * hostile page stops inside the native code instead of holding a worker.</li>
 * </ul>
 */
@ApplicationScoped
public class Tess4jOcrEngine implements OcrEngine {

    private static final Logger LOG = Logger.getLogger(Tess4jOcrEngine.class.getName());

    /** The monitor functions, mapped with plain pointers (Tess4J's ETEXT_DESC does not match Tesseract 5's). */
    interface Monitor extends Library {
        Pointer TessMonitorCreate();

        void TessMonitorDelete(Pointer monitor);

        void TessMonitorSetDeadlineMSecs(Pointer monitor, int deadline);

        int TessBaseAPIRecognize(Pointer handle, Pointer monitor);
    }

    /** setenv(3), to give OpenMP its thread limit before libtesseract (and libgomp) load. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** The one command that installs what is missing (bin/system-tools runs it when root). */
    static final String FIX = "sudo apt-get install -y tesseract-ocr tesseract-ocr-eng, then restart the server";

    private String tessdata;
    private final ConcurrentLinkedQueue<ITessAPI.TessBaseAPI> idle = new ConcurrentLinkedQueue<>();
    private volatile TessAPI api;
    private volatile Monitor monitor;
    private volatile String version;
    private volatile String loadFailure;

    /** For CDI. */
    protected Tess4jOcrEngine() {
    }

    @Inject
    Tess4jOcrEngine(@ConfigProperty(name = "seva.documents.ocr.tessdata") Optional<String> tessdata) {
        this(tessdata.orElse(null));
    }

    /** @param tessdata the folder holding {@code eng.traineddata}; null for TESSDATA_PREFIX or Debian's folder */
    public Tess4jOcrEngine(String tessdata) {
        String env = System.getenv("TESSDATA_PREFIX");
        this.tessdata = tessdata != null && !tessdata.isBlank()
                ? tessdata
                : env != null && !env.isBlank() ? env : "/usr/share/tesseract-ocr/5/tessdata";
    }

    @Override
    public String name() {
        return version == null ? "tesseract" : "tesseract " + version;
    }

    @Override
    public Optional<String> unavailableReason() {
        File model = new File(tessdata, "eng.traineddata");
        if (!model.isFile()) {
            return Optional.of("Tesseract's English model is not installed (" + model + " is missing); fix: " + FIX);
        }
        return load();
    }

    private synchronized Optional<String> load() {
        if (api != null) {
            return Optional.empty();
        }
        try {
            if (System.getenv("OMP_THREAD_LIMIT") == null) {
                Native.load("c", LibC.class).setenv("OMP_THREAD_LIMIT", "1", 0);
            }
            String lib = LoadLibs.getTesseractLibName();
            TessAPI a = Native.load(lib, TessAPI.class);
            monitor = Native.load(lib, Monitor.class);
            version = a.TessVersion();
            api = a;
            loadFailure = null;
            LOG.info("OCR: Tesseract " + version + " loaded, models from " + tessdata);
            return Optional.empty();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            if (loadFailure == null) {
                LOG.warning("OCR unavailable: libtesseract could not be loaded (" + e.getMessage() + ")");
            }
            loadFailure = "Tesseract is not installed (libtesseract could not be loaded); fix: " + FIX;
            return Optional.of(loadFailure);
        }
    }

    @Override
    public OcrResult recognize(BufferedImage page, int dpi, Duration timeLimit) throws OcrException {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            throw new OcrException(unavailable.get());
        }
        BufferedImage grey = toGrey(page);
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        ByteBuffer buf = ByteBuffer.allocateDirect(pixels.length);
        buf.put(pixels).flip();
        ITessAPI.TessBaseAPI handle = take();
        Pointer mon = monitor.TessMonitorCreate();
        boolean healthy = false;
        long t0 = System.nanoTime();
        try {
            api.TessBaseAPISetImage(handle, buf, w, h, 1, w);
            api.TessBaseAPISetSourceResolution(handle, dpi);
            monitor.TessMonitorSetDeadlineMSecs(mon, (int) Math.min(Integer.MAX_VALUE, timeLimit.toMillis()));
            int rc = monitor.TessBaseAPIRecognize(handle.getPointer(), mon);
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            if (elapsed >= timeLimit.toMillis()) {
                throw new OcrException("OCR of a page took longer than the limit of " + timeLimit.toSeconds() + " s");
            }
            if (rc != 0) {
                throw new OcrException("Tesseract could not recognise the page (code " + rc + ")");
            }
            Pointer text = api.TessBaseAPIGetUTF8Text(handle);
            String s = text == null ? "" : new String(text.getByteArray(0, strlen(text)), StandardCharsets.UTF_8);
            if (text != null) {
                api.TessDeleteText(text);
            }
            int conf = api.TessBaseAPIMeanTextConf(handle);
            healthy = true;
            return new OcrResult(s, Math.max(0, Math.min(100, conf)));
        } finally {
            monitor.TessMonitorDelete(mon);
            api.TessBaseAPIClear(handle);
            if (healthy) {
                idle.add(handle);
            } else {
                // a page that failed or timed out: do not reuse an engine whose state is unknown
                api.TessBaseAPIEnd(handle);
                api.TessBaseAPIDelete(handle);
            }
        }
    }

    private static int strlen(Pointer p) {
        int n = 0;
        while (p.getByte(n) != 0) {
            n++;
        }
        return n;
    }

    private ITessAPI.TessBaseAPI take() throws OcrException {
        ITessAPI.TessBaseAPI h = idle.poll();
        if (h != null) {
            return h;
        }
        h = api.TessBaseAPICreate();
        if (api.TessBaseAPIInit2(h, tessdata, "eng", ITessAPI.TessOcrEngineMode.OEM_LSTM_ONLY) != 0) {
            api.TessBaseAPIDelete(h);
            throw new OcrException("Tesseract could not load its English model from " + tessdata);
        }
        api.TessBaseAPISetPageSegMode(h, ITessAPI.TessPageSegMode.PSM_AUTO);
        return h;
    }

    private static BufferedImage toGrey(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return img;
        }
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var gr = g.createGraphics();
        try {
            gr.setColor(java.awt.Color.WHITE); // transparent pixels become paper, not ink
            gr.fillRect(0, 0, img.getWidth(), img.getHeight());
            gr.drawImage(img, 0, 0, null);
        } finally {
            gr.dispose();
        }
        return g;
    }

    @PreDestroy
    void close() {
        ITessAPI.TessBaseAPI h;
        while ((h = idle.poll()) != null) {
            api.TessBaseAPIEnd(h);
            api.TessBaseAPIDelete(h);
        }
    }
}
