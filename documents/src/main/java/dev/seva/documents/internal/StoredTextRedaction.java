package dev.seva.documents.internal;

import dev.seva.documents.DocumentType;
import dev.seva.documents.KycReader;
import dev.seva.tenant.TenantPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;

/**
 * Masks again what is stored of one document, with the rules new documents get ({@link KycReader#redact(String,
 * DocumentType)}): its title and search text (and so the generated search index), each version's text and file name,
 * and its field values. Documents read as Aadhaar letters (by type, classification or a version's classification) get
 * the Aadhaar rule, as processing gives them. Native SQL under the tenant's RLS, the document's row locked first (as
 * every change of a document does), one version's text in memory at a time; only what changes is written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StoredTextRedaction {

    @PersistenceUnit(unitName = "seva-documents")
    EntityManagerFactory unit;

    @Inject
    TenantPersistence persistence;

    /**
     * @param documentId a document of the current tenant
     * @return whether anything of it changed
     */
    public boolean redact(String documentId) {
        EntityManager em = persistence.tenant(unit);
        List<?> found = em.createNativeQuery("SELECT document_type, classification, title, search_text FROM document"
                + " WHERE id = ? FOR UPDATE").setParameter(1, documentId).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        Object[] d = (Object[]) found.get(0);
        DocumentType type = isAadhaar(d[0]) || isAadhaar(d[1]) ? DocumentType.AADHAAR : DocumentType.OTHER;
        boolean changed = false;
        String title = cut(KycReader.redact((String) d[2], type), 300);
        String search = KycReader.redact((String) d[3], type);
        if (!Objects.equals(title, d[2]) || !Objects.equals(search, d[3])) {
            em.createNativeQuery("UPDATE document SET title = ?, search_text = ? WHERE id = ?").setParameter(1, title)
                    .setParameter(2, search).setParameter(3, documentId).executeUpdate();
            changed = true;
        }
        for (Object row : em.createNativeQuery("SELECT id, classification, original_name FROM document_version"
                + " WHERE document_id = ? ORDER BY version_no FOR UPDATE").setParameter(1, documentId)
                .getResultList()) {
            Object[] v = (Object[]) row;
            changed |= redactVersion(em, (String) v[0], isAadhaar(v[1]) ? DocumentType.AADHAAR : type, (String) v[2]);
        }
        for (Object row : em.createNativeQuery("SELECT id, value FROM document_field WHERE document_id = ?")
                .setParameter(1, documentId).getResultList()) {
            Object[] f = (Object[]) row;
            String value = cut(KycReader.redact((String) f[1], type), 200);
            if (!value.equals(f[1])) {
                em.createNativeQuery("UPDATE document_field SET value = ? WHERE id = ?").setParameter(1, value)
                        .setParameter(2, f[0]).executeUpdate();
                changed = true;
            }
        }
        return changed;
    }

    private static boolean redactVersion(EntityManager em, String versionId, DocumentType type, String fileName) {
        Object stored = em.createNativeQuery("SELECT text_content FROM document_version WHERE id = ?")
                .setParameter(1, versionId).getSingleResult();
        String text = KycReader.redact((String) stored, type);
        String name = cut(KycReader.redact(fileName, type), 255);
        if (Objects.equals(text, stored) && Objects.equals(name, fileName)) {
            return false;
        }
        em.createNativeQuery("UPDATE document_version SET text_content = ?, original_name = ? WHERE id = ?")
                .setParameter(1, text).setParameter(2, name).setParameter(3, versionId).executeUpdate();
        return true;
    }

    private static boolean isAadhaar(Object type) {
        return DocumentType.AADHAAR.name().equals(type);
    }

    /** a masked number is two characters longer than twelve digits in a row: never more than the column holds */
    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
