package dev.seva.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seva.agents.Tds.Withholding;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TdsTest {

    private static final Tds.Config C = Tds.DEFAULTS;

    @ParameterizedTest(name = "{0} with PAN {1}: {2}%")
    @CsvSource({"2024-09-30,true,5", "2024-10-01,true,2", "2026-11-22,true,2", "2020-01-01,true,5",
            "2026-11-22,false,20", "2024-09-30,false,20"})
    void ratesFollowTheirEffectiveDates(String day, boolean pan, String percent) {
        assertEquals(0, new BigDecimal(percent).compareTo(C.rateOn(LocalDate.parse(day), pan)));
    }

    @ParameterizedTest(name = "{0}: threshold {1} paise")
    @CsvSource({"2025-03-31,1500000", "2025-04-01,2000000", "2024-10-01,1500000", "2030-01-01,2000000"})
    void thresholdsFollowTheirEffectiveDates(String day, long paise) {
        assertEquals(paise, C.thresholdOn(LocalDate.parse(day)));
    }

    @ParameterizedTest(name = "{0} is in the year from {1}")
    @CsvSource({"2026-03-31,2025-04-01", "2026-04-01,2026-04-01", "2026-11-22,2026-04-01", "2027-01-15,2026-04-01"})
    void financialYears(String day, String start) {
        assertEquals(LocalDate.parse(start), Tds.financialYearStart(LocalDate.parse(day)));
    }

    @ParameterizedTest(name = "{0}: gross {2} after {3} paid ({4} taxed), PAN {1} -> tax {5} on {6}")
    @CsvSource({
            // day, pan, gross, paid before, taxed before, tax, base
            "2026-11-22,true,1900000,0,0,0,0", // under ₹20,000
            "2026-11-22,true,2000000,0,0,0,0", // exactly the threshold: does not exceed it
            "2026-11-22,true,2000001,0,0,40000,2000001", // ₹20,000.01: 2% = 40,000.02 paise -> 40,000
            "2026-11-22,true,1000000,1500000,0,50000,2500000", // crosses: the whole year's ₹25,000 at 2%
            "2026-11-22,true,100000,2500000,2500000,2000,100000", // already over: this payout only
            "2026-11-22,false,1000000,1500000,0,500000,2500000", // no PAN: 20% (206AA)
            "2026-11-22,false,200000,1900000,0,200000,2100000", // capped at the gross paid
            "2024-09-15,true,1600000,0,0,80000,1600000", // FY 2024-25 before October: ₹15,000 and 5%
            "2025-02-15,true,1400000,0,0,0,0", // ₹14,000 under ₹15,000
            "2025-02-15,true,1234500,500000,0,34690,1734500", // 2% of ₹17,345 = 346.90
            "2026-11-22,true,1234550,2000000,2000000,24691,1234550" // 24,691.0 paise
    })
    void withholding(String day, boolean pan, long gross, long before, long taxed, long tax, long base) {
        Withholding w = Tds.withhold(C, LocalDate.parse(day), pan, gross, before, taxed);
        assertEquals(tax, w.taxPaise());
        assertEquals(base, w.basePaise());
        if (tax == 0) {
            assertNull(w.ratePercent());
        }
    }

    @Test
    void roundingIsHalfEvenToThePaisa() {
        // 2% of 12,525 paise = 250.5 -> 250; of 12,575 = 251.5 -> 252
        assertEquals(250, Tds.withhold(C, LocalDate.of(2026, 11, 22), true, 12_525, 2_000_000, 2_000_000)
                .taxPaise());
        assertEquals(252, Tds.withhold(C, LocalDate.of(2026, 11, 22), true, 12_575, 2_000_000, 2_000_000)
                .taxPaise());
    }

    @Test
    void configurationOverridesTheDefaults() {
        Tds.Config c = Tds.parse("2000-04-01=10, 2030-04-01=1", "2000-04-01=0", "25");
        assertEquals(0, new BigDecimal("10").compareTo(c.rateOn(LocalDate.of(2026, 1, 1), true)));
        assertEquals(0, BigDecimal.ONE.compareTo(c.rateOn(LocalDate.of(2030, 4, 1), true)));
        assertEquals(0, new BigDecimal("25").compareTo(c.rateOn(LocalDate.of(2030, 4, 1), false)));
        assertEquals(100, Tds.withhold(c, LocalDate.of(2026, 1, 1), true, 1_000, 0, 0).taxPaise());
        assertEquals(Tds.DEFAULTS, Tds.parse(null, " ", null));
        assertThrows(IllegalArgumentException.class, () -> Tds.parse("2000-04-01", null, null));
        assertThrows(IllegalArgumentException.class, () -> Tds.parse("soon=2", null, null));
        assertThrows(IllegalArgumentException.class, () -> Tds.parse("2000-04-01=101", null, null));
        assertThrows(IllegalArgumentException.class, () -> Tds.withhold(C, LocalDate.of(2026, 1, 1), true, 0, 0, 0));
    }
}
