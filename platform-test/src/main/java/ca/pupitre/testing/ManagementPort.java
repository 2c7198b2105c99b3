package ca.pupitre.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's management interface under test (health, metrics, its own OpenAPI document): a port of its
 * own, never the public one. Quarkus resolves the test's free port into {@code quarkus.management.test-port}.
 */
public final class ManagementPort {

    private ManagementPort() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A REST Assured request to the management port. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
