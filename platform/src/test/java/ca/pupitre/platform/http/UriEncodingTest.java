package ca.pupitre.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/referrals/%00", "/a?q=%00", "/a?q=x%00y", "/a?q=%C3%28", "/a?q=%C0%AF", "/a?q=%ED%A0%80",
            "/a?q=%FF", "/a?q=%E", "/a?q=%zz", "/a?q=%", "/a\u0000b", "/a?q=\u00C3\u0028"})
    void refusesNulAndWhatIsNotUtf8(String raw) {
        assertThat(UriEncoding.wellFormed(raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/listings?q=comptabilit%C3%A9", "/a?q=%20%2F%25", "/a/b?c=d&e=f", "/a?q=%F0%9F%92%BC",
            "/a?q=ligne%0Aligne", "/a?q=%E2%80%AE", "/a?q=\u00C3\u00A9", "/", ""})
    void acceptsUtf8Text(String raw) {
        assertThat(UriEncoding.wellFormed(raw)).isTrue();
    }
}
