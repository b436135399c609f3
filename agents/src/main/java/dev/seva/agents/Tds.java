package dev.seva.agents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tax deducted at source on commission under section 194H of the Income-tax Act, 1961, as configuration with
 * effective dates, and the withholding rule of payout runs.
 *
 * <p>
 * Defaults ({@link #DEFAULTS}), as we understand the law: rate 5%, and 2% for amounts credited or paid from
 * 1 October 2024 (Finance (No. 2) Act, 2024); no deduction while the amounts credited or paid to the agent in the
 * financial year (April to March) do not exceed ₹15,000, ₹20,000 from 1 April 2025 (Finance Act, 2025); 20% when the
 * agent has not furnished a PAN (section 206AA). Every figure can be replaced by configuration.
 *
 * <p>
 * The rule ({@link #withhold}): the threshold is judged on the gross amounts paid to the agent in the payout's
 * financial year, this payout included. While they do not exceed it, nothing is withheld. Once they do, tax is
 * withheld on everything paid in that financial year that has not been taxed yet (earlier payouts under the
 * threshold included), at the rate in force on the payout date, rounded once to the paisa (half-even), and never
 * more than this payout's gross amount.
 */
public final class Tds {

    /** A rate in force from a date. */
    public record Rate(LocalDate from, BigDecimal percent) {
    }

    /** A yearly threshold (paise) in force from a date. */
    public record Threshold(LocalDate from, long paise) {
    }

    /**
     * The configuration: rates and thresholds with their effective dates, and the rate without a PAN.
     *
     * @param rates by date
     * @param thresholds by date
     * @param noPanPercent the rate when the agent has no PAN
     */
    public record Config(List<Rate> rates, List<Threshold> thresholds, BigDecimal noPanPercent) {

        /** Sorts the lists by date. */
        public Config {
            rates = rates.stream().sorted(Comparator.comparing(Rate::from)).toList();
            thresholds = thresholds.stream().sorted(Comparator.comparing(Threshold::from)).toList();
        }

        /** @return the rate in force on {@code day} (the no-PAN rate without a PAN) */
        public BigDecimal rateOn(LocalDate day, boolean hasPan) {
            if (!hasPan) {
                return noPanPercent;
            }
            BigDecimal r = BigDecimal.ZERO;
            for (Rate x : rates) {
                if (!x.from().isAfter(day)) {
                    r = x.percent();
                }
            }
            return r;
        }

        /** @return the yearly threshold in force on {@code day}, in paise */
        public long thresholdOn(LocalDate day) {
            long t = 0;
            for (Threshold x : thresholds) {
                if (!x.from().isAfter(day)) {
                    t = x.paise();
                }
            }
            return t;
        }
    }

    /** 5% then 2% from 1 Oct 2024; ₹15,000 then ₹20,000 from 1 Apr 2025; 20% without a PAN. */
    public static final Config DEFAULTS = new Config(
            List.of(new Rate(LocalDate.of(2000, 4, 1), new BigDecimal("5")),
                    new Rate(LocalDate.of(2024, 10, 1), new BigDecimal("2"))),
            List.of(new Threshold(LocalDate.of(2000, 4, 1), 1_500_000L),
                    new Threshold(LocalDate.of(2025, 4, 1), 2_000_000L)),
            new BigDecimal("20"));

    /**
     * The result of {@link #withhold}.
     *
     * @param taxPaise the tax to withhold (0 under the threshold)
     * @param basePaise what the tax was computed on (0 under the threshold)
     * @param ratePercent the rate applied (null under the threshold)
     */
    public record Withholding(long taxPaise, long basePaise, BigDecimal ratePercent) {
    }

    private Tds() {
    }

    /** @return the first day of the financial year (1 April) {@code day} falls in */
    public static LocalDate financialYearStart(LocalDate day) {
        int y = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return LocalDate.of(y, 4, 1);
    }

    /**
     * @param c the configuration
     * @param payDay the payout's date
     * @param hasPan whether the agent has furnished a PAN
     * @param grossPaise this payout's gross amount (positive)
     * @param paidBeforePaise the gross amounts paid to the agent earlier in the same financial year
     * @param taxedBeforePaise the part of those already taxed (the bases of earlier withholdings that year)
     * @return the tax to withhold from this payout
     */
    public static Withholding withhold(Config c, LocalDate payDay, boolean hasPan, long grossPaise,
            long paidBeforePaise, long taxedBeforePaise) {
        if (grossPaise <= 0) {
            throw new IllegalArgumentException("gross must be positive");
        }
        long yearTotal = paidBeforePaise + grossPaise;
        if (yearTotal <= c.thresholdOn(payDay)) {
            return new Withholding(0, 0, null);
        }
        long base = yearTotal - Math.max(0, taxedBeforePaise);
        BigDecimal rate = c.rateOn(payDay, hasPan);
        long tax = new BigDecimal(base).multiply(rate).movePointLeft(2).setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
        return new Withholding(Math.min(tax, grossPaise), base, rate);
    }

    /**
     * Parses configuration in the form {@code 2000-04-01=5,2024-10-01=2} (rates, percent) and
     * {@code 2000-04-01=1500000,2025-04-01=2000000} (thresholds, paise); a null or blank value keeps the default.
     *
     * @throws IllegalArgumentException for a malformed value
     */
    public static Config parse(String rates, String thresholds, String noPanPercent) {
        List<Rate> r = new ArrayList<>();
        if (rates == null || rates.isBlank()) {
            r.addAll(DEFAULTS.rates());
        } else {
            for (String[] kv : pairs(rates)) {
                r.add(new Rate(date(kv[0]), percent(kv[1])));
            }
        }
        List<Threshold> t = new ArrayList<>();
        if (thresholds == null || thresholds.isBlank()) {
            t.addAll(DEFAULTS.thresholds());
        } else {
            for (String[] kv : pairs(thresholds)) {
                long paise = Long.parseLong(kv[1].strip());
                if (paise < 0) {
                    throw new IllegalArgumentException("negative threshold " + kv[1]);
                }
                t.add(new Threshold(date(kv[0]), paise));
            }
        }
        BigDecimal noPan = noPanPercent == null || noPanPercent.isBlank()
                ? DEFAULTS.noPanPercent()
                : percent(noPanPercent);
        return new Config(r, t, noPan);
    }

    private static List<String[]> pairs(String s) {
        List<String[]> out = new ArrayList<>();
        for (String part : s.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected date=value, got " + part);
            }
            out.add(kv);
        }
        return out;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date: " + s, e);
        }
    }

    private static BigDecimal percent(String s) {
        BigDecimal p = new BigDecimal(s.strip());
        if (p.signum() < 0 || p.compareTo(new BigDecimal("100")) > 0) {
            throw new IllegalArgumentException("rate out of range: " + s);
        }
        return p;
    }
}
