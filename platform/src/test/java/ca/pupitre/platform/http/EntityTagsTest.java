package ca.pupitre.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final String TAG = "W/\"abc\"";
    private static final Instant CHANGED = Instant.parse("2026-12-03T10:00:00Z");
    private static final String AT_CHANGE = "Thu, 03 Dec 2026 10:00:00 GMT";
    private static final String BEFORE_CHANGE = "Thu, 03 Dec 2026 09:59:59 GMT";

    @Test
    void tagsCompareWeaklyAndAStarMatchesAny() {
        assertThat(EntityTags.anyMatches(TAG, TAG)).isTrue();
        assertThat(EntityTags.anyMatches("\"abc\"", TAG)).isTrue();
        assertThat(EntityTags.anyMatches("\"other\",  W/\"abc\"", TAG)).isTrue();
        assertThat(EntityTags.anyMatches("*", TAG)).isTrue();
        assertThat(EntityTags.anyMatches("\"7\"", "\"7\"")).isTrue();
        assertThat(EntityTags.anyMatches("7", "\"7\"")).isTrue();
        assertThat(EntityTags.anyMatches("\"abcd\", \"ab\"", TAG)).isFalse();
        assertThat(EntityTags.anyMatches("", TAG)).isFalse();
        assertThat(EntityTags.anyMatches(null, TAG)).isFalse();
    }

    @Test
    void ifModifiedSinceAnswersOnlyWithoutIfNoneMatch() {
        assertThat(EntityTags.notModified(null, AT_CHANGE, TAG, CHANGED)).isTrue();
        assertThat(EntityTags.notModified(null, BEFORE_CHANGE, TAG, CHANGED)).isFalse();
        // a tag that does not match wins over a date that would
        assertThat(EntityTags.notModified("\"other\"", AT_CHANGE, TAG, CHANGED)).isFalse();
        assertThat(EntityTags.notModified(TAG, BEFORE_CHANGE, TAG, CHANGED)).isTrue();
    }

    @Test
    void aMalformedDateIsIgnored() {
        assertThat(EntityTags.httpDate("yesterday")).isEmpty();
        assertThat(EntityTags.httpDate("   ")).isEmpty();
        assertThat(EntityTags.notModified(null, "2026-12-03T10:00:00Z", TAG, CHANGED)).isFalse();
        assertThat(EntityTags.httpDate(AT_CHANGE)).contains(CHANGED);
    }
}
