package dev.seva.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void percentRoundsHalfEven() {
        assertEquals(4, Money.ofPaise(25).percent(new BigDecimal("18")).paise());
        assertEquals(14, Money.ofPaise(75).percent(new BigDecimal("18")).paise());
        assertEquals(250, Money.ofPaise(10_000).percent(new BigDecimal("2.5")).paise());
    }

    @Test
    void shareIsProportionalAndHalfEven() {
        // taxable share of a 590 paise refund on an invoice of 1000 taxable / 1180 total = 500
        assertEquals(500, Money.ofPaise(590).share(1000, 1180).paise());
        assertEquals(2, Money.ofPaise(5).share(1, 2).paise());
        assertThrows(ArithmeticException.class, () -> Money.ofPaise(5).share(1, 0));
    }

    @Test
    void arithmeticIsExact() {
        assertEquals(Money.ofPaise(150), Money.ofPaise(100).plus(Money.ofPaise(50)));
        assertEquals("INR -0.50", Money.ofPaise(100).minus(Money.ofPaise(150)).toString());
        assertThrows(ArithmeticException.class, () -> Money.ofPaise(Long.MAX_VALUE).plus(Money.ofPaise(1)));
    }
}
