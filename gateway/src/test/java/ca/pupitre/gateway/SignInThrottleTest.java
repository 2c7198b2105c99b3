package ca.pupitre.gateway;

import static ca.pupitre.testing.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password guessing is slowed per e-mail and client address; other accounts are not affected. */
@QuarkusTest
@TestProfile(SignInThrottleTest.ThreeAttempts.class)
class SignInThrottleTest {

    public static class ThreeAttempts extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.rate-limit.sign-in-capacity", "3", "pupitre.rate-limit.sign-in-refill-per-second", "0.01");
        }
    }

    private static io.restassured.response.ValidatableResponse attempt(String email, String password) {
        return given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("email", email, "password", password)).post("/api/v1/auth/token").then();
    }

    @Test
    void theFourthQuickGuessIsRefusedWith429ButAnotherAccountStillSignsIn() {
        String target = AuthFlowTest.newEmail();
        AuthFlowTest.register(target, "CLIENT");
        for (int i = 0; i < 3; i++) {
            attempt(target, "guess number " + i).spec(problem(401, "INVALID_CREDENTIALS"));
        }
        attempt(target, "correct horse battery").statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0");

        String other = AuthFlowTest.newEmail();
        AuthFlowTest.register(other, "SECRETARY");
        attempt(other, "correct horse battery").statusCode(200);
    }
}
