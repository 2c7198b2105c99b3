package ca.pupitre.gateway.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import ca.pupitre.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt hashing (passwords over bcrypt's 72 bytes are pre-hashed with SHA-512, not truncated). */
@Singleton
public class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private final int cost;
    private final String decoy;

    public Passwords(GatewayConfig config) {
        this.cost = config.passwords().bcryptCost();
        this.decoy = hash("decoy password that nobody has");
    }

    public String hash(String password) {
        return BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION))
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, so unknown e-mails cannot be told apart by timing. */
    public void burnTime(String password) {
        matches(password, decoy);
    }
}
