package dev.seva.reference.it;

import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault tolerance around Razorpay, proven against the fake: an attempt answered too late is a timeout and is
 * retried, failures open the circuit of the failing firm only (another firm's calls still go through), the circuit
 * lets a call through again after its delay, and a 429 is neither retried nor counted as a failure. The IT server
 * runs with a 2.5 s timeout for order creation, a 6 s socket timeout, and a circuit that opens after 4 calls of
 * which half failed, for 3 s (reference-app's pom); these tests fail if the annotations or the per-tenant breaker
 * are taken away.
 */
class GatewayFaultToleranceIT {

    private static final String ORDERS = "POST /v1/orders";
    private static FakeRazorpay fake;

    @BeforeAll
    static void fake() {
        fake = FakeRazorpay.get();
    }

    private record Firm(Pay.Firm firm, String entity) {
        String key() {
            return firm.keys().keyId();
        }

        Api.Res checkout() {
            JsonObject inv = Pay.invoice(firm.tenant(), entity, 10_000);
            return post("/api/v1/invoices/" + inv.getString("id") + "/checkout", firm.tenant().t(), firm.tenant()
                    .adminToken(), "{}");
        }
    }

    private static Firm firm(String prefix) {
        Pay.Firm f = Pay.firm(prefix, "27");
        return new Firm(f, Pay.entity(f.tenant(), "Fault Tolerant Pvt Ltd", "27"));
    }

    @Test
    void aLateGatewayTimesOutIsRetriedThenOnlyTheFailingFirmsCircuitOpens() throws Exception {
        Firm a = firm("fta");
        Firm b = firm("ftb");
        // a gateway that answers after 4 s, within the socket timeout (6 s) but past the 2.5 s allowed: each attempt
        // is a timeout (without @Timeout the first, late answer would be taken: 200), and it is tried three times
        fake.fault(a.key(), new FakeRazorpay.Fault(ORDERS, 4_000, 0));
        a.checkout().problem(503, "PAYMENT_GATEWAY_UNAVAILABLE");
        assertEquals(3, fake.calls(a.key(), ORDERS), "the first attempt and two retries");
        // a gateway that fails: retried too, until the firm's circuit opens (4 calls, all failed)
        fake.fault(a.key(), new FakeRazorpay.Fault(ORDERS, 0, 500));
        for (int i = 0; i < 3; i++) {
            a.checkout().problem(503, "PAYMENT_GATEWAY_UNAVAILABLE");
        }
        assertEquals(3 + 3 * 3, fake.calls(a.key(), ORDERS));
        // open: refused at once, the gateway is not called
        a.checkout().problem(503, "PAYMENT_GATEWAY_UNAVAILABLE");
        assertEquals(12, fake.calls(a.key(), ORDERS), "an open circuit does not call the gateway");
        // firm B is not refused: its calls reach the gateway and succeed
        for (int i = 0; i < 3; i++) {
            b.checkout().expect(200);
        }
        assertEquals(3, fake.calls(b.key(), ORDERS));
        // after the circuit's delay (3 s), a trial call goes through and closes it again
        fake.clearFaults(a.key());
        Thread.sleep(3_500);
        a.checkout().expect(200);
        a.checkout().expect(200);
        assertEquals(14, fake.calls(a.key(), ORDERS));
    }

    @Test
    void aRateLimitedFirmIsNotRetriedAndItsCircuitStaysClosed() {
        Firm c = firm("ftc");
        Firm d = firm("ftd");
        fake.fault(c.key(), new FakeRazorpay.Fault(ORDERS, 0, 429));
        try {
            for (int i = 0; i < 6; i++) {
                c.checkout().problem(503, "PAYMENT_GATEWAY_UNAVAILABLE");
            }
        } finally {
            fake.clearFaults(c.key());
        }
        assertEquals(6, fake.calls(c.key(), ORDERS), "a 429 is not retried at once");
        // six 429s are no failure: the circuit is closed, the next call goes through
        c.checkout().expect(200);
        assertEquals(7, fake.calls(c.key(), ORDERS));
        d.checkout().expect(200);
    }
}
