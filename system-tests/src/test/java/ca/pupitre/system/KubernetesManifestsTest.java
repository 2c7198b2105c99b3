package ca.pupitre.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The rules of deploy/k8s/base that schemas cannot tell (the schemas themselves are checked by deploy/k8s/check.sh
 * in CI, on every rendered overlay): each application probed on its management port, sized, scaled and protected
 * from disruption; no secret value in git; every variable set is one the application reads; the database roles
 * made by the very script docker-compose runs.
 */
class KubernetesManifestsTest {

    /** Application, Maven module, HTTP port, management port. */
    private record App(String name, String module, int http, int management) {
    }

    private static final List<App> APPS = List.of(new App("gateway", "gateway", 8080, 9080),
            new App("listings", "listings-service", 8081, 9081), new App("matching", "matching-service", 8082, 9082),
            new App("billing", "billing-service", 8083, 9083), new App("web", "web", 8084, 9084));

    private static Path root;
    private static final List<Map<String, Object>> OBJECTS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readBase() throws IOException {
        root = DockerComposeContractTest.repositoryRoot();
        Path base = root.resolve("deploy/k8s/base");
        try (var files = Files.list(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (Object doc : new Yaml().loadAll(r)) {
                        if (doc != null) {
                            OBJECTS.add((Map<String, Object>) doc);
                        }
                    }
                }
            }
        }
    }

    private static Map<String, Object> object(String kind, String name) {
        return OBJECTS.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s/base"));
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object o) {
        return (Map<String, T>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static Map<String, Object> container(String app) {
        Map<String, Object> template = map(map(object("Deployment", app).get("spec")).get("template"));
        return list(map(template.get("spec")).get("containers")).get(0);
    }

    @Test
    void everyApplicationIsProbedOnItsManagementPortSizedScaledAndProtected() {
        for (App app : APPS) {
            Map<String, Object> c = container(app.name());
            assertThat(list(c.get("ports"))).as(app.name() + " ports")
                    .contains(Map.of("name", "http", "containerPort", app.http()), Map.of("name", "management", "containerPort", app.management()));
            Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                    "livenessProbe", "/q/health/live");
            probes.forEach((probe, path) -> assertThat(map(map(c.get(probe)).get("httpGet"))).as(app.name() + " " + probe)
                    .containsEntry("path", path).containsEntry("port", "management"));
            Map<String, Map<String, Object>> resources = map(c.get("resources"));
            assertThat(resources.get("requests")).as(app.name() + " requests").containsKeys("cpu", "memory");
            assertThat(resources.get("limits")).as(app.name() + " limits").containsKey("memory");
            assertThat(env(app.name())).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(app.http()))
                    .containsEntry("QUARKUS_MANAGEMENT_PORT", Integer.toString(app.management()));
            assertThat(map(object("HorizontalPodAutoscaler", app.name()).get("spec"))).containsEntry("minReplicas", 2);
            assertThat(map(object("PodDisruptionBudget", app.name()).get("spec"))).containsEntry("minAvailable", 1);
            assertThat(list(map(object("Service", app.name()).get("spec")).get("ports"))).hasSize(2);
        }
    }

    /** NAME → literal value, or "secret:KEY" / "config:KEY" for values taken from the named objects. */
    private static Map<String, String> env(String app) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> e : list(container(app).get("env"))) {
            Object value = e.get("value");
            if (value == null) {
                Map<String, Map<String, String>> from = map(e.get("valueFrom"));
                Map<String, String> secret = from.get("secretKeyRef");
                Map<String, String> config = from.get("configMapKeyRef");
                value = secret != null ? "secret:" + secret.get("name") + "/" + secret.get("key")
                        : "config:" + config.get("name") + "/" + config.get("key");
            }
            env.put((String) e.get("name"), String.valueOf(value));
        }
        return env;
    }

    @Test
    void secretsAreReferencedByNameNeverWritten() {
        assertThat(OBJECTS).noneMatch(o -> "Secret".equals(o.get("kind")));
        for (App app : APPS) {
            env(app.name()).forEach((name, value) -> {
                if (name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_KEY")) {
                    assertThat(value).as(app.name() + " " + name).startsWith("secret:pupitre-secrets/");
                }
            });
        }
        // the secret's keys are those of .env.example, so that one file makes both (kubectl create secret --from-env-file)
        String example = read(".env.example");
        for (App app : APPS) {
            env(app.name()).values().stream().filter(v -> v.startsWith("secret:pupitre-secrets/"))
                    .map(v -> v.substring("secret:pupitre-secrets/".length()))
                    .forEach(key -> assertThat(example).as(".env.example declares " + key).contains(key + "="));
        }
    }

    @Test
    void everyVariableSetIsOneTheApplicationReadsAndEveryRequiredOneIsSet() throws IOException {
        List<String> unread = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (App app : APPS) {
            DockerComposeContractTest.ApplicationProperties props = DockerComposeContractTest.ApplicationProperties.of(root, app.module());
            Map<String, String> env = env(app.name());
            // JAVA_TOOL_OPTIONS is the JVM's, MALLOC_ARENA_MAX the C library's: read below the application
            env.keySet().stream().filter(name -> !name.startsWith("JAVA_") && !name.equals("MALLOC_ARENA_MAX") && !props.reads(name))
                    .forEach(name -> unread.add(app.name() + ": " + name));
            props.requiredPupitreVariables().stream().filter(name -> !env.containsKey(name))
                    .forEach(name -> missing.add(app.name() + ": " + name));
        }
        assertThat(unread).as("set in deploy/k8s/base but not read by application.properties").isEmpty();
        assertThat(missing).as("required by application.properties but not set in deploy/k8s/base").isEmpty();
    }

    @Test
    void theDatabaseRolesAreMadeByTheScriptDockerComposeRuns() {
        assertThat(read("deploy/k8s/base/init-roles.sh")).as("deploy/k8s/base/init-roles.sh is a copy of docker/postgres/init-roles.sh")
                .isEqualTo(read("docker/postgres/init-roles.sh"));
        Map<String, Object> job = object("Job", "pupitre-db-roles");
        assertThat(Objects.toString(job)).contains("init-roles.sh", "pupitre-db-rw", "pupitre-db-superuser");
        assertThat(map(object("Cluster", "pupitre-db").get("spec"))).containsEntry("instances", 3);
    }

    private static String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
