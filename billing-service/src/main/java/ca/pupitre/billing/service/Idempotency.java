package ca.pupitre.billing.service;

import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.billing.repository.IdempotencyRecords;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for the POSTs that create money objects. Per caller (token subject) and
 * key, a row is claimed in its own committed transaction before the work starts, so a concurrent
 * duplicate sees it: same request while the first runs → 409, different request → 422, same
 * request after it finished → the stored answer (same status and body). The work and the stored
 * answer commit together; if the work fails the claim is released, so the client may retry.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** The longest key accepted (the idem_key column); longer ones answer 400 INVALID_IDEMPOTENCY_KEY. */
    public static final int KEY_MAX = 200;
    /** What a key is made of: visible ASCII, no space; the OpenAPI document states the same. */
    public static final String KEY_PATTERN = "^[\\x21-\\x7E]+$";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1," + KEY_MAX + "}");

    /** What an operation answered: status, JSON body, optional Location. */
    public record Answer(int status, Object body, URI location) {
    }

    /**
     * The answer to send: status, the body already written as JSON (or null), the Location (or null), and whether
     * it is the stored answer of an earlier identical request.
     */
    public record Outcome(int status, String json, URI location, boolean replayed) {
    }

    private final IdempotencyRecords records;
    private final ObjectMapper json;
    private final BillingConfig config;
    private final Clock clock;

    public Idempotency(IdempotencyRecords records, ObjectMapper json, BillingConfig config, Clock clock) {
        this.records = records;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs {@code work} (which opens or joins a transaction) at most once per caller and key.
     *
     * The method, path and body identify the request besides the key.
     */
    public Outcome run(Caller caller, String key, String method, String path, Object body, Supplier<Answer> work) {
        if (key == null) {
            return outcome(QuarkusTransaction.requiringNew().call(work::get), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("INVALID_IDEMPOTENCY_KEY");
        }
        String hash = sha256(method + " " + path + "\n" + write(body));
        Optional<Outcome> stored = QuarkusTransaction.requiringNew().call(() -> claim(caller.subject(), key, hash));
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Outcome done = outcome(work.get(), false);
                records.complete(caller.subject(), key, done.status(), done.json(),
                        done.location() == null ? null : done.location().toString());
                return done;
            });
        } catch (RuntimeException failed) {
            QuarkusTransaction.requiringNew().run(() -> records.release(caller.subject(), key));
            throw failed;
        }
    }

    private Optional<Outcome> claim(String caller, String key, String hash) {
        Instant now = clock.instant();
        if (records.claim(caller, key, hash, now)) {
            return Optional.empty();
        }
        Optional<IdempotencyRecords.Claim> held = records.lock(caller, key);
        if (held.isEmpty()) { // released meanwhile: claim again
            return claim(caller, key, hash);
        }
        IdempotencyRecords.Claim claim = held.get();
        boolean expired = claim.createdAt().isBefore(now.minus(config.idempotencyRetention()));
        boolean abandoned = claim.inFlight() && claim.createdAt().isBefore(now.minus(config.idempotencyInFlightTimeout()));
        if (expired || (abandoned && hash.equals(claim.requestHash()))) {
            records.reclaim(caller, key, hash, now);
            return Optional.empty();
        }
        if (!hash.equals(claim.requestHash())) {
            throw ProblemException.unprocessable("IDEMPOTENCY_KEY_REUSED");
        }
        if (claim.inFlight()) {
            throw ProblemException.conflict("IDEMPOTENCY_KEY_IN_FLIGHT").withHeader("Retry-After", "1");
        }
        return Optional.of(new Outcome(claim.status(), claim.body(),
                claim.location() == null ? null : URI.create(claim.location()), true));
    }

    /** Forgets answers older than the retention (at least 24 hours). */
    @Scheduled(every = "1h", delayed = "5m")
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> records.purgeBefore(clock.instant().minus(config.idempotencyRetention())));
    }

    private Outcome outcome(Answer answer, boolean replayed) {
        return new Outcome(answer.status(), answer.body() == null ? null : write(answer.body()), answer.location(), replayed);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
