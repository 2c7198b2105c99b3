package ca.pupitre.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The two ports of each application: its public HTTP port, and its management port (Quarkus's management
 * interface: health, metrics, the application's own OpenAPI), which nothing routes to and nothing publishes.
 * With replicas, the first instance of each application has the ports above and the others free ports of their
 * own ({@link #replicas}, in instance order from the second).
 */
public record StackPorts(Map<ServiceModule, Integer> http, Map<ServiceModule, Integer> management,
        Map<ServiceModule, List<Instance>> replicas) {

    /** How far above its HTTP port an application's management port is when ports are fixed (8081 → 9081). */
    public static final int MANAGEMENT_OFFSET = 1000;

    /** The ports of one more instance of an application. */
    public record Instance(int http, int management) {
    }

    public StackPorts {
        http = Collections.unmodifiableMap(new EnumMap<>(http));
        management = Collections.unmodifiableMap(new EnumMap<>(management));
        Map<ServiceModule, List<Instance>> copy = new EnumMap<>(ServiceModule.class);
        replicas.forEach((s, list) -> copy.put(s, List.copyOf(list)));
        replicas = Collections.unmodifiableMap(copy);
    }

    public StackPorts(Map<ServiceModule, Integer> http, Map<ServiceModule, Integer> management) {
        this(http, management, Map.of());
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

    /** The instances after the first (none without replicas). */
    public List<Instance> replicasOf(ServiceModule service) {
        return replicas.getOrDefault(service, List.of());
    }

    /** {@code http://localhost:<port>}: the application's public address (its first instance). */
    public String url(ServiceModule service) {
        return "http://localhost:" + http(service);
    }

    /** Every instance's address, the first one first. */
    public List<String> urls(ServiceModule service) {
        List<String> urls = new ArrayList<>();
        urls.add(url(service));
        replicasOf(service).forEach(instance -> urls.add("http://localhost:" + instance.http()));
        return urls;
    }

    /** {@code http://localhost:<management port>}. */
    public String managementUrl(ServiceModule service) {
        return "http://localhost:" + management(service);
    }

    /** Every instance's management address, in the order of {@link #urls}. */
    public List<String> managementUrls(ServiceModule service) {
        List<String> urls = new ArrayList<>();
        urls.add(managementUrl(service));
        replicasOf(service).forEach(instance -> urls.add("http://localhost:" + instance.management()));
        return urls;
    }
}
