package dev.seva.tenant.internal;

import dev.seva.tenant.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RateLimits} on {@link SlidingWindow}s, one per (bucket, limit, window); keys are tenant and address. */
@ApplicationScoped
public class DefaultRateLimits implements RateLimits {

    @Inject
    RequestTenantContext request;

    private final Map<String, SlidingWindow> windows = new ConcurrentHashMap<>();

    @Override
    public void checkClient(String bucket, int limit, Duration window) {
        String tenant = request.current().map(t -> t.value()).orElse("-");
        String ip = request.clientIp() == null ? "-" : request.clientIp();
        SlidingWindow w = windows.computeIfAbsent(bucket + "/" + limit + "/" + window.toNanos(),
                k -> new SlidingWindow(limit, window.toNanos(), System::nanoTime));
        OptionalLong wait = w.tryAcquire(tenant + "/" + ip);
        if (wait.isPresent()) {
            throw new Throttles.Limited("Too many requests from your address. Try again later.", wait.getAsLong());
        }
    }
}
