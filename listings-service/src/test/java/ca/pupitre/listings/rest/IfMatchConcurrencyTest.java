package ca.pupitre.listings.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class IfMatchConcurrencyTest {

    private static Map<String, Object> edited(String title) {
        return Api.body(title, "Nouvelle description", List.of("word"), Map.of());
    }

    @Test
    void updateRequiresIfMatch() {
        Person secretary = Api.secretary();
        String id = Api.createDraft(secretary, Api.EXAMPLE);
        secretary.as().body(edited("Sans version")).put("/api/v1/listings/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("code", equalTo("PRECONDITION_REQUIRED"));
    }

    @Test
    void updateWithTheCurrentETagSucceedsAndChangesIt() {
        Person secretary = Api.secretary();
        String id = Api.createDraft(secretary, Api.EXAMPLE);
        String etag = secretary.as().get("/api/v1/listings/" + id).header("ETag");
        String next = secretary.as().header("If-Match", etag).body(edited("Titre modifié")).put("/api/v1/listings/" + id)
                .then().statusCode(200).body("title.fr", equalTo("Titre modifié")).body("skills", equalTo(List.of("word")))
                .extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        secretary.as().header("If-Match", etag).body(edited("Encore")).put("/api/v1/listings/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("code", equalTo("PRECONDITION_FAILED"));
        secretary.as().header("If-Match", "W/" + next).body(edited("Faible")).put("/api/v1/listings/" + id).then().statusCode(200);
    }

    @Test
    void ofTwoConcurrentUpdatesWithTheSameETagExactlyOneWins() throws Exception {
        Person secretary = Api.secretary();
        String id = Api.createDraft(secretary, Api.EXAMPLE);
        String etag = secretary.as().get("/api/v1/listings/" + id).header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String title = "Concurrent " + i;
                tasks.add(() -> secretary.as().header("If-Match", etag).body(edited(title)).put("/api/v1/listings/" + id)
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(secretary.as().get("/api/v1/listings/" + id).jsonPath().getLong("version")).isEqualTo(1);
    }

    @Test
    void onlyTheOwnerUpdates() {
        Person secretary = Api.secretary();
        String draft = Api.createDraft(secretary, Api.EXAMPLE);
        String published = Api.publish(secretary, Api.EXAMPLE);
        Api.secretary().as().header("If-Match", "\"0\"").body(edited("Pirate")).put("/api/v1/listings/" + draft)
                .then().statusCode(404);
        Api.secretary().as().header("If-Match", "*").body(edited("Pirate")).put("/api/v1/listings/" + published)
                .then().statusCode(403).body("code", equalTo("NOT_OWNER"));
        Api.admin().as().header("If-Match", "*").body(edited("Admin")).put("/api/v1/listings/" + published)
                .then().spec(forbidden());
        Api.anonymous().header("If-Match", "*").body(edited("Anonyme")).put("/api/v1/listings/" + published)
                .then().spec(unauthorized());
    }
}
