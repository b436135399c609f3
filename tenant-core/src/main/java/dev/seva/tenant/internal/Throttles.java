package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;

/**
 * The limits of this node: failed sign-ins per account and per client address within a window
 * ({@code seva.auth.max-failures-per-account}, {@code seva.auth.max-failures-per-ip},
 * {@code seva.auth.failure-window-seconds}), and requests per second per tenant by plan
 * ({@code seva.tenant.rate.<plan>}, plan in lower case). Over a limit: 429 {@code RATE_LIMITED} with {@code Retry-After}.
 */
@ApplicationScoped
public class Throttles {

    /** A 429 with the seconds to wait. */
    public static final class Limited extends SevaException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Limited(String detail, long retryAfterNanos) {
            super(ErrorCode.RATE_LIMITED, detail);
            this.retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(retryAfterNanos + 999_999_999L));
        }

        /** @return the {@code Retry-After} value */
        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    @Inject
    Config config;

    private SlidingWindow accounts;
    private SlidingWindow addresses;
    private final Map<String, SlidingWindow> rates = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        long window = TimeUnit.SECONDS.toNanos(
                config.getOptionalValue("seva.auth.failure-window-seconds", Long.class).orElse(900L));
        accounts = new SlidingWindow(
                config.getOptionalValue("seva.auth.max-failures-per-account", Integer.class).orElse(5), window,
                System::nanoTime);
        addresses = new SlidingWindow(
                config.getOptionalValue("seva.auth.max-failures-per-ip", Integer.class).orElse(50), window,
                System::nanoTime);
    }

    /** Refuses a sign-in attempt while the account or the address has failed too often. */
    void checkSignIn(TenantId tenant, String email, String ip) {
        OptionalLong account = accounts.blockedFor(accountKey(tenant, email));
        OptionalLong address = ip == null ? OptionalLong.empty() : addresses.blockedFor(ip);
        long wait = Math.max(account.orElse(0), address.orElse(0));
        if (wait > 0) {
            throw new Limited("Too many failed sign-ins. Try again later.", wait);
        }
    }

    /** Counts a failed sign-in. */
    void failedSignIn(TenantId tenant, String email, String ip) {
        accounts.record(accountKey(tenant, email));
        if (ip != null) {
            addresses.record(ip);
        }
    }

    /** Forgets the account's failures after it signed in. */
    void succeededSignIn(TenantId tenant, String email) {
        accounts.clear(accountKey(tenant, email));
    }

    /** Counts one request of the tenant against its plan's rate; 429 over it. */
    void checkRate(TenantSummary tenant) {
        SlidingWindow w = rates.computeIfAbsent(tenant.plan(), plan -> new SlidingWindow(config
                .getOptionalValue("seva.tenant.rate." + plan.toLowerCase(Locale.ROOT), Integer.class)
                .orElse(defaultRate(plan)), TimeUnit.SECONDS.toNanos(1), System::nanoTime));
        OptionalLong wait = w.tryAcquire(tenant.id().value());
        if (wait.isPresent()) {
            throw new Limited("This firm's request rate for its plan is exceeded. Slow down.", wait.getAsLong());
        }
    }

    static int defaultRate(String plan) {
        return switch (plan) {
            case "FREE" -> 20;
            case "STARTER" -> 100;
            case "ENTERPRISE" -> 2000;
            default -> 500;
        };
    }

    private static String accountKey(TenantId tenant, String email) {
        return tenant.value() + "/" + email;
    }
}
