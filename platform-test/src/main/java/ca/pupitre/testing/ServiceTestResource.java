package ca.pupitre.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts what a service needs under test: the real PostgreSQL (its role and schema), and the
 * public key of {@link TestTokens} as the service's JWKS. Give the role with the init arg
 * {@code role}.
 */
public class ServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private String role;

    @Override
    public void init(Map<String, String> initArgs) {
        role = initArgs.getOrDefault("role", "listings");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestDatabase.get().datasourceConfig(role));
        if (!"gateway".equals(role)) {
            config.put("mp.jwt.verify.publickey.location", TestTokens.jwksFile().toUri().toString());
        }
        return config;
    }

    @Override
    public void stop() {
        // the database lives as long as the test JVM (shutdown hook)
    }
}
