package ca.pupitre.launcher;

import java.nio.file.Path;

/** The packaged Quarkus applications of the stack: the gateway, the three services and the web app. */
public enum ServiceModule {
    GATEWAY("gateway", "gateway", 8080),
    LISTINGS("listings-service", "listings", 8081),
    MATCHING("matching-service", "matching", 8082),
    BILLING("billing-service", "billing", 8083),
    /** The web app: pages on the gateway's public API; no database of its own. */
    WEB("web", "web", 8084);

    private final String module;
    private final String role;
    private final int defaultPort;

    ServiceModule(String module, String role, int defaultPort) {
        this.module = module;
        this.role = role;
        this.defaultPort = defaultPort;
    }

    /** Maven module directory, e.g. {@code listings-service}. */
    public String module() {
        return module;
    }

    /** Short name: database role, schema and client id, e.g. {@code listings}. */
    public String role() {
        return role;
    }

    /** True for the applications with their own database role and schema (all but the web app). */
    public boolean usesDatabase() {
        return this != WEB;
    }

    /** True for what may run as several instances behind the gateway: all but the gateway, the one public entry. */
    public boolean replicable() {
        return this != GATEWAY;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code <repoRoot>/<module>/target/quarkus-app/quarkus-run.jar}. */
    public Path runnableJar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
