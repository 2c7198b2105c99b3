package ca.pupitre.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses, before any route, a request whose path or query holds a NUL byte or bytes that are not
 * UTF-8 (raw or %-escaped): 400 problem+json {@code INVALID_URI_ENCODING}. Such text
 * can only be an attack or a broken client, and would otherwise reach PostgreSQL (which refuses NUL in
 * text) or a log line. Runs right after the request id is assigned, in every service and the gateway.
 */
@Singleton
public class UriEncoding {

    void register(@Observes Filters filters) {
        filters.register(UriEncoding::check, 9_500);
    }

    static void check(RoutingContext ctx) {
        if (wellFormed(ctx.request().uri())) {
            ctx.next();
        } else {
            RouterProblems.send(ctx, 400, "INVALID_URI_ENCODING", Map.of());
        }
    }

    /**
     * Whether a request target as received (undecoded) decodes to UTF-8 text without NUL. Other control
     * characters pass (search strips them; a pasted line break is not an attack). Plain ASCII (most
     * requests) is accepted in one scan.
     */
    public static boolean wellFormed(String raw) {
        if (raw == null) {
            return true;
        }
        boolean plain = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == 0) {
                return false;
            }
            if (c == '%' || c > 0x7F) {
                plain = false;
            }
        }
        if (plain) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                int b = high << 4 | low;
                if (b == 0) {
                    return false;
                }
                bytes.put((byte) b);
                i += 2;
            } else if (c > 0xFF) {
                // already decoded by the HTTP layer (not the case with Netty, which reads ISO-8859-1): keep its UTF-8
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }
}
