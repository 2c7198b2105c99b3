package ca.pupitre.listings;

import ca.pupitre.testing.ServiceTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Every listings test runs against the same real PostgreSQL and test JWKS (one app start). */
public class ListingsTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ServiceTestResource.class, Map.of("role", "listings")));
    }
}
