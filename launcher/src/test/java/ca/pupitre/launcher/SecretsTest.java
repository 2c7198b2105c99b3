package ca.pupitre.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void generatesOncePrivatelyThenReusesAndCompletes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("state/secrets.properties");
        Secrets first = Secrets.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.rolePasswords()).containsOnlyKeys("gateway", "listings", "matching", "billing");
        assertThat(first.serviceSecrets()).containsOnlyKeys("listings", "matching", "billing");
        assertThat(first.adminEmail()).isEqualTo("admin@pupitre.local");
        assertThat(first.rolePasswords().values()).doesNotHaveDuplicates()
                .allMatch(p -> p.matches("[A-Za-z0-9-]{27}"));

        String withoutBilling = Files.readString(file).replaceAll("(?m)^service\\.secret\\.billing=.*$", "");
        Files.writeString(file, withoutBilling);
        Secrets second = Secrets.loadOrCreate(file);

        assertThat(second.rolePasswords()).isEqualTo(first.rolePasswords());
        assertThat(second.adminPassword()).isEqualTo(first.adminPassword());
        assertThat(second.serviceSecrets().get("listings")).isEqualTo(first.serviceSecrets().get("listings"));
        assertThat(second.serviceSecrets().get("billing")).isNotBlank()
                .isNotEqualTo(first.serviceSecrets().get("billing"));
        assertThat(Files.readString(file)).contains("service.secret.billing=" + second.serviceSecrets().get("billing"));
    }

    @Test
    void passwordsMixCasesAndDigits() {
        for (int i = 0; i < 200; i++) {
            assertThat(Secrets.newPassword()).matches("(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])[A-Za-z0-9]{6}(-[A-Za-z0-9]{6}){3}");
        }
    }
}
