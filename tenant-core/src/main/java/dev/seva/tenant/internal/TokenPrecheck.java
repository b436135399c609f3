package dev.seva.tenant.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A cheap look at a cookie's token before the server validates it: RS256, signed by one of Seva's published keys
 * ({@code jwks.json}), not expired. Liberty writes an error line and an FFDC report for every token it rejects, so a
 * browser's stale or forged cookie is dropped here instead and the request stays anonymous (401 from the resource).
 * The server still validates whatever passes.
 */
@ApplicationScoped
public class TokenPrecheck {

    private static final long SKEW_MILLIS = 30_000;

    @Inject
    @ConfigProperty(name = "seva.auth.key-dir")
    String keyDir;

    private volatile JWKSet keys;
    private volatile FileTime loadedAt;

    /** @return whether the token may be valid */
    public boolean plausible(String token) {
        return verified(token).map(c -> c.getExpirationTime() != null
                && c.getExpirationTime().getTime() + SKEW_MILLIS > System.currentTimeMillis()).orElse(false);
    }

    /** @return the token's claims when it is an RS256 token signed by one of Seva's published keys (expired or not) */
    public Optional<JWTClaimsSet> verified(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            JWK key = published().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return Optional.empty();
            }
            return Optional.of(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private JWKSet published() throws IOException, ParseException {
        Path file = Path.of(keyDir, "jwks.json");
        FileTime modified = Files.getLastModifiedTime(file);
        if (keys == null || !modified.equals(loadedAt)) {
            keys = JWKSet.parse(Files.readString(file));
            loadedAt = modified;
        }
        return keys;
    }
}
