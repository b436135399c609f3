package dev.seva.tenant.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RS256 key that signs access tokens. Generated on first start into {@code seva.auth.key-dir} (owner-only
 * permissions, never in git), kept across restarts. The public keys are published as {@code jwks.json} beside it,
 * which Liberty's mpJwt reads to validate tokens.
 *
 * <p>
 * Rotation: stop the server, rename {@code signing.jwk.json} to {@code previous.jwk.json}, start. A new key signs
 * from then on; tokens signed by the previous one stay valid (its public key stays in {@code jwks.json}) until they
 * expire; delete {@code previous.jwk.json} after one token lifetime.
 */
@ApplicationScoped
public class JwtKeys {

    private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());

    @Inject
    @ConfigProperty(name = "seva.auth.key-dir")
    String keyDir;

    private volatile RSAKey signing;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE
            + 50) @Initialized(ApplicationScoped.class) Object ignored) {
        signing();
    }

    /** @return the current signing key, loaded or created on first use */
    public RSAKey signing() {
        RSAKey k = signing;
        if (k == null) {
            synchronized (this) {
                if (signing == null) {
                    signing = loadOrCreate(Path.of(keyDir));
                }
                k = signing;
            }
        }
        return k;
    }

    static RSAKey loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path current = dir.resolve("signing.jwk.json");
            RSAKey key;
            if (Files.exists(current)) {
                key = RSAKey.parse(Files.readString(current));
                LOG.info("Token signing key loaded, kid " + key.getKeyID());
            } else {
                key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                        .generate();
                writeAtomically(dir, current, key.toJSONString(), true);
                LOG.info("Token signing key generated, kid " + key.getKeyID() + ", in " + dir);
            }
            List<JWK> published = new ArrayList<>();
            published.add(key.toPublicJWK());
            Path previous = dir.resolve("previous.jwk.json");
            if (Files.exists(previous)) {
                published.add(RSAKey.parse(Files.readString(previous)).toPublicJWK());
            }
            writeAtomically(dir, dir.resolve("jwks.json"), new JWKSet(published).toString(), false);
            return key;
        } catch (IOException | java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("Cannot load or create the token signing key in " + dir, e);
        }
    }

    private static void writeAtomically(Path dir, Path target, String content, boolean secret) throws IOException {
        Path tmp = secret
                ? Files.createTempFile(dir, "key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "pub", ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
