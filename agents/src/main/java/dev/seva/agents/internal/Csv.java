package dev.seva.agents.internal;

import java.math.BigDecimal;

/** CSV cells safe to open in a spreadsheet, and exact rupee amounts. */
final class Csv {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Csv() {
    }

    /**
     * @return the value quoted (inner quotes doubled); a value a spreadsheet would read as a formula (starting with
     *         {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, unless it is a plain decimal
     *         number such as {@code -500.00}
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /** @return paise as rupees with two decimals, exactly ({@code 123456} is {@code 1234.56}) */
    static String rupees(long paise) {
        return BigDecimal.valueOf(paise, 2).toPlainString();
    }
}
