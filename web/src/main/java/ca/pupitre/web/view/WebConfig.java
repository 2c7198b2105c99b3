package ca.pupitre.web.view;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The web app's settings ({@code pupitre.web.*}). */
@ConfigMapping(prefix = "pupitre.web")
public interface WebConfig {

    /** Where people reach Pupitre (the gateway): canonical links, sitemap and OpenGraph URLs start with it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Session session();

    interface Session {
        /**
         * The key that encrypts session cookies (AES-256-GCM), base64, 32 bytes. Every replica needs the same
         * one; when empty, a key is generated at first start into {@link #keysDir()} and reused after.
         */
        Optional<String> key();

        /** Where a generated key is kept (git-ignored state folder). */
        @WithDefault(".pupitre/keys")
        Path keysDir();

        /** The cookie's {@code Secure} flag: only sent over HTTPS (browsers treat http://localhost as secure). */
        @WithDefault("true")
        boolean secureCookie();

        /** How long a signed-in browser stays signed in without signing in again (the refresh token's life). */
        @WithDefault("P30D")
        Duration maxAge();
    }
}
