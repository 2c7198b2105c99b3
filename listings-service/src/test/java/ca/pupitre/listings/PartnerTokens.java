package ca.pupitre.listings;

import ca.pupitre.testing.TestTokens;
import java.util.List;
import java.util.UUID;

/** PARTNER tokens as the gateway mints them for an API key, with or without the {@code feeds} claim. */
public final class PartnerTokens {

    private PartnerTokens() {
    }

    /** No {@code feeds} claim: the token does not restrict feeds. */
    public static String unrestricted(UUID partnerId) {
        return TestTokens.partner(partnerId);
    }

    public static String withFeeds(UUID partnerId, List<String> feeds) {
        return TestTokens.partner(partnerId, feeds);
    }
}
