package ca.pupitre.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using the web app through the gateway without a browser: keeps the cookies the pages set
 * (session, CSRF), sends forms with the CSRF token of the page they are on, never follows redirects on
 * its own so tests see each one.
 */
final class WebVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String language;

    WebVisitor(String base, String language) {
        this.base = base;
        this.language = language;
    }

    Response get(String path) {
        Response r = given().baseUri(base).redirects().follow(false).header("Accept-Language", language).cookies(cookies)
                .get(path);
        keep(r);
        return r;
    }

    /** Opens {@code formPage}, then posts {@code fields} to {@code action} with the page's CSRF token. */
    Response submit(String formPage, String action, Map<String, ?> fields) {
        String html = get(formPage).then().statusCode(200).extract().asString();
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("CSRF field on %s", formPage).isTrue();
        Response r = given().baseUri(base).redirects().follow(false).header("Accept-Language", language).cookies(cookies)
                .contentType(ContentType.URLENC.withCharset("UTF-8")).formParam("csrf", token.group(1)).formParams(fields)
                .post(action);
        keep(r);
        return r;
    }

    boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    private void keep(Response r) {
        r.getDetailedCookies().forEach(c -> {
            if (c.getValue() == null || c.getValue().isEmpty() || c.getMaxAge() == 0) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
    }

    /** The path of a redirect's Location (the web app answers with absolute URLs on the gateway's host). */
    static String location(Response r) {
        String location = r.getHeader("Location");
        assertThat(location).as("redirect of %s", r.statusLine()).isNotNull();
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
