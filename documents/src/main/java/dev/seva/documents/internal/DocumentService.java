package dev.seva.documents.internal;

import dev.seva.documents.DocumentStatus;
import dev.seva.documents.DocumentType;
import dev.seva.documents.KycReader;
import dev.seva.documents.ReviewState;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.Role;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.sdk.TenantId;
import dev.seva.sdk.identifiers.Aadhaar;
import dev.seva.sdk.identifiers.Cin;
import dev.seva.sdk.identifiers.Gstin;
import dev.seva.sdk.identifiers.Ifsc;
import dev.seva.sdk.identifiers.Pan;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Caller;
import dev.seva.tenant.Entities;
import dev.seva.tenant.EntityRef;
import dev.seva.tenant.EntityType;
import dev.seva.tenant.Jobs;
import dev.seva.tenant.Page;
import dev.seva.tenant.TenantPersistence;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Documents, their versions, fields, reviews and requirements: every database step of the vault, each in one
 * transaction of the current tenant. A document is visible to whoever may see its entity ({@link Entities}): staff
 * see all, clients only their entities'; anything else is 404. Every read of a document's content or text is audited.
 */
@ApplicationScoped
@Transactional
public class DocumentService {

    /** Field names staff may set with {@link #correctFields}. */
    static final Set<String> CORRECTABLE = Set.of(KycReader.PAN, KycReader.GSTIN, KycReader.CIN, KycReader.IFSC,
            "aadhaar", "dateOfBirth", "expiresOn", "issuedOn", "validFrom", "incorporatedOn", "invoiceDate",
            "name");

    @PersistenceUnit(unitName = "seva-documents")
    EntityManagerFactory unit;

    @Inject
    TenantPersistence persistence;

    @Inject
    Entities entities;

    @Inject
    Caller caller;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    @Inject
    Jobs jobs;

    @Inject
    @ConfigProperty(name = "seva.documents.retention-days", defaultValue = "0")
    int defaultRetentionDays;

    private EntityManager em() {
        return persistence.tenant(unit);
    }

    private TenantId tenant() {
        return tenants.current().id();
    }

    // ------------------------------------------------------------------------------------------------ views

    /** OCR as the API shows it. */
    public record OcrView(String state, String engine, Integer pages, Integer confidence) {
    }

    /** A document as the API shows it. */
    public record DocumentView(String id, String entityId, String title, DocumentType documentType,
            DocumentType classification, DocumentStatus status, String failureReason, ReviewState reviewState,
            int currentVersion, String mediaType, long sizeBytes, String sha256, LocalDate expiresOn,
            LocalDate retainUntil, boolean legalHold, OcrView ocr, Map<String, String> fields, ReviewView review,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /**
     * The newest review decision on the document's current version (so a client reads why it was rejected); on one
     * document's answers only, not in search results.
     */
    public record ReviewView(int version, String decision, String comment, OffsetDateTime createdAt) {
    }

    /** A version as the API shows it. */
    public record VersionView(int version, String mediaType, long sizeBytes, String sha256, String originalName,
            DocumentStatus status, String failureReason, OcrView ocr, OffsetDateTime createdAt) {
    }

    /** What to stream for a content read. */
    public record ContentRef(TenantId tenant, String versionId, String mediaType, long size, String fileName) {
    }

    /** A version to process, as the pipeline needs it; {@code declaredType} is null unless people set the type. */
    public record Work(String documentId, String versionId, String mediaType, DocumentStatus status,
            DocumentVersionRecord.OcrState ocrState, DocumentType declaredType) {
    }

    /** A requirement as the API shows it. */
    public record RequirementView(String id, String entityType, String documentType, boolean required,
            String description, OffsetDateTime createdAt) {
    }

    /** A checklist row. */
    public record ChecklistItem(String requirementId, String documentType, boolean required, String description,
            String status, String satisfiedBy, String candidate, ReviewState reviewState) {
    }

    /** The checklist of an entity. */
    public record Checklist(String entityId, String entityType, boolean complete, List<ChecklistItem> items) {
    }

    // ------------------------------------------------------------------------------------------------ upload

    /** Input of a new document. */
    public record NewDocument(String title, String documentType, String expiresOn) {
    }

    /** Checks the upload's fields before any byte is stored. */
    public static Validated validate(NewDocument in) {
        List<FieldError> errors = new ArrayList<>();
        String title = in.title() == null || in.title().isBlank() ? null : KycReader.redact(in.title().strip());
        if (title != null && title.length() > 300) {
            errors.add(new FieldError("title", "must be at most 300 characters"));
        }
        DocumentType type = null;
        if (in.documentType() != null && !in.documentType().isBlank()) {
            try {
                type = DocumentType.valueOf(in.documentType().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("documentType", "must be one of " + List.of(DocumentType.values())));
            }
        }
        LocalDate expires = null;
        if (in.expiresOn() != null && !in.expiresOn().isBlank()) {
            try {
                expires = LocalDate.parse(in.expiresOn().strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("expiresOn", "must be a date like 2030-03-31"));
            }
        }
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", errors);
        }
        return new Validated(title, type, expires);
    }

    /** Validated upload fields. */
    public record Validated(String title, DocumentType type, LocalDate expiresOn) {
    }

    /** @return the entity, when the caller may upload to it (404 otherwise) */
    public EntityRef requireEntity(String entityId) {
        return entities.require(entityId);
    }

    /** @return the document's id and next version number, when the caller may add a version (404 otherwise) */
    public DocumentView requireForNewVersion(String documentId) {
        DocumentRecord d = requireVisible(documentId);
        return view(d);
    }

    /** Records a stored file as a new document (its blob is committed already). */
    public DocumentView create(String entityId, Validated in, StoredFile file) {
        EntityRef entity = entities.require(entityId);
        SevaPrincipal p = caller.require();
        // the title feeds the search index: an Aadhaar number in it (or in the file's name) is kept masked
        String title = KycReader.redact(in.title() != null
                ? in.title()
                : file.originalName() != null && !file.originalName().isBlank() ? file.originalName() : "Document");
        DocumentRecord d = new DocumentRecord(UUID.randomUUID().toString(), entity.id(), title, in.type(),
                p.userId());
        d.expiresOn = in.expiresOn();
        d.currentVersion = 1;
        d.mediaType = file.mediaType();
        d.sizeBytes = file.size();
        d.sha256 = file.sha256();
        d.retainUntil = retainUntil(d.documentType, d.createdAt);
        EntityManager em = em();
        em.persist(d);
        em.persist(new DocumentVersionRecord(file.versionId(), d.id, 1, file, p.userId()));
        jobs.enqueue(tenant(), DocumentPipeline.KIND, file.versionId());
        audit.record(tenant(), "DOCUMENT_UPLOADED", "document", d.id, "version 1, " + file.mediaType() + ", "
                + file.size() + " bytes, sha256 " + file.sha256());
        return view(d);
    }

    /** Records a stored file as the newest version: processing and review start again. */
    public VersionView addVersion(String documentId, StoredFile file) {
        DocumentRecord d = requireVisibleForChange(documentId);
        SevaPrincipal p = caller.require();
        d.currentVersion = d.currentVersion + 1;
        d.mediaType = file.mediaType();
        d.sizeBytes = file.size();
        d.sha256 = file.sha256();
        d.status = DocumentStatus.PROCESSING;
        d.failureReason = null;
        d.reviewState = ReviewState.PENDING_REVIEW;
        d.updatedAt = OffsetDateTime.now();
        DocumentVersionRecord v = new DocumentVersionRecord(file.versionId(), d.id, d.currentVersion, file,
                p.userId());
        em().persist(v);
        jobs.enqueue(tenant(), DocumentPipeline.KIND, file.versionId());
        audit.record(tenant(), "DOCUMENT_VERSION_ADDED", "document", d.id, "version " + v.versionNo + ", "
                + file.mediaType() + ", " + file.size() + " bytes");
        return versionView(v);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** @return the document */
    public DocumentView get(String id) {
        return view(requireVisible(id));
    }

    /** @return its versions, newest first */
    public List<VersionView> versions(String id) {
        DocumentRecord d = requireVisible(id);
        return em().createQuery("SELECT v FROM DocumentVersion v WHERE v.documentId = :d ORDER BY v.versionNo DESC",
                DocumentVersionRecord.class).setParameter("d", d.id).getResultList().stream()
                .map(DocumentService::versionView).toList();
    }

    /** Audits a content read and says what to stream. */
    public ContentRef content(String id, Integer version) {
        DocumentRecord d = requireVisible(id);
        DocumentVersionRecord v = version(d, version == null ? d.currentVersion : version);
        audit.record(tenant(), "DOCUMENT_READ", "document", d.id, "content of version " + v.versionNo);
        String name = v.originalName != null ? v.originalName : d.title;
        return new ContentRef(tenant(), v.id, v.mediaType, v.sizeBytes, name);
    }

    /** Audits a text read and returns the newest version's text (Aadhaar numbers masked). */
    public String text(String id) {
        DocumentRecord d = requireVisible(id);
        DocumentVersionRecord v = version(d, d.currentVersion);
        audit.record(tenant(), "DOCUMENT_TEXT_READ", "document", d.id, "text of version " + v.versionNo);
        return v.textContent == null ? "" : v.textContent;
    }

    /** Search parameters. */
    public record Query(String q, String entityId, String documentType, String status, String expiringBefore,
            String reviewState, int page, int size) {
    }

    /** Full-text search (PostgreSQL {@code websearch_to_tsquery}) over titles and text, with filters. */
    @SuppressWarnings("unchecked")
    public Page<DocumentView> search(Query q) {
        StringBuilder where = new StringBuilder(" WHERE d.deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        Optional<Set<String>> restricted = entities.restrictedTo();
        if (restricted.isPresent()) {
            if (restricted.get().isEmpty()) {
                return new Page<>(List.of(), q.page(), q.size(), 0);
            }
            where.append(" AND d.entity_id IN (");
            int i = 0;
            for (String e : restricted.get()) {
                where.append(i++ == 0 ? "?" : ", ?");
                params.add(e);
            }
            where.append(")");
        }
        if (q.entityId() != null && !q.entityId().isBlank()) {
            where.append(" AND d.entity_id = ?");
            params.add(q.entityId().strip());
        }
        if (q.documentType() != null && !q.documentType().isBlank()) {
            where.append(" AND d.document_type = ?");
            params.add(enumValue("documentType", q.documentType(), DocumentType.class).name());
        }
        if (q.status() != null && !q.status().isBlank()) {
            where.append(" AND d.status = ?");
            params.add(enumValue("status", q.status(), DocumentStatus.class).name());
        }
        if (q.reviewState() != null && !q.reviewState().isBlank()) {
            where.append(" AND d.review_state = ?");
            params.add(enumValue("reviewState", q.reviewState(), ReviewState.class).name());
        }
        if (q.expiringBefore() != null && !q.expiringBefore().isBlank()) {
            LocalDate before;
            try {
                before = LocalDate.parse(q.expiringBefore().strip());
            } catch (DateTimeParseException e) {
                throw SevaException.invalidField("expiringBefore", "must be a date like 2030-03-31");
            }
            where.append(" AND d.expires_on IS NOT NULL AND d.expires_on < ?");
            params.add(java.sql.Date.valueOf(before));
        }
        String order = " ORDER BY d.created_at DESC, d.id";
        boolean text = q.q() != null && !q.q().isBlank();
        if (text) {
            if (q.q().length() > 200) {
                throw SevaException.invalidField("q", "must be at most 200 characters");
            }
            where.append(" AND d.search @@ websearch_to_tsquery('english', ?)");
            params.add(q.q().strip());
            order = " ORDER BY ts_rank(d.search, websearch_to_tsquery('english', ?)) DESC, d.created_at DESC, d.id";
        }
        EntityManager em = em();
        // the page's ids with the total in one scan (a window count over every match, before LIMIT)
        var idQuery = em.createNativeQuery("SELECT d.id, count(*) OVER () FROM document d" + where + order
                + " LIMIT ? OFFSET ?");
        int n = 1;
        for (Object p : params) {
            idQuery.setParameter(n++, p);
        }
        if (text) {
            idQuery.setParameter(n++, q.q().strip());
        }
        idQuery.setParameter(n++, q.size());
        idQuery.setParameter(n, (long) q.page() * q.size());
        List<Object[]> rows = idQuery.getResultList();
        List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
        long total;
        if (!rows.isEmpty()) {
            total = ((Number) rows.get(0)[1]).longValue();
        } else {
            // a page past the end: count separately
            var countQuery = em.createNativeQuery("SELECT count(*) FROM document d" + where);
            n = 1;
            for (Object p : params) {
                countQuery.setParameter(n++, p);
            }
            total = ((Number) countQuery.getSingleResult()).longValue();
        }
        return new Page<>(views(ids), q.page(), q.size(), total);
    }

    /** The views of several documents, in the order of {@code ids}, with three queries whatever their number. */
    private List<DocumentView> views(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        EntityManager em = em();
        Map<String, DocumentRecord> docs = new java.util.HashMap<>();
        em.createQuery("SELECT d FROM Document d WHERE d.id IN :ids", DocumentRecord.class).setParameter("ids", ids)
                .getResultList().forEach(d -> docs.put(d.id, d));
        Map<String, DocumentVersionRecord> current = new java.util.HashMap<>();
        em.createQuery("SELECT v FROM DocumentVersion v WHERE v.documentId IN :ids", DocumentVersionRecord.class)
                .setParameter("ids", ids).getResultList().forEach(v -> {
                    DocumentRecord d = docs.get(v.documentId);
                    if (d != null && d.currentVersion == v.versionNo) {
                        current.put(v.documentId, v);
                    }
                });
        Map<String, Map<String, String>> fields = new java.util.HashMap<>();
        em.createQuery("SELECT f FROM DocumentField f WHERE f.documentId IN :ids", DocumentFieldRecord.class)
                .setParameter("ids", ids).getResultList().forEach(f -> {
                    DocumentRecord d = docs.get(f.documentId);
                    if (d != null && d.currentVersion == f.versionNo) {
                        fields.computeIfAbsent(f.documentId, k -> new TreeMap<>()).put(f.name, f.value);
                    }
                });
        List<DocumentView> items = new ArrayList<>();
        for (String id : ids) {
            DocumentRecord d = docs.get(id);
            if (d != null) {
                items.add(view(d, current.get(id), fields.getOrDefault(id, new TreeMap<>())));
            }
        }
        return items;
    }

    // ------------------------------------------------------------------------------------------------ changes

    /** Staff correct extracted fields of the newest version; {@code null} removes a field. */
    public DocumentView correctFields(String id, Map<String, String> changes) {
        DocumentRecord d = requireVisibleForChange(id);
        requireStaff();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> normalised = new LinkedHashMap<>();
        for (var e : changes.entrySet()) {
            String name = e.getKey();
            if (!CORRECTABLE.contains(name)) {
                errors.add(new FieldError(name, "is not a correctable field; one of " + new java.util.TreeSet<>(
                        CORRECTABLE)));
                continue;
            }
            String v = e.getValue() == null ? null : e.getValue().strip();
            if (v == null || v.isEmpty()) {
                normalised.put(name.equals("aadhaar") ? KycReader.AADHAAR_MASKED : name, null);
                continue;
            }
            try {
                switch (name) {
                    case "pan" -> normalised.put(name, Pan.parse(v).value());
                    case "gstin" -> normalised.put(name, Gstin.parse(v).value());
                    case "cin" -> normalised.put(name, Cin.parse(v).value());
                    case "ifsc" -> normalised.put(name, Ifsc.parse(v).value());
                    // the full number is checked, then only its masked form is kept
                    case "aadhaar" -> normalised.put(KycReader.AADHAAR_MASKED, Aadhaar.parse(v).masked());
                    case "name" -> {
                        String masked = KycReader.redact(v);
                        if (masked.length() > 200) {
                            throw SevaException.invalidField(name, "must be at most 200 characters");
                        }
                        normalised.put(name, masked);
                    }
                    default -> normalised.put(name, LocalDate.parse(v).toString());
                }
            } catch (SevaException ex) {
                errors.add(new FieldError(name, ex.getMessage()));
            } catch (DateTimeParseException ex) {
                errors.add(new FieldError(name, "must be a date like 2030-03-31"));
            }
        }
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", errors);
        }
        String by = caller.require().userId();
        EntityManager em = em();
        Map<String, DocumentFieldRecord> current = new LinkedHashMap<>();
        for (DocumentFieldRecord f : fieldRecords(d.id, d.currentVersion)) {
            current.put(f.name, f);
        }
        for (var e : normalised.entrySet()) {
            DocumentFieldRecord f = current.get(e.getKey());
            if (e.getValue() == null) {
                if (f != null) {
                    em.remove(f);
                }
            } else if (f == null) {
                em.persist(new DocumentFieldRecord(d.id, d.currentVersion, e.getKey(), e.getValue(), "CORRECTED",
                        by));
            } else {
                f.value = e.getValue();
                f.source = "CORRECTED";
                f.updatedBy = by;
                f.updatedAt = OffsetDateTime.now();
            }
            if (e.getKey().equals("expiresOn")) {
                d.expiresOn = e.getValue() == null ? null : LocalDate.parse(e.getValue());
            }
        }
        d.updatedAt = OffsetDateTime.now();
        em.flush();
        audit.record(tenant(), "DOCUMENT_FIELDS_CORRECTED", "document", d.id, "fields " + normalised.keySet());
        return view(d);
    }

    /** Staff change the type, expiry, legal hold. */
    public DocumentView update(String id, Map<String, Object> changes) {
        DocumentRecord d = requireVisibleForChange(id);
        requireStaff();
        List<String> changed = new ArrayList<>();
        if (changes.containsKey("documentType")) {
            d.documentType = enumValue("documentType", String.valueOf(changes.get("documentType")),
                    DocumentType.class);
            d.typeSource = "CORRECTED";
            d.retainUntil = retainUntil(d.documentType, d.createdAt);
            changed.add("documentType");
            if (d.documentType == DocumentType.AADHAAR) {
                maskAsAadhaar(d);
            }
        }
        if (changes.containsKey("title")) {
            String t = changes.get("title") == null ? "" : KycReader.redact(changes.get("title").toString().strip());
            if (t.isEmpty() || t.length() > 300) {
                throw SevaException.invalidField("title", "is required, at most 300 characters");
            }
            d.title = t;
            changed.add("title");
        }
        if (changes.containsKey("expiresOn")) {
            Object e = changes.get("expiresOn");
            try {
                d.expiresOn = e == null ? null : LocalDate.parse(e.toString());
            } catch (DateTimeParseException ex) {
                throw SevaException.invalidField("expiresOn", "must be a date like 2030-03-31");
            }
            changed.add("expiresOn");
        }
        if (changes.containsKey("legalHold")) {
            if (!caller.require().has(Role.TENANT_ADMIN) && !caller.require().has(Role.MANAGER)) {
                throw new SevaException(ErrorCode.FORBIDDEN, "Only a manager or tenant admin sets a legal hold.");
            }
            d.legalHold = Boolean.TRUE.equals(changes.get("legalHold"));
            changed.add("legalHold");
        }
        d.updatedAt = OffsetDateTime.now();
        audit.record(tenant(), "DOCUMENT_UPDATED", "document", d.id, "changed " + changed);
        return view(d);
    }

    /**
     * A document now known to be an Aadhaar letter or card: its stored text is masked again as one (every 4-4-4 group,
     * whether or not its check digit holds), so that a number OCR misread does not stay in clear or searchable.
     */
    private void maskAsAadhaar(DocumentRecord d) {
        em().createQuery("SELECT v FROM DocumentVersion v WHERE v.documentId = :d", DocumentVersionRecord.class)
                .setParameter("d", d.id).getResultList()
                .forEach(v -> v.textContent = KycReader.redact(v.textContent, DocumentType.AADHAAR));
        d.searchText = KycReader.redact(d.searchText, DocumentType.AADHAAR);
    }

    /** A reviewer's decision on the newest version. */
    public DocumentView review(String id, String decision, String comment) {
        DocumentRecord d = requireVisibleForChange(id);
        requireStaff();
        String dec = decision == null ? "" : decision.strip().toUpperCase(Locale.ROOT);
        if (!dec.equals("APPROVE") && !dec.equals("REJECT")) {
            throw SevaException.invalidField("decision", "must be APPROVE or REJECT");
        }
        if (comment != null && comment.length() > 2000) {
            throw SevaException.invalidField("comment", "must be at most 2000 characters");
        }
        if (dec.equals("REJECT") && (comment == null || comment.isBlank())) {
            throw SevaException.invalidField("comment", "is required when rejecting: tell the client what to fix");
        }
        em().persist(new DocumentReviewRecord(d.id, d.currentVersion, dec, comment, caller.require().userId()));
        d.reviewState = dec.equals("APPROVE") ? ReviewState.APPROVED : ReviewState.REJECTED;
        d.updatedAt = OffsetDateTime.now();
        audit.record(tenant(), dec.equals("APPROVE") ? "DOCUMENT_APPROVED" : "DOCUMENT_REJECTED", "document", d.id,
                "version " + d.currentVersion);
        return view(d);
    }

    /** Soft delete; refused under legal hold or retention. */
    public void delete(String id) {
        DocumentRecord d = requireVisibleForChange(id);
        if (d.legalHold) {
            throw new SevaException(ErrorCode.DOCUMENT_LEGAL_HOLD, "The document is under legal hold.");
        }
        if (d.retainUntil != null && !LocalDate.now().isAfter(d.retainUntil)) {
            throw new SevaException(ErrorCode.DOCUMENT_RETAINED, "The document must be kept until " + d.retainUntil
                    + ".");
        }
        d.deletedAt = OffsetDateTime.now();
        d.updatedAt = d.deletedAt;
        audit.record(tenant(), "DOCUMENT_DELETED", "document", d.id, null);
    }

    // ------------------------------------------------------------------------------------------------ retention

    /** A retention rule as the API shows it. */
    public record RetentionRule(String documentType, int days, OffsetDateTime updatedAt) {
    }

    /** The tenant's retention: the install-wide default and the rules per document type. */
    public record Retention(int defaultDays, List<RetentionRule> rules) {
    }

    /** @return the retention rules (staff and auditors) */
    public Retention retention() {
        return new Retention(Math.max(defaultRetentionDays, 0), em().createQuery("SELECT r FROM DocumentRetention r"
                + " ORDER BY r.documentType", DocumentRetentionRecord.class).getResultList().stream()
                .map(r -> new RetentionRule(r.documentType, r.retentionDays, r.updatedAt)).toList());
    }

    /**
     * Sets the retention period of a document type (managers); every document of that type is retained until its
     * upload date plus {@code days} (0: no retention for the type, whatever the default).
     */
    public RetentionRule setRetention(String documentType, Integer days) {
        DocumentType type = enumValue("documentType", documentType, DocumentType.class);
        if (days == null) {
            throw SevaException.invalidField("days", "is required");
        }
        if (days < 0 || days > 36500) {
            throw SevaException.invalidField("days", "must be between 0 and 36500");
        }
        EntityManager em = em();
        DocumentRetentionRecord r = rule(type).orElse(null);
        String by = caller.require().userId();
        if (r == null) {
            r = new DocumentRetentionRecord(type.name(), days, by);
            em.persist(r);
        } else {
            r.retentionDays = days;
            r.updatedBy = by;
            r.updatedAt = OffsetDateTime.now();
        }
        em.flush();
        int n = applyRetention(type, days);
        audit.record(tenant(), "DOCUMENT_RETENTION_SET", "document-retention", type.name(), days + " days, "
                + n + " document(s)");
        return new RetentionRule(r.documentType, r.retentionDays, r.updatedAt);
    }

    /** Removes a type's rule (managers): its documents fall back to the default period. 404 when there is none. */
    public void removeRetention(String documentType) {
        DocumentType type = enumValue("documentType", documentType, DocumentType.class);
        DocumentRetentionRecord r = rule(type).orElseThrow(() -> SevaException.notFound("Retention rule"));
        em().remove(r);
        em().flush();
        int n = applyRetention(type, Math.max(defaultRetentionDays, 0));
        audit.record(tenant(), "DOCUMENT_RETENTION_REMOVED", "document-retention", type.name(), n
                + " document(s) back to the default");
    }

    private Optional<DocumentRetentionRecord> rule(DocumentType type) {
        return em().createQuery("SELECT r FROM DocumentRetention r WHERE r.documentType = :t",
                DocumentRetentionRecord.class).setParameter("t", type.name()).getResultList().stream().findFirst();
    }

    /** @return the retention period of a type: its rule, else the install-wide default */
    int retentionDays(DocumentType type) {
        return rule(type).map(r -> r.retentionDays).orElse(Math.max(defaultRetentionDays, 0));
    }

    /** @return until when a document of this type uploaded at {@code createdAt} is kept, or null */
    LocalDate retainUntil(DocumentType type, OffsetDateTime createdAt) {
        int days = retentionDays(type);
        return days <= 0 ? null : createdAt.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate().plusDays(days);
    }

    /** Recomputes retain_until of every live document of a type (the same rule as {@link #retainUntil}). */
    private int applyRetention(DocumentType type, int days) {
        return em().createNativeQuery("UPDATE document SET retain_until = CASE WHEN ? > 0 THEN"
                + " (created_at AT TIME ZONE 'UTC')::date + ? ELSE NULL END WHERE tenant_id = ? AND document_type = ?"
                + " AND deleted_at IS NULL").setParameter(1, days).setParameter(2, days)
                .setParameter(3, tenant().value()).setParameter(4, type.name()).executeUpdate();
    }

    // ------------------------------------------------------------------------------------------------ requirements

    /** Creates a requirement (staff). */
    public RequirementView createRequirement(String entityType, String documentType, Boolean required,
            String description) {
        requireStaff();
        EntityType et = enumValue("entityType", entityType, EntityType.class);
        DocumentType dt = enumValue("documentType", documentType, DocumentType.class);
        if (description != null && description.length() > 500) {
            throw SevaException.invalidField("description", "must be at most 500 characters");
        }
        EntityManager em = em();
        boolean exists = !em.createQuery("SELECT r.id FROM DocumentRequirement r WHERE r.entityType = :e AND"
                + " r.documentType = :d", String.class).setParameter("e", et.name()).setParameter("d", dt.name())
                .getResultList().isEmpty();
        if (exists) {
            throw new SevaException(ErrorCode.DOCUMENT_REQUIREMENT_EXISTS, "A requirement for " + dt + " of " + et
                    + " exists already.");
        }
        var r = new DocumentRequirementRecord(et.name(), dt.name(), required == null || required, description);
        em.persist(r);
        audit.record(tenant(), "DOCUMENT_REQUIREMENT_CREATED", "document-requirement", r.id, et + " " + dt);
        return requirementView(r);
    }

    /** @return the requirements, optionally of one entity type */
    public List<RequirementView> requirements(String entityType) {
        var q = em().createQuery("SELECT r FROM DocumentRequirement r" + (entityType == null
                ? ""
                : " WHERE r.entityType = :e") + " ORDER BY r.entityType, r.documentType",
                DocumentRequirementRecord.class);
        if (entityType != null) {
            q.setParameter("e", enumValue("entityType", entityType, EntityType.class).name());
        }
        return q.getResultList().stream().map(DocumentService::requirementView).toList();
    }

    /**
     * The entity's checklist: for each requirement of its type, the newest document of that type that satisfies it
     * (READY and not rejected; an approved one is preferred), else the newest candidate that does not yet.
     */
    public Checklist checklist(String entityId) {
        EntityRef e = entities.require(entityId);
        EntityManager em = em();
        List<DocumentRequirementRecord> reqs = em.createQuery("SELECT r FROM DocumentRequirement r WHERE"
                + " r.entityType = :t ORDER BY r.required DESC, r.documentType", DocumentRequirementRecord.class)
                .setParameter("t", e.type().name()).getResultList();
        List<DocumentRecord> docs = em.createQuery("SELECT d FROM Document d WHERE d.entityId = :e AND d.deletedAt"
                + " IS NULL ORDER BY d.createdAt DESC", DocumentRecord.class).setParameter("e", e.id())
                .getResultList();
        List<ChecklistItem> items = new ArrayList<>();
        boolean complete = true;
        for (DocumentRequirementRecord r : reqs) {
            DocumentRecord satisfied = null;
            DocumentRecord candidate = null;
            for (DocumentRecord d : docs) {
                if (!d.documentType.name().equals(r.documentType)) {
                    continue;
                }
                if (candidate == null) {
                    candidate = d;
                }
                boolean ok = d.status == DocumentStatus.READY && d.reviewState != ReviewState.REJECTED
                        && (d.expiresOn == null || !d.expiresOn.isBefore(LocalDate.now()));
                if (ok && (satisfied == null || (d.reviewState == ReviewState.APPROVED
                        && satisfied.reviewState != ReviewState.APPROVED))) {
                    satisfied = d;
                }
            }
            String status = satisfied != null
                    ? (satisfied.reviewState == ReviewState.APPROVED
                            ? "APPROVED"
                            : "SATISFIED")
                    : candidate == null
                            ? "MISSING"
                            : candidate.reviewState == ReviewState.REJECTED
                                    ? "REJECTED"
                                    : candidate.expiresOn != null && candidate.expiresOn.isBefore(LocalDate.now())
                                            ? "EXPIRED"
                                            : candidate.status.name();
            if (satisfied == null && r.required) {
                complete = false;
            }
            items.add(new ChecklistItem(r.id, r.documentType, r.required, r.description, status,
                    satisfied == null ? null : satisfied.id, satisfied == null && candidate != null
                            ? candidate.id
                            : null,
                    satisfied != null
                            ? satisfied.reviewState
                            : candidate == null
                                    ? null
                                    : candidate.reviewState));
        }
        return new Checklist(e.id(), e.type().name(), complete, items);
    }

    // ------------------------------------------------------------------------------------------------ pipeline

    /** @return the version to process, if it still exists (background work: no caller, no visibility check) */
    public Optional<Work> work(String versionId) {
        DocumentVersionRecord v = em().find(DocumentVersionRecord.class, versionId);
        if (v == null) {
            return Optional.empty();
        }
        DocumentRecord d = em().find(DocumentRecord.class, v.documentId);
        DocumentType declared = d == null || d.typeSource.equals("CLASSIFIED") ? null : d.documentType;
        return Optional.of(new Work(v.documentId, v.id, v.mediaType, v.status, v.ocrState, declared));
    }

    /** @return ids of versions whose OCR waits for an engine (to process again once it is installed) */
    public List<String> waitingForOcr(int max) {
        return em().createQuery("SELECT v.id FROM DocumentVersion v WHERE v.ocrState = :s ORDER BY v.createdAt",
                String.class).setParameter("s", DocumentVersionRecord.OcrState.UNAVAILABLE).setMaxResults(max)
                .getResultList();
    }

    /**
     * Hands versions whose OCR waited for an engine back to processing (the sweep calls it once the engine is
     * installed).
     *
     * @return how many were enqueued
     */
    public int requeueWaitingForOcr(int max) {
        List<String> ids = waitingForOcr(max);
        ids.forEach(id -> jobs.enqueue(tenant(), DocumentPipeline.KIND, id));
        return ids.size();
    }

    /** @return whether a version row names this blob key (the orphan sweep's question) */
    public boolean blobReferenced(String versionId) {
        return em().find(DocumentVersionRecord.class, versionId) != null;
    }

    /** Stores the pipeline's result on the version and, when it is the newest, on the document. */
    public void finish(String versionId, DocumentProcessor.Result r) {
        EntityManager em = em();
        DocumentVersionRecord v = em.find(DocumentVersionRecord.class, versionId);
        if (v == null) {
            return;
        }
        // the document's row first, as every change of a document does (requireVisibleForChange), so that a
        // reviewer's decision and this job never hold one of the row and the audit chain's lock each
        DocumentRecord d = em.find(DocumentRecord.class, v.documentId, LockModeType.PESSIMISTIC_WRITE);
        v.status = r.failure() == null ? DocumentStatus.READY : DocumentStatus.FAILED;
        v.failureReason = r.failure();
        v.textContent = r.text();
        v.textTruncated = r.truncated();
        v.ocrState = r.ocrState();
        v.ocrEngine = r.ocrEngine();
        v.ocrPages = r.ocrPages();
        v.ocrConfidence = r.ocrConfidence();
        v.processedAt = OffsetDateTime.now();
        v.classification = r.reading() == null ? null : r.reading().type();
        for (DocumentFieldRecord f : fieldRecords(v.documentId, v.versionNo)) {
            if (f.source.equals("EXTRACTED")) {
                em.remove(f);
            }
        }
        em.flush();
        Set<String> corrected = new java.util.HashSet<>();
        fieldRecords(v.documentId, v.versionNo).forEach(f -> corrected.add(f.name));
        if (r.reading() != null) {
            for (var f : r.reading().fields().entrySet()) {
                if (!corrected.contains(f.getKey()) && f.getValue().length() <= 200) {
                    em.persist(new DocumentFieldRecord(v.documentId, v.versionNo, f.getKey(), f.getValue(),
                            "EXTRACTED", null));
                }
            }
        }
        if (d != null && d.currentVersion == v.versionNo) {
            d.status = v.status;
            d.failureReason = v.failureReason;
            d.searchText = v.textContent;
            d.classification = v.classification;
            if (d.typeSource.equals("CLASSIFIED") && v.classification != null) {
                d.documentType = v.classification;
                d.retainUntil = retainUntil(d.documentType, d.createdAt);
            }
            if (d.expiresOn == null && r.reading() != null && r.reading().fields().containsKey("expiresOn")) {
                d.expiresOn = LocalDate.parse(r.reading().fields().get("expiresOn"));
            }
            d.updatedAt = OffsetDateTime.now();
        }
        audit.recordAs(tenant(), "system", v.status == DocumentStatus.READY
                ? "DOCUMENT_PROCESSED"
                : "DOCUMENT_PROCESSING_FAILED", "document", v.documentId,
                "version " + v.versionNo
                        + (r.failure() == null ? "" : ": " + r.failure()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private DocumentRecord requireVisible(String id) {
        return requireVisible(id, false);
    }

    /**
     * A document about to change, its row locked first: changes take the row, then the audit chain's lock (in
     * {@code audit.record}); taking them in the other order deadlocked with the processing job finishing the same
     * document.
     */
    private DocumentRecord requireVisibleForChange(String id) {
        return requireVisible(id, true);
    }

    private DocumentRecord requireVisible(String id, boolean forChange) {
        if (id == null || id.length() > 36) {
            throw SevaException.notFound("Document");
        }
        DocumentRecord d = forChange
                ? em().find(DocumentRecord.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em().find(DocumentRecord.class, id);
        if (d == null || d.deletedAt != null) {
            throw SevaException.notFound("Document");
        }
        try {
            entities.require(d.entityId);
        } catch (SevaException e) {
            throw SevaException.notFound("Document");
        }
        return d;
    }

    private void requireStaff() {
        SevaPrincipal p = caller.require();
        if (!(p.has(Role.TENANT_ADMIN) || p.has(Role.MANAGER) || p.has(Role.STAFF))) {
            throw new SevaException(ErrorCode.FORBIDDEN, "Only the firm's staff may do this.");
        }
    }

    private DocumentVersionRecord version(DocumentRecord d, int no) {
        return em().createQuery("SELECT v FROM DocumentVersion v WHERE v.documentId = :d AND v.versionNo = :n",
                DocumentVersionRecord.class).setParameter("d", d.id).setParameter("n", no).getResultList().stream()
                .findFirst().orElseThrow(() -> SevaException.notFound("Version"));
    }

    private List<DocumentFieldRecord> fieldRecords(String documentId, int versionNo) {
        return em().createQuery("SELECT f FROM DocumentField f WHERE f.documentId = :d AND f.versionNo = :n"
                + " ORDER BY f.name", DocumentFieldRecord.class).setParameter("d", documentId)
                .setParameter("n", versionNo).getResultList();
    }

    private DocumentView view(DocumentRecord d) {
        DocumentVersionRecord v = em().createQuery("SELECT v FROM DocumentVersion v WHERE v.documentId = :d AND"
                + " v.versionNo = :n", DocumentVersionRecord.class).setParameter("d", d.id)
                .setParameter("n", d.currentVersion).getResultList().stream().findFirst().orElse(null);
        Map<String, String> fields = new TreeMap<>();
        for (DocumentFieldRecord f : fieldRecords(d.id, d.currentVersion)) {
            fields.put(f.name, f.value);
        }
        // one document's answers carry the newest review decision (lists leave it out: one more query per row)
        ReviewView review = em().createQuery("SELECT r FROM DocumentReview r WHERE r.documentId = :d AND r.versionNo"
                + " = :n ORDER BY r.createdAt DESC", DocumentReviewRecord.class).setParameter("d", d.id)
                .setParameter("n", d.currentVersion).setMaxResults(1).getResultList().stream()
                .map(r -> new ReviewView(r.versionNo, r.decision, r.comment, r.createdAt)).findFirst().orElse(null);
        return view(d, v, fields, review);
    }

    private static DocumentView view(DocumentRecord d, DocumentVersionRecord v, Map<String, String> fields) {
        return view(d, v, fields, null);
    }

    private static DocumentView view(DocumentRecord d, DocumentVersionRecord v, Map<String, String> fields,
            ReviewView review) {
        return new DocumentView(d.id, d.entityId, d.title, d.documentType, d.classification, d.status,
                d.failureReason, d.reviewState, d.currentVersion, d.mediaType, d.sizeBytes, d.sha256, d.expiresOn,
                d.retainUntil, d.legalHold, v == null ? null : ocrView(v), fields, review, d.createdAt, d.updatedAt);
    }

    private static OcrView ocrView(DocumentVersionRecord v) {
        return new OcrView(v.ocrState.name(), v.ocrEngine, v.ocrPages, v.ocrConfidence);
    }

    private static VersionView versionView(DocumentVersionRecord v) {
        return new VersionView(v.versionNo, v.mediaType, v.sizeBytes, v.sha256, v.originalName, v.status,
                v.failureReason, ocrView(v), v.createdAt);
    }

    private static RequirementView requirementView(DocumentRequirementRecord r) {
        return new RequirementView(r.id, r.entityType, r.documentType, r.required, r.description, r.createdAt);
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw SevaException.invalidField(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SevaException.invalidField(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
