package ca.pupitre.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything under {@code pupitre.matching}. */
@ConfigMapping(prefix = "pupitre.matching")
public interface MatchingConfig {

    /** Public base URL of Pupitre (the gateway) for links in e-mails and referral links, without trailing slash. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Alerts alerts();

    /** The one service that reads any invitation (billing, to start an engagement), besides parties and admins. */
    @WithDefault("service:billing")
    String invitationReader();

    /** The one service that reports referral conversions (billing, when an engagement's invoice is paid). */
    @WithDefault("service:billing")
    String referralReporter();

    /** The service that exports and erases a person's data when she asks (Law 25), besides admins. */
    @WithDefault("service:gateway")
    String accountAuthority();

    Feed feed();

    Ranking ranking();

    Invitations invitations();

    interface Alerts {
        /** Saved searches one account may keep. */
        @WithDefault("20")
        int maxPerAccount();

        /** Whether the scheduler mails alerts (tests call {@code AlertMailer.sendDue} by hand). */
        @WithDefault("true")
        boolean mailEnabled();

        /** How often the mailing job runs (a Quarkus duration such as {@code 60s}). */
        @WithDefault("60s")
        String every();

        /**
         * Alert e-mails one address receives in 24 hours at most (whatever the alerts or accounts pointing at
         * it); past it, new matches wait for the next allowed e-mail.
         */
        @WithDefault("20")
        int mailsPerRecipientPerDay();

        /** Hour of the day (0-23, in {@code zone}) from which daily digests go out. */
        @WithDefault("7")
        int digestHour();

        /** Time zone of the daily digest hour. */
        @WithDefault("America/Toronto")
        String zone();

        /** How long before expiry the owner of a listing is reminded to renew it. */
        @WithDefault("P5D")
        Duration reminderBefore();

        /** Most listings in one e-mail (the rest are counted, "and N more"). */
        @WithDefault("20")
        int maxItemsPerMail();
    }

    interface Feed {
        /** Whether the scheduler polls the listings change feed (tests drive it by hand). */
        @WithDefault("true")
        boolean enabled();

        /** How often the feed is polled (a Quarkus duration such as {@code 5s}). */
        @WithDefault("5s")
        String poll();

        /** Changes asked for per page (listings-service accepts at most 100). */
        @WithDefault("100")
        int pageSize();

        /** Pages applied per poll at most (the rest waits for the next poll). */
        @WithDefault("50")
        int maxPagesPerPoll();

        /** How long the skills taxonomy fetched from listings is kept before it is fetched again. */
        @WithDefault("PT10M")
        Duration taxonomyRefresh();
    }

    interface Ranking {
        /** How far above the request's budget an offer's rate may be and still qualify (0.10 = 10 %). */
        @WithDefault("0.10")
        double priceTolerance();

        /** Fewer completed engagements than this make a secretary a newcomer. */
        @WithDefault("3")
        int newcomerThreshold();

        /** Qualified newcomers guaranteed among the first {@code newcomer-window} results when they exist. */
        @WithDefault("2")
        int newcomerSlots();

        /** The size of the top list the newcomer guarantee applies to. */
        @WithDefault("10")
        int newcomerWindow();

        /** Bayesian prior of the star average. */
        @WithDefault("4.0")
        double priorMean();

        /** How many reviews the prior counts for. */
        @WithDefault("10")
        double priorWeight();

        /** Results when {@code limit} is absent. */
        @WithDefault("20")
        int defaultLimit();

        /** Largest {@code limit} accepted. */
        @WithDefault("100")
        int maxLimit();

        Weights weights();
    }

    /** Score weights; they should sum to 1. */
    interface Weights {
        @WithDefault("0.30")
        double skills();

        @WithDefault("0.20")
        double price();

        @WithDefault("0.10")
        double capacity();

        @WithDefault("0.10")
        double turnaround();

        @WithDefault("0.10")
        double responsiveness();

        @WithDefault("0.20")
        double reputation();
    }

    interface Invitations {
        /** Invitations one client may send in any 24 hours. */
        @WithDefault("20")
        int dailyLimitPerClient();

        /** Longest message or decline reason, in characters. */
        @WithDefault("2000")
        int maxMessageLength();
    }
}
