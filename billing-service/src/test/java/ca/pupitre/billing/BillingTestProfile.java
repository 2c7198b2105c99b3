package ca.pupitre.billing;

import ca.pupitre.testing.ServiceTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** All billing tests share one app start against the real test database (role "billing"). */
public class BillingTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceTestResource.class, Map.of("role", "billing")));
    }
}
