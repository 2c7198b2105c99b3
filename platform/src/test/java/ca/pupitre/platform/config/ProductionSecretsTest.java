package ca.pupitre.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static java.util.List<String> problems(Map<String, String> values) {
        return ProductionSecrets.problems(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void theExampleFileIsRefusedSettingBySetting() throws Exception {
        // .env.example, read as docker-compose would pass it to each service
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("../.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Map<String, String> gateway = Map.of("pupitre.service-clients.listings", env.get("PUPITRE_SERVICE_SECRET_LISTINGS"),
                "pupitre.service-clients.matching", env.get("PUPITRE_SERVICE_SECRET_MATCHING"),
                "pupitre.service-clients.billing", env.get("PUPITRE_SERVICE_SECRET_BILLING"),
                "quarkus.datasource.password", env.get("PUPITRE_DB_PASSWORD_GATEWAY"),
                "pupitre.admin.password", env.get("PUPITRE_ADMIN_PASSWORD"));
        assertThat(problems(gateway)).containsExactlyInAnyOrder("PUPITRE_ADMIN_PASSWORD is a placeholder value",
                "QUARKUS_DATASOURCE_PASSWORD is a placeholder value",
                "PUPITRE_SERVICE_SECRET_BILLING is a placeholder value", "PUPITRE_SERVICE_SECRET_LISTINGS is a placeholder value",
                "PUPITRE_SERVICE_SECRET_MATCHING is a placeholder value");
        assertThat(problems(Map.of("pupitre.service.secret", env.get("PUPITRE_SERVICE_SECRET_BILLING"))))
                .containsExactly("PUPITRE_SERVICE_SECRET is a placeholder value");
    }

    @Test
    void serviceSecretsNeedThirtyTwoCharacters() {
        assertThat(problems(Map.of("pupitre.service.secret", "x".repeat(31))))
                .containsExactly("PUPITRE_SERVICE_SECRET has fewer than 32 characters");
        assertThat(problems(Map.of("pupitre.billing.webhook-secret", "short")))
                .containsExactly("PUPITRE_BILLING_WEBHOOK_SECRET has fewer than 32 characters");
        assertThat(problems(Map.of("pupitre.service.secret", "k3J9sQ2vX7mB4nR8tW1yZ6cF0hL5pD3gA9eU2iO7"))).isEmpty();
    }

    @Test
    void unsetSecretsAndRealPasswordsPass() {
        assertThat(problems(Map.of())).isEmpty();
        assertThat(problems(Map.of("pupitre.service.secret", "", "quarkus.datasource.password", "Tq8vLm2Rz5Kw",
                "pupitre.admin.password", "Un mot de passe vraiment long"))).isEmpty();
        assertThat(problems(Map.of("quarkus.mailer.password", "ChangeMe"))).containsExactly("PUPITRE_SMTP_PASSWORD is a placeholder value");
    }
}
