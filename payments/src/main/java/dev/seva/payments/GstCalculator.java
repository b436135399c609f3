package dev.seva.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The GST split of an invoice for services.
 *
 * <p>
 * <b>Which tax.</b> When the supplier's (the firm's) state equals the place of supply, the supply is intra-state:
 * CGST + SGST, each at half the rate. Otherwise it is inter-state: IGST at the full rate. State codes are the
 * two-digit GST codes ({@code 27} Maharashtra, {@code 29} Karnataka).
 *
 * <p>
 * <b>Rounding, in one place.</b> Tax is computed <b>per line</b> on the line's taxable value in paise and rounded
 * <b>half-even</b> to the paisa: IGST = round(taxable × rate / 100); CGST = SGST = round(taxable × (rate / 2) / 100),
 * each rounded on its own, so CGST and SGST are always equal (there is no odd paisa to place; an intra-state line
 * may carry one paisa more or less tax in all than the same line inter-state). The invoice's figures are the sums of
 * its lines' figures; total = taxable + CGST + SGST + IGST.
 */
public final class GstCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private GstCalculator() {
    }

    /**
     * One line to tax.
     *
     * @param amountPaise the taxable value in paise, positive
     * @param ratePercent the GST rate in percent (18, 5, 0.25, ...)
     */
    public record Line(long amountPaise, BigDecimal ratePercent) {
        /** Checks the parts. */
        public Line {
            Objects.requireNonNull(ratePercent, "ratePercent");
            if (amountPaise <= 0) {
                throw new IllegalArgumentException("amountPaise must be positive");
            }
            if (ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("ratePercent must be between 0 and 100");
            }
        }
    }

    /**
     * The tax of one line.
     *
     * @param taxablePaise the taxable value
     * @param cgstPaise central tax (intra-state)
     * @param sgstPaise state tax (intra-state)
     * @param igstPaise integrated tax (inter-state)
     */
    public record LineTax(long taxablePaise, long cgstPaise, long sgstPaise, long igstPaise) {
        /** @return taxable value plus all tax */
        public long totalPaise() {
            return taxablePaise + cgstPaise + sgstPaise + igstPaise;
        }
    }

    /**
     * The invoice's split: its lines' taxes and their sums.
     *
     * @param interState whether IGST applies
     * @param lines each line's tax, in order
     * @param taxablePaise sum of taxable values
     * @param cgstPaise sum of CGST
     * @param sgstPaise sum of SGST
     * @param igstPaise sum of IGST
     */
    public record Split(boolean interState, List<LineTax> lines, long taxablePaise, long cgstPaise, long sgstPaise,
            long igstPaise) {
        /** @return taxable value plus all tax */
        public long totalPaise() {
            return taxablePaise + cgstPaise + sgstPaise + igstPaise;
        }
    }

    /**
     * @param supplierState the firm's GST state code
     * @param placeOfSupply the place of supply's state code
     * @return whether the supply is inter-state (IGST)
     */
    public static boolean isInterState(String supplierState, String placeOfSupply) {
        return !Objects.requireNonNull(supplierState, "supplierState")
                .equals(Objects.requireNonNull(placeOfSupply, "placeOfSupply"));
    }

    /**
     * @param supplierState the firm's GST state code
     * @param placeOfSupply the place of supply's state code
     * @param lines the lines, at least one
     * @return the split, rounded per line, half-even
     */
    public static Split split(String supplierState, String placeOfSupply, List<Line> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one line");
        }
        boolean inter = isInterState(supplierState, placeOfSupply);
        List<LineTax> taxes = new ArrayList<>(lines.size());
        long taxable = 0;
        long cgst = 0;
        long sgst = 0;
        long igst = 0;
        for (Line l : lines) {
            LineTax t;
            if (inter) {
                t = new LineTax(l.amountPaise(), 0, 0, tax(l.amountPaise(), l.ratePercent()));
            } else {
                long half = tax(l.amountPaise(), l.ratePercent().divide(TWO));
                t = new LineTax(l.amountPaise(), half, half, 0);
            }
            taxes.add(t);
            taxable = Math.addExact(taxable, t.taxablePaise());
            cgst = Math.addExact(cgst, t.cgstPaise());
            sgst = Math.addExact(sgst, t.sgstPaise());
            igst = Math.addExact(igst, t.igstPaise());
        }
        return new Split(inter, List.copyOf(taxes), taxable, cgst, sgst, igst);
    }

    private static long tax(long paise, BigDecimal ratePercent) {
        return BigDecimal.valueOf(paise).multiply(ratePercent).divide(HUNDRED, 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
