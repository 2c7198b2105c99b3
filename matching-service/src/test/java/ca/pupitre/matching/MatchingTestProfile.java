package ca.pupitre.matching;

import ca.pupitre.testing.ServiceTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** All matching tests share one app start against the real test database (role "matching"). */
public class MatchingTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceTestResource.class, Map.of("role", "matching")));
    }
}
