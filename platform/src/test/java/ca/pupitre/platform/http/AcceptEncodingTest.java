package ca.pupitre.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    private static final Set<String> GZIP = Set.of("gzip", "x-gzip");

    @Test
    void namedOrWildcardWithAWeightAboveZero() {
        assertThat(AcceptEncoding.accepts("gzip, deflate, br", GZIP)).isTrue();
        assertThat(AcceptEncoding.accepts("br;q=1.0, GZIP;q=0.8", GZIP)).isTrue();
        assertThat(AcceptEncoding.accepts("*", GZIP)).isTrue();
        assertThat(AcceptEncoding.accepts("x-gzip", GZIP)).isTrue();
    }

    @Test
    void missingRefusedOrOtherCodingsAreNot() {
        assertThat(AcceptEncoding.accepts(null, GZIP)).isFalse();
        assertThat(AcceptEncoding.accepts("", GZIP)).isFalse();
        assertThat(AcceptEncoding.accepts("gzip;q=0, identity", GZIP)).isFalse();
        assertThat(AcceptEncoding.accepts("gzip;q=0.000", GZIP)).isFalse();
        assertThat(AcceptEncoding.accepts("gzip;q=bad", GZIP)).isFalse();
        assertThat(AcceptEncoding.accepts("br, deflate", GZIP)).isFalse();
        assertThat(AcceptEncoding.accepts("deflate", Set.of("gzip", "deflate"))).isTrue();
    }
}
