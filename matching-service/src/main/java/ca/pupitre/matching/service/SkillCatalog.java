package ca.pupitre.matching.service;

import ca.pupitre.matching.client.ListingsClient;
import ca.pupitre.matching.client.SkillDto;
import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.ranking.SkillRelations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The skills taxonomy fetched from listings-service and kept in memory; refreshed by the feed poller, never
 * on a user's request. Until the first fetch succeeds, skills match by exact code only.
 */
@ApplicationScoped
public class SkillCatalog {

    private static final Logger LOG = Logger.getLogger(SkillCatalog.class);

    private final ListingsClient listings;
    private final Duration refresh;
    private final Clock clock;
    private volatile SkillRelations relations = SkillRelations.EMPTY;
    private volatile Instant nextRefresh = Instant.EPOCH;

    public SkillCatalog(ListingsClient listings, MatchingConfig config, Clock clock) {
        this.listings = listings;
        this.refresh = config.feed().taxonomyRefresh();
        this.clock = clock;
    }

    public SkillRelations relations() {
        return relations;
    }

    /** Fetches the taxonomy when the kept one is older than the refresh interval (one minute after a failure). */
    public void refreshIfStale() {
        if (clock.instant().isBefore(nextRefresh)) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException unavailable) {
            nextRefresh = clock.instant().plusSeconds(60);
            LOG.warnf("Skills taxonomy unavailable from listings (%s); keeping %d known skills", unavailable.toString(),
                    relations.size());
        }
    }

    /** Fetches the taxonomy now; throws when listings cannot answer. */
    public void refresh() {
        List<SkillRelations.Skill> skills = new ArrayList<>();
        for (SkillDto dto : listings.skills()) {
            List<String> names = new ArrayList<>();
            if (dto.label() != null) {
                add(names, dto.label().fr());
                add(names, dto.label().en());
            }
            if (dto.synonyms() != null) {
                if (dto.synonyms().fr() != null) {
                    dto.synonyms().fr().forEach(n -> add(names, n));
                }
                if (dto.synonyms().en() != null) {
                    dto.synonyms().en().forEach(n -> add(names, n));
                }
            }
            skills.add(new SkillRelations.Skill(dto.code(), dto.category(), names));
        }
        relations = new SkillRelations(skills);
        nextRefresh = clock.instant().plus(refresh);
    }

    private static void add(List<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name);
        }
    }
}
