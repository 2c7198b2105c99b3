package ca.pupitre.testing;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/**
 * What a refused request must answer: its status, an {@code application/problem+json} body, and the problem's
 * {@code code}, so that a test of "the wrong user is refused" fails when it is refused for another reason (an
 * unknown path, a missing token where a role was meant). Use as {@code .then().spec(problem(403, "FORBIDDEN"))}.
 */
public final class ProblemAnswers {

    private ProblemAnswers() {
    }

    public static ResponseSpecification problem(int status, String code) {
        return new ResponseSpecBuilder().expectStatusCode(status).expectContentType("application/problem+json")
                .expectBody("code", equalTo(code)).build();
    }

    /** 401 UNAUTHORIZED: no token, or one that is not valid. */
    public static ResponseSpecification unauthorized() {
        return problem(401, "UNAUTHORIZED");
    }

    /** 403 FORBIDDEN: a valid token whose role may not do this. */
    public static ResponseSpecification forbidden() {
        return problem(403, "FORBIDDEN");
    }
}
