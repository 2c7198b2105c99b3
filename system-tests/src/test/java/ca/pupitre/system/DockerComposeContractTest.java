package ca.pupitre.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml agrees with what the services read: only the gateway is reachable from
 * outside, everything waits for a healthy database, and every environment variable set on a
 * service is one its {@code application.properties} reads (and every required one is set).
 */
class DockerComposeContractTest {

    private static final List<String> APP_SERVICES = List.of("gateway", "listings", "matching", "billing", "web");
    /** The applications with a database role and schema (all but the web app). */
    private static final List<String> DATABASE_SERVICES = List.of("gateway", "listings", "matching", "billing");
    private static final Set<String> KNOWN_QUARKUS_PROPERTIES = Set.of(
            "quarkus.http.port", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(:)?");
    private static final Pattern REQUIRED_FROM_ENV_FILE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]+}");

    private static Path root;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parseCompose() throws IOException {
        root = repositoryRoot();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
        assertThat(services).containsKeys("postgres", "gateway", "listings", "matching", "billing", "web");
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        services.forEach((name, service) -> {
            if (name.equals("gateway")) {
                assertThat(service.get("ports")).as("gateway ports").isEqualTo(List.of("8080:8080"));
            } else {
                assertThat(service).as(name + " must not publish ports").doesNotContainKey("ports");
            }
        });
    }

    @Test
    void healthIsAskedOnEachManagementPortWhichIsNeverTheHttpPort() {
        for (String name : APP_SERVICES) {
            Map<String, String> env = environment(name);
            assertThat(env).as(name).containsKeys("QUARKUS_HTTP_PORT", "QUARKUS_MANAGEMENT_PORT");
            assertThat(env.get("QUARKUS_MANAGEMENT_PORT")).as(name).isNotEqualTo(env.get("QUARKUS_HTTP_PORT"));
            String test = String.join(" ", strings(map(services.get(name).get("healthcheck")).get("test")));
            assertThat(test).as(name + " healthcheck").contains("/dev/tcp/127.0.0.1/$${QUARKUS_MANAGEMENT_PORT}")
                    .contains("/q/health/ready").doesNotContain("QUARKUS_HTTP_PORT");
        }
        // the gateway reads the services' OpenAPI documents on their management ports
        Map<String, String> gateway = environment("gateway");
        for (String service : List.of("listings", "matching", "billing")) {
            assertThat(gateway.get("PUPITRE_" + service.toUpperCase() + "_MANAGEMENT_URL"))
                    .isEqualTo("http://" + service + ":" + environment(service).get("QUARKUS_MANAGEMENT_PORT"));
        }
    }

    @Test
    void everyServiceWaitsForAHealthyDatabaseAndTheGatewayForTheServices() {
        assertThat(services.get("postgres")).containsKey("healthcheck");
        for (String name : APP_SERVICES) {
            assertThat(services.get(name)).as(name + " healthcheck").containsKey("healthcheck");
        }
        for (String name : DATABASE_SERVICES) {
            Map<String, Map<String, Object>> dependsOn = map(services.get(name).get("depends_on"));
            assertThat(dependsOn).as(name + " depends_on").containsKey("postgres");
            assertThat(dependsOn.get("postgres")).as(name + " -> postgres")
                    .containsEntry("condition", "service_healthy");
        }
        Map<String, Map<String, Object>> gateway = map(services.get("gateway").get("depends_on"));
        for (String upstream : List.of("listings", "matching", "billing")) {
            assertThat(gateway.get(upstream)).as("gateway -> " + upstream).isNotNull()
                    .containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void eachServiceIsBuiltFromItsModuleDockerfileWithTheRepositoryAsContext() {
        for (String name : APP_SERVICES) {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertThat(build).as(name + " build").containsEntry("context", ".");
            String module = module(name);
            assertThat(build.get("dockerfile")).isEqualTo(module + "/src/main/docker/Dockerfile");
            assertThat(root.resolve(module + "/src/main/docker/Dockerfile")).isRegularFile();
        }
        assertThat(APP_SERVICES.stream().map(DockerComposeContractTest::module))
                .containsExactlyInAnyOrder("gateway", "listings-service", "matching-service", "billing-service", "web");
    }

    @Test
    void postgresIsVersion16AndRunsTheRolesScriptOnFirstStart() {
        Map<String, Object> postgres = services.get("postgres");
        assertThat(postgres.get("image")).isEqualTo("postgres:16");
        assertThat(environment("postgres")).containsEntry("POSTGRES_DB", "pupitre");
        assertThat(strings(postgres.get("volumes")))
                .anyMatch(v -> v.startsWith("./docker/postgres/init-roles.sh:/docker-entrypoint-initdb.d/"));
        assertThat(root.resolve("docker/postgres/init-roles.sh")).isExecutable();
    }

    @Test
    void everyVariableSetOnAServiceIsOneThatServiceReads() throws IOException {
        List<String> unread = new ArrayList<>();
        for (String name : APP_SERVICES) {
            ApplicationProperties props = ApplicationProperties.of(root, module(name));
            for (String variable : environment(name).keySet()) {
                if (!props.reads(variable)) {
                    unread.add(name + ": " + variable);
                }
            }
        }
        assertThat(unread)
                .as("environment variables set by docker-compose.yml that the service's application.properties"
                        + " does not read (no ${NAME...} and no matching quarkus.* property)")
                .isEmpty();
    }

    @Test
    void everyVariableAServiceRequiresIsSet() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : APP_SERVICES) {
            ApplicationProperties props = ApplicationProperties.of(root, module(name));
            for (String variable : props.requiredPupitreVariables()) {
                if (!environment(name).containsKey(variable)) {
                    missing.add(name + ": " + variable);
                }
            }
        }
        assertThat(missing)
                .as("${PUPITRE_...} without a default in application.properties but not set by docker-compose.yml")
                .isEmpty();
    }

    @Test
    void secretsComeFromTheOperatorsEnvFileAndAreDocumentedInTheExample() throws IOException {
        Properties example = new Properties();
        try (Reader r = Files.newBufferedReader(root.resolve(".env.example"), StandardCharsets.UTF_8)) {
            example.load(r);
        }
        for (String name : services.keySet()) {
            environment(name).forEach((variable, value) -> {
                if (variable.contains("PASSWORD") || variable.contains("SECRET")) {
                    Matcher m = REQUIRED_FROM_ENV_FILE.matcher(value);
                    assertThat(m.matches()).as(name + ": " + variable + " must be ${VAR:?message}, got " + value)
                            .isTrue();
                    assertThat(example).as(".env.example declares " + m.group(1)).containsKey(m.group(1));
                }
            });
        }
    }

    /** The set-up of one module's application.properties as seen in the prod profile. */
    record ApplicationProperties(String module, Set<String> normalizedKeys, List<String> values) {

        static ApplicationProperties of(Path root, String module) throws IOException {
            Path file = root.resolve(module).resolve("src/main/resources/application.properties");
            assertThat(file).as(module + " application.properties").isRegularFile();
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Set<String> keys = new TreeSet<>();
            List<String> values = new ArrayList<>();
            for (String key : p.stringPropertyNames()) {
                String property = key;
                if (key.startsWith("%")) {
                    int dot = key.indexOf('.');
                    List<String> profiles = List.of(key.substring(1, dot).split(","));
                    if (!profiles.contains("prod")) {
                        continue; // %dev / %test values never apply to the packaged application
                    }
                    property = key.substring(dot + 1);
                }
                keys.add(normalize(property));
                values.add(p.getProperty(key));
            }
            return new ApplicationProperties(module, keys, values);
        }

        boolean reads(String variable) {
            for (String value : values) {
                Matcher m = EXPRESSION.matcher(value);
                while (m.find()) {
                    if (m.group(1).equals(variable)) {
                        return true;
                    }
                }
            }
            if (variable.startsWith("QUARKUS_")) {
                String property = variable.toLowerCase(Locale.ROOT).replace('_', '.');
                return normalizedKeys.contains(property) || KNOWN_QUARKUS_PROPERTIES.contains(property);
            }
            return false;
        }

        Set<String> requiredPupitreVariables() {
            Set<String> required = new TreeSet<>();
            for (String value : values) {
                Matcher m = EXPRESSION.matcher(value);
                while (m.find()) {
                    if (m.group(1).startsWith("PUPITRE_") && m.group(2) == null) {
                        required.add(m.group(1));
                    }
                }
            }
            return required;
        }

        /** quarkus.rest-client."x".url and QUARKUS_REST_CLIENT_X_URL compare equal. */
        private static String normalize(String property) {
            return property.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ".");
        }
    }

    private static String module(String service) {
        String dockerfile = (String) map(services.get(service).get("build")).get("dockerfile");
        return dockerfile.substring(0, dockerfile.indexOf('/'));
    }

    /** The service's environment, whether written as a map or as a list of NAME=value. */
    private static Map<String, String> environment(String service) {
        Object env = services.get(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object o) {
        if (o instanceof List<?> list) { // short depends_on form: no condition
            Map<String, T> m = new LinkedHashMap<>();
            list.forEach(item -> m.put(String.valueOf(item), (T) Map.of()));
            return m;
        }
        return o == null ? Map.of() : (Map<String, T>) o;
    }

    private static List<String> strings(Object o) {
        List<String> result = new ArrayList<>();
        if (o instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker-compose.yml")) && Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
    }
}
