package dev.seva.agents.internal;

import java.math.BigDecimal;

/** CSV cells safe to open in a spreadsheet, and exact rupee amounts. */
final class Csv {

    private Csv() {
    }

    /**
     * @return the value quoted (inner quotes doubled); a value a spreadsheet would read as a formula (starting with
     *         {@code = + - @}, a tab or a carriage return) gets a leading {@code '}
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** @return paise as rupees with two decimals, exactly ({@code 123456} is {@code 1234.56}) */
    static String rupees(long paise) {
        return BigDecimal.valueOf(paise, 2).toPlainString();
    }
}
