package dev.seva.payments.internal;

import dev.seva.sdk.TenantId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * One circuit breaker per tenant around its Razorpay calls (Resilience4j): MicroProfile Fault Tolerance's
 * {@code @CircuitBreaker} is one per method for the whole JVM, so one firm's broken Razorpay account would refuse
 * every firm's payments. A tenant's circuit counts a call as failed when the gateway did not answer (a timeout, no
 * connection, a 5xx, after the retries); a refusal (4xx) is an answer and counts as a success; a 429 counts as
 * neither: the gateway is up and asked this firm to slow down, which says nothing of its health. Open, the circuit
 * refuses the tenant's calls for {@code seva.payments.circuit.open-seconds}, then lets two trial calls through.
 * Breakers live per node, in memory (a node learns a firm's gateway is down on its own calls).
 */
@ApplicationScoped
public class TenantBreakers {

    @Inject
    @ConfigProperty(name = "seva.payments.circuit.failure-percent", defaultValue = "50")
    int failurePercent;

    @Inject
    @ConfigProperty(name = "seva.payments.circuit.minimum-calls", defaultValue = "10")
    int minimumCalls;

    @Inject
    @ConfigProperty(name = "seva.payments.circuit.window", defaultValue = "20")
    int window;

    @Inject
    @ConfigProperty(name = "seva.payments.circuit.open-seconds", defaultValue = "15")
    int openSeconds;

    private CircuitBreakerRegistry registry;

    @PostConstruct
    void init() {
        Predicate<Throwable> failure = e -> e instanceof GatewayCalls.Unavailable
                || e instanceof FaultToleranceException;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(Math.min(100, Math.max(1, failurePercent)))
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(window, Math.max(1, minimumCalls)))
                .minimumNumberOfCalls(Math.max(1, minimumCalls))
                .waitDurationInOpenState(Duration.ofSeconds(Math.max(1, openSeconds)))
                .permittedNumberOfCallsInHalfOpenState(2).recordException(failure)
                .ignoreExceptions(GatewayCalls.Throttled.class).build();
        registry = CircuitBreakerRegistry.of(config);
    }

    /** @return the tenant's breaker, made on first use */
    CircuitBreaker of(TenantId tenant) {
        return registry.circuitBreaker(tenant.value());
    }
}
