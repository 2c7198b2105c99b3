package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Signs the access tokens the gateway hands out: RS256, issuer {@code pupitre}, {@code groups} = role. */
@Singleton
@Startup
public class TokenIssuer {

    private final SigningKeys keys;
    private final GatewayConfig.Tokens config;
    private final Clock clock;

    public TokenIssuer(GatewayConfig config, ObjectMapper json, Clock clock) {
        this.keys = SigningKeys.loadOrCreate(config.keys(), clock, json);
        this.config = config.tokens();
        this.clock = clock;
    }

    public String jwks() {
        return keys.jwks();
    }

    /** A signed token for {@code subject} with one role, living {@code ttl}; {@code extraClaims} may add claims. */
    public String sign(String subject, Role role, Duration ttl, Map<String, Object> extraClaims) {
        Instant now = clock.instant();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(subject)
                .upn(subject)
                .groups(role.name())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("jti", UUID.randomUUID().toString());
        extraClaims.forEach(claims::claim);
        SigningKeys.SigningKey key = keys.active();
        return claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
    }
}
