package ca.pupitre.billing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** billing-service settings ({@code pupitre.billing.*}). */
@ConfigMapping(prefix = "pupitre.billing")
public interface BillingConfig {

    /** HMAC-SHA256 secret shared with the payment provider; webhooks are refused while it is unset. */
    Optional<String> webhookSecret();

    /** How old a webhook's signed timestamp may be (replays beyond it are refused). */
    @WithDefault("PT5M")
    Duration webhookTolerance();

    /** How long an Idempotency-Key and its stored answer are kept (at least 24 hours). */
    @WithDefault("PT48H")
    Duration idempotencyRetention();

    /** After this long an answer that is still in flight is taken as abandoned (crashed instance). */
    @WithDefault("PT2M")
    Duration idempotencyInFlightTimeout();

    /** The service that exports and erases a person's data when she asks (Law 25), besides admins. */
    @WithDefault("service:gateway")
    String accountAuthority();

    /** The one service that reads review eligibility (matching, before it accepts a review), besides parties and admins. */
    @WithDefault("service:matching")
    String reviewEligibilityReader();

    /** Pupitre itself, the supplier on promotion invoices. */
    Platform platform();

    /** Prices of "À la une", before taxes. */
    Promotion promotion();

    /** Delivery of outbox messages to other services. */
    Outbox outbox();

    /** Overdue reminders. */
    Reminders reminders();

    interface Reminders {
        /** When the daily reminder job runs (cron, America/Toronto). */
        @WithDefault("0 0 9 * * ?")
        String cron();
    }

    interface Platform {
        /** The issuer id of Pupitre's own invoices (its numbering series). */
        @WithDefault("00000000-0000-0000-0000-00000000b111")
        UUID issuerId();

        /** Legal name printed as supplier. */
        @WithDefault("Pupitre inc.")
        String legalName();

        /** Address printed as supplier. */
        @WithDefault("Québec (Québec)")
        String address();

        /** Pupitre's GST/HST number (123456789 RT0001); promotions cannot be sold while unset. */
        Optional<String> gstNumber();

        /** Pupitre's QST number (1234567890 TQ0001); promotions cannot be sold while unset. */
        Optional<String> qstNumber();
    }

    interface Promotion {
        /** Price of 7 days, e.g. 15.00. */
        @WithName("price-7-days")
        @WithDefault("15.00")
        BigDecimal price7Days();

        /** Price of 30 days, e.g. 45.00. */
        @WithName("price-30-days")
        @WithDefault("45.00")
        BigDecimal price30Days();
    }

    interface Outbox {
        /** How often due messages are sent (scheduler syntax, e.g. 10s). */
        @WithDefault("10s")
        String every();

        /** Most messages sent per run. */
        @WithDefault("20")
        int batchSize();

        /** Longest wait between two attempts of one message. */
        @WithDefault("PT5M")
        Duration maxBackoff();
    }
}
