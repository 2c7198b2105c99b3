package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the web app down, a person's browser gets a plain page saying so, in her language; programs get problem+json. */
@QuarkusTest
@TestProfile(WebAppDownTest.WebDown.class)
class WebAppDownTest {

    public static class WebDown extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.upstream.web-url", "http://127.0.0.1:1");
        }
    }

    @Test
    void aBrowserGetsAPlainPageInItsLanguage() {
        given().header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").header("Accept-Language", "fr-CA,fr;q=0.9")
                .header("X-Request-Id", "page-<b>1</b>").get("/fr/annonces")
                .then().statusCode(503).header("Retry-After", "5").contentType("text/html")
                .body(containsString("<html lang=\"fr-CA\">"), containsString("Numéro de la demande"),
                        not(containsString("<b>1</b>")), not(containsString("<script")));
        given().header("Accept", "text/html").header("Accept-Language", "en-CA").get("/en/listings")
                .then().statusCode(503).contentType("text/html").body(containsString("<html lang=\"en-CA\">"),
                        containsString("Request id"));
    }

    @Test
    void aProgramStillGetsProblemJson() {
        given().header("Accept", "application/json").get("/fr/annonces")
                .then().statusCode(503).contentType("application/problem+json").body(containsString("SERVICE_UNAVAILABLE"));
    }
}
