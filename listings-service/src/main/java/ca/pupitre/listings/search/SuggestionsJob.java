package ca.pupitre.listings.search;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Recounts the type-ahead phrases from the published titles ({@code pupitre.listings.suggest-rebuild-every}). */
@ApplicationScoped
public class SuggestionsJob {

    private final ListingIndex index;

    public SuggestionsJob(ListingIndex index) {
        this.index = index;
    }

    @Scheduled(identity = "listings-suggestions", every = "${pupitre.listings.suggest-rebuild-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        index.rebuildSuggestions();
    }
}
