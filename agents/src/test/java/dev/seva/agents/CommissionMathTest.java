package dev.seva.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.agents.CommissionMath.OverrideRate;
import dev.seva.agents.CommissionMath.Rule;
import dev.seva.agents.CommissionMath.RuleKind;
import dev.seva.agents.CommissionMath.Slab;
import dev.seva.agents.CommissionMath.SlabMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CommissionMathTest {

    private static Rule percent(String rate, Long cap) {
        return new Rule(RuleKind.PERCENT, null, new BigDecimal(rate), null, null, null, cap);
    }

    private static final List<Slab> SLABS = List.of(new Slab(0, 10_000_000L, new BigDecimal("5")),
            new Slab(10_000_000, 50_000_000L, new BigDecimal("8")), new Slab(50_000_000, null, new BigDecimal("10")));

    @ParameterizedTest(name = "{0}% of {1} paise (cap {2}) = {3}")
    @CsvSource({
            // rate, basis, cap (-1 none), expected
            "10, 10000000, -1, 1000000", // the issue's ₹1,00,000 at 10% = ₹10,000.00
            "10, 5000000, -1, 500000", // a half payment: pro rata
            "10, 15, -1, 2", // 1.5 paise -> 2 (half to even)
            "10, 25, -1, 2", // 2.5 paise -> 2 (half to even)
            "10, 35, -1, 4", // 3.5 -> 4
            "7.5, 999, -1, 75", // 74.925 -> 75
            "12.3456, 100000, -1, 12346", // 12345.6 -> 12346
            "10, 10000000, 250000, 250000", // capped at ₹2,500
            "10, 1000000, 250000, 100000", // under the cap
            "0, 10000000, -1, 0", "100, 123, -1, 123"})
    void percentRules(String rate, long basis, long cap, long expected) {
        assertEquals(expected, CommissionMath.commission(percent(rate, cap < 0 ? null : cap), basis, 0));
    }

    @ParameterizedTest(name = "flat {0} on basis {1} (cap {2}) = {3}")
    @CsvSource({"50000, 10000000, -1, 50000", "50000, 100, -1, 50000", "50000, 100, 20000, 20000",
            "50000, 0, -1, 0"})
    void flatRulesArePerPaymentWhateverItsSize(long amount, long basis, long cap, long expected) {
        Rule flat = new Rule(RuleKind.FLAT, null, null, amount, null, null, cap < 0 ? null : cap);
        assertEquals(expected, CommissionMath.commission(flat, basis, 0));
    }

    @ParameterizedTest(name = "{0} slab: {1} paise after {2} = {3}")
    @CsvSource({
            // whole: the slab reached by the month's volume including this payment sets the rate of the whole payment
            "WHOLE, 5000000, 0, 250000", // 5% of ₹50,000
            "WHOLE, 6000000, 5000000, 480000", // reaches ₹1,10,000: 8% of ₹60,000
            "WHOLE, 10000000, 0, 500000", // exactly ₹1,00,000: still the first slab
            "WHOLE, 1, 10000000, 0", // 8% of 1 paisa = 0.08 -> 0
            "WHOLE, 100000000, 0, 10000000", // ₹10,00,000: 10%
            // marginal: each part earns its slab's rate
            "MARGINAL, 6000000, 5000000, 330000", // 5% of ₹50,000 + 8% of ₹10,000 = 2,500 + 800
            "MARGINAL, 100000000, 0, 8700000", // 5% of 1L + 8% of 4L + 10% of 5L = 5,000 + 32,000 + 50,000
            "MARGINAL, 5000000, 60000000, 500000"})
    void slabRules(SlabMode mode, long basis, long before, long expected) {
        Rule slab = new Rule(RuleKind.SLAB, null, null, null, SLABS, mode, null);
        assertEquals(expected, CommissionMath.commission(slab, basis, before));
    }

    @Test
    void theIssuesExampleWithTwoOverrideLevels() {
        long c = CommissionMath.commission(percent("10", null), 10_000_000, 0);
        assertEquals(1_000_000, c); // C ₹10,000.00
        assertEquals(200_000, CommissionMath.override(c, new OverrideRate(1, new BigDecimal("20")))); // B ₹2,000.00
        assertEquals(100_000, CommissionMath.override(c, new OverrideRate(2, new BigDecimal("10")))); // A ₹1,000.00
        // a half refund claws back exactly half of each
        assertEquals(500_000, CommissionMath.clawback(1_000_000, 10_000_000, 0, 5_000_000));
        assertEquals(100_000, CommissionMath.clawback(200_000, 10_000_000, 0, 5_000_000));
        assertEquals(50_000, CommissionMath.clawback(100_000, 10_000_000, 0, 5_000_000));
    }

    @Test
    void overridesAreSharesOfTheRoundedEarnerAmountRoundedOnce() {
        // earner 333 paise; 20% = 66.6 -> 67; 10% = 33.3 -> 33; 12.5% = 41.625 -> 42
        assertEquals(67, CommissionMath.override(333, new OverrideRate(1, new BigDecimal("20"))));
        assertEquals(33, CommissionMath.override(333, new OverrideRate(2, new BigDecimal("10"))));
        assertEquals(42, CommissionMath.override(333, new OverrideRate(3, new BigDecimal("12.5"))));
    }

    @ParameterizedTest(name = "entry {0} on basis {1}: refunds {2} claw {3}")
    @CsvSource({
            // entry, payment taxable, refunds (taxable, '/'-separated), expected clawbacks
            "1000000, 10000000, 5000000, 500000", "1000000, 10000000, 5000000/5000000, 500000/500000",
            "1000, 3000, 1000/1000/1000, 333/334/333", // parts add up to the entry exactly
            "1, 10000000, 5000000/5000000, 0/1", // 0.5 -> 0 (even), then the rest
            "7, 3, 1/1/1, 2/3/2", "1000, 3000, 3000/1000, 1000/0", // nothing beyond what was paid
            "999, 100000, 33333/33333/33334, 333/333/333"})
    void partialRefundsClawBackProportionallyAndAddUpExactly(long entry, long basis, String refunds,
            String expected) {
        String[] r = refunds.split("/");
        String[] x = expected.split("/");
        long before = 0;
        long total = 0;
        for (int i = 0; i < r.length; i++) {
            long claw = CommissionMath.clawback(entry, basis, before, Long.parseLong(r[i]));
            assertEquals(Long.parseLong(x[i]), claw, "refund " + i);
            before += Long.parseLong(r[i]);
            total += claw;
        }
        assertTrue(total <= entry);
        if (before >= basis) {
            assertEquals(entry, total, "a full refund claws back the whole entry");
        }
    }

    @Test
    void ruleOfTheCategoryElseTheDefaultElseNone() {
        Rule gst = new Rule(RuleKind.PERCENT, "gst-filing", BigDecimal.ONE, null, null, null, null);
        Rule any = percent("10", null);
        assertEquals(gst, CommissionMath.ruleFor(List.of(any, gst), "GST-filing").orElseThrow());
        assertEquals(any, CommissionMath.ruleFor(List.of(any, gst), "audit").orElseThrow());
        assertEquals(any, CommissionMath.ruleFor(List.of(gst, any), null).orElseThrow());
        assertTrue(CommissionMath.ruleFor(List.of(gst), "audit").isEmpty());
    }

    /**
     * 10,000 payments whose exact commissions end in half a paisa half of the time: half-even rounding keeps the sum of
     * the entries within a few paise of the exact sum (half-up would drift by about 2,500 paise); and refunding every
     * payment in three random parts claws back every accrual and override exactly: the ledger ends at zero.
     */
    @Test
    void noDriftOverTenThousandPayments() {
        Random random = new Random(42);
        Rule rule = percent("10", null);
        OverrideRate o1 = new OverrideRate(1, new BigDecimal("20"));
        OverrideRate o2 = new OverrideRate(2, new BigDecimal("10"));
        BigDecimal exact = BigDecimal.ZERO;
        long rounded = 0;
        long halfUp = 0;
        long balance = 0;
        for (int i = 0; i < 10_000; i++) {
            long basis = random.nextInt(5_000_000) * 10L + (random.nextBoolean() ? 5 : random.nextInt(10));
            long c = CommissionMath.commission(rule, basis, 0);
            BigDecimal e = BigDecimal.valueOf(basis).divide(BigDecimal.TEN);
            assertTrue(e.subtract(BigDecimal.valueOf(c)).abs().compareTo(new BigDecimal("0.5")) <= 0);
            exact = exact.add(e);
            rounded += c;
            halfUp += e.setScale(0, RoundingMode.HALF_UP).longValueExact();
            long b = CommissionMath.override(c, o1);
            long a = CommissionMath.override(c, o2);
            long before = 0;
            long left = basis;
            long clawed = 0;
            for (int part = 0; part < 3; part++) {
                long refund = part == 2 ? left : random.nextLong(left + 1);
                clawed += CommissionMath.clawback(c, basis, before, refund)
                        + CommissionMath.clawback(b, basis, before, refund)
                        + CommissionMath.clawback(a, basis, before, refund);
                before += refund;
                left -= refund;
            }
            balance += c + b + a - clawed;
        }
        long drift = BigDecimal.valueOf(rounded).subtract(exact).abs().setScale(0, RoundingMode.CEILING)
                .longValueExact();
        assertTrue(drift <= 200, "half-even drift " + drift + " paise");
        assertTrue(halfUp - exact.longValue() > 1_000, "half-up would have drifted");
        assertEquals(0, balance, "every commission clawed back exactly");
    }

    /**
     * Random sequences of captures and partial refunds: after every refund, what is left of each entry is exactly
     * the plan's arithmetic on what is left of the payment, {@code round(entry × (taxable − refunded) / taxable)},
     * and never negative.
     */
    @Test
    void randomCapturesAndRefundsBalanceToThePlansArithmetic() {
        Random random = new Random(7);
        Rule rule = new Rule(RuleKind.PERCENT, null, new BigDecimal("7.25"), null, null, null, 1_000_000L);
        OverrideRate o1 = new OverrideRate(1, new BigDecimal("15"));
        for (int run = 0; run < 2_000; run++) {
            long basis = 1 + random.nextInt(50_000_000);
            long c = CommissionMath.commission(rule, basis, 0);
            long b = CommissionMath.override(c, o1);
            long refunded = 0;
            long clawedC = 0;
            long clawedB = 0;
            int refunds = random.nextInt(6);
            for (int k = 0; k < refunds && refunded < basis; k++) {
                long refund = 1 + random.nextLong(basis - refunded);
                clawedC += CommissionMath.clawback(c, basis, refunded, refund);
                clawedB += CommissionMath.clawback(b, basis, refunded, refund);
                refunded += refund;
                assertEquals(expectedLeft(c, basis, refunded), c - clawedC);
                assertEquals(expectedLeft(b, basis, refunded), b - clawedB);
                assertTrue(c - clawedC >= 0 && b - clawedB >= 0);
            }
        }
    }

    private static long expectedLeft(long entry, long basis, long refunded) {
        long clawed = BigDecimal.valueOf(entry).multiply(BigDecimal.valueOf(refunded))
                .divide(BigDecimal.valueOf(basis), 0, RoundingMode.HALF_EVEN).longValueExact();
        return entry - clawed;
    }
}
