package ca.pupitre.billing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * All billing tests share one app start against the real test database (role "billing"), with a
 * real fake HTTP server standing in for matching-service, listings-service and the gateway.
 */
public class BillingTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeServices.class, Map.of("role", "billing")));
    }
}
