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

    /**
     * The value of one series of the Prometheus metrics ({@code /q/metrics}): {@code name} with every label given as
     * {@code key=value}, summed over the series that have them; 0 when there is none yet.
     */
    public static double metric(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String sample : text.split("\n")) {
            // a counter's sample may end with an exemplar (" # {trace_id=...} value timestamp"): the trace that
            // last counted, since tracing is on
            int exemplar = sample.indexOf(" # ");
            String line = exemplar < 0 ? sample : sample.substring(0, exemplar);
            if (line.startsWith("#") || !(line.startsWith(name + " ") || line.startsWith(name + "{"))) {
                continue;
            }
            String series = line.substring(0, line.lastIndexOf(' '));
            boolean all = true;
            for (String label : labels) {
                int equals = label.indexOf('=');
                all &= series.contains(label.substring(0, equals) + "=\"" + label.substring(equals + 1) + "\"");
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
