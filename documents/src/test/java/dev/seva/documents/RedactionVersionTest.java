package dev.seva.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seva.sdk.identifiers.Aadhaar;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KycReader#REDACTION_VERSION} names the redaction rules: the stored text of every tenant is masked again once
 * per version, so rules that change under the same version would leave what the new rules mask in clear in the
 * documents processed before. This test pins what the rules make of a fixed corpus (numbers valid and misread, any
 * separators, OCR look-alikes, dates, phone numbers, amounts; as a plain and as an Aadhaar document).
 */
class RedactionVersionTest {

    /** what the rules of each version make of the corpus; a new version adds its line */
    private static final Map<Integer, String> FINGERPRINTS = Map.of(2,
            "46c83989a38af2eea7a2308b1ec42df171d67fb59bbece61e77e5ebf9fddc406");

    private static final List<String> SEPARATORS = List.of(" ", "  ", ".", "-", " - ", "\n", "\r\n", "\t", "",
            "\u00A0", ". ");
    private static final List<String> WORDS = List.of("Director", "DOB: 02/11/1990", "+91 ", "Rs 1,07,150.50",
            "Aadhaar", "A/c 0012 3456 7890 1234", "2019", "GSTIN 27AAPFU0939F1ZV");

    @Test
    void theRulesAreThoseOfTheirVersion() throws Exception {
        String now = fingerprint();
        assertEquals(FINGERPRINTS.get(KycReader.REDACTION_VERSION), now, "KycReader.redact's rules changed: bump"
                + " KycReader.REDACTION_VERSION (every tenant's stored text is then masked again at the next start)"
                + " and pin its fingerprint here: " + now);
    }

    static String fingerprint() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(20261202);
        for (int i = 0; i < 3000; i++) {
            String text = text(random);
            for (DocumentType type : List.of(DocumentType.OTHER, DocumentType.AADHAAR)) {
                sha.update(KycReader.redact(text, type).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int s = 1 + random.nextInt(4); s > 0; s--) {
            text.append(random.nextBoolean() ? " " : "\n");
            switch (random.nextInt(4)) {
                case 0 -> text.append(WORDS.get(random.nextInt(WORDS.size())));
                case 1 -> text.append(digits(random, 4 + random.nextInt(13)));
                default -> text.append(number(random));
            }
        }
        return text.toString();
    }

    /** a number, valid or with a digit misread, its groups separated any way, some digits read as look-alikes */
    private static String number(Random random) {
        String eleven = (2 + random.nextInt(8)) + digits(random, 10);
        String n = eleven + Aadhaar.verhoeffDigit(eleven);
        if (random.nextInt(3) == 0) {
            int i = random.nextInt(12);
            n = n.substring(0, i) + (char) ('0' + (n.charAt(i) - '0' + 1 + random.nextInt(9)) % 10) + n.substring(i
                    + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 3; g++) {
            if (g > 0) {
                out.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
            for (char c : n.substring(4 * g, 4 * g + 4).toCharArray()) {
                int lookAlike = "0158".indexOf(c);
                out.append(lookAlike >= 0 && random.nextInt(6) == 0 ? "OlSB".charAt(lookAlike) : c);
            }
        }
        return out.toString();
    }

    private static String digits(Random random, int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
