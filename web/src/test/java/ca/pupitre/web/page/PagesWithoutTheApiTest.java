package ca.pupitre.web.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * What the web app does on its own, with the gateway unreachable (the test profile points it at a closed
 * port): language choice, error pages with the request id and no stack trace, sign-in guard, CSRF, the
 * files search engines read. Pages built on the API are tested through the real stack in system-tests.
 */
@QuarkusTest
class PagesWithoutTheApiTest {

    @jakarta.inject.Inject
    ca.pupitre.web.session.SessionCodec sessions;

    @Test
    void theRootChoosesTheLanguageFromTheBrowser() {
        given().redirects().follow(false).header("Accept-Language", "en-CA,en;q=0.9,fr;q=0.5").get("/")
                .then().statusCode(303).header("Location", endsWith("/en/")).header("Vary", "Accept-Language");
        given().redirects().follow(false).header("Accept-Language", "fr-CA").get("/")
                .then().statusCode(303).header("Location", endsWith("/fr/"));
        given().redirects().follow(false).header("Accept-Language", "de-DE").get("/")
                .then().statusCode(303).header("Location", endsWith("/fr/"));
        // the language-neutral listing address of the partner feeds
        String id = "0b8f8f0e-4a8e-4b7e-9c55-0c5f6a3f1a2b";
        given().redirects().follow(false).header("Accept-Language", "en").get("/annonces/" + id)
                .then().statusCode(303).header("Location", endsWith("/en/listings/" + id));
    }

    @Test
    void anUnreachableApiGivesAPlainPageWithTheRequestId() {
        String body = given().header("X-Request-Id", "click-2026").get("/fr/")
                .then().statusCode(503).contentType(ContentType.HTML)
                .body(containsString("lang=\"fr-CA\""))
                .body(containsString("click-2026"))
                .body(containsString("Le service ne répond pas"))
                .extract().asString();
        assertThat(body).doesNotContain("Exception", "at ca.pupitre", "java.");
        given().get("/en/listings?q=bookkeeping").then().statusCode(503)
                .body(containsString("The service is not answering"));
    }

    @Test
    void unknownPagesAreA404PageInTheirLanguage() {
        given().get("/en/nothing-here").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("Page not found"));
        given().get("/fr/annonces/pas-un-identifiant").then().statusCode(404).body(containsString("Page introuvable"));
        // the French slug in the English site (and the reverse) is not a page
        given().get("/fr/listings").then().statusCode(404);
        given().get("/en/annonces").then().statusCode(404);
    }

    @Test
    void signedInPagesSendToSignInAndComeBack() {
        given().redirects().follow(false).get("/fr/compte")
                .then().statusCode(303).header("Location", endsWith("/fr/connexion?next=%2Ffr%2Fcompte"));
        given().redirects().follow(false).get("/en/account/listings/new")
                .then().statusCode(303).header("Location", endsWith("/en/sign-in?next=%2Fen%2Faccount%2Flistings%2Fnew"));
    }

    @Test
    void formsCarryACsrfTokenAndAPostWithoutItIsRefused() {
        var page = given().get("/fr/connexion").then().statusCode(200)
                .body(containsString("name=\"csrf\""))
                .body(containsString("autocomplete=\"current-password\""))
                .extract();
        assertThat(page.cookie("pupitre_csrf")).isNotBlank();
        assertThat(page.detailedCookie("pupitre_csrf").isHttpOnly()).isTrue();
        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("email", "a@example.ca").formParam("password", "whatever-123")
                .post("/fr/connexion").then().statusCode(400).body(not(containsString("Exception")));
        // a token that is not the cookie's is refused as well
        given().redirects().follow(false).contentType(ContentType.URLENC).cookie("pupitre_csrf", page.cookie("pupitre_csrf"))
                .formParam("csrf", "forged").formParam("email", "a@example.ca").formParam("password", "whatever-123")
                .post("/fr/connexion").then().statusCode(400);
    }

    @Test
    void theOtherLanguageIsOneLinkAway() {
        given().get("/fr/inscription?role=CLIENT").then().statusCode(200)
                .body(containsString("href=\"/en/sign-up?role=CLIENT\" hreflang=\"en-CA\""))
                .body(containsString("<link rel=\"alternate\" hreflang=\"en-CA\" href=\"http://localhost:8080/en/sign-up\">"))
                .body(containsString("<link rel=\"canonical\" href=\"http://localhost:8080/fr/inscription\">"))
                .body(containsString("value=\"CLIENT\" checked"));
    }

    @Test
    void anErrorPageForASignedInPersonOnAPathNoPageHandlesStillRenders() {
        // no CSRF token is made for a path no page handles: the error page must not need one
        String session = sessions.seal(new ca.pupitre.web.session.SignedInPerson(java.util.UUID.randomUUID(), "Josée",
                "SECRETARY", true, "access", java.time.Instant.now().plusSeconds(3600).getEpochSecond(), "refresh"));
        given().cookie("pupitre_session", session).get("/favicon-nope.png").then().statusCode(404)
                .body(containsString("Page introuvable")).body(containsString("Mon compte"));
        given().redirects().follow(false).get("/favicon.ico").then().statusCode(301)
                .header("Location", endsWith("/static/favicon.svg"));
    }

    @Test
    void trustedProxiesAreWrittenAsAddressRanges() {
        // a bare "::1" is taken for a host name and resolved on every request: each request then waited for DNS
        String proxies = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.proxy.trusted-proxies", String.class);
        assertThat(proxies.split(",")).isNotEmpty().allSatisfy(entry -> assertThat(entry.strip()).contains("/"));
    }

    @Test
    void robotsStaticFilesAndNoOpenRedirect() {
        given().get("/robots.txt").then().statusCode(200).body(containsString("Sitemap: http://localhost:8080/sitemap.xml"));
        given().get("/static/app.css").then().statusCode(200).body(containsString(":focus-visible"));
        given().get("/static/app.js").then().statusCode(200).body(containsString("/api/v1/listings/suggest"));
        assertThat(AccountPages.safeNext("/fr/compte")).isEqualTo("/fr/compte");
        assertThat(AccountPages.safeNext("//evil.example/")).isNull();
        assertThat(AccountPages.safeNext("https://evil.example/")).isNull();
        assertThat(AccountPages.safeNext("/\\evil.example")).isNull();
    }
}
