package ca.pupitre.gateway.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the proxy needs to know about a key, detached from the persistence context. */
public record KeySnapshot(String prefix, String keyHash, Instant expiresAt, Instant revokedAt, UUID partnerId,
        List<String> feeds) {

    public boolean worksAt(Instant now) {
        return PartnerKey.statusOf(expiresAt, revokedAt, now) != PartnerKeyStatus.REVOKED;
    }
}
