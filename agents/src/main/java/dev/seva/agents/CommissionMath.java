package dev.seva.agents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The arithmetic of commissions, free of persistence so that it can be tested table by table.
 *
 * <p>
 * <b>Money and rounding.</b> Amounts are {@code long} paise, rates {@link BigDecimal} percentages. Every ledger entry
 * is computed from exact decimals and rounded <b>once</b>, to the paisa, half-even (banker's rounding: ties go to the
 * even paisa, so rounding errors do not drift in one direction over many payments). Overrides are computed from the
 * earner's <i>rounded</i> commission (the number in the earner's ledger), rounded once again. Clawbacks are computed
 * cumulatively: after a refund, the total clawed back from an entry is {@code round(entry × refunded taxable so far /
 * payment taxable)}, and the new clawback is that total minus what earlier refunds clawed back; so refunds of parts
 * add up to exactly the entry, whatever the number of parts.
 */
public final class CommissionMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CommissionMath() {
    }

    /** How a rule computes the earner's commission. */
    public enum RuleKind {
        /** {@code ratePercent} of the basis */
        PERCENT,
        /** {@code amountPaise} per payment, whatever its size */
        FLAT,
        /** a rate chosen by the agent's captured volume in the month, see {@link SlabMode} */
        SLAB
    }

    /** How a SLAB rule applies its slabs. */
    public enum SlabMode {
        /**
         * The rate of the slab that the month's volume <i>including this payment</i> reaches applies to the whole
         * payment (earlier payments of the month keep the rate they were accrued at).
         */
        WHOLE,
        /** Each part of the payment earns the rate of the slab it falls in (like income-tax brackets). */
        MARGINAL
    }

    /**
     * A volume slab: {@code [fromPaise, toPaise)} of the month's captured taxable volume; {@code toPaise} null is
     * open-ended.
     */
    public record Slab(long fromPaise, Long toPaise, BigDecimal ratePercent) {
    }

    /**
     * A rule of a plan.
     *
     * @param kind PERCENT, FLAT or SLAB
     * @param serviceCategory the invoices' service category it applies to; null: any category without its own rule
     * @param ratePercent for PERCENT
     * @param amountPaise for FLAT
     * @param slabs for SLAB, ascending
     * @param slabMode for SLAB, default WHOLE
     * @param capPaise optional cap of the commission of one payment
     */
    public record Rule(RuleKind kind, String serviceCategory, BigDecimal ratePercent, Long amountPaise,
            List<Slab> slabs, SlabMode slabMode, Long capPaise) {
    }

    /** An override: the agent {@code level} steps above the earner gets {@code ratePercent} of the earner's amount. */
    public record OverrideRate(int level, BigDecimal ratePercent) {
    }

    /**
     * @param rules a plan's rules
     * @param serviceCategory the payment's service category, may be null
     * @return the rule of that category, else the rule without a category, else empty (no commission)
     */
    public static Optional<Rule> ruleFor(List<Rule> rules, String serviceCategory) {
        if (serviceCategory != null) {
            for (Rule r : rules) {
                if (serviceCategory.equalsIgnoreCase(Objects.requireNonNullElse(r.serviceCategory(), ""))) {
                    return Optional.of(r);
                }
            }
        }
        return rules.stream().filter(r -> r.serviceCategory() == null || r.serviceCategory().isBlank()).findFirst();
    }

    /**
     * @param paise an amount
     * @param ratePercent a percentage
     * @return {@code paise × ratePercent / 100}, rounded half-even to the paisa
     */
    public static long percentOf(long paise, BigDecimal ratePercent) {
        return exactPercent(paise, ratePercent).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static BigDecimal exactPercent(long paise, BigDecimal ratePercent) {
        return BigDecimal.valueOf(paise).multiply(ratePercent).divide(HUNDRED);
    }

    /**
     * The earner's commission on one payment.
     *
     * @param rule the rule that applies
     * @param basisPaise the payment's taxable value (excluding GST)
     * @param monthVolumeBeforePaise the earner's captured taxable volume earlier in the month (SLAB only)
     * @return the commission, rounded once, capped
     */
    public static long commission(Rule rule, long basisPaise, long monthVolumeBeforePaise) {
        if (basisPaise <= 0) {
            return 0;
        }
        long amount = switch (rule.kind()) {
            case PERCENT -> percentOf(basisPaise, rule.ratePercent());
            case FLAT -> rule.amountPaise();
            case SLAB -> slab(rule, basisPaise, monthVolumeBeforePaise);
        };
        if (rule.capPaise() != null && amount > rule.capPaise()) {
            amount = rule.capPaise();
        }
        return amount;
    }

    private static long slab(Rule rule, long basis, long before) {
        long after = before + basis;
        if (rule.slabMode() == SlabMode.MARGINAL) {
            BigDecimal exact = BigDecimal.ZERO;
            for (Slab s : rule.slabs()) {
                long lo = Math.max(before, s.fromPaise());
                long hi = Math.min(after, s.toPaise() == null ? Long.MAX_VALUE : s.toPaise());
                if (hi > lo) {
                    exact = exact.add(exactPercent(hi - lo, s.ratePercent()));
                }
            }
            return exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        }
        BigDecimal rate = BigDecimal.ZERO;
        for (Slab s : rule.slabs()) {
            // the slab that holds the month's last paisa so far
            if (after - 1 >= s.fromPaise() && (s.toPaise() == null || after - 1 < s.toPaise())) {
                rate = s.ratePercent();
            }
        }
        return percentOf(basis, rate);
    }

    /**
     * @param earnerPaise the earner's (rounded) commission on the payment
     * @param override the override of one level
     * @return the override, rounded half-even once
     */
    public static long override(long earnerPaise, OverrideRate override) {
        return percentOf(earnerPaise, override.ratePercent());
    }

    /**
     * The clawback a refund causes on one entry, computed cumulatively so that the parts add up exactly.
     *
     * @param entryPaise the ACCRUAL or OVERRIDE amount the payment caused
     * @param paymentTaxablePaise the payment's taxable value (the entry's basis)
     * @param refundedBeforePaise the taxable value of the payment's earlier refunds
     * @param refundPaise the taxable value of this refund
     * @return the amount to claw back (positive, at most what is left of the entry)
     */
    public static long clawback(long entryPaise, long paymentTaxablePaise, long refundedBeforePaise,
            long refundPaise) {
        if (paymentTaxablePaise <= 0 || entryPaise == 0) {
            return 0;
        }
        long before = Math.min(refundedBeforePaise, paymentTaxablePaise);
        long after = Math.min(refundedBeforePaise + refundPaise, paymentTaxablePaise);
        return share(entryPaise, after, paymentTaxablePaise) - share(entryPaise, before, paymentTaxablePaise);
    }

    private static long share(long amount, long part, long whole) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
