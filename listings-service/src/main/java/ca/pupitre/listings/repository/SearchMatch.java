package ca.pupitre.listings.repository;

import java.util.UUID;

/**
 * One published listing as search sees it: its score for one text query (as PostgreSQL computed it)
 * and the columns search filters, sorts and counts on. Times are epoch microseconds (PostgreSQL's
 * precision), the amount in cents with its {@code PricingUnit} (ordinal), the region 1-17 (0 when none), skills and languages as
 * {@link SearchCodes} numbers.
 */
public record SearchMatch(long idHigh, long idLow, double score, long publishedMicros, long expiresMicros, long amountCents,
        byte unit, byte kind, byte region, boolean remote, int[] skills, int[] languages) {

    public UUID id() {
        return new UUID(idHigh, idLow);
    }
}
