package ca.pupitre.gateway.ratelimit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis the shared rate-limit tests run against (127.0.0.1:6379). Without one they are skipped, so that
 * {@code ./mvnw verify} needs nothing; with {@code PUPITRE_REDIS_REQUIRED=true} (CI, whose machine runs Redis) a
 * missing Redis fails them instead of silently skipping.
 */
final class RedisAtHand {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;

    private RedisAtHand() {
    }

    static void requireOrSkip() {
        if (reachable()) {
            return;
        }
        String where = "no Redis on " + HOST + ":" + PORT;
        if ("true".equalsIgnoreCase(System.getenv("PUPITRE_REDIS_REQUIRED"))) {
            Assertions.fail(where + ", and PUPITRE_REDIS_REQUIRED=true");
        }
        Assumptions.abort(where);
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
