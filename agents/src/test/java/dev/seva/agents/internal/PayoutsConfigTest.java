package dev.seva.agents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seva.agents.Tds;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.Plan;
import dev.seva.tenant.TenantInfo;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The TDS configuration a payout run uses: a tenant's own keys, else the global ones, else the defaults. */
class PayoutsConfigTest {

    private static Payouts with(Map<String, String> values) {
        Payouts p = new Payouts();
        p.config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return p;
    }

    private static TenantInfo tenant(String slug) {
        return new TenantInfo(TenantId.random(), slug, "Firm", Plan.FREE);
    }

    @Test
    void defaultsThenGlobalThenTenant() {
        assertEquals(Tds.DEFAULTS, with(Map.of()).tdsConfig(tenant("acme")));
        Payouts p = with(Map.of("seva.agents.tds.rates", "2000-04-01=1", "seva.agents.tds.acme.rates",
                "2000-04-01=3", "seva.agents.tds.acme.no-pan-rate", "25"));
        LocalDate day = LocalDate.of(2026, 11, 22);
        assertEquals(0, new BigDecimal("3").compareTo(p.tdsConfig(tenant("acme")).rateOn(day, true)));
        assertEquals(0, new BigDecimal("25").compareTo(p.tdsConfig(tenant("acme")).rateOn(day, false)));
        assertEquals(0, BigDecimal.ONE.compareTo(p.tdsConfig(tenant("other")).rateOn(day, true)));
        assertEquals(0, new BigDecimal("20").compareTo(p.tdsConfig(tenant("other")).rateOn(day, false)));
        assertEquals(2_000_000, p.tdsConfig(tenant("other")).thresholdOn(day));
        assertThrows(IllegalStateException.class,
                () -> with(Map.of("seva.agents.tds.rates", "soon")).tdsConfig(tenant("acme")));
    }
}
