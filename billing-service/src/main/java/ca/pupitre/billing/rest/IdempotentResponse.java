package ca.pupitre.billing.rest;

import ca.pupitre.billing.service.Idempotency;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTTP answer for an {@link Idempotency} outcome; a replayed answer says so in {@code Idempotent-Replayed}. */
final class IdempotentResponse {

    private IdempotentResponse() {
    }

    static Response of(Idempotency.Outcome outcome) {
        Response.ResponseBuilder builder = Response.status(outcome.status());
        if (outcome.json() != null) {
            builder.entity(outcome.json()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (outcome.location() != null) {
            builder.location(outcome.location());
        }
        if (outcome.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }
}
