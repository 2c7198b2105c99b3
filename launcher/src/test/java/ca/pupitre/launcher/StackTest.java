package ca.pupitre.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs {@link Stack} against a fake repository whose four "quarkus-run.jar" files hold
 * {@link FakeService}: checks the environment contract, readiness, logs and shutdown.
 */
class StackTest {

    @TempDir
    Path repo;
    @TempDir
    Path state;

    private final Secrets secrets = Secrets.generate();

    @BeforeEach
    void fakeRepository() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        for (ServiceModule s : ServiceModule.values()) {
            Path jar = s.runnableJar(repo);
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar);
                 JarOutputStream jarOut = new JarOutputStream(out, manifest);
                 InputStream clazz = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
                jarOut.putNextEntry(new JarEntry(entry));
                clazz.transferTo(jarOut);
                jarOut.closeEntry();
            }
        }
    }

    private StackConfig.Builder config() {
        return StackConfig.builder(repo).stateDir(state).freePorts()
                .jdbcUrl("jdbc:postgresql://localhost:5999/pupitre")
                .secrets(secrets)
                .readyTimeout(Duration.ofSeconds(60));
    }

    @Test
    void startsEveryApplicationWithItsEnvironmentAndStopsIt() throws IOException {
        RunningStack stack;
        try (RunningStack running = Stack.start(config().build())) {
            stack = running;
            assertThat(stack.ports().values()).doesNotHaveDuplicates().allMatch(p -> p > 0);
            // readiness was asked on the management ports, distinct from every HTTP port
            java.util.List<Integer> every = new java.util.ArrayList<>(stack.ports().values());
            every.addAll(stack.allPorts().management().values());
            assertThat(every).doesNotHaveDuplicates().allMatch(p -> p > 0);
            for (ServiceModule s : ServiceModule.values()) {
                assertThat(stack.isAlive(s)).isTrue();
                assertThat(stack.logFile(s)).isEqualTo(state.resolve("logs").resolve(s.module() + ".log"));
                assertThat(Files.readString(stack.logFile(s))).contains("fake " + s.module() + " starting");
            }

            String gw = "http://localhost:" + stack.port(ServiceModule.GATEWAY);
            Properties listings = received(ServiceModule.LISTINGS);
            assertThat(listings).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(stack.port(ServiceModule.LISTINGS)))
                    .containsEntry("QUARKUS_MANAGEMENT_PORT", Integer.toString(stack.managementPort(ServiceModule.LISTINGS)))
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5999/pupitre")
                    .containsEntry("QUARKUS_DATASOURCE_USERNAME", "listings")
                    .containsEntry("QUARKUS_DATASOURCE_PASSWORD", secrets.rolePasswords().get("listings"))
                    .containsEntry("PUPITRE_GATEWAY_URL", gw)
                    .containsEntry("PUPITRE_JWKS_URL", gw + "/.well-known/jwks.json")
                    .containsEntry("PUPITRE_SERVICE_SECRET", secrets.serviceSecrets().get("listings"))
                    .containsEntry("PUPITRE_MATCHING_URL", "http://localhost:" + stack.port(ServiceModule.MATCHING))
                    .containsEntry("PUPITRE_BILLING_URL", "http://localhost:" + stack.port(ServiceModule.BILLING))
                    .containsEntry("PUPITRE_LISTINGS_URL", "http://localhost:" + stack.port(ServiceModule.LISTINGS))
                    .doesNotContainKey("PUPITRE_ADMIN_PASSWORD")
                    .doesNotContainKey("PUPITRE_SERVICE_SECRET_MATCHING");
            assertThat(received(ServiceModule.BILLING)).containsEntry("QUARKUS_DATASOURCE_USERNAME", "billing")
                    .containsEntry("PUPITRE_SERVICE_SECRET", secrets.serviceSecrets().get("billing"));

            Properties gateway = received(ServiceModule.GATEWAY);
            assertThat(gateway).containsEntry("QUARKUS_DATASOURCE_USERNAME", "gateway")
                    .containsEntry("PUPITRE_KEYS_DIR", state.resolve("keys").toString())
                    .containsEntry("PUPITRE_ADMIN_EMAIL", "admin@pupitre.local")
                    .containsEntry("PUPITRE_ADMIN_PASSWORD", secrets.adminPassword())
                    .containsEntry("PUPITRE_SERVICE_SECRET_LISTINGS", secrets.serviceSecrets().get("listings"))
                    .containsEntry("PUPITRE_SERVICE_SECRET_MATCHING", secrets.serviceSecrets().get("matching"))
                    .containsEntry("PUPITRE_SERVICE_SECRET_BILLING", secrets.serviceSecrets().get("billing"))
                    .containsEntry("PUPITRE_CORS_ORIGINS", "http://localhost:3000,http://localhost:5173")
                    .doesNotContainKey("PUPITRE_SERVICE_SECRET");
            assertThat(Files.isDirectory(state.resolve("keys"))).isTrue();
        }
        for (ServiceModule s : ServiceModule.values()) {
            assertThat(stack.isAlive(s)).as(s.module() + " stopped").isFalse();
        }
    }

    @Test
    void failsFastWithTheLogTailWhenAServiceDies() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Stack.start(config().env("FAKE_CRASH_MODULE", "matching-service").build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("matching-service exited with status 3")
                .hasMessageContaining("boom: cannot connect to the database");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void refusesAPortAlreadyInUse() throws IOException {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0)) {
            assertThatThrownBy(() -> Stack.start(config().port(ServiceModule.GATEWAY, busy.getLocalPort()).build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + busy.getLocalPort() + " (gateway) is already in use");
        }
    }

    @Test
    void environmentOfEachServiceIsTheDocumentedContract() {
        StackConfig c = config().build();
        StackPorts ports = StackPorts.fixed(Map.of(ServiceModule.GATEWAY, 8080, ServiceModule.LISTINGS, 8081,
                ServiceModule.MATCHING, 8082, ServiceModule.BILLING, 8083, ServiceModule.WEB, 8084));
        assertThat(Stack.environment(c, ServiceModule.MATCHING, ports).keySet()).containsExactlyInAnyOrder(
                "QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "PUPITRE_GATEWAY_URL", "PUPITRE_JWKS_URL", "PUPITRE_SERVICE_SECRET",
                "PUPITRE_LISTINGS_URL", "PUPITRE_MATCHING_URL", "PUPITRE_BILLING_URL", "PUPITRE_PUBLIC_URL",
                "PUPITRE_SMTP_HOST", "PUPITRE_SMTP_PORT", "PUPITRE_SMTP_START_TLS");
        assertThat(Stack.environment(c, ServiceModule.LISTINGS, ports)).doesNotContainKeys("PUPITRE_SMTP_PORT", "PUPITRE_MAIL_MOCK")
                .containsEntry("PUPITRE_PUBLIC_URL", "http://localhost:8080");
        // the web app: no database, no service secret; the public API through the gateway, a session key folder
        assertThat(Stack.environment(c, ServiceModule.WEB, ports)).containsOnlyKeys("QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT",
                        "PUPITRE_GATEWAY_URL", "PUPITRE_PUBLIC_URL", "PUPITRE_KEYS_DIR")
                .containsEntry("QUARKUS_HTTP_PORT", "8084").containsEntry("QUARKUS_MANAGEMENT_PORT", "9084")
                .containsEntry("PUPITRE_GATEWAY_URL", "http://localhost:8080");
        assertThat(Stack.environment(c, ServiceModule.GATEWAY, ports)).containsEntry("PUPITRE_WEB_URL", "http://localhost:8084")
                .containsEntry("QUARKUS_MANAGEMENT_PORT", "9080")
                .containsEntry("PUPITRE_LISTINGS_MANAGEMENT_URL", "http://localhost:9081")
                .containsEntry("PUPITRE_MATCHING_MANAGEMENT_URL", "http://localhost:9082")
                .containsEntry("PUPITRE_BILLING_MANAGEMENT_URL", "http://localhost:9083");
        assertThat(Stack.environment(c, ServiceModule.GATEWAY, ports).keySet()).containsExactlyInAnyOrder(
                "QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT", "PUPITRE_LISTINGS_MANAGEMENT_URL",
                "PUPITRE_MATCHING_MANAGEMENT_URL", "PUPITRE_BILLING_MANAGEMENT_URL", "PUPITRE_WEB_MANAGEMENT_URL",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "PUPITRE_GATEWAY_URL", "PUPITRE_JWKS_URL",
                "PUPITRE_LISTINGS_URL", "PUPITRE_MATCHING_URL", "PUPITRE_BILLING_URL",
                "PUPITRE_KEYS_DIR", "PUPITRE_ADMIN_EMAIL", "PUPITRE_ADMIN_PASSWORD",
                "PUPITRE_SERVICE_SECRET_LISTINGS", "PUPITRE_SERVICE_SECRET_MATCHING",
                "PUPITRE_SERVICE_SECRET_BILLING", "PUPITRE_CORS_ORIGINS", "PUPITRE_WEB_URL", "PUPITRE_PUBLIC_URL",
                "PUPITRE_RATE_LIMIT_SCALE",
                "PUPITRE_SMTP_HOST", "PUPITRE_SMTP_PORT", "PUPITRE_SMTP_START_TLS", "PUPITRE_DEV_MAILBOX", "PUPITRE_DEV_SMTP_PORT");
        // with replicas, the gateway is given every instance, in the same order for addresses and management
        StackPorts two = new StackPorts(ports.http(), ports.management(), Map.of(
                ServiceModule.LISTINGS, java.util.List.of(new StackPorts.Instance(18081, 19081)),
                ServiceModule.WEB, java.util.List.of(new StackPorts.Instance(18084, 19084))));
        assertThat(Stack.environment(c, ServiceModule.GATEWAY, two))
                .containsEntry("PUPITRE_LISTINGS_URL", "http://localhost:8081,http://localhost:18081")
                .containsEntry("PUPITRE_LISTINGS_MANAGEMENT_URL", "http://localhost:9081,http://localhost:19081")
                .containsEntry("PUPITRE_WEB_URL", "http://localhost:8084,http://localhost:18084")
                .containsEntry("PUPITRE_WEB_MANAGEMENT_URL", "http://localhost:9084,http://localhost:19084")
                .containsEntry("PUPITRE_MATCHING_URL", "http://localhost:8082");
        // the services call each other's first instance
        assertThat(Stack.environment(c, ServiceModule.MATCHING, two)).containsEntry("PUPITRE_LISTINGS_URL", "http://localhost:8081");
        // every e-mail of the local stack goes to the gateway's dev mailbox, on one port
        String smtp = Stack.environment(c, ServiceModule.GATEWAY, ports).get("PUPITRE_DEV_SMTP_PORT");
        assertThat(Stack.environment(c, ServiceModule.BILLING, ports)).containsEntry("PUPITRE_SMTP_PORT", smtp)
                .doesNotContainKey("PUPITRE_MAIL_MOCK");
        assertThat(Stack.environment(c, ServiceModule.MATCHING, ports)).containsEntry("PUPITRE_SMTP_PORT", smtp);
        // without one, e-mails are only logged
        StackConfig quiet = config().noDevMailbox().build();
        assertThat(Stack.environment(quiet, ServiceModule.BILLING, ports)).containsEntry("PUPITRE_MAIL_MOCK", "true")
                .doesNotContainKey("PUPITRE_SMTP_PORT");
        assertThat(Stack.environment(quiet, ServiceModule.GATEWAY, ports)).containsEntry("PUPITRE_MAIL_MOCK", "true")
                .doesNotContainKey("PUPITRE_DEV_MAILBOX");
    }

    private Properties received(ServiceModule s) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(s.runnableJar(repo).resolveSibling("received-env.txt"))) {
            p.load(in);
        }
        return p;
    }
}
