package dev.seva.payments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seva.sdk.spi.PaymentGateway.GatewayRefund;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Parsing Razorpay's refund entity, whose notes are an object, or an empty array when there are none. */
class RazorpayGatewayTest {

    @Test
    void aRefundCarriesItsNotesSoThatAnUnansweredRefundCanBeFound() {
        GatewayRefund r = RazorpayGateway.refund(new JSONObject("{\"id\": \"rfnd_1\", \"payment_id\": \"pay_1\","
                + " \"amount\": 500, \"status\": \"processed\", \"notes\": {\"seva_refund_id\": \"r-1\","
                + " \"count\": 3}}"), "pay_x");
        assertEquals(new GatewayRefund("rfnd_1", "pay_1", 500, "processed", Map.of("seva_refund_id", "r-1")), r);
    }

    @Test
    void noNotesAreAnEmptyArray() {
        GatewayRefund r = RazorpayGateway.refund(new JSONObject("{\"id\": \"rfnd_2\", \"amount\": 100, \"notes\": []}"),
                "pay_2");
        assertEquals(new GatewayRefund("rfnd_2", "pay_2", 100, "pending"), r);
    }
}
