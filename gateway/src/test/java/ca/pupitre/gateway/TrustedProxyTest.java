package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer the operator names (here the test client's own address, 127.0.0.1/32), the client
 * the balancer reports is believed: the services see her address and scheme, not the balancer's.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindALoadBalancer.class)
class TrustedProxyTest {

    public static class BehindALoadBalancer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "127.0.0.1/32");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeUpstreams.class));
        }
    }

    @Test
    void aTrustedProxysForwardingHeadersNameTheClient() {
        given().header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .get("/api/v1/skills").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.7"))
                .body("headers.x-forwarded-proto", equalTo("https"));
    }
}
