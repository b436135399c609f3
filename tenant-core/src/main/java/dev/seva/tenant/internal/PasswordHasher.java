package dev.seva.tenant.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Argon2id password hashes (Password4j), in the PHC string format with their own salt and parameters, so that
 * parameters can be raised later without invalidating stored hashes. Parameters: OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane). Every hash and check runs under {@link HashPermits}, so that concurrent sign-ins
 * cannot exhaust the heap ({@code seva.auth.hash-permits}, {@code seva.auth.hash-wait-millis}).
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the user does not exist, so that both answers take as long. */
    private static final String DUMMY = Password.hash("not a real password").addRandomSalt(16).with(ARGON2)
            .getResult();

    @Inject
    Config config;

    private HashPermits permits = HashPermits.automatic();

    @PostConstruct
    void init() {
        permits = new HashPermits(HashPermits.size(config.getOptionalValue("seva.auth.hash-permits", Integer.class)
                .orElse(0), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()),
                config.getOptionalValue("seva.auth.hash-wait-millis", Long.class).orElse(1000L));
        LOG.info("Password hashing: at most " + permits.size() + " Argon2 computations at once");
    }

    /**
     * @return the PHC-encoded Argon2id hash of {@code password}
     * @throws Throttles.Limited 503 {@code SIGN_IN_BUSY} when every permit stayed taken
     */
    public String hash(String password) {
        return permits.run(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult());
    }

    /**
     * @param password the password given
     * @param hash the stored hash, or null when there is no such user (a dummy hash is checked instead)
     * @return whether it matches
     * @throws Throttles.Limited 503 {@code SIGN_IN_BUSY} when every permit stayed taken
     */
    public boolean verify(String password, String hash) {
        String given = password == null ? "" : password;
        return permits.run(() -> {
            if (hash == null) {
                Password.check(given, DUMMY).with(ARGON2);
                return false;
            }
            return Password.check(given, hash).with(Argon2Function.getInstanceFromHash(hash));
        });
    }
}
