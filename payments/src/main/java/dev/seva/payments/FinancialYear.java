package dev.seva.payments;

import java.time.LocalDate;
import java.time.Month;

/**
 * An Indian financial year, 1 April to 31 March, written {@code 2026-27}. Invoice numbers restart at 1 each year.
 *
 * @param startYear the calendar year in which it starts
 */
public record FinancialYear(int startYear) {

    /** @return the financial year that contains {@code date} */
    public static FinancialYear of(LocalDate date) {
        return new FinancialYear(date.getMonth().compareTo(Month.APRIL) >= 0 ? date.getYear() : date.getYear() - 1);
    }

    /** @return the label, for example {@code 2026-27} */
    public String label() {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    /** @return the four-digit form used in invoice numbers, for example {@code 2627} for 2026-27 */
    public String shortLabel() {
        return String.format("%02d%02d", startYear % 100, (startYear + 1) % 100);
    }

    @Override
    public String toString() {
        return label();
    }
}
