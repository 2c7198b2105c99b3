package ca.pupitre.listings.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Stores EXPIRED on published listings past their lifetime (reads already treat them as expired). */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    static final int BATCH = 500;

    private final ListingService service;

    public ExpiryJob(ListingService service) {
        this.service = service;
    }

    @Scheduled(identity = "listings-expiry", every = "${pupitre.listings.expiry-job-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int total = 0;
        int done;
        do {
            done = service.expireDue(BATCH);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            LOG.infof("Expired %d listings", total);
        }
    }
}
