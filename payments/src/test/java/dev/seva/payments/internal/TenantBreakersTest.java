package dev.seva.payments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.PaymentGateway.GatewayException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

/** The per-tenant circuit: what it counts, and whose calls it refuses. */
class TenantBreakersTest {

    private static TenantBreakers breakers() {
        TenantBreakers b = new TenantBreakers();
        b.failurePercent = 50;
        b.minimumCalls = 4;
        b.window = 4;
        b.openSeconds = 60;
        b.init();
        return b;
    }

    private static void fail(CircuitBreaker cb, RuntimeException e) {
        assertThrows(RuntimeException.class, () -> cb.executeSupplier(() -> {
            throw e;
        }));
    }

    @Test
    void noAnswerOpensTheTenantsCircuitAndOnlyItsOwn() {
        TenantBreakers b = breakers();
        TenantId a = TenantId.random();
        TenantId other = TenantId.random();
        for (int i = 0; i < 4; i++) {
            fail(b.of(a), new GatewayCalls.Unavailable(new GatewayException("no answer", 0, null)));
        }
        assertEquals(CircuitBreaker.State.OPEN, b.of(a).getState());
        assertThrows(CallNotPermittedException.class, () -> b.of(a).executeSupplier(() -> "x"));
        assertEquals("y", b.of(other).executeSupplier(() -> "y"));
        assertEquals(CircuitBreaker.State.CLOSED, b.of(other).getState());
    }

    @Test
    void a429AndARefusalNeverOpenIt() {
        TenantBreakers b = breakers();
        TenantId a = TenantId.random();
        for (int i = 0; i < 20; i++) {
            fail(b.of(a), new GatewayCalls.Throttled(new GatewayException("slow down", 429, null)));
            fail(b.of(a), new GatewayException("bad request", 400, null));
        }
        assertEquals(CircuitBreaker.State.CLOSED, b.of(a).getState());
        assertEquals(0, b.of(a).getMetrics().getNumberOfFailedCalls());
    }
}
