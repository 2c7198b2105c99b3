package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Role;
import ca.pupitre.platform.tracing.TraceHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The services that hold a person's data (listings, matching, billing), reached as SERVICE "gateway" at
 * their {@code /people/{id}/personal-data} endpoints: to export it, and to erase it when she closes her
 * account.
 */
@ApplicationScoped
public class PersonalDataServices {

    /** Each service, the path prefix of its personal-data endpoint. */
    public enum Holder {
        LISTINGS("/api/v1/listings/people/"), MATCHING("/api/v1/matching/people/"), BILLING("/api/v1/billing/people/");

        private final String prefix;

        Holder(String prefix) {
            this.prefix = prefix;
        }
    }

    /** A service's answer: its status (0 when it could not be reached) and JSON body, if any. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }
    }

    private final TokenIssuer issuer;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final TraceHeaders trace;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public PersonalDataServices(TokenIssuer issuer, GatewayConfig config, ObjectMapper json, TraceHeaders trace) {
        this.issuer = issuer;
        this.config = config;
        this.json = json;
        this.trace = trace;
    }

    public Answer export(Holder holder, UUID person, String acceptLanguage) {
        return call(holder, person, "GET", acceptLanguage);
    }

    public Answer erase(Holder holder, UUID person) {
        return call(holder, person, "DELETE", null);
    }

    private Answer call(Holder holder, UUID person, String method, String acceptLanguage) {
        String token = issuer.sign("service:gateway", Role.SERVICE, Duration.ofMinutes(1), Map.of("service", "gateway"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(holder) + holder.prefix + person + "/personal-data"))
                .timeout(config.upstream().timeout().plusSeconds(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            request.header("Accept-Language", acceptLanguage);
        }
        try {
            HttpResponse<byte[]> response = http.send(trace.on(request).build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            JsonNode parsed = body.length == 0 ? null : json.readTree(body);
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            return new Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null);
        }
    }

    private String base(Holder holder) {
        String url = switch (holder) {
            // the first instance: these are rare admin calls, retried by the admin when an instance is down
            case LISTINGS -> config.upstream().listingsUrl().get(0);
            case MATCHING -> config.upstream().matchingUrl().get(0);
            case BILLING -> config.upstream().billingUrl().get(0);
        };
        return url.replaceAll("/+$", "");
    }
}
