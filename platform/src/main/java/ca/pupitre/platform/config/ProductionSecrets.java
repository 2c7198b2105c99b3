package ca.pupitre.platform.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Outside dev and test, refuses to start with a secret that is a placeholder (the {@code replace-me-*}
 * values of {@code .env.example}, "changeme"...) or a service secret shorter than 32 characters: a copied
 * example file must never yield a working system. Unset secrets stay allowed (the feature they guard is
 * then off, as before). Values are never printed, only the settings' names.
 */
@Singleton
public class ProductionSecrets {

    /** Shared secrets that mint or check tokens and signatures: long and random. */
    static final Map<String, String> SECRETS = Map.of(
            "pupitre.service.secret", "PUPITRE_SERVICE_SECRET",
            "pupitre.service-clients.listings", "PUPITRE_SERVICE_SECRET_LISTINGS",
            "pupitre.service-clients.matching", "PUPITRE_SERVICE_SECRET_MATCHING",
            "pupitre.service-clients.billing", "PUPITRE_SERVICE_SECRET_BILLING",
            "pupitre.billing.webhook-secret", "PUPITRE_BILLING_WEBHOOK_SECRET");
    /** Other credentials: never a placeholder. */
    static final Map<String, String> CREDENTIALS = Map.of(
            "quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD",
            "quarkus.mailer.password", "PUPITRE_SMTP_PASSWORD",
            "pupitre.admin.password", "PUPITRE_ADMIN_PASSWORD");
    public static final int MIN_SECRET_LENGTH = 32;
    private static final List<String> PLACEHOLDERS = List.of("replace-me", "replaceme", "changeme", "change-me", "placeholder",
            "your-secret", "example-secret");

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        if (LaunchMode.current().isDevOrTest()) {
            return;
        }
        List<String> problems = problems(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    /** What is wrong with the configured secrets (empty when nothing is). */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        SECRETS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(secret -> {
            String value = config.apply(secret.getKey()).map(String::strip).orElse("");
            if (placeholder(value)) {
                problems.add(secret.getValue() + " is a placeholder value");
            } else if (!value.isEmpty() && value.length() < MIN_SECRET_LENGTH) {
                problems.add(secret.getValue() + " has fewer than " + MIN_SECRET_LENGTH + " characters");
            }
        });
        CREDENTIALS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(credential -> {
            if (placeholder(config.apply(credential.getKey()).orElse(""))) {
                problems.add(credential.getValue() + " is a placeholder value");
            }
        });
        return problems;
    }

    /** Whether a value is one of the example or "fill me in" values people copy by mistake. */
    public static boolean placeholder(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.stream().anyMatch(lower::contains);
    }
}
