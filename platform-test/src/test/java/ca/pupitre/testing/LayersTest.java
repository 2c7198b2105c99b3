package ca.pupitre.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The layer rules catch each kind of crossing (on the fixture package), and leave a repository's queries alone. */
class LayersTest {

    @Test
    void eachCrossingIsReported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("ca.pupitre.testing.fixture");
        EvaluationResult result = Layers.rules("ca.pupitre.testing.fixture").evaluate(fixture);
        String report = String.join("\n", result.getFailureReport().getDetails());

        assertThat(report)
                .contains("ThingService.answer(jakarta.persistence.EntityManager, ca.pupitre.testing.fixture.rest.ThingResource)")
                .contains("jakarta.ws.rs.core.Response")
                .contains("createNativeQuery")
                .contains("Field <ca.pupitre.testing.fixture.domain.Thing.repository>")
                .doesNotContain("ThingRepository.one");
    }
}
