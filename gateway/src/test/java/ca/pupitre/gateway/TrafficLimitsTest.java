package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits for everyone who is not a partner, with small budgets at scale 1 (the test profile's default
 * scale is far higher: every other test calls from 127.0.0.1): per client address and class when anonymous,
 * per account when signed in, the account doors per address always.
 */
@QuarkusTest
@TestProfile(TrafficLimitsTest.SmallBudgets.class)
class TrafficLimitsTest {

    public static class SmallBudgets extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("pupitre.rate-limit.scale", "1"),
                    Map.entry("pupitre.rate-limit.budgets.search.capacity", "3"),
                    Map.entry("pupitre.rate-limit.budgets.search.refill-per-second", "0.001"),
                    Map.entry("pupitre.rate-limit.budgets.listing-read.capacity", "4"),
                    Map.entry("pupitre.rate-limit.budgets.listing-read.refill-per-second", "0.001"),
                    Map.entry("pupitre.rate-limit.budgets.register.capacity", "2"),
                    Map.entry("pupitre.rate-limit.budgets.register.refill-per-second", "0.001"),
                    Map.entry("pupitre.rate-limit.budgets.account.capacity", "5"),
                    Map.entry("pupitre.rate-limit.budgets.account.refill-per-second", "0.001"));
        }
    }

    private static io.restassured.response.ValidatableResponse search(String bearer) {
        var request = given().header("Accept-Language", "en").queryParam("q", "traduction");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.get("/api/v1/listings").then();
    }

    @Test
    void anonymousTrafficIsLimitedPerAddressAndClassSignedInTrafficPerAccount() {
        // two accounts: the register budget (2) is spent by them, the third is refused, by address
        String first = AuthFlowTest.newEmail();
        String second = AuthFlowTest.newEmail();
        AuthFlowTest.register(first, "CLIENT");
        AuthFlowTest.register(second, "CLIENT");
        given().contentType(ContentType.JSON).header("Accept-Language", "fr-CA")
                .body(Map.of("email", AuthFlowTest.newEmail(), "password", "correct horse battery", "displayName", "Trop",
                        "role", "CLIENT", "locale", "fr-CA"))
                .post("/api/v1/auth/register").then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED")).body("title", equalTo("Trop de requêtes"))
                .header("Retry-After", notNullValue()).header("RateLimit-Limit", "2").header("RateLimit-Remaining", "0");
        String tokenA = AuthFlowTest.token(first, "correct horse battery").getString("access_token");
        String tokenB = AuthFlowTest.token(second, "correct horse battery").getString("access_token");

        // anonymous searches: 3, each telling what is left, then a 429 in the caller's language
        for (int left = 2; left >= 0; left--) {
            search(null).statusCode(200).header("RateLimit-Limit", "3").header("RateLimit-Remaining", Integer.toString(left))
                    .header("RateLimit-Reset", notNullValue()).header("Retry-After", nullValue());
        }
        search(null).statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"))
                .body("title", equalTo("Too many requests")).header("Retry-After", notNullValue());
        // a forged or foreign token does not buy a fresh budget: it counts as anonymous
        search("not.a.token").statusCode(429);
        // nor does a forwarded address from a peer that is not a configured proxy
        given().header("X-Forwarded-For", "203.0.113.9").queryParam("q", "x").get("/api/v1/listings").then().statusCode(429);
        // listing reads have their own budget
        given().get("/api/v1/listings/some-listing").then().statusCode(200).header("RateLimit-Limit", "4");

        // signed in: per account, not per address; one account's spending is not the other's
        for (int i = 0; i < 5; i++) {
            search(tokenA).statusCode(200).header("RateLimit-Limit", "5");
        }
        search(tokenA).statusCode(429).body("code", equalTo("RATE_LIMITED"));
        given().auth().oauth2(tokenA).get("/api/v1/me").then().statusCode(429); // the gateway's own routes too
        search(tokenB).statusCode(200).header("RateLimit-Remaining", "4");
        given().auth().oauth2(tokenB).get("/api/v1/me").then().statusCode(200).header("RateLimit-Remaining", "3");
    }
}
