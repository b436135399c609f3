package dev.seva.documents;

import dev.seva.sdk.identifiers.Cin;
import dev.seva.sdk.identifiers.Gstin;
import dev.seva.sdk.identifiers.Ifsc;
import dev.seva.sdk.identifiers.InvalidIdentifierException;
import dev.seva.sdk.identifiers.Pan;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Indian KYC documents from their text (digital or OCR): recognises the kind of document and extracts PAN,
 * GSTIN (check character verified), CIN, IFSC, Aadhaar (Verhoeff-checked, kept only masked to its last four digits)
 * and labelled dates. Pure and thread-safe.
 *
 * <p>
 * OCR confuses look-alike characters (O/0, I/1, S/5, B/8, Z/2): a candidate that fails as read is retried with
 * letters and digits swapped in the positions where the format expects the other kind, and kept only if it then
 * validates (for a GSTIN the check character makes that safe).
 *
 * <p>
 * {@link #redact(String, DocumentType)} masks every Aadhaar number in a text, also where OCR misread it in an Aadhaar
 * document (see {@link AadhaarRedactor}); the vault stores and serves only redacted text.
 */
public final class KycReader {

    /**
     * The version of {@link #redact}'s rules. <b>Bump it whenever they change</b> (what is masked, not how the code
     * reads): at its next start an upgraded Seva masks every tenant's stored text, titles, file names and fields again,
     * once per version (the redaction rescan, {@code documents.redaction.rescan}). {@code RedactionVersionTest} pins
     * what the rules do to a fixed set of texts and fails when they change under the same version. 1 was the
     * Verhoeff-valid numbers with single separators; 2 is {@link AadhaarRedactor}.
     */
    public static final int REDACTION_VERSION = 2;

    /** Field names of {@link Reading#fields()}. */
    public static final String PAN = "pan", GSTIN = "gstin", CIN = "cin", IFSC = "ifsc",
            AADHAAR_MASKED = "aadhaarMasked", DATES = "dates";

    private static final Pattern PAN_LIKE = Pattern.compile("(?<![A-Z0-9])[A-Z0-9]{5}[A-Z0-9]{4}[A-Z0-9](?![A-Z0-9])");
    private static final Pattern GSTIN_LIKE = Pattern.compile("(?<![A-Z0-9])[0-9OISBZ]{2}[A-Z0-9]{13}(?![A-Z0-9])");
    private static final Pattern CIN_LIKE = Pattern
            .compile("(?<![A-Z0-9])[LU][0-9OI]{5}[A-Z]{2}[0-9OI]{4}[A-Z]{3}[0-9OI]{6}"
                    + "(?![A-Z0-9])");
    private static final Pattern IFSC_LIKE = Pattern.compile("(?<![A-Z0-9])[A-Z]{4}[0O][A-Z0-9]{6}(?![A-Z0-9])");
    private static final Pattern DATE = Pattern.compile("(?<![0-9])(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?![0-9])"
            + "|(?<![0-9])(\\d{4})-(\\d{2})-(\\d{2})(?![0-9])"
            + "|(?<![0-9])(\\d{1,2})[ \\-]([A-Za-z]{3,9})[ \\-,]+(\\d{4})(?![0-9])");
    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LONG = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMMM uuuu").toFormatter(Locale.ENGLISH);

    /** labels that name the date following them, checked in this order */
    private static final Map<String, Pattern> DATE_LABELS = new LinkedHashMap<>();
    static {
        DATE_LABELS.put("expiresOn", Pattern.compile("(valid\\s*(up\\s*to|upto|till|until)|expir\\w*|valid\\s*to)",
                Pattern.CASE_INSENSITIVE));
        DATE_LABELS.put("dateOfBirth", Pattern.compile("(date\\s*of\\s*birth|\\bdob\\b|birth)",
                Pattern.CASE_INSENSITIVE));
        DATE_LABELS.put("incorporatedOn", Pattern.compile("(incorporat\\w*)", Pattern.CASE_INSENSITIVE));
        DATE_LABELS.put("invoiceDate", Pattern.compile("(invoice\\s*date|date\\s*of\\s*invoice)",
                Pattern.CASE_INSENSITIVE));
        DATE_LABELS.put("validFrom", Pattern.compile("(date\\s*of\\s*liability|valid\\s*from|effective\\s*date)",
                Pattern.CASE_INSENSITIVE));
        DATE_LABELS.put("issuedOn",
                Pattern.compile("(date\\s*of\\s*issue|issue\\s*date|issued\\s*on|date\\s*of\\s*approval)",
                        Pattern.CASE_INSENSITIVE));
    }

    private record Cue(Pattern pattern, int weight) {
    }

    private static final Map<DocumentType, List<Cue>> CUES = new EnumMap<>(DocumentType.class);
    static {
        cue(DocumentType.PAN_CARD, "income\\s*tax\\s*department", 4, "permanent\\s*account\\s*number", 5,
                "govt\\.?\\s*of\\s*india", 1, "father'?s\\s*name", 2, "\\bsignature\\b", 1);
        cue(DocumentType.AADHAAR, "aadhaar|aadhar|\u0906\u0927\u093e\u0930", 5,
                "unique\\s*identification\\s*authority", 5, "\\buidai\\b", 4, "enrol?ment\\s*no", 3,
                "government\\s*of\\s*india", 1, "\\b(male|female)\\b", 1, "\\bvid\\b", 1);
        cue(DocumentType.GST_CERTIFICATE, "reg-?\\s*06", 5, "registration\\s*certificate", 4,
                "goods\\s*and\\s*services\\s*tax", 3, "date\\s*of\\s*liability", 3, "trade\\s*name", 2,
                "constitution\\s*of\\s*business", 3, "principal\\s*place\\s*of\\s*business", 2, "\\bgstin\\b", 1);
        cue(DocumentType.INCORPORATION_CERTIFICATE, "certificate\\s*of\\s*incorporation", 6,
                "registrar\\s*of\\s*companies", 4, "corporate\\s*identity\\s*number", 4, "companies\\s*act", 3,
                "is\\s*incorporated", 3, "limited\\s*by\\s*shares", 2);
        cue(DocumentType.CANCELLED_CHEQUE, "cancell?ed", 4, "or\\s*bearer", 4, "\\bpay\\b", 1, "rupees", 2,
                "\\bmicr\\b", 2, "a/?c\\s*no", 1, "\\bifs\\s*c(ode)?\\b", 1, "please\\s*sign\\s*above", 3);
        cue(DocumentType.BANK_STATEMENT, "statement\\s*of\\s*account|account\\s*statement", 6,
                "opening\\s*balance", 3, "closing\\s*balance", 3, "withdrawal", 2, "deposit", 1,
                "\\bnarration\\b", 2, "transaction", 1, "cheque\\s*no", 1);
        cue(DocumentType.INVOICE, "tax\\s*invoice", 6, "invoice\\s*(no|number|#)", 4, "invoice\\s*date", 3,
                "\\b(hsn|sac)\\b", 2, "\\bcgst\\b", 2, "\\bsgst\\b", 2, "\\bigst\\b", 2, "place\\s*of\\s*supply", 2,
                "grand\\s*total|total\\s*amount", 2, "\\binvoice\\b", 1);
    }

    private static void cue(DocumentType t, Object... patternsAndWeights) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < patternsAndWeights.length; i += 2) {
            cues.add(new Cue(Pattern.compile((String) patternsAndWeights[i], Pattern.CASE_INSENSITIVE),
                    (Integer) patternsAndWeights[i + 1]));
        }
        CUES.put(t, cues);
    }

    /** Below this score a text is {@link DocumentType#OTHER}. */
    static final int MIN_SCORE = 6;

    private KycReader() {
    }

    /**
     * What the reader found in a text.
     *
     * @param type the kind of document, {@link DocumentType#OTHER} when unsure
     * @param score how strongly the text matched {@code type}'s cues
     * @param fields extracted values by name ({@link #PAN}, {@link #GSTIN}, {@link #CIN}, {@link #IFSC},
     *        {@link #AADHAAR_MASKED}, labelled dates such as {@code dateOfBirth} and {@code expiresOn} as ISO dates,
     *        {@link #DATES} with the other dates, comma-separated)
     */
    public record Reading(DocumentType type, int score, Map<String, String> fields) {
    }

    /**
     * @param text a document's text (may be null)
     * @return its classification and fields
     */
    public static Reading read(String text) {
        String t = text == null ? "" : text;
        Map<String, String> fields = fields(t);
        DocumentType best = DocumentType.OTHER;
        int bestScore = 0;
        for (var e : CUES.entrySet()) {
            int score = 0;
            for (Cue c : e.getValue()) {
                if (c.pattern().matcher(t).find()) {
                    score += c.weight();
                }
            }
            score += identifierBonus(e.getKey(), fields);
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return new Reading(bestScore >= MIN_SCORE ? best : DocumentType.OTHER, bestScore, fields);
    }

    private static int identifierBonus(DocumentType type, Map<String, String> f) {
        return switch (type) {
            case PAN_CARD -> f.containsKey(PAN) && !f.containsKey(GSTIN) ? 3 : 0;
            case AADHAAR -> f.containsKey(AADHAAR_MASKED) ? 4 : 0;
            case GST_CERTIFICATE -> f.containsKey(GSTIN) ? 3 : 0;
            case INCORPORATION_CERTIFICATE -> f.containsKey(CIN) ? 3 : 0;
            case CANCELLED_CHEQUE, BANK_STATEMENT -> f.containsKey(IFSC) ? 2 : 0;
            default -> 0;
        };
    }

    /**
     * @param text a document's text
     * @return the identifiers and dates found in it; the first valid one of each kind
     */
    public static Map<String, String> fields(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String upper = text.toUpperCase(Locale.ROOT);
        firstGstin(upper).ifPresent(g -> out.put(GSTIN, g));
        firstPan(upper, out.get(GSTIN)).ifPresent(p -> out.put(PAN, p));
        first(CIN_LIKE, upper, KycReader::cin).ifPresent(c -> out.put(CIN, c));
        first(IFSC_LIKE, upper, KycReader::ifsc).ifPresent(c -> out.put(IFSC, c));
        AadhaarRedactor.first(text).ifPresent(a -> out.put(AADHAAR_MASKED, a.masked()));
        dates(text, out);
        return out;
    }

    /**
     * @param text a text
     * @return the text with every Aadhaar number (Verhoeff-valid, whatever separates its groups) masked to its last
     *         four digits
     */
    public static String redact(String text) {
        return AadhaarRedactor.redact(text, false);
    }

    /**
     * @param text a document's text
     * @param type what the document is: in an {@link DocumentType#AADHAAR} every twelve digits in the 4-4-4 layout
     *        are masked, whether or not the check digit holds (OCR misreads digits)
     * @return the text with its Aadhaar numbers masked to their last four digits
     */
    public static String redact(String text, DocumentType type) {
        return AadhaarRedactor.redact(text, type == DocumentType.AADHAAR);
    }

    private static java.util.Optional<String> firstGstin(String upper) {
        Matcher m = GSTIN_LIKE.matcher(upper);
        while (m.find()) {
            String s = m.group();
            for (String candidate : List.of(s, asGstinShape(s))) {
                try {
                    return java.util.Optional.of(Gstin.parse(candidate).value());
                } catch (InvalidIdentifierException e) {
                    // try the next reading
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> firstPan(String upper, String gstin) {
        Matcher m = PAN_LIKE.matcher(upper);
        while (m.find()) {
            String s = m.group();
            for (String candidate : List.of(s, asPanShape(s))) {
                try {
                    return java.util.Optional.of(Pan.parse(candidate).value());
                } catch (InvalidIdentifierException e) {
                    // try the next reading
                }
            }
        }
        // a GST certificate shows the PAN inside the GSTIN only
        return gstin == null ? java.util.Optional.empty() : java.util.Optional.of(gstin.substring(2, 12));
    }

    private interface Check {
        String valid(String candidate);
    }

    private static java.util.Optional<String> first(Pattern p, String upper, Check check) {
        Matcher m = p.matcher(upper);
        while (m.find()) {
            try {
                return java.util.Optional.of(check.valid(m.group()));
            } catch (InvalidIdentifierException e) {
                // keep looking
            }
        }
        return java.util.Optional.empty();
    }

    private static String cin(String s) {
        return Cin.parse(s.substring(0, 1) + digits(s.substring(1, 6)) + s.substring(6, 8) + digits(s.substring(8, 12))
                + s.substring(12, 15) + digits(s.substring(15))).value();
    }

    private static String ifsc(String s) {
        return Ifsc.parse(s.substring(0, 4) + "0" + s.substring(5)).value();
    }

    /** PAN: letters 1-5, digits 6-9, letter 10 */
    static String asPanShape(String s) {
        return letters(s.substring(0, 5)) + digits(s.substring(5, 9)) + letters(s.substring(9));
    }

    /** GSTIN: state digits, a PAN, then entity number, Z and check character as read */
    static String asGstinShape(String s) {
        return digits(s.substring(0, 2)) + asPanShape(s.substring(2, 12)) + s.substring(12);
    }

    private static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'O', 'D', 'Q' -> '0';
                case 'I', 'L' -> '1';
                case 'Z' -> '2';
                case 'S' -> '5';
                case 'G' -> '6';
                case 'B' -> '8';
                default -> c;
            });
        }
        return b.toString();
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case '0' -> 'O';
                case '1' -> 'I';
                case '2' -> 'Z';
                case '5' -> 'S';
                case '6' -> 'G';
                case '8' -> 'B';
                default -> c;
            });
        }
        return b.toString();
    }

    private static void dates(String text, Map<String, String> out) {
        Set<String> unlabelled = new LinkedHashSet<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            LocalDate d = parseDate(m);
            if (d == null || d.getYear() < 1900 || d.getYear() > 2100) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            String label = null;
            for (var e : DATE_LABELS.entrySet()) {
                if (e.getValue().matcher(before).find() && !out.containsKey(e.getKey())) {
                    label = e.getKey();
                    break;
                }
            }
            if (label != null) {
                out.put(label, d.toString());
            } else if (unlabelled.size() < 5) {
                unlabelled.add(d.toString());
            }
        }
        if (!unlabelled.isEmpty()) {
            out.put(DATES, String.join(",", unlabelled));
        }
    }

    private static LocalDate parseDate(Matcher m) {
        try {
            if (m.group(1) != null) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            if (m.group(4) != null) {
                return LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
            }
            String s = m.group(7) + " " + m.group(8) + " " + m.group(9);
            try {
                return LocalDate.parse(s, MONTH);
            } catch (DateTimeParseException e) {
                return LocalDate.parse(s, MONTH_LONG);
            }
        } catch (RuntimeException e) {
            return null;
        }
    }
}
