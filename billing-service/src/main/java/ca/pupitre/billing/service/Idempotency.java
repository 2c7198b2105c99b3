package ca.pupitre.billing.service;

import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
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

    private record Stored(int status, String body, String location) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final BillingConfig config;
    private final Clock clock;

    public Idempotency(EntityManager em, ObjectMapper json, BillingConfig config, Clock clock) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs {@code work} (which opens or joins a transaction) at most once per caller and key.
     *
     * @param request what identifies the request besides the key: method, path and body
     */
    public Response run(Caller caller, String key, String method, String path, Object body, Supplier<Answer> work) {
        if (key == null) {
            return respond(serialize(QuarkusTransaction.requiringNew().call(work::get)), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("INVALID_IDEMPOTENCY_KEY");
        }
        String hash = sha256(method + " " + path + "\n" + write(body));
        Optional<Stored> stored = QuarkusTransaction.requiringNew().call(() -> claim(caller.subject(), key, hash));
        if (stored.isPresent()) {
            return respond(stored.get(), true);
        }
        try {
            Stored answer = QuarkusTransaction.requiringNew().call(() -> {
                Stored done = serialize(work.get());
                em.createNativeQuery("update idempotency_record set state = 'DONE', status = ?3, body = ?4, location = ?5"
                                + " where caller = ?1 and idem_key = ?2")
                        .setParameter(1, caller.subject()).setParameter(2, key).setParameter(3, done.status())
                        .setParameter(4, done.body()).setParameter(5, done.location()).executeUpdate();
                return done;
            });
            return respond(answer, false);
        } catch (RuntimeException failed) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "delete from idempotency_record where caller = ?1 and idem_key = ?2 and state = 'IN_FLIGHT'")
                    .setParameter(1, caller.subject()).setParameter(2, key).executeUpdate());
            throw failed;
        }
    }

    private Optional<Stored> claim(String caller, String key, String hash) {
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("insert into idempotency_record (caller, idem_key, request_hash, state, created_at)"
                        + " values (?1, ?2, ?3, 'IN_FLIGHT', ?4) on conflict do nothing")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).setParameter(4, Timestamp.from(now))
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, state, status, body, location, created_at"
                        + " from idempotency_record where caller = ?1 and idem_key = ?2 for update")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        if (rows.isEmpty()) { // released meanwhile: claim again
            return claim(caller, key, hash);
        }
        Object[] row = rows.get(0);
        Instant createdAt = instant(row[5]);
        boolean expired = createdAt.isBefore(now.minus(config.idempotencyRetention()));
        boolean abandoned = "IN_FLIGHT".equals(row[1]) && createdAt.isBefore(now.minus(config.idempotencyInFlightTimeout()));
        if (expired || (abandoned && hash.equals(row[0]))) {
            em.createNativeQuery("update idempotency_record set request_hash = ?3, state = 'IN_FLIGHT', status = null, body = null,"
                            + " location = null, created_at = ?4 where caller = ?1 and idem_key = ?2")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).setParameter(4, Timestamp.from(now))
                    .executeUpdate();
            return Optional.empty();
        }
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("IDEMPOTENCY_KEY_REUSED");
        }
        if ("IN_FLIGHT".equals(row[1])) {
            throw ProblemException.conflict("IDEMPOTENCY_KEY_IN_FLIGHT").withHeader("Retry-After", "1");
        }
        return Optional.of(new Stored(((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
    }

    /** Forgets answers older than the retention (at least 24 hours). */
    @Scheduled(every = "1h", delayed = "5m")
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(config.idempotencyRetention()))).executeUpdate());
    }

    private Stored serialize(Answer answer) {
        return new Stored(answer.status(), answer.body() == null ? null : write(answer.body()),
                answer.location() == null ? null : answer.location().toString());
    }

    private static Response respond(Stored stored, boolean replayed) {
        Response.ResponseBuilder builder = Response.status(stored.status());
        if (stored.body() != null) {
            builder.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        if (replayed) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
