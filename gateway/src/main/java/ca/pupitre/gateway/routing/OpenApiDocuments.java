package ca.pupitre.gateway.routing;

import ca.pupitre.gateway.config.GatewayConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The API's OpenAPI documents, built from the gateway's own and each service's {@code /q/openapi}, which
 * each application serves on its management interface only (never on a public port):
 * <ul>
 * <li>the <b>public</b> one, for front ends and partners: every operation not marked {@code x-internal};</li>
 * <li>the <b>internal</b> one, for the services' own calls to each other (change feed, expiring listings,
 * featured, review eligibility, referral conversions, personal data, service tokens): the operations marked
 * {@code x-internal: true} where they are declared.</li>
 * </ul>
 * Built once per version: each source's last good document is kept, and the two documents are merged again
 * only when one source's document changed (its SHA-256). Sources are asked again in the background at most
 * every {@code refreshEvery}, never on a reader's request (the first one excepted, which waits for the
 * first answers, 5 s at most for each). A source that never answered is listed under
 * {@code x-pupitre-unavailable}; one that answered once and is down now keeps its last document.
 */
@ApplicationScoped
public class OpenApiDocuments {

    /** The two documents of one version, and their entity tag. */
    public record Version(ObjectNode publicDocument, ObjectNode internalDocument, String etag) {
    }

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    static final Duration REFRESH_EVERY = Duration.ofSeconds(30);
    /** How long one source may take to give its document (the first reader waits at most this, plus 3 s). */
    static final Duration SOURCE_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final Map<String, String> lastGood = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile long refreshedAtNanos;
    private volatile String builtFrom;
    private volatile Version version;
    private final CompletableFuture<Version> first = new CompletableFuture<>();

    private final OwnManagementInterface server;

    public OpenApiDocuments(GatewayConfig config, ObjectMapper json, OwnManagementInterface server) {
        this.config = config;
        this.json = json;
        this.server = server;
    }

    /** The current version; the first call waits for the sources' first answers (at most {@link #SOURCE_TIMEOUT} each). */
    public Version current() {
        Version now = version;
        if (now == null) {
            refresh();
            try {
                return first.get(SOURCE_TIMEOUT.plusSeconds(3).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while building the OpenAPI documents", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("The OpenAPI documents are not built yet", e);
            }
        }
        if (System.nanoTime() - refreshedAtNanos > REFRESH_EVERY.toNanos() || unavailableIn(now)) {
            refresh(); // in the background: this reader gets the version at hand
        }
        return now;
    }

    private static URI openApiAt(String managementUrl) {
        return URI.create(managementUrl.replaceAll("/+$", "") + "/q/openapi?format=json");
    }

    private boolean unavailableIn(Version v) {
        return v.publicDocument().has("x-pupitre-unavailable")
                && System.nanoTime() - refreshedAtNanos > Duration.ofSeconds(2).toNanos();
    }

    private void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return; // one refresh at a time; its result serves everyone
        }
        Map<String, URI> sources = new LinkedHashMap<>();
        try {
            sources.put("gateway", URI.create("http://127.0.0.1:" + server.port() + "/q/openapi?format=json"));
            // one instance of each (all of a service's instances serve the same document)
            sources.put("listings", openApiAt(config.upstream().listingsManagementUrl().get(0)));
            sources.put("matching", openApiAt(config.upstream().matchingManagementUrl().get(0)));
            sources.put("billing", openApiAt(config.upstream().billingManagementUrl().get(0)));
        } catch (RuntimeException badSource) {
            refreshing.set(false); // the next reader tries again
            throw badSource;
        }
        List<CompletableFuture<Void>> asked = new ArrayList<>();
        sources.forEach((name, uri) -> asked.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(SOURCE_TIMEOUT)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        LOG.debugf("OpenAPI of %s unavailable: %s", name, failure.toString());
                    } else if (response.statusCode() == 200) {
                        lastGood.put(name, response.body());
                    } else {
                        LOG.warnf("OpenAPI of %s answered %d", name, response.statusCode());
                    }
                    return null;
                })));
        CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).handle((done, failure) -> {
            try {
                rebuildIfChanged(List.copyOf(sources.keySet()));
            } catch (RuntimeException e) {
                LOG.warnf("OpenAPI documents not rebuilt: %s", e.toString());
            } finally {
                refreshedAtNanos = System.nanoTime();
                refreshing.set(false);
            }
            return null;
        });
    }

    private synchronized void rebuildIfChanged(List<String> names) {
        StringBuilder key = new StringBuilder();
        List<String> unavailable = new ArrayList<>();
        for (String name : names) {
            String doc = lastGood.get(name);
            key.append(name).append('=').append(doc == null ? "-" : sha256(doc)).append(';');
            if (doc == null) {
                unavailable.add(name);
            }
        }
        String from = key.toString();
        if (from.equals(builtFrom) && version != null) {
            return;
        }
        ObjectNode merged = json.createObjectNode().put("openapi", "3.1.0");
        for (String name : names) {
            String doc = lastGood.get(name);
            if (doc != null) {
                try {
                    merge(merged, (ObjectNode) json.readTree(doc), "gateway".equals(name));
                } catch (JsonProcessingException | ClassCastException unreadable) {
                    LOG.warnf("OpenAPI of %s unreadable: %s", name, unreadable.toString());
                    unavailable.add(name);
                }
            }
        }
        ObjectNode internal = split(merged);
        GatewayAnswers.document(merged); // the public one: internal calls go service to service, not through the gateway
        if (!unavailable.isEmpty()) {
            ArrayNode list = json.createArrayNode();
            unavailable.forEach(list::add);
            merged.set("x-pupitre-unavailable", list);
            internal.set("x-pupitre-unavailable", list.deepCopy());
        }
        version = new Version(merged, internal, "\"" + sha256(from).substring(0, 32) + "\"");
        builtFrom = from;
        first.complete(version);
        LOG.infof("OpenAPI documents built: %d public and %d internal paths%s", merged.path("paths").size(),
                internal.path("paths").size(), unavailable.isEmpty() ? "" : ", without " + unavailable);
    }

    /** Moves the operations marked {@code x-internal: true} out of {@code merged} into the internal document. */
    private ObjectNode split(ObjectNode merged) {
        ObjectNode internal = merged.deepCopy();
        internal.remove("paths");
        ObjectNode internalPaths = internal.putObject("paths");
        ObjectNode info = internal.with("info");
        info.put("title", "Pupitre — internal API (services to services)");
        info.put("description", "Operations the services call on each other with SERVICE tokens; not for front ends or partners.");
        Iterator<Map.Entry<String, JsonNode>> paths = merged.with("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            ObjectNode item = (ObjectNode) path.getValue();
            ObjectNode internalItem = null;
            Iterator<Map.Entry<String, JsonNode>> ops = item.fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey()) && op.getValue().path("x-internal").asBoolean(false)) {
                    if (internalItem == null) {
                        internalItem = internalPaths.putObject(path.getKey());
                        copyPathLevel(item, internalItem);
                    }
                    internalItem.set(op.getKey(), op.getValue());
                    ops.remove();
                }
            }
            if (item.properties().stream().noneMatch(e -> METHODS.contains(e.getKey()))) {
                paths.remove();
            }
        }
        return internal;
    }

    private static void copyPathLevel(ObjectNode from, ObjectNode to) {
        from.fields().forEachRemaining(field -> {
            if (!METHODS.contains(field.getKey())) {
                to.set(field.getKey(), field.getValue());
            }
        });
    }

    private static void merge(ObjectNode into, ObjectNode from, boolean base) {
        if (base) {
            from.fields().forEachRemaining(field -> {
                if (!"paths".equals(field.getKey()) && !"components".equals(field.getKey()) && !"tags".equals(field.getKey())) {
                    into.set(field.getKey(), field.getValue());
                }
            });
        }
        if (from.has("paths")) {
            ObjectNode target = into.with("paths");
            from.get("paths").fields().forEachRemaining(entry -> target.set(entry.getKey(), entry.getValue()));
        }
        ObjectNode components = into.with("components");
        JsonNode fromComponents = from.path("components");
        fromComponents.fields().forEachRemaining(section -> {
            ObjectNode target = components.with(section.getKey());
            section.getValue().fields().forEachRemaining(field -> {
                if (!target.has(field.getKey())) {
                    target.set(field.getKey(), field.getValue());
                }
            });
        });
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
