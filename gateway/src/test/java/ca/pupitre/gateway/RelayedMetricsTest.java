package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.routing.Upstreams;
import ca.pupitre.testing.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Relayed requests are counted in the gateway's HTTP metrics under one uri per service, not one per raw path
 * (a listing id each), which would grow without bound and then stop being recorded at the uri tag limit.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RelayedMetricsTest {

    @Inject
    GatewayConfig config;

    @Test
    void relayedRequestsAreCountedPerServiceNotPerPath() {
        given().get("/api/v1/listings/metrics-one").then().statusCode(200);
        given().get("/api/v1/listings/metrics-two").then().statusCode(200);
        given().get("/fr/annonces/metrics-three").then().statusCode(200);
        String metrics = ManagementPort.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"relayed:listings\"").contains("uri=\"relayed:web\"")
                .doesNotContain("metrics-one").doesNotContain("metrics-two").doesNotContain("metrics-three");
    }

    @Test
    void everyPathPrefixOfEveryServiceHasItsPattern() {
        List<String[]> patterns = new ArrayList<>();
        for (String entry : ConfigProvider.getConfig().getValues("quarkus.micrometer.binder.http-server.match-patterns", String.class)) {
            int equals = entry.indexOf('=');
            patterns.add(new String[] {entry.substring(0, equals).trim(), entry.substring(equals + 1).trim()});
        }
        List<String> samples = new ArrayList<>();
        for (Upstreams.Upstream upstream : Upstreams.from(config.upstream())) {
            for (String prefix : upstream.prefixes()) {
                String path = "/api/v1/" + prefix.replace("[^/]+", "some-id");
                samples.add(path + "=relayed:" + upstream.name());
                samples.add(path + "/some-id=relayed:" + upstream.name());
            }
        }
        samples.add("/fr/annonces/some-id=relayed:web");
        samples.add("/api/v1/docs/index.html=relayed:swagger-ui");
        for (String sample : samples) {
            String path = sample.substring(0, sample.indexOf('='));
            String expected = sample.substring(sample.indexOf('=') + 1);
            String mapped = patterns.stream().filter(p -> Pattern.compile(p[0]).matcher(path).matches()).map(p -> p[1])
                    .findFirst().orElse(path);
            assertThat(mapped).as(path).isEqualTo(expected);
        }
        // the gateway's own paths keep their route templates
        for (String own : List.of("/api/v1/auth/token", "/api/v1/me", "/.well-known/jwks.json", "/api/v1/openapi")) {
            assertThat(patterns).noneMatch(p -> Pattern.compile(p[0]).matcher(own).matches());
        }
    }
}
