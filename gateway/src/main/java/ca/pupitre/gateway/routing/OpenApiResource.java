package ca.pupitre.gateway.routing;

import ca.pupitre.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * One OpenAPI document for the whole public API: the gateway's own (accounts) merged with each
 * service's {@code /q/openapi}. Served at {@code /api/v1/openapi} and shown by Swagger UI. A service
 * that does not answer is listed under {@code x-pupitre-unavailable} instead of failing the whole.
 */
@Path("/api/v1/openapi")
@Tag(name = "API")
@PermitAll
public class OpenApiResource {

    private static final Logger LOG = Logger.getLogger(OpenApiResource.class);
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final GatewayConfig config;
    private final ObjectMapper json;
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    public OpenApiResource(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of the whole public API")
    public ObjectNode document(@Context HttpServerRequest request) {
        if (cached != null && Instant.now().isBefore(cachedAt.plus(CACHE_FOR))) {
            return cached;
        }
        ObjectNode merged = fetch("gateway", "127.0.0.1", request.localAddress().port());
        if (merged == null) {
            merged = json.createObjectNode().put("openapi", "3.1.0");
        }
        ArrayNode unavailable = json.createArrayNode();
        for (Upstreams.Upstream upstream : Upstreams.from(config.upstream())) {
            ObjectNode doc = fetch(upstream.name(), upstream.host(), upstream.port());
            if (doc == null) {
                unavailable.add(upstream.name());
            } else {
                merge(merged, doc);
            }
        }
        if (!unavailable.isEmpty()) {
            merged.set("x-pupitre-unavailable", unavailable);
        } else {
            cached = merged;
            cachedAt = Instant.now();
        }
        return merged;
    }

    private ObjectNode fetch(String name, String host, int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://" + host + ":" + port + "/q/openapi?format=json"))
                    .timeout(config.upstream().timeout()).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return (ObjectNode) json.readTree(response.body());
            }
            LOG.warnf("OpenAPI of %s answered %d", name, response.statusCode());
        } catch (IOException e) {
            LOG.warnf("OpenAPI of %s unavailable: %s", name, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        mergeObject(into, from, "paths");
        ObjectNode components = into.with("components");
        JsonNode fromComponents = from.path("components");
        for (String section : new String[]{"schemas", "securitySchemes", "responses", "parameters"}) {
            if (fromComponents.has(section)) {
                ObjectNode target = components.with(section);
                Iterator<Map.Entry<String, JsonNode>> fields = fromComponents.get(section).fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!target.has(field.getKey())) {
                        target.set(field.getKey(), field.getValue());
                    }
                }
            }
        }
        if (from.has("tags")) {
            ArrayNode tags = into.withArray("tags");
            Set<String> known = new HashSet<>();
            tags.forEach(tag -> known.add(tag.path("name").asText()));
            from.get("tags").forEach(tag -> {
                if (known.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
        }
    }

    private static void mergeObject(ObjectNode into, ObjectNode from, String field) {
        if (!from.has(field)) {
            return;
        }
        ObjectNode target = into.with(field);
        from.get(field).fields().forEachRemaining(entry -> target.set(entry.getKey(), entry.getValue()));
    }
}
