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
 * The limits of this node: sign-in attempts per account and per client address within a window
 * ({@code seva.auth.max-failures-per-account}, {@code seva.auth.max-failures-per-ip},
 * {@code seva.auth.failure-window-seconds}), counted <em>before</em> the password is checked (a success gives the
 * attempt back), so that concurrent guesses cannot all slip through before the first failure is recorded; requests
 * per second per tenant by plan ({@code seva.tenant.rate.<plan>}, plan in lower case) for the tenant's signed-in
 * callers; and anonymous requests per second per client address and tenant ({@code seva.tenant.anonymous-rate}, at
 * most the plan's rate), apart from the tenant's budget. Over a limit: 429 {@code RATE_LIMITED} with
 * {@code Retry-After}. Every counter map is bounded ({@link SlidingWindow}).
 */
@ApplicationScoped
public class Throttles {

    /** A 429 with the seconds to wait. */
    public static final class Limited extends SevaException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Limited(String detail, long retryAfterNanos) {
            this(ErrorCode.RATE_LIMITED, detail, retryAfterNanos);
        }

        /** A limit answered with another code ({@code SIGN_IN_BUSY}, 503) and {@code Retry-After}. */
        Limited(ErrorCode code, String detail, long retryAfterNanos) {
            super(code, detail);
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
    private int anonymousRate;
    /** Per plan; per anonymous rate; per own bucket: a handful of windows, each bounded. */
    private final Map<String, SlidingWindow> rates = new ConcurrentHashMap<>();
    private final Map<Integer, SlidingWindow> anonymous = new ConcurrentHashMap<>();
    private final Map<String, SlidingWindow> own = new ConcurrentHashMap<>();

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
        anonymousRate = Math.max(1, config.getOptionalValue("seva.tenant.anonymous-rate", Integer.class).orElse(30));
    }

    /**
     * Counts a sign-in attempt of the account and of the address, before any password is checked; refuses it (without
     * counting it) while either has used up its attempts.
     */
    void checkSignIn(TenantId tenant, String email, String ip) {
        String account = accountKey(tenant, email);
        OptionalLong address = ip == null ? OptionalLong.empty() : addresses.tryAcquire(ip);
        if (address.isPresent()) {
            throw new Limited("Too many failed sign-ins. Try again later.", Math.max(address.getAsLong(), accounts
                    .blockedFor(account).orElse(0)));
        }
        OptionalLong byAccount = accounts.tryAcquire(account);
        if (byAccount.isPresent()) {
            if (ip != null) {
                addresses.release(ip);
            }
            throw new Limited("Too many failed sign-ins. Try again later.", byAccount.getAsLong());
        }
    }

    /** Gives back an attempt that never reached its password check (the server was busy). */
    void abandonedSignIn(TenantId tenant, String email, String ip) {
        accounts.release(accountKey(tenant, email));
        if (ip != null) {
            addresses.release(ip);
        }
    }

    /** Forgets the account's attempts after it signed in, and gives the address its attempt back. */
    void succeededSignIn(TenantId tenant, String email, String ip) {
        accounts.clear(accountKey(tenant, email));
        if (ip != null) {
            addresses.release(ip);
        }
    }

    /** Counts one request of the tenant's signed-in callers against its plan's rate; 429 over it. */
    void checkRate(TenantSummary tenant) {
        SlidingWindow w = rates.computeIfAbsent(tenant.plan(), plan -> new SlidingWindow(planRate(plan),
                TimeUnit.SECONDS.toNanos(1), System::nanoTime));
        OptionalLong wait = w.tryAcquire(tenant.id().value());
        if (wait.isPresent()) {
            throw new Limited("This firm's request rate for its plan is exceeded. Slow down.", wait.getAsLong());
        }
    }

    /**
     * Counts one anonymous request naming the tenant against its client address's budget: the tenant's signed-in
     * callers never feel it. 429 over it.
     */
    void checkAnonymous(TenantSummary tenant, String ip) {
        OptionalLong wait = anonymousWindow(tenant).tryAcquire(anonymousKey(tenant, ip));
        if (wait.isPresent()) {
            throw new Limited("Too many requests from your address. Slow down.", wait.getAsLong());
        }
    }

    /** Refuses (429) an anonymous caller whose address has used up its budget, without counting this request. */
    void checkAnonymousRoom(TenantSummary tenant, String ip) {
        OptionalLong wait = anonymousWindow(tenant).blockedFor(anonymousKey(tenant, ip));
        if (wait.isPresent()) {
            throw new Limited("Too many requests from your address. Slow down.", wait.getAsLong());
        }
    }

    /** Counts an anonymous request after the fact (an API key that turned out not to be valid). */
    void recordAnonymous(TenantSummary tenant, String ip) {
        anonymousWindow(tenant).record(anonymousKey(tenant, ip));
    }

    /** Counts one request against an endpoint's own limit, per client address and tenant; 429 over it. */
    void checkOwn(String bucket, int perSecond, TenantSummary tenant, String ip) {
        SlidingWindow w = own.computeIfAbsent(bucket + "/" + perSecond, k -> new SlidingWindow(Math.max(1, perSecond),
                TimeUnit.SECONDS.toNanos(1), System::nanoTime));
        OptionalLong wait = w.tryAcquire(anonymousKey(tenant, ip));
        if (wait.isPresent()) {
            throw new Limited("Too many requests from your address to this endpoint. Slow down.", wait.getAsLong());
        }
    }

    private SlidingWindow anonymousWindow(TenantSummary tenant) {
        int rate = Math.min(anonymousRate, planRate(tenant.plan()));
        return anonymous.computeIfAbsent(rate, r -> new SlidingWindow(r, TimeUnit.SECONDS.toNanos(1),
                System::nanoTime));
    }

    private int planRate(String plan) {
        return config.getOptionalValue("seva.tenant.rate." + plan.toLowerCase(Locale.ROOT), Integer.class)
                .orElse(defaultRate(plan));
    }

    private static String anonymousKey(TenantSummary tenant, String ip) {
        return tenant.id().value() + "/" + (ip == null ? "-" : ip);
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
