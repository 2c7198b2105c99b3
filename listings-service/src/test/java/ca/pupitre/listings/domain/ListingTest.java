package ca.pupitre.listings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListingTest {

    private static final Duration LIFETIME = Duration.ofDays(60);
    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

    private static Listing draft() {
        Listing listing = new Listing();
        listing.status = ListingStatus.DRAFT;
        return listing;
    }

    @Test
    void publishesForSixtyDaysThenExpiresLazily() {
        Listing listing = draft();
        Transition t = listing.publish(T0, LIFETIME);
        assertThat(t.from()).isEqualTo(ListingStatus.DRAFT);
        assertThat(listing.expiresAt).isEqualTo(T0.plus(LIFETIME));
        assertThat(listing.effectiveStatus(T0.plus(LIFETIME).minusMillis(1))).isEqualTo(ListingStatus.PUBLISHED);
        assertThat(listing.effectiveStatus(T0.plus(LIFETIME))).isEqualTo(ListingStatus.EXPIRED);
        assertThat(listing.status).isEqualTo(ListingStatus.PUBLISHED);
        assertThat(listing.expiryReminderDueAt(Duration.ofDays(5))).isEqualTo(T0.plus(Duration.ofDays(55)));
    }

    @Test
    void expireIfDueStoresExpiredOnlyWhenDue() {
        Listing listing = draft();
        listing.publish(T0, LIFETIME);
        assertThat(listing.expireIfDue(T0.plus(Duration.ofDays(59)))).isNull();
        assertThat(listing.expireIfDue(T0.plus(Duration.ofDays(61))).to()).isEqualTo(ListingStatus.EXPIRED);
        assertThat(listing.status).isEqualTo(ListingStatus.EXPIRED);
    }

    @Test
    void renewsExpiredOrPublishedButNotDrafts() {
        Listing listing = draft();
        assertThatThrownBy(() -> listing.renew(T0, LIFETIME)).isInstanceOf(IllegalTransitionException.class);
        listing.publish(T0, LIFETIME);
        Instant later = T0.plus(Duration.ofDays(70));
        Transition renewed = listing.renew(later, LIFETIME);
        assertThat(renewed.from()).isEqualTo(ListingStatus.EXPIRED);
        assertThat(listing.expiresAt).isEqualTo(later.plus(LIFETIME));
    }

    @Test
    void cannotPublishTwiceOrAfterClosing() {
        Listing listing = draft();
        listing.publish(T0, LIFETIME);
        assertThatThrownBy(() -> listing.publish(T0, LIFETIME)).isInstanceOf(IllegalTransitionException.class);
        listing.close(CloseReason.FILLED);
        assertThatThrownBy(() -> listing.publish(T0, LIFETIME)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> listing.close(CloseReason.WITHDRAWN)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> listing.hide(T0, "x")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> listing.requireEditable(T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void unhideRestoresThePreviousStatus() {
        Listing listing = draft();
        listing.hide(T0, "spam");
        assertThatThrownBy(() -> listing.hide(T0, "again")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> listing.requireEditable(T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(listing.unhide(T0).to()).isEqualTo(ListingStatus.DRAFT);
        assertThat(listing.hiddenReason).isNull();
        assertThatThrownBy(() -> listing.unhide(T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void promotedOnlyWhileFeaturedUntilIsAhead() {
        Listing listing = draft();
        assertThat(listing.promoted(T0)).isFalse();
        listing.featuredUntil = T0.plusSeconds(1);
        assertThat(listing.promoted(T0)).isTrue();
        assertThat(listing.promoted(T0.plusSeconds(1))).isFalse();
    }
}
