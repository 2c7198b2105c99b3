package ca.pupitre.matching.service;

import ca.pupitre.matching.domain.Referral;
import ca.pupitre.matching.repository.ListingCopyRepository;
import ca.pupitre.matching.repository.ReferralRepository;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Word of mouth: a client recommends a secretary (one referral per pair, shared as a code), the secretary's
 * count of distinct recommending clients is public, and billing reports the paid engagements referrals led to
 * (counted once per engagement).
 */
@ApplicationScoped
public class ReferralService {

    /** No 0/O, 1/I/L: codes are read aloud and typed. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Created(Referral referral, boolean isNew) {
    }

    public record Conversion(String code, UUID engagementId, boolean isNew) {
    }

    private final ReferralRepository referrals;
    private final ListingCopyRepository copies;
    private final Clock clock;

    public ReferralService(ReferralRepository referrals, ListingCopyRepository copies, Clock clock) {
        this.referrals = referrals;
        this.copies = copies;
        this.clock = clock;
    }

    /** The client's referral of the secretary, created on first call (the secretary must have an offer on Pupitre). */
    @Transactional
    public Created recommend(UUID clientId, UUID secretaryId) {
        var existing = referrals.of(clientId, secretaryId);
        if (existing.isPresent()) {
            return new Created(existing.get(), false);
        }
        if (copies.count("kind = 'OFFER' and ownerId = ?1", secretaryId) == 0) {
            throw ProblemException.unprocessable("SECRETARY_NOT_FOUND");
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Referral referral = new Referral();
            referral.code = newCode();
            referral.clientId = clientId;
            referral.secretaryId = secretaryId;
            referral.createdAt = clock.instant();
            referrals.insertIfAbsent(referral);
            var stored = referrals.of(clientId, secretaryId);
            if (stored.isPresent()) {
                return new Created(stored.get(), stored.get().code.equals(referral.code));
            }
            // the code was taken by another pair: draw again
        }
        throw new IllegalStateException("no free referral code after 5 draws");
    }

    @Transactional
    public List<Referral> by(UUID clientId) {
        return referrals.by(clientId);
    }

    @Transactional
    public Referral get(String code) {
        return referrals.findByIdOptional(code == null ? "" : code.strip().toUpperCase(Locale.ROOT)).orElseThrow(() -> ProblemException.notFound("REFERRAL_NOT_FOUND"));
    }

    @Transactional
    public long recommenders(UUID secretaryId) {
        return referrals.recommenders(secretaryId);
    }

    /** Distinct recommending clients per secretary (absent: none). */
    @Transactional
    public Map<UUID, Long> recommenders(Collection<UUID> secretaryIds) {
        return referrals.recommenders(secretaryIds);
    }

    @Transactional
    public long conversions(UUID secretaryId) {
        return referrals.conversions(secretaryId);
    }

    /**
     * Counts a paid engagement for a referral once: repeated calls for the same engagement change nothing.
     * Only a referral of the engagement's own secretary, from another client than the one engaging her, counts:
     * a code a client picks (another secretary's, or her own) never does.
     */
    @Transactional
    public Conversion convert(String code, UUID engagementId, UUID secretaryId, UUID clientId) {
        Referral referral = get(code);
        if (!referral.secretaryId.equals(secretaryId) || referral.clientId.equals(clientId)) {
            throw ProblemException.unprocessable("REFERRAL_MISMATCH", referral.code);
        }
        boolean counted = referrals.insertConversionIfAbsent(engagementId, referral.code, clock.instant());
        if (!counted) {
            String countedFor = referrals.conversionCode(engagementId).orElse(referral.code);
            if (!countedFor.equals(referral.code)) {
                throw ProblemException.conflict("ENGAGEMENT_ALREADY_COUNTED");
            }
        }
        return new Conversion(referral.code, engagementId, counted);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
