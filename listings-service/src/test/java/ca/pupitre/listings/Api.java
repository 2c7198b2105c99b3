package ca.pupitre.listings;

import static io.restassured.RestAssured.given;

import ca.pupitre.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small helpers shared by the REST tests: people, bodies, create-and-publish. */
public final class Api {

    public static final String EXAMPLE = """
            {"title": {"fr": "Télésecrétaire bilingue, traduction et mise en page"},
             "description": {"fr": "Adjointe administrative depuis 30 ans : traductions, mises en page, programmes Excel, états financiers."},
             "skills": ["translation", "layout", "excel", "financial-statements"], "languages": ["fr", "en"],
             "pricing": {"unit": "HOUR", "amount": "38.00"}, "hoursPerWeek": 20, "remote": true}
            """;

    private Api() {
    }

    /** A made-up word no other test uses, to isolate a test's listings in search. */
    public static String word() {
        String consonants = "bcdfghjklmnpqrstvwxz";
        StringBuilder word = new StringBuilder("zq");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append(consonants.charAt(random.nextInt(consonants.length())));
        }
        return word.toString();
    }

    /** A person: id and a valid token for one role. */
    public record Person(UUID id, String token) {
        public RequestSpecification as() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    public static Person secretary() {
        UUID id = UUID.randomUUID();
        return new Person(id, TestTokens.secretary(id));
    }

    public static Person client() {
        UUID id = UUID.randomUUID();
        return new Person(id, TestTokens.client(id));
    }

    /** A person whose account is {@code age} old (the gateway's {@code account_created} claim). */
    public static Person aged(String role, java.time.Duration age) {
        UUID id = UUID.randomUUID();
        return new Person(id, TestTokens.person(id, role, java.time.Instant.now().minus(age)));
    }

    /** A client or secretary whose account is a month old: her reports count toward hiding. */
    public static Person established(String role) {
        return aged(role, java.time.Duration.ofDays(30));
    }

    public static Person admin() {
        UUID id = UUID.randomUUID();
        return new Person(id, TestTokens.admin(id));
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    public static RequestSpecification service(String name) {
        return given().auth().oauth2(TestTokens.service(name)).contentType(ContentType.JSON);
    }

    /** A valid body; override fields with {@code overrides}. */
    public static Map<String, Object> body(String titleFr, String descriptionFr, List<String> skills, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        if (titleFr != null) {
            body.put("title", Map.of("fr", titleFr));
        }
        if (descriptionFr != null) {
            body.put("description", Map.of("fr", descriptionFr));
        }
        body.put("skills", skills);
        body.put("languages", List.of("fr"));
        body.put("pricing", Map.of("unit", "HOUR", "amount", "35.00"));
        body.put("remote", true);
        body.putAll(overrides);
        return body;
    }

    public static JsonPath create(Person owner, Object body) {
        return owner.as().body(body).post("/api/v1/listings").then().statusCode(201).extract().jsonPath();
    }

    public static String createDraft(Person owner, Object body) {
        return create(owner, body).getString("id");
    }

    public static String publish(Person owner, Object body) {
        String id = createDraft(owner, body);
        owner.as().post("/api/v1/listings/" + id + "/publish").then().statusCode(200);
        return id;
    }
}
