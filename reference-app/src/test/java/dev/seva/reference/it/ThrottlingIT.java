package dev.seva.reference.it;

import static dev.seva.reference.it.Api.get;
import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.reference.it.Api.Tenant;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThrottlingIT {

    @Test
    void repeatedFailedSignInsLockTheAccountWith429AndAnAuditEvent() {
        var t = Api.newTenant("throttle");
        var victim = Api.newUser(t, "STAFF");
        for (int i = 0; i < 5; i++) {
            post("/api/v1/auth/token", t.t(), null, Json.createObjectBuilder().add("email", victim.email())
                    .add("password", "guess-" + i).build()).problem(401, "INVALID_CREDENTIALS");
        }
        // now even the right password is refused, before it is checked
        var locked = post("/api/v1/auth/token", t.t(), null, Json.createObjectBuilder().add("email", victim.email())
                .add("password", "user-password-" + victim.email().hashCode()).build()).problem(429, "RATE_LIMITED");
        long retryAfter = Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter);
        // other accounts are not affected
        Api.token(t.t(), t.adminEmail(), t.adminPassword());
        var events = get("/api/v1/audit-events?size=50", t.t(), t.adminToken()).expect(200);
        assertTrue(events.items().stream().anyMatch(e -> e.asJsonObject().getString("action").equals(
                "LOGIN_THROTTLED") && e.asJsonObject().getString("targetId").equals(victim.email())), events.body());
    }

    @Test
    void aTenantOverItsPlansRateGets429WithRetryAfter() throws Exception {
        String slug = "free-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/platform/tenants", Tenant.NONE, Api.platformToken(), Json.createObjectBuilder()
                .add("slug", slug).add("name", "Free firm").add("adminEmail", "a@" + slug + ".in")
                .add("adminPassword", "free-plan-password").add("plan", "FREE").build()).expect(201);
        // the plan's budget is spent by the firm's signed-in users (anonymous calls have a budget of their own)
        String admin = Api.token(Tenant.header(slug), "a@" + slug + ".in", "free-plan-password");
        Thread.sleep(1100);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Res>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(pool.submit(() -> get("/api/v1/me", Tenant.header(slug), admin)));
            }
            boolean limited = false;
            for (Future<Api.Res> f : calls) {
                Api.Res r = f.get(60, TimeUnit.SECONDS);
                if (r.status() == 429) {
                    r.problem(429, "RATE_LIMITED");
                    assertTrue(r.raw().headers().firstValue("Retry-After").isPresent());
                    limited = true;
                } else {
                    r.expect(200);
                }
            }
            assertTrue(limited, "80 requests at once exceed the FREE plan's 20 per second");
        } finally {
            pool.shutdownNow();
        }
        Thread.sleep(1100);
        get("/api/v1/me", Tenant.header(slug), admin).expect(200);
    }
}
