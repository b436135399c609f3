package dev.seva.tenant.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.seva.sdk.Role;
import dev.seva.sdk.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints Seva's access tokens: RS256 MP-JWTs (header {@code typ=JWT}, {@code kid}; claims {@code iss, sub, upn,
 * groups, tenant, aud, iat, exp, jti}) that Liberty's mpJwt validates on every request. Platform admins' tokens have
 * no {@code tenant} claim.
 */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    JwtKeys keys;

    @Inject
    TokenValidity validity;

    @Inject
    @ConfigProperty(name = "seva.auth.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "seva.auth.audience", defaultValue = "seva")
    String audience;

    @Inject
    @ConfigProperty(name = "seva.auth.token-seconds", defaultValue = "900")
    long ttlSeconds;

    /** An issued token. */
    public record Issued(String token, long expiresIn) {
    }

    /** @return a token for the user; {@code tenant} null for platform admins */
    public Issued issue(String userId, String email, Set<Role> roles, TenantId tenant) {
        RSAKey key = keys.signing();
        long now = System.currentTimeMillis();
        // not before the user's last change (disabled, role removed, new password): see TokenValidity
        long issuedAt = validity.issuedAt(tenant == null ? TenantId.PLATFORM : tenant, userId, now / 1000) * 1000;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(userId).audience(audience)
                .claim("upn", email).claim("groups", roles.stream().map(Role::name).sorted().toList())
                .issueTime(new Date(Math.max(now, issuedAt))).expirationTime(new Date(now + ttlSeconds * 1000))
                .jwtID(UUID.randomUUID().toString());
        if (tenant != null) {
            claims.claim("tenant", tenant.value());
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return new Issued(jwt.serialize(), ttlSeconds);
    }
}
