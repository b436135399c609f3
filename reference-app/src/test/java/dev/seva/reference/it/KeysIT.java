package dev.seva.reference.it;

import static dev.seva.reference.it.Api.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/**
 * Envelope encryption as the database sees it: a tenant's data key exists only wrapped, secrets are sealed (the TOTP
 * secret is the first user of it), and master key rotation re-wraps every data key without touching the data.
 */
class KeysIT {

    private static String code(String secret) throws Exception {
        var totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30));
        return String.format("%06d", totp.generateOneTimePassword(
                new SecretKeySpec(new Base32().decode(secret), totp.getAlgorithm()), Instant.now()));
    }

    private static String one(String sql, String param) throws Exception {
        try (Connection c = Db.owner(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    @Test
    void totpSecretsAreStoredSealedAndStillVerify() throws Exception {
        Api.TestTenant t = Api.newTenant("keys");
        String secret = post("/api/v1/me/totp", t.t(), t.adminToken(), "{}").expect(200).str("secret");
        String stored = one("SELECT secret FROM user_totp WHERE tenant_id = ?", t.id());
        assertTrue(stored.startsWith("enc:v1:"), stored);
        assertFalse(stored.contains(secret));
        assertEquals("1", one("SELECT count(*) FROM tenant_data_key WHERE tenant_id = ? AND active", t.id()));
        post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), "{\"code\":\"" + code(secret) + "\"}").expect(200);
    }

    @Test
    void rotationRewrapsEveryDataKeyAndSealedDataStillOpens() throws Exception {
        Api.TestTenant t = Api.newTenant("rot");
        String secret = post("/api/v1/me/totp", t.t(), t.adminToken(), "{}").expect(200).str("secret");
        String before = one("SELECT master_key_id FROM tenant_data_key WHERE tenant_id = ?", t.id());
        String wrappedBefore = one("SELECT encode(wrapped_key, 'hex') FROM tenant_data_key WHERE tenant_id = ?",
                t.id());

        post("/api/v1/platform/keys/rotate", t.t(), t.adminToken(), "").expect(403);
        String now = post("/api/v1/platform/keys/rotate", Api.Tenant.NONE, Api.platformToken(), "").expect(200)
                .str("masterKeyId");

        assertNotEquals(before, now);
        assertEquals("0", one("SELECT count(*) FROM tenant_data_key WHERE master_key_id <> ?", now));
        assertNotEquals(wrappedBefore,
                one("SELECT encode(wrapped_key, 'hex') FROM tenant_data_key WHERE tenant_id = ?", t.id()));
        // the secret sealed before the rotation opens: the data key is the same, only its wrapping changed
        post("/api/v1/me/totp/confirm", t.t(), t.adminToken(), "{\"code\":\"" + code(secret) + "\"}").expect(200);
        // the platform admins' TOTP secrets, which the master key wraps directly, are re-wrapped too and still open
        assertEquals("0", one("SELECT count(*) FROM platform_admin_totp WHERE master_key_id <> ?", now));
        Api.get("/api/v1/platform/tenants", Api.Tenant.NONE, PlatformAdmin.signIn(Api.BASE)).expect(200);
    }

    @Test
    void manyRequestsMeetingATenantWithoutKeyMakeOneKeyAndAllSucceed() throws Exception {
        Api.TestTenant t = Api.newTenant("race");
        List<Api.TestUser> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(Api.newUser(t, "STAFF"));
        }
        // the tenant has no data key yet: six enrolments seal at once, and each would create the first key
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Api.TestUser u : users) {
                answers.add(pool.submit(() -> post("/api/v1/me/totp", t.t(), u.token(), "{}").status()));
            }
            for (Future<Integer> a : answers) {
                assertEquals(200, a.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1", one("SELECT count(*) FROM tenant_data_key WHERE tenant_id = ?", t.id()));
    }
}
