package ca.pupitre.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each layer rule fires on its own crossing in the fixture package (a use case that knows a resource, answers HTTP
 * and queries; an entity that knows its repository), and none reports the repository's own query.
 */
class LayersTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("ca.pupitre.testing.fixture");

    @Test
    void eachRuleReportsItsOwnCrossing() {
        List<ArchRule> rules = Layers.rules("ca.pupitre.testing.fixture");
        assertThat(rules).hasSize(4);
        assertThat(details(rules.get(0))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("ThingService").contains("fixture.rest.ThingResource"));
        assertThat(details(rules.get(1))).isNotEmpty().allSatisfy(line -> assertThat(line).contains("jakarta.ws.rs.core.Response"));
        assertThat(details(rules.get(2))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("ThingService").contains("jakarta.persistence"));
        assertThat(details(rules.get(3))).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("fixture.domain.Thing").contains("ThingRepository"));
        rules.forEach(rule -> assertThat(details(rule)).noneMatch(line -> line.contains("ThingRepository.one")));
    }

    private static List<String> details(ArchRule rule) {
        return rule.evaluate(FIXTURE).getFailureReport().getDetails();
    }
}
