package ca.pupitre.gateway.routing;

import ca.pupitre.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Which service answers which public path prefix. */
public final class Upstreams {

    /** One service behind the gateway. */
    public record Upstream(String name, String host, int port, List<String> prefixes) {

        Pattern pathPattern() {
            return Pattern.compile("^/api/v1/(" + String.join("|", prefixes) + ")(/.*)?$");
        }
    }

    private static final Map<String, List<String>> PREFIXES = Map.of(
            "listings", List.of("listings", "feeds", "skills"),
            "matching", List.of("matches", "invitations", "reviews", "alerts", "blocks", "referrals"),
            "billing", List.of("engagements", "time-entries", "invoices", "promotions", "billing", "tax"));

    private Upstreams() {
    }

    public static List<Upstream> from(GatewayConfig.Upstream config) {
        return List.of(
                upstream("listings", config.listingsUrl()),
                upstream("matching", config.matchingUrl()),
                upstream("billing", config.billingUrl()));
    }

    private static Upstream upstream(String name, String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
        return new Upstream(name, uri.getHost(), port, PREFIXES.get(name));
    }
}
