package dev.seva.tenant;

/**
 * A business entity as other modules see it.
 *
 * @param id its id
 * @param legalName its legal name
 * @param type its legal form
 * @param stateCode its GST state code ({@code 27} for Maharashtra), or null when unknown
 * @param pan its PAN, or null
 * @param gstin its GSTIN, or null
 */
public record EntityRef(String id, String legalName, EntityType type, String stateCode, String pan, String gstin) {
}
