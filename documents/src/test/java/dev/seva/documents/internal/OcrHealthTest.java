package dev.seva.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class OcrHealthTest {

    @Test
    void missingTesseractIsUpWithTheReasonAndTheFix() {
        var missing = new Tess4jOcrEngine("/nonexistent-tessdata");
        HealthCheckResponse r = OcrHealth.report(missing.name(), missing.unavailableReason());
        assertEquals("ocr", r.getName());
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        var data = r.getData().orElseThrow();
        assertEquals(false, data.get("available"));
        assertTrue(String.valueOf(data.get("reason")).contains("sudo apt-get install -y tesseract-ocr"
                + " tesseract-ocr-eng"), data.toString());
    }

    @Test
    void workingOcrSaysSo() {
        HealthCheckResponse r = OcrHealth.report("tesseract 5.3.0", Optional.empty());
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        assertEquals(true, r.getData().orElseThrow().get("available"));
        assertTrue(r.getData().orElseThrow().get("reason") == null);
    }
}
