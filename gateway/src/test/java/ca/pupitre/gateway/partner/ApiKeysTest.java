package ca.pupitre.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void mintsARecognizableKeyOf32RandomBytesStoredOnlyAsItsHash() {
        ApiKeys.Minted minted = ApiKeys.mint();
        assertThat(minted.key()).startsWith(minted.prefix() + "_").matches("pk_live_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(minted.key().substring(17))).hasSize(32);
        assertThat(minted.hash()).hasSize(64).doesNotContain(minted.key().substring(17));
        assertThat(ApiKeys.prefixOf(minted.key())).contains(minted.prefix());
        assertThat(ApiKeys.matches(minted.key(), minted.hash())).isTrue();
    }

    @Test
    void refusesAKeyWithTheRightPrefixButAnotherSecret() {
        ApiKeys.Minted minted = ApiKeys.mint();
        String forged = minted.prefix() + "_" + ApiKeys.mint().key().substring(17);
        assertThat(ApiKeys.prefixOf(forged)).contains(minted.prefix());
        assertThat(ApiKeys.matches(forged, minted.hash())).isFalse();
    }

    @Test
    void ignoresTextThatIsNotAKey() {
        assertThat(ApiKeys.prefixOf("Bearer abc")).isEmpty();
        assertThat(ApiKeys.prefixOf("pk_live_ABCDEFGH_x")).isEmpty();
        assertThat(ApiKeys.prefixOf(null)).isEmpty();
    }

    @Test
    void aRotatedKeyWorksDuringItsGraceAndStopsAfterIt() {
        Instant rotatedAt = Instant.parse("2026-11-27T10:00:00Z");
        PartnerKey key = new PartnerKey();
        assertThat(key.statusAt(rotatedAt)).isEqualTo(PartnerKeyStatus.ACTIVE);
        key.expiresAt = rotatedAt.plusSeconds(24 * 3600);
        assertThat(key.statusAt(rotatedAt.plusSeconds(24 * 3600 - 1))).isEqualTo(PartnerKeyStatus.GRACE);
        assertThat(key.statusAt(rotatedAt.plusSeconds(24 * 3600))).isEqualTo(PartnerKeyStatus.REVOKED);
    }

    @Test
    void aRevokedKeyStopsAtOnceEvenDuringItsGrace() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        PartnerKey key = new PartnerKey();
        key.expiresAt = now.plusSeconds(3600);
        key.revokedAt = now;
        assertThat(key.statusAt(now)).isEqualTo(PartnerKeyStatus.REVOKED);
    }
}
