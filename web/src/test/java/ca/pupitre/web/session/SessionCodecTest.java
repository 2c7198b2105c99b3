package ca.pupitre.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.web.view.WebConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCodecTest {

    @TempDir
    Path keys;

    private static final SignedInPerson JOSEE = new SignedInPerson(UUID.randomUUID(), "Josée", "SECRETARY", false,
            "eyJhbGciOiJSUzI1NiJ9.access.token", 1_800_000_000L, "refresh-token-123");

    @Test
    void aSealedSessionOpensWithTheSameKeyOnly() {
        SessionCodec codec = new SessionCodec(config(Optional.empty()));
        String cookie = codec.seal(JOSEE);
        assertThat(cookie).doesNotContain("access", "refresh", "Jos");
        assertThat(codec.open(cookie)).contains(JOSEE);
        // the key was generated once into the keys folder and is reused by the next start (or replica)
        assertThat(Files.exists(keys.resolve("web-session.key"))).isTrue();
        assertThat(new SessionCodec(config(Optional.empty())).open(cookie)).contains(JOSEE);
        // another key: no session
        byte[] other = new byte[32];
        other[0] = 1;
        SessionCodec elsewhere = new SessionCodec(config(Optional.of(Base64.getEncoder().encodeToString(other))));
        assertThat(elsewhere.open(cookie)).isEmpty();
    }

    @Test
    void aTamperedOrTruncatedCookieIsNoSession() {
        SessionCodec codec = new SessionCodec(config(Optional.empty()));
        String cookie = codec.seal(JOSEE);
        char[] chars = cookie.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        assertThat(codec.open(new String(chars))).isEmpty();
        assertThat(codec.open(cookie.substring(0, 20))).isEmpty();
        assertThat(codec.open("not base64 at all!")).isEmpty();
        assertThat(codec.open("")).isEmpty();
        assertThat(codec.open(null)).isEmpty();
        // every seal uses a fresh nonce: the same session never gives the same cookie twice
        assertThat(codec.seal(JOSEE)).isNotEqualTo(cookie);
    }

    private WebConfig config(Optional<String> key) {
        return new WebConfig() {
            @Override
            public String publicUrl() {
                return "http://localhost:8080";
            }

            @Override
            public Session session() {
                return new Session() {
                    @Override
                    public Optional<String> key() {
                        return key;
                    }

                    @Override
                    public Path keysDir() {
                        return keys;
                    }

                    @Override
                    public boolean secureCookie() {
                        return true;
                    }

                    @Override
                    public Duration maxAge() {
                        return Duration.ofDays(30);
                    }
                };
            }
        };
    }
}
