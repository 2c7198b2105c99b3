package ca.pupitre.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Every gateway test runs against the same real database and fake upstreams (one app start). */
public class GatewayTestProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeUpstreams.class));
    }
}
