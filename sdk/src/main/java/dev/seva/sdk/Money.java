package dev.seva.sdk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of Indian rupees in integer paise (1 rupee = 100 paise). Never a {@code double}: rates are
 * {@link BigDecimal}s and every conversion to paise rounds <b>half-even</b> in exactly one place,
 * {@link #percent(BigDecimal)} (and {@link #share(long, long)} for proportional splits).
 *
 * @param paise the amount in paise; may be negative (a reversal)
 */
public record Money(long paise) implements Comparable<Money> {

    /** Zero rupees. */
    public static final Money ZERO = new Money(0);

    /** The only currency Seva handles. */
    public static final String CURRENCY = "INR";

    /** @return the amount of {@code paise} */
    public static Money ofPaise(long paise) {
        return new Money(paise);
    }

    /** @return this plus {@code other} (throws on overflow) */
    public Money plus(Money other) {
        return new Money(Math.addExact(paise, other.paise));
    }

    /** @return this minus {@code other} (throws on overflow) */
    public Money minus(Money other) {
        return new Money(Math.subtractExact(paise, other.paise));
    }

    /** @return the negated amount */
    public Money negate() {
        return new Money(Math.negateExact(paise));
    }

    /** @return whether the amount is below zero */
    public boolean isNegative() {
        return paise < 0;
    }

    /**
     * @param ratePercent a rate in percent, for example {@code 18} or {@code 2.5}
     * @return {@code ratePercent}% of this amount, rounded half-even to the paisa
     */
    public Money percent(BigDecimal ratePercent) {
        return new Money(BigDecimal.valueOf(paise).multiply(ratePercent).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_EVEN).longValueExact());
    }

    /**
     * The part of this amount proportional to {@code numerator / denominator}, rounded half-even (for example the
     * taxable share of a partial refund: {@code refund.share(taxable, total)}).
     *
     * @param numerator the part
     * @param denominator the whole, not zero
     * @return {@code this × numerator / denominator}
     */
    public Money share(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        return new Money(BigDecimal.valueOf(paise).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN).longValueExact());
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(paise, o.paise);
    }

    /** @return the amount in rupees with two decimals, for example {@code 1180.00} (no grouping, no symbol) */
    public String toRupees() {
        return BigDecimal.valueOf(paise, 2).toPlainString();
    }

    @Override
    public String toString() {
        return "INR " + toRupees();
    }
}
