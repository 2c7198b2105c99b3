package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PUPITRE_TRACE_SAMPLE_RATIO: the share of traces kept is decided at the gateway, by the ratio alone, and the
 * services follow. With a ratio of 0, a request is relayed as not sampled (flags 00), also when its caller sent a
 * traceparent asking for it to be kept: the trace is continued (same trace id) but the caller does not decide.
 * The services are stood in for by an echo server that answers with the headers it received.
 */
@QuarkusTest
@TestProfile(TraceSamplingTest.NoTraceKept.class)
class TraceSamplingTest {

    public static class NoTraceKept extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.otel.traces.sampler.arg", "0.0");
            return config;
        }
    }

    @Test
    void aTraceTheGatewayStartsIsNotSampledAtRatioZero() {
        String relayed = given().get("/api/v1/listings/echo").then().statusCode(200).extract().path("headers.traceparent");
        assertThat(relayed).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
    }

    @Test
    void aCallersTraceIsContinuedButItsSampledFlagDoesNotOverruleTheRatio() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String relayed = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").get("/api/v1/listings/echo")
                .then().statusCode(200).extract().path("headers.traceparent");
        assertThat(relayed).matches("00-" + traceId + "-[0-9a-f]{16}-00");
    }
}
