package ca.pupitre.billing.service;

import ca.pupitre.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of invoices ended: the last one's creation time and id (the list's order), written as opaque
 * base64url text. An unreadable cursor is a 400 {@code INVALID_CURSOR}, never a 500.
 */
record InvoiceCursor(Instant createdAt, UUID id) {

    /** Generous for the longest {@code Instant|uuid} text, in base64. */
    static final int MAX_LENGTH = 128;

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for no cursor (the first page). */
    static InvoiceCursor decode(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts expected");
            }
            return new InvoiceCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException unreadable) {
            throw ProblemException.badRequest("INVALID_CURSOR");
        }
    }
}
