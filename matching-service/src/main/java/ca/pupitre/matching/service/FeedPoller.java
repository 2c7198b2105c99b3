package ca.pupitre.matching.service;

import ca.pupitre.matching.config.MatchingConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Polls the listings change feed (and refreshes the skills taxonomy) unless {@code pupitre.matching.feed.enabled=false}. */
@ApplicationScoped
public class FeedPoller {

    private final ListingFeed feed;
    private final SkillCatalog skills;
    private final MatchingConfig config;

    public FeedPoller(ListingFeed feed, SkillCatalog skills, MatchingConfig config) {
        this.feed = feed;
        this.skills = skills;
        this.config = config;
    }

    @Scheduled(identity = "listings-feed", every = "${pupitre.matching.feed.poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.feed().enabled()) {
            return;
        }
        skills.refreshIfStale();
        feed.pollOnce();
    }
}
