package dev.seva.agents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"Chetan Kumar|\"Chetan Kumar\"",
            "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
            "+91 98|\"'+91 98\"", "-2+3|\"'-2+3\"", "@SUM(A1)|\"'@SUM(A1)\"", "-500.00|\"-500.00\"",
            "24500.00|\"24500.00\"", "a,b|\"a,b\""})
    void cellsAreQuotedAndFormulasDefused(String in, String out) {
        assertEquals(out, Csv.cell(in));
    }

    @ParameterizedTest(name = "{0} paise = {1}")
    @CsvSource({"0,0.00", "1,0.01", "-50000,-500.00", "2450000,24500.00", "9223372036854775807,92233720368547758.07"})
    void rupeesAreExact(long paise, String rupees) {
        assertEquals(rupees, Csv.rupees(paise));
    }
}
