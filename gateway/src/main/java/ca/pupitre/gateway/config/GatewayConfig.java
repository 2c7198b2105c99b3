package ca.pupitre.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway reads from configuration, under {@code pupitre.*}. */
@ConfigMapping(prefix = "pupitre")
public interface GatewayConfig {

    Upstream upstream();

    Keys keys();

    Tokens tokens();

    Passwords passwords();

    Admin admin();

    Mail mail();

    Http http();

    Partners partners();

    RateLimit rateLimit();

    /** Client secrets of the internal services allowed to ask for a SERVICE token (none when unset). */
    ServiceClients serviceClients();

    interface ServiceClients {
        /** PUPITRE_SERVICE_SECRET_LISTINGS. */
        Optional<String> listings();

        /** PUPITRE_SERVICE_SECRET_MATCHING. */
        Optional<String> matching();

        /** PUPITRE_SERVICE_SECRET_BILLING. */
        Optional<String> billing();

        /** The secret of a service by its client id, when that service is configured. */
        default Optional<String> secretOf(String clientId) {
            Optional<String> secret = switch (clientId) {
                case "listings" -> listings();
                case "matching" -> matching();
                case "billing" -> billing();
                default -> Optional.empty();
            };
            return secret.filter(s -> !s.isBlank());
        }
    }

    interface Http {
        /** Largest request body the gateway's own endpoints take (read by the platform's body-size filter). */
        @WithDefault("1048576")
        long maxBodyBytes();
    }

    /**
     * Where the services are. Each URL setting takes one URL or several, comma-separated: the instances of that
     * service, balanced by the gateway (with each one's management URL, in the same order, for its health).
     */
    interface Upstream {
        /** listings-service (listings, feeds, skills). */
        List<String> listingsUrl();

        /** matching-service (matches, invitations, reviews, alerts). */
        List<String> matchingUrl();

        /** billing-service (engagements, invoices, billing, tax). */
        List<String> billingUrl();

        /** The management interfaces of listings-service's instances (OpenAPI, health): never its public port. */
        @WithDefault("http://localhost:9081")
        List<String> listingsManagementUrl();

        /** The management interfaces of matching-service's instances. */
        @WithDefault("http://localhost:9082")
        List<String> matchingManagementUrl();

        /** The management interfaces of billing-service's instances. */
        @WithDefault("http://localhost:9083")
        List<String> billingManagementUrl();

        /** The web app (every page outside /api, /.well-known and /q). */
        @WithDefault("http://localhost:8084")
        List<String> webUrl();

        /** The management interfaces of the web app's instances. */
        @WithDefault("http://localhost:9084")
        List<String> webManagementUrl();

        /**
         * How often each instance of a service that has several is asked {@code /q/health/ready} (on its
         * management port); one failed answer or refused connection takes it out until it answers 200 again.
         */
        @WithDefault("1S")
        Duration healthCheckEvery();

        /**
         * How long an upstream may stay silent (no byte of its answer) before the gateway answers 504. Generous on
         * purpose, like nginx's {@code proxy_read_timeout}: a first call to a service that just started, on a busy
         * machine, can pass two seconds, and a 504 loses what the person sent.
         */
        @WithDefault("15S")
        Duration timeout();

        /** How long to wait for a TCP connection to an upstream before answering 503 (short: a refused or dead host). */
        @WithDefault("2S")
        Duration connectTimeout();

        /**
         * Whether requests the gateway only relays take the relay lane (straight from the HTTP server to the
         * proxy, ahead of the router; see {@code RelayLane}). Off: every request goes through the router, as
         * before; kept as a switch for comparison and as a way back.
         */
        @WithDefault("true")
        boolean relayLane();
    }

    interface Keys {
        /** Folder holding the RS256 signing keys, generated at first start; never committed. */
        Path dir();

        /** Age after which a new signing key is generated at start; the old one stays published. */
        @WithDefault("P90D")
        Period rotateAfter();
    }

    interface Tokens {
        /** The {@code iss} of every token we issue and accept. */
        @WithDefault("pupitre")
        String issuer();

        /** Lifetime of access tokens. */
        @WithDefault("PT15M")
        Duration accessTtl();

        /** Lifetime of refresh tokens. */
        @WithDefault("P30D")
        Duration refreshTtl();

        /** Lifetime of SERVICE tokens. */
        @WithDefault("PT15M")
        Duration serviceTtl();
    }

    interface Passwords {
        /** bcrypt work factor (12 in production; tests lower it). */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Admin {
        /** E-mail of the ADMIN account ensured at start (PUPITRE_ADMIN_EMAIL); none when empty. */
        Optional<String> email();

        /** Its password (PUPITRE_ADMIN_PASSWORD). */
        Optional<String> password();
    }

    /** Account e-mails (address verification, password reset) and the local stack's dev mailbox. */
    interface Mail {
        /** Where the links in e-mails lead (the web app's public address). */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** How long an address-verification link works. */
        @WithDefault("PT24H")
        Duration verifyEmailTtl();

        /** At most one verification e-mail per account this often... */
        @WithDefault("PT1M")
        Duration resendEvery();

        /** ...and this many per account per 24 hours. */
        @WithDefault("5")
        int sentPerDay();

        /**
         * The longest the gateway waits for the SMTP server to take one e-mail. Past it the sender sees 503 (retry),
         * or, after registration, simply no e-mail yet: a hung mail server never holds a request (and a database
         * connection) for the mailer's own minute.
         */
        @WithDefault("10S")
        Duration sendTimeout();

        DevMailbox devMailbox();

        /**
         * An SMTP server inside the gateway that catches every e-mail of the local stack (the services send
         * to it), readable by an ADMIN at {@code GET /api/v1/dev/mailbox}. Only with PUPITRE_DEV_MAILBOX=true,
         * which ./run.sh sets and docker-compose and production never do.
         */
        interface DevMailbox {
            @WithDefault("false")
            boolean enabled();

            @WithDefault("2525")
            int smtpPort();
        }
    }

    interface Partners {
        /** How long a key replaced by a rotation keeps working. */
        @WithDefault("PT24H")
        Duration keyGrace();

        /** Lifetime of the PARTNER token forwarded in place of an API key (reused until 1 min before expiry). */
        @WithDefault("PT5M")
        Duration tokenTtl();

        /** How long a key looked up in the database is reused by one instance; 0 looks it up every time. */
        @WithDefault("PT2S")
        Duration keyCacheTtl();
    }

    interface RateLimit {
        /** Burst size of each partner's token bucket. */
        @WithDefault("60")
        int capacity();

        /** Tokens added back to each bucket per second. */
        @WithDefault("10")
        double refillPerSecond();

        /** Redis URL (redis://host:6379) shared by all instances; buckets stay in memory when empty. */
        Optional<String> redisUrl();

        /** Sign-in attempts one client address may make for one e-mail in a burst. */
        @WithDefault("10")
        int signInCapacity();

        /** Sign-in attempts given back per second (0.1: one every 10 s once the burst is spent). */
        @WithDefault("0.1")
        double signInRefillPerSecond();

        /**
         * Everyone who is not a partner: per client address when anonymous, per account when signed in. One
         * budget per class of request ({@code search}, {@code listing-read}, {@code visit}, {@code register},
         * {@code sign-in}, {@code password-reset}, {@code anonymous}, {@code account}); see
         * {@link ca.pupitre.gateway.ratelimit.TrafficClass}.
         */
        Map<String, Budget> budgets();

        /**
         * Multiplies every budget of {@link #budgets()} (burst and refill). 1 in production; a local stack, where
         * the web app, the demo loader and the tests all call from 127.0.0.1, runs with more.
         */
        @WithDefault("1")
        double scale();

        interface Budget {
            /** Requests allowed in a burst. */
            int capacity();

            /** Requests given back per second once the burst is spent. */
            double refillPerSecond();
        }
    }
}
