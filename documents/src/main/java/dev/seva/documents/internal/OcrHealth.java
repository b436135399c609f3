package dev.seva.documents.internal;

import dev.seva.sdk.spi.OcrEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether OCR works, said where an operator looks: once at start in the log (a warning with the reason when it does
 * not) and on {@code /health} as the check {@code ocr}, with {@code available} and, when false, the reason (which
 * names the fix). The check is UP either way: without OCR the portal still serves everything, and scanned documents
 * wait (their OCR runs once the engine is there).
 */
@Readiness
@ApplicationScoped
public class OcrHealth implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(OcrHealth.class.getName());

    @Inject
    OcrEngine ocr;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ocr.unavailableReason().ifPresent(why -> LOG.warning("OCR IS UNAVAILABLE: " + why
                + ". Scanned documents and images get no text until then (they are read once it is fixed)."));
    }

    @Override
    public HealthCheckResponse call() {
        return report(ocr.name(), ocr.unavailableReason());
    }

    static HealthCheckResponse report(String engine, Optional<String> unavailable) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("engine", engine);
        data.put("available", unavailable.isEmpty());
        unavailable.ifPresent(why -> data.put("reason", why));
        return new HealthCheckResponse("ocr", HealthCheckResponse.Status.UP, Optional.of(data));
    }
}
