package dev.seva.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    private static final FinancialYear FY = new FinancialYear(2026);

    @Test
    void theExampleIsFifteenCharacters() {
        assertEquals(Optional.of("ACME/2627/00001"), InvoiceNumbers.format("ACME", FY, 1));
        assertEquals(15, InvoiceNumbers.format("ACME", FY, 1).get().length());
    }

    @Test
    void theFinancialYearIsFourDigitsAcrossTheCentury() {
        assertEquals("2627", FY.shortLabel());
        assertEquals("9900", new FinancialYear(2099).shortLabel());
        assertEquals("0001", new FinancialYear(2100).shortLabel());
        assertEquals("2526", FinancialYear.of(LocalDate.of(2026, 3, 31)).shortLabel());
        assertEquals("2627", FinancialYear.of(LocalDate.of(2026, 4, 1)).shortLabel());
    }

    @Test
    void noPrefixAndSequenceEverGiveMoreThanSixteenCharacters() {
        for (String prefix : new String[]{"A", "AB", "ABC1", "ABCDE", "99999"}) {
            for (long seq : new long[]{1, 9, 10, 9_999, 99_999, 100_000, 999_999, 1_000_000, Long.MAX_VALUE}) {
                Optional<String> n = InvoiceNumbers.format(prefix, FY, seq);
                n.ifPresent(s -> assertTrue(s.length() <= InvoiceNumbers.MAX_LENGTH, s));
                n.ifPresent(s -> assertTrue(s.matches("[A-Z0-9/]+"), s));
                if (seq <= 99_999) {
                    assertTrue(n.isPresent(), prefix + " " + seq);
                }
            }
        }
        assertEquals(Optional.of("ABCDE/2627/99999"), InvoiceNumbers.format("ABCDE", FY, 99_999));
        assertEquals(16, InvoiceNumbers.format("ABCDE", FY, 99_999).get().length());
        assertTrue(InvoiceNumbers.format("ABCDE", FY, 100_000).isEmpty());
        // a shorter prefix leaves room for a sixth digit
        assertEquals(Optional.of("ABCD/2627/100000"), InvoiceNumbers.format("ABCD", FY, 100_000));
    }

    @Test
    void prefixesAreValidated() {
        for (String ok : new String[]{"A", "ACME", "AB12", "ABCDE"}) {
            assertTrue(InvoiceNumbers.validPrefix(ok), ok);
        }
        for (String bad : new String[]{null, "", "ABCDEF", "acme", "AC-M", "AC/M", "ÄCME", " ACME"}) {
            assertFalse(InvoiceNumbers.validPrefix(bad), String.valueOf(bad));
            if (bad != null) {
                assertThrows(IllegalArgumentException.class, () -> InvoiceNumbers.format(bad, FY, 1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> InvoiceNumbers.format("ACME", FY, 0));
    }

    @Test
    void theDefaultPrefixComesFromTheSlug() {
        assertEquals("ACME", InvoiceNumbers.defaultPrefix("acme"));
        assertEquals("SHARM", InvoiceNumbers.defaultPrefix("sharma-and-co"));
        assertEquals("A1B2", InvoiceNumbers.defaultPrefix("a1-b2"));
        assertEquals("INV", InvoiceNumbers.defaultPrefix("--"));
        assertTrue(InvoiceNumbers.validPrefix(InvoiceNumbers.defaultPrefix("pay-1234567890")));
    }
}
