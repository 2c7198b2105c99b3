package ca.pupitre.launcher;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The two ports of each application: its public HTTP port, and its management port (Quarkus's management
 * interface: health, metrics, the application's own OpenAPI), which nothing routes to and nothing publishes.
 */
public record StackPorts(Map<ServiceModule, Integer> http, Map<ServiceModule, Integer> management) {

    /** How far above its HTTP port an application's management port is when ports are fixed (8081 → 9081). */
    public static final int MANAGEMENT_OFFSET = 1000;

    public StackPorts {
        http = Collections.unmodifiableMap(new EnumMap<>(http));
        management = Collections.unmodifiableMap(new EnumMap<>(management));
    }

    /** Fixed ports: each management port {@value #MANAGEMENT_OFFSET} above its HTTP port. */
    public static StackPorts fixed(Map<ServiceModule, Integer> http) {
        Map<ServiceModule, Integer> management = new EnumMap<>(ServiceModule.class);
        http.forEach((s, port) -> management.put(s, port + MANAGEMENT_OFFSET));
        return new StackPorts(http, management);
    }

    public int http(ServiceModule service) {
        return http.get(service);
    }

    public int management(ServiceModule service) {
        return management.get(service);
    }

    /** {@code http://localhost:<port>}: the application's public address. */
    public String url(ServiceModule service) {
        return "http://localhost:" + http(service);
    }

    /** {@code http://localhost:<management port>}. */
    public String managementUrl(ServiceModule service) {
        return "http://localhost:" + management(service);
    }
}
