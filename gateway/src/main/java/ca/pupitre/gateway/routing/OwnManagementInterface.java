package ca.pupitre.gateway.routing;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The port of the gateway's own management interface (its OpenAPI document, Swagger UI). Quarkus's
 * {@link HttpServer} knows the bound port in tests (a free one); in a packaged run it may not say (-1), and the
 * port is then the configured {@code quarkus.management.port}, which a packaged run always binds as given.
 */
@Singleton
public class OwnManagementInterface {

    private final Instance<HttpServer> server;

    public OwnManagementInterface(Instance<HttpServer> server) {
        this.server = server;
    }

    public int port() {
        int bound = server.isResolvable() ? server.get().getManagementPort() : -1;
        if (bound > 0) {
            return bound;
        }
        return ConfigProvider.getConfig().getOptionalValue("quarkus.management.port", Integer.class).orElse(9000);
    }
}
