package ca.pupitre.system;

import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.launcher.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/observability: the alert rules and the dashboard are well formed, and every Pupitre metric they query is one
 * the code registers (a renamed metric would leave an alert that can never fire, silently).
 */
class ObservabilityFilesTest {

    private static final Path ROOT = StackConfig.findRepoRoot(Path.of("").toAbsolutePath());
    private static final Path DIR = ROOT.resolve("deploy/observability");
    private static final Pattern PUPITRE_METRIC = Pattern.compile("\\bpupitre_[a-z_]+\\b");

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertRuleIsCompleteAndQueriesMetricsThatExist() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(DIR.resolve("prometheus-rules.yaml")));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            assertThat(group.get("name")).isNotNull();
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rule).as("rule %s", rule.get("alert")).containsKeys("alert", "expr", "for", "labels", "annotations");
                assertThat(((Map<String, Object>) rule.get("labels")).get("severity")).isIn("critical", "warning", "info");
                assertThat(((Map<String, Object>) rule.get("annotations")).get("summary")).isNotNull();
                expressions.add(rule.get("expr").toString());
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(5);
        assertEmittedByTheCode(expressions);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardParsesAndQueriesMetricsThatExist() throws IOException {
        Map<String, Object> dashboard = new Yaml().load(Files.readString(DIR.resolve("grafana-dashboard.json")));
        assertThat(dashboard.get("uid")).isEqualTo("pupitre-overview");
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                expressions.add(target.get("expr").toString());
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);
        assertEmittedByTheCode(expressions);
    }

    /** Each pupitre_* name, back to the dotted Micrometer name the code registers ({@code _total}/{@code _seconds} off). */
    private static void assertEmittedByTheCode(List<String> expressions) throws IOException {
        Set<String> used = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = PUPITRE_METRIC.matcher(expression);
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertThat(used).isNotEmpty();
        String sources = mainSources();
        List<String> unknown = new ArrayList<>();
        for (String metric : used) {
            String dotted = metric.replaceAll("_(total|seconds)$", "").replace('_', '.');
            if (!sources.contains("\"" + dotted + "\"")) {
                unknown.add(metric + " (" + dotted + ")");
            }
        }
        assertThat(unknown).as("metrics queried that no main source registers").isEmpty();
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("platform", "gateway", "listings-service", "matching-service", "billing-service")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        all.append(Files.readString(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        return all.toString();
    }
}
