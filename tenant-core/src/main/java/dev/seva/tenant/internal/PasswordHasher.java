package dev.seva.tenant.internal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Argon2id password hashes (Password4j), in the PHC string format with their own salt and parameters, so that
 * parameters can be raised later without invalidating stored hashes. Parameters: OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane).
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Verified against when the user does not exist, so that both answers take as long. */
    private static final String DUMMY = Password.hash("not a real password").addRandomSalt(16).with(ARGON2)
            .getResult();

    /** @return the PHC-encoded Argon2id hash of {@code password} */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /**
     * @param password the password given
     * @param hash the stored hash, or null when there is no such user (a dummy hash is checked instead)
     * @return whether it matches
     */
    public boolean verify(String password, String hash) {
        if (password == null) {
            password = "";
        }
        if (hash == null) {
            Password.check(password, DUMMY).with(ARGON2);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
