package ca.pupitre.listings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint refuses a bad token with 401 problem+json, even the public ones (a bad token is never anonymous). */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenSecurityTest {

    private String id;

    private String listing() {
        if (id == null) {
            id = Api.publish(Api.secretary(), Api.EXAMPLE);
        }
        return id;
    }

    Stream<Arguments> endpointsAndBadTokens() {
        String subject = UUID.randomUUID().toString();
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/v1/skills"}, new String[] {"GET", "/api/v1/listings?q=x"},
                new String[] {"POST", "/api/v1/listings"}, new String[] {"GET", "/api/v1/listings/mine"},
                new String[] {"GET", "/api/v1/listings/expiring"}, new String[] {"GET", "/api/v1/listings/changes"},
                new String[] {"GET", "/api/v1/listings/{id}"}, new String[] {"PUT", "/api/v1/listings/{id}"},
                new String[] {"POST", "/api/v1/listings/{id}/publish"}, new String[] {"POST", "/api/v1/listings/{id}/renew"},
                new String[] {"POST", "/api/v1/listings/{id}/close"}, new String[] {"POST", "/api/v1/listings/{id}/hide"},
                new String[] {"POST", "/api/v1/listings/{id}/unhide"}, new String[] {"GET", "/api/v1/listings/{id}/history"},
                new String[] {"POST", "/api/v1/listings/{id}/reports"}, new String[] {"PUT", "/api/v1/listings/{id}/featured"});
        List<Arguments> cases = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            cases.add(Arguments.of(endpoint[0], endpoint[1], "expired", TestTokens.expired(subject, "ADMIN")));
            cases.add(Arguments.of(endpoint[0], endpoint[1], "wrongIssuer", TestTokens.wrongIssuer(subject, "ADMIN")));
            cases.add(Arguments.of(endpoint[0], endpoint[1], "wrongKey", TestTokens.wrongKey(subject, "ADMIN")));
            cases.add(Arguments.of(endpoint[0], endpoint[1], "tampered", TestTokens.tampered(subject, "SECRETARY")));
            cases.add(Arguments.of(endpoint[0], endpoint[1], "garbage", "not.a.jwt"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2} token → 401")
    @MethodSource("endpointsAndBadTokens")
    void refusesBadTokens(String method, String path, String kind, String token) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .request(method, path.replace("{id}", listing()))
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHORIZED"));
    }
}
