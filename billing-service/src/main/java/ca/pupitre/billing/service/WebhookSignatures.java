package ca.pupitre.billing.service;

import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code Pupitre-Signature: t=<unix seconds>,v1=<hex>} where
 * {@code v1 = HMAC-SHA256(secret, t + "." + rawBody)}. A signature more than the tolerance (5
 * minutes) away from now is a replay and refused, whatever its validity.
 */
@ApplicationScoped
public class WebhookSignatures {

    public static final String HEADER = "Pupitre-Signature";
    private final BillingConfig config;
    private final Clock clock;

    public WebhookSignatures(BillingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public void verify(String header, String rawBody) {
        String secret = config.webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProblemException(503, "WEBHOOK_NOT_CONFIGURED"));
        if (header == null) {
            throw new ProblemException(401, "WEBHOOK_SIGNATURE_INVALID");
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if ("t".equals(kv[0])) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    throw new ProblemException(401, "WEBHOOK_SIGNATURE_INVALID");
                }
            } else if ("v1".equals(kv[0])) {
                signature = kv[1];
            }
        }
        if (timestamp == null || signature == null) {
            throw new ProblemException(401, "WEBHOOK_SIGNATURE_INVALID");
        }
        byte[] expected = sign(secret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(401, "WEBHOOK_SIGNATURE_INVALID");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
        if (age.compareTo(config.webhookTolerance()) > 0) {
            throw new ProblemException(401, "WEBHOOK_TOO_OLD");
        }
    }

    /** The hex signature of a body at a time; public so providers' fakes and tests sign the same way. */
    public static String sign(String secret, long timestamp, String rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + rawBody).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
