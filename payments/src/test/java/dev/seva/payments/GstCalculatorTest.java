package dev.seva.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.payments.GstCalculator.Line;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GstCalculatorTest {

    private static Line line(long paise, String rate) {
        return new Line(paise, new BigDecimal(rate));
    }

    @Test
    void aMaharashtraFirmBillingKarnatakaChargesIgstOnly() {
        var s = GstCalculator.split("27", "29", List.of(line(100_000, "18")));
        assertTrue(s.interState());
        assertEquals(100_000, s.taxablePaise());
        assertEquals(18_000, s.igstPaise());
        assertEquals(0, s.cgstPaise());
        assertEquals(0, s.sgstPaise());
        assertEquals(118_000, s.totalPaise());
    }

    @Test
    void insideTheStateItIsCgstPlusSgstAtHalfTheRateEach() {
        var s = GstCalculator.split("27", "27", List.of(line(100_000, "18")));
        assertFalse(s.interState());
        assertEquals(9_000, s.cgstPaise());
        assertEquals(9_000, s.sgstPaise());
        assertEquals(0, s.igstPaise());
        assertEquals(118_000, s.totalPaise());
    }

    @Test
    void roundsHalfEvenPerLine() {
        // 18% of 1 paisa = 0.18 -> 0; of 3 paise = 0.54 -> 1; of 25 paise = 4.5 -> 4 (even); of 75 = 13.5 -> 14
        assertEquals(0, GstCalculator.split("27", "29", List.of(line(1, "18"))).igstPaise());
        assertEquals(1, GstCalculator.split("27", "29", List.of(line(3, "18"))).igstPaise());
        assertEquals(4, GstCalculator.split("27", "29", List.of(line(25, "18"))).igstPaise());
        assertEquals(14, GstCalculator.split("27", "29", List.of(line(75, "18"))).igstPaise());
    }

    @Test
    void cgstAndSgstAreAlwaysEqualAndEachRoundedOnItsOwn() {
        // 9% of 50 paise = 4.5 -> 4 (half-even) for each half; IGST 18% of 50 = 9 exactly
        var intra = GstCalculator.split("29", "29", List.of(line(50, "18")));
        assertEquals(4, intra.cgstPaise());
        assertEquals(4, intra.sgstPaise());
        assertEquals(58, intra.totalPaise());
        assertEquals(9, GstCalculator.split("27", "29", List.of(line(50, "18"))).igstPaise());
        // 9% of 150 = 13.5 -> 14 each
        var up = GstCalculator.split("29", "29", List.of(line(150, "18")));
        assertEquals(14, up.cgstPaise());
        assertEquals(14, up.sgstPaise());
    }

    @Test
    void multiLineInvoicesSumTheRoundedLines() {
        // 18% of 25 = 4.5 -> 4 per line; rounding the sum (75 * 18% = 13.5 -> 14) would differ
        var s = GstCalculator.split("27", "29", List.of(line(25, "18"), line(25, "18"), line(25, "18")));
        assertEquals(3, s.lines().size());
        assertEquals(12, s.igstPaise());
        assertEquals(87, s.totalPaise());
        var mixed = GstCalculator.split("27", "27",
                List.of(line(1_000_000, "18"), line(500_050, "5"), line(12_345, "0")));
        assertEquals(1_512_395, mixed.taxablePaise());
        // 9% of 1,000,000 = 90,000; 2.5% of 500,050 = 12,501.25 -> 12,501
        assertEquals(102_501, mixed.cgstPaise());
        assertEquals(102_501, mixed.sgstPaise());
        assertEquals(1_512_395 + 2 * 102_501, mixed.totalPaise());
        assertEquals(List.of(0L, 0L), List.of(mixed.lines().get(2).cgstPaise(), mixed.lines().get(2).igstPaise()));
    }

    @Test
    void fractionalRatesAreExact() {
        var s = GstCalculator.split("27", "27", List.of(line(1_000_000, "0.25")));
        assertEquals(1_250, s.cgstPaise());
        assertEquals(1_250, s.sgstPaise());
    }

    @Test
    void refusesEmptyOrNonsensicalInput() {
        assertThrows(IllegalArgumentException.class, () -> GstCalculator.split("27", "29", List.of()));
        assertThrows(IllegalArgumentException.class, () -> line(0, "18"));
        assertThrows(IllegalArgumentException.class, () -> line(100, "-1"));
        assertThrows(IllegalArgumentException.class, () -> line(100, "101"));
    }

    @Test
    void financialYearsRunAprilToMarch() {
        assertEquals("2026-27", FinancialYear.of(LocalDate.of(2026, 4, 1)).label());
        assertEquals("2025-26", FinancialYear.of(LocalDate.of(2026, 3, 31)).label());
        assertEquals("2099-00", FinancialYear.of(LocalDate.of(2099, 12, 31)).label());
    }
}
