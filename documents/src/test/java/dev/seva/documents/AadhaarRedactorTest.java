package dev.seva.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.identifiers.Aadhaar;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AadhaarRedactorTest {

    static String aadhaar(String eleven) {
        return eleven + Aadhaar.verhoeffDigit(eleven);
    }

    /** {@code n} with its groups joined by {@code a} and {@code b} */
    static String spaced(String n, String a, String b) {
        return n.substring(0, 4) + a + n.substring(4, 8) + b + n.substring(8);
    }

    /** {@code n} with its digit at {@code i} replaced by another digit: the check digit no longer holds */
    static String misread(String n, int i, int by) {
        char wrong = (char) ('0' + (n.charAt(i) - '0' + by) % 10);
        return n.substring(0, i) + wrong + n.substring(i + 1);
    }

    static final String N = aadhaar("49182736451"), M = aadhaar("23456789012");
    static final String MASKED_N = "XXXX XXXX " + N.substring(8), MASKED_M = "XXXX XXXX " + M.substring(8);
    static final String BAD = misread(N, 11, 1);
    /** sixteen digits whose first twelve and last twelve are both valid numbers */
    static final String OVERLAP = overlap();

    private static String overlap() {
        for (int g = 2000; g < 3000; g++) {
            String s = g + N;
            if (Aadhaar.verhoeffValid(s.substring(0, 12))) {
                return s;
            }
        }
        throw new IllegalStateException();
    }

    static Stream<Arguments> anywhere() {
        return Stream.of(
                // a valid number is masked whatever separates its groups
                Arguments.of("one space", "ID " + spaced(N, " ", " ") + ".", "ID " + MASKED_N + "."),
                Arguments.of("two spaces", "ID " + spaced(N, "  ", "  "), "ID " + MASKED_N),
                Arguments.of("dots", spaced(M, ".", "."), MASKED_M),
                Arguments.of("hyphens", spaced(M, "-", "-"), MASKED_M),
                Arguments.of("spaced hyphens", spaced(M, " - ", " - "), MASKED_M),
                Arguments.of("an en dash", spaced(M, "\u2013", "\u2013"), MASKED_M),
                Arguments.of("no-break spaces", spaced(M, "\u00A0", "\u00A0"), MASKED_M),
                Arguments.of("tabs", spaced(M, "\t", "\t"), MASKED_M),
                Arguments.of("separate lines", "Number:\n" + spaced(N, "\n", "\n") + "\nEnd",
                        "Number:\n" + MASKED_N + "\nEnd"),
                Arguments.of("separate Windows lines", spaced(N, "\r\n", " \r\n  "), MASKED_N),
                Arguments.of("mixed separators", spaced(N, ". ", "\n"), MASKED_N),
                Arguments.of("twelve in a row", "(" + N + ")", "(" + MASKED_N + ")"),
                Arguments.of("an OCR look-alike that still checks", spaced(M.replace('0', 'O'), " ", " "), MASKED_M),
                Arguments.of("glued to a label", "No:" + N, "No:" + MASKED_N),
                Arguments.of("two numbers", N + " and " + spaced(M, "  ", "\n"), MASKED_N + " and " + MASKED_M),
                Arguments.of("after a year", "2019 " + spaced(N, " ", " "), "2019 " + MASKED_N),
                Arguments.of("after a group that is not one", "1234 " + spaced(N, " ", " "), "1234 " + MASKED_N),
                Arguments.of("overlapping a valid number", OVERLAP.substring(0, 4) + " " + spaced(OVERLAP.substring(4),
                        " ", " "), "XXXX XXXX XXXX " + OVERLAP.substring(12)),
                // what is clearly not an Aadhaar number stays
                Arguments.of("twelve digits failing Verhoeff", spaced(BAD, "  ", "\n"), spaced(BAD, "  ", "\n")),
                Arguments.of("a phone number after +", "+" + aadhaar("91987654321"), "+" + aadhaar("91987654321")),
                Arguments.of("a phone number", "Call +91 98765 43210 or 022 2345 6789",
                        "Call +91 98765 43210 or 022 2345 6789"),
                Arguments.of("a GSTIN and a PAN", "GSTIN 27AAPFU0939F1ZV PAN AAPFU0939F",
                        "GSTIN 27AAPFU0939F1ZV PAN AAPFU0939F"),
                Arguments.of("invoice amounts", "Total Rs 1,23,456.78 (2345.67 + 1234.00)",
                        "Total Rs 1,23,456.78 (2345.67 + 1234.00)"),
                Arguments.of("sixteen digits in a row", N + "1234", N + "1234"),
                Arguments.of("twelve valid digits inside sixteen", "5678" + N, "5678" + N),
                Arguments.of("a bank account", "A/c No 50100012345678", "A/c No 50100012345678"),
                Arguments.of("starting with 1", aadhaar("12345678901"), aadhaar("12345678901")),
                Arguments.of("groups far apart", spaced(N, " ".repeat(11), " "), spaced(N, " ".repeat(11), " ")),
                Arguments.of("years in a column", "2019\n2020\n2021\n2022", "2019\n2020\n2021\n2022"),
                Arguments.of("words", "BOSS SOIL BOIL lOIS", "BOSS SOIL BOIL lOIS"),
                Arguments.of("masked already", MASKED_N, MASKED_N));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anywhere")
    void anywhereOnlyAadhaarNumbersAreMasked(String what, String text, String expected) {
        assertEquals(expected, AadhaarRedactor.redact(text, false));
        assertEquals(expected, KycReader.redact(text));
    }

    static Stream<Arguments> inAnAadhaar() {
        String wrong = misread(N, 5, 3);
        return Stream.of(
                Arguments.of("a misread digit", spaced(wrong, " ", " "), MASKED_N),
                Arguments.of("a misread check digit", spaced(BAD, "  ", "  "), "XXXX XXXX " + BAD.substring(8)),
                Arguments.of("a misread first digit", "1" + N.substring(1), MASKED_N),
                Arguments.of("look-alikes", "4B1S 2736 4I5l", "XXXX XXXX 4151"),
                Arguments.of("look-alikes O o | S", "49O8 2o36 |S07", "XXXX XXXX 1507"),
                Arguments.of("glued to a word", "NO" + spaced(wrong, " ", " "), "NO" + MASKED_N),
                Arguments.of("separate lines", "DOB: 15/08/1985\n" + spaced(wrong, "\n", "\n") + "\nMALE",
                        "DOB: 15/08/1985\n" + MASKED_N + "\nMALE"),
                Arguments.of("a valid and a misread number", spaced(M, " ", " ") + "\n" + spaced(wrong, " ", " "),
                        MASKED_M + "\n" + MASKED_N),
                Arguments.of("a year before a misread number", "1985\n" + spaced(wrong, " ", " "),
                        "XXXX XXXX XXXX " + N.substring(8)),
                Arguments.of("a date before a misread number", "Issued 15.08.2019 " + spaced(wrong, " ", " "),
                        "Issued 15.08.2019 " + MASKED_N),
                Arguments.of("a year before a valid number", "1985\n" + spaced(N, " ", " "), "1985\n" + MASKED_N),
                Arguments.of("words stay", "BOSS SOIL BOIL", "BOSS SOIL BOIL"),
                Arguments.of("a date stays", "Issued 2019-08-15", "Issued 2019-08-15"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inAnAadhaar")
    void inAnAadhaarEveryTwelveDigitsInTheLayoutAreMasked(String what, String text, String expected) {
        assertEquals(expected, AadhaarRedactor.redact(text, true));
        assertEquals(expected, KycReader.redact(text, DocumentType.AADHAAR));
    }

    @Test
    void aLongTableOfNumbersIsScannedWithoutOverflowingTheStack() {
        String table = "2019 ".repeat(250_000) + "\n" + spaced(N, " ", " ");
        assertTrue(AadhaarRedactor.redact(table, false).endsWith(MASKED_N));
        assertTrue(AadhaarRedactor.redact(table, true).endsWith(N.substring(8)));
    }

    @Test
    void theFieldIsReadThroughLookAlikesButOnlyWhenTheNumberChecks() {
        assertEquals(MASKED_M, KycReader.fields("ID " + spaced(M.replace('0', 'O'), " ", "\n")).get(
                KycReader.AADHAAR_MASKED));
        assertEquals(MASKED_N, KycReader.fields("ID " + spaced(N, "  ", "  ")).get(KycReader.AADHAAR_MASKED));
        assertNull(KycReader.fields("ID " + spaced(BAD, " ", " ")).get(KycReader.AADHAAR_MASKED));
        assertNull(KycReader.fields("+" + aadhaar("91987654321")).get(KycReader.AADHAAR_MASKED));
    }

    private static final List<String> SEPARATORS = List.of("", " ", "  ", "   ", ".", "-", " - ", "\n", "\r\n", "\t",
            " \n ", "\u00A0", "\u2013", ". ", "\n\n");
    private static final String LOOK_ALIKES = "0O0o1I1l1|5S8B";

    private static String randomNumber(Random r) {
        StringBuilder eleven = new StringBuilder().append(2 + r.nextInt(8));
        for (int i = 0; i < 10; i++) {
            eleven.append(r.nextInt(10));
        }
        return aadhaar(eleven.toString());
    }

    private static String randomSpacing(Random r, String n) {
        return spaced(n, SEPARATORS.get(r.nextInt(SEPARATORS.size())), SEPARATORS.get(r.nextInt(SEPARATORS
                .size())));
    }

    @Test
    void anyValidNumberWithAnySeparatorsIsMaskedAnywhere() {
        Random r = new Random(15);
        for (int i = 0; i < 10_000; i++) {
            String n = randomNumber(r);
            String text = "Director's ID: " + randomSpacing(r, n) + "\nDate 15/08/2024";
            assertEquals("Director's ID: XXXX XXXX " + n.substring(8) + "\nDate 15/08/2024", AadhaarRedactor
                    .redact(text, false), text);
        }
    }

    @Test
    void inAnAadhaarAnyNumberWithOneMisreadDigitAndAnySeparatorsIsMasked() {
        Random r = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            String n = randomNumber(r);
            int at = r.nextInt(12);
            String read;
            if (r.nextBoolean()) {
                read = misread(n, at, 1 + r.nextInt(9));
            } else {
                // a look-alike letter where the digit has one, another digit otherwise
                int k = LOOK_ALIKES.indexOf(n.charAt(at));
                char c = k >= 0 ? LOOK_ALIKES.charAt(k + 1) : (char) ('0' + (n.charAt(at) - '0' + 1) % 10);
                read = n.substring(0, at) + c + n.substring(at + 1);
            }
            String text = "Aadhaar No.: " + randomSpacing(r, read) + "\nVID";
            String shown = misreadLastFour(n, read);
            String redacted = AadhaarRedactor.redact(text, true);
            assertEquals("Aadhaar No.: XXXX XXXX " + shown + "\nVID", redacted, text);
            assertFalse(redacted.contains(n.substring(0, 4)) && redacted.contains(n.substring(4, 8)), redacted);
        }
    }

    /** the last four as the redactor shows them: look-alikes read as digits, a misread digit as read */
    private static String misreadLastFour(String n, String read) {
        StringBuilder b = new StringBuilder();
        for (char c : read.substring(8).toCharArray()) {
            int k = LOOK_ALIKES.indexOf(c);
            b.append(Character.isDigit(c) || k < 0 ? c : LOOK_ALIKES.charAt(k - 1));
        }
        assertTrue(b.length() == 4 && n.length() == 12);
        return b.toString();
    }

    @Test
    void twelveDigitsFailingVerhoeffPhonesAndAmountsStayAnywhere() {
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String n = misread(randomNumber(r), r.nextInt(12), 1 + r.nextInt(9));
            String text = "Ref " + randomSpacing(r, n) + ", call +91" + (6 + r.nextInt(4)) + String.format("%09d", r
                    .nextInt(1_000_000_000)) + ", total Rs " + r.nextInt(100) + "," + String.format("%02d,%03d.%02d",
                            r.nextInt(100), r.nextInt(1000), r.nextInt(100));
            assertEquals(text, AadhaarRedactor.redact(text, false));
        }
    }
}
