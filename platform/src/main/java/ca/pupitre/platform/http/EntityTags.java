package ca.pupitre.platform.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the conditional request headers (RFC 9110 section 13) the one way every service uses.
 *
 * <p>Not JAX-RS {@code Request.evaluatePreconditions}: Quarkus REST's compares entity tags strongly ({@code W/"7"}
 * does not match {@code "7"}), where RFC 9110 asks {@code If-None-Match} for the weak comparison, lets
 * {@code If-Modified-Since} answer 304 when an {@code If-None-Match} did not match, and fails on a malformed date,
 * which the RFC says to ignore. {@code EntityTagsTest} pins all three; the feeds' tests the first end to end.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /**
     * Whether a list of entity tags ({@code If-None-Match}, {@code If-Match}) holds {@code *} or a tag equal to
     * {@code etag} by the weak comparison: the {@code W/} prefix and the quotes are not compared.
     */
    public static boolean anyMatches(String header, String etag) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String mine = opaque(etag);
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || opaque(t).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP date ({@code If-Modified-Since}); empty when absent or malformed, which the RFC says to ignore. */
    public static Optional<Instant> httpDate(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Whether a GET may answer 304: {@code If-None-Match} matches; or, only when there is none, nothing changed
     * since {@code If-Modified-Since} (RFC 9110 13.2.2).
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return anyMatches(ifNoneMatch, etag);
        }
        return httpDate(ifModifiedSince).map(since -> !lastModified.isAfter(since)).orElse(false);
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
