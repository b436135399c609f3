package dev.seva.documents.internal;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.OcrEngine;
import dev.seva.tenant.Job;
import dev.seva.tenant.JobHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable processing job ({@value #KIND}, payload: the version id; enqueued in the transaction that records the
 * version, so it exists if and only if the version does, and survives a restart): decrypts the stored file into a private temporary
 * file, runs {@link DocumentProcessor} on it and stores the result. Idempotent: a version that is processed already is
 * left alone, except one whose OCR waited for an engine that is now installed.
 */
@ApplicationScoped
public class DocumentPipeline implements JobHandler {

    /** The job kind. */
    public static final String KIND = "documents.process";

    private static final Logger LOG = Logger.getLogger(DocumentPipeline.class.getName());

    @Inject
    DocumentService documents;

    @Inject
    DocumentStorage storage;

    @Inject
    OcrEngine ocr;

    @Inject
    @ConfigProperty(name = "seva.documents.max-pages", defaultValue = "200")
    int maxPages;

    @Inject
    @ConfigProperty(name = "seva.documents.max-page-pixels", defaultValue = "40000000")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "seva.documents.ocr.page-seconds", defaultValue = "60")
    int pageSeconds;

    @Inject
    @ConfigProperty(name = "seva.documents.max-text-chars", defaultValue = "1000000")
    int maxText;

    private DocumentProcessor processor;

    @PostConstruct
    void init() {
        processor = new DocumentProcessor(ocr, new DocumentProcessor.Limits(maxPages, maxPixels,
                Duration.ofSeconds(pageSeconds), maxText));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** @return the long lane: OCR takes seconds a page, and must not hold up other tenants' short jobs */
    @Override
    public Lane lane() {
        return Lane.LONG;
    }

    @Override
    public int maxAttempts() {
        return 3;
    }

    @Inject
    @ConfigProperty(name = "seva.documents.process.lease-seconds", defaultValue = "180")
    int leaseSeconds;

    /**
     * @return how long a processing job of a node that stopped renewing it (the worker renews it while the document
     *         is processed) waits before another node, or this one restarted, takes it over
     */
    @Override
    public Duration lease() {
        return Duration.ofSeconds(Math.max(leaseSeconds, 30));
    }

    @Override
    public void run(Job job) throws Exception {
        try {
            process(job.tenant(), job.payload());
        } catch (Exception e) {
            if (job.attempt() >= maxAttempts()) {
                // the document must not stay PROCESSING for ever
                documents.finish(job.payload(), DocumentProcessor.Result.failed("Processing failed " + job.attempt()
                        + " times (" + e.getClass().getSimpleName() + ")"));
                return;
            }
            throw e;
        }
    }

    /**
     * Processes one version (call inside a tenant scope of {@code tenant}, outside a transaction).
     *
     * @param tenant the owner
     * @param versionId the version
     */
    public void process(TenantId tenant, String versionId) throws IOException {
        var work = documents.work(versionId);
        if (work.isEmpty()) {
            return;
        }
        var w = work.get();
        boolean waitingForOcr = w.ocrState() == DocumentVersionRecord.OcrState.UNAVAILABLE;
        if (w.status() != dev.seva.documents.DocumentStatus.PROCESSING && !waitingForOcr) {
            return;
        }
        if (waitingForOcr && ocr.unavailableReason().isPresent()) {
            return;
        }
        Path tmp;
        try {
            tmp = storage.decryptToTemp(tenant, versionId);
        } catch (IOException e) {
            LOG.severe("Document version " + versionId + " could not be decrypted for processing: " + e.getClass()
                    .getSimpleName());
            documents.finish(versionId, DocumentProcessor.Result.failed(
                    "The stored file failed its integrity check"));
            return;
        }
        try {
            long t0 = System.nanoTime();
            DocumentProcessor.Result r = processor.process(tmp, w.mediaType(), w.declaredType());
            documents.finish(versionId, r);
            LOG.info("Document version " + versionId + " processed in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms: " + (r.failure() == null ? "READY" : "FAILED") + ", OCR " + r.ocrState()
                    + (r.ocrPages() == null ? "" : " " + r.ocrPages() + " page(s)"));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
