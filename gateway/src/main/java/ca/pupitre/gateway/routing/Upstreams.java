package ca.pupitre.gateway.routing;

import ca.pupitre.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which service answers which public path prefix. */
public final class Upstreams {

    /** One instance of a service: where it answers, and its management interface (health). */
    public record Instance(String host, int port, URI management) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * One service behind the gateway, its instances (one or more) and the public paths it answers:
     * {@code prefixes} under {@code /api/v1/} for the API services; for the web app ({@link #WEB}), every path
     * the gateway does not keep.
     */
    public record Upstream(String name, List<Instance> instances, List<String> prefixes) {

        public Upstream {
            if (instances.isEmpty()) {
                throw new IllegalArgumentException("No URL for " + name);
            }
            instances = List.copyOf(instances);
        }

        Pattern pathPattern() {
            if (WEB.equals(name)) {
                return WEB_PATHS;
            }
            return Pattern.compile("^/api/v1/(" + String.join("|", prefixes) + ")(/.*)?$");
        }

        /** An API service (its OpenAPI document is merged into the public one); false for the web app. */
        public boolean servesApi() {
            return !WEB.equals(name);
        }
    }

    public static final String WEB = "web";

    /**
     * The web app's pages: everything but {@code /api/**} (the API), {@code /.well-known/**} (the signing keys)
     * and {@code /q/**} (health, metrics, Swagger UI), which the gateway keeps.
     */
    static final Pattern WEB_PATHS = Pattern.compile("^/(?!api(/|$)|\\.well-known(/|$)|q(/|$)).*$");

    private static final Map<String, List<String>> PREFIXES = Map.of(
            "listings", List.of("listings", "feeds", "skills", "partners/[^/]+/stats"),
            "matching", List.of("matches", "invitations", "reviews", "alerts", "blocks", "referrals", "matching"),
            "billing", List.of("engagements", "time-entries", "invoices", "promotions", "billing", "tax"));

    /** A partner's stats are published at /api/v1/partners/{id}/stats but computed with the feeds. */
    private static final Pattern PARTNER_STATS = Pattern.compile("^/api/v1/partners/([^/?]+)/stats(\\?.*)?$");

    private Upstreams() {
    }

    /** The URI to ask the upstream for: the public one, except for paths a service serves under another name. */
    public static String upstreamUri(String publicUri) {
        if (!publicUri.startsWith("/api/v1/partners/")) {
            return publicUri; // every other path (nearly all requests): no pattern to try
        }
        Matcher stats = PARTNER_STATS.matcher(publicUri);
        if (stats.matches()) {
            return "/api/v1/feeds/partners/" + stats.group(1) + "/stats" + (stats.group(2) == null ? "" : stats.group(2));
        }
        return publicUri;
    }

    /** The API services (not the web app). */
    public static List<Upstream> from(GatewayConfig.Upstream config) {
        return List.of(
                upstream("listings", config.listingsUrl(), config.listingsManagementUrl()),
                upstream("matching", config.matchingUrl(), config.matchingManagementUrl()),
                upstream("billing", config.billingUrl(), config.billingManagementUrl()));
    }

    /** The web app, which serves every page a person opens ({@code /}, {@code /fr/...}, {@code /en/...}). */
    public static Upstream web(GatewayConfig.Upstream config) {
        return upstream(WEB, config.webUrl(), config.webManagementUrl());
    }

    /** One instance of {@code name} per URL, each with the management URL at the same place in its list. */
    static Upstream upstream(String name, List<String> urls, List<String> managementUrls) {
        if (urls.size() > 1 && managementUrls.size() != urls.size()) {
            throw new IllegalArgumentException(name + ": " + urls.size() + " instance URLs but " + managementUrls.size()
                    + " management URLs; give one management URL per instance, in the same order");
        }
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            URI uri = URI.create(urls.get(i).strip());
            int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            URI management = URI.create(managementUrls.get(Math.min(i, managementUrls.size() - 1)).strip().replaceAll("/+$", ""));
            instances.add(new Instance(uri.getHost(), port, management));
        }
        return new Upstream(name, instances, PREFIXES.getOrDefault(name, List.of()));
    }
}
