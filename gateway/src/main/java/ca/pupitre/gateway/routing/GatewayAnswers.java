package ca.pupitre.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway adds to every public operation's answers, written into the merged public document: no service
 * knows it, so no service's own document can say it.
 * <ul>
 * <li>{@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every 2xx and 4xx answer
 * (the gateway's budgets per address, account or partner key), and a {@code 429} with {@code Retry-After} when a
 * budget is spent;</li>
 * <li>{@code 401} on every operation that needs a token (missing, expired or forged);</li>
 * <li>{@code 503} when the service behind is unreachable or refuses, and {@code 500}, which no operation gives on
 * purpose but a client must still be able to read (problem+json with the request id).</li>
 * </ul>
 * Every answer may carry {@code Access-Control-Allow-Origin} (when the request's {@code Origin} is one of the allowed
 * ones). Answers an operation already documents are kept as they are, except that they gain these headers.
 * {@code /.well-known/} (the token keys) is not rate-limited: it gains the 500 and the CORS header only.
 */
final class GatewayAnswers {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String[] RATE_LIMIT_HEADERS = {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"};
    private static final String CORS_HEADER = "Access-Control-Allow-Origin";

    private GatewayAnswers() {
    }

    static void document(ObjectNode publicDocument) {
        ObjectNode components = publicDocument.with("components");
        declareComponents(components);
        JsonNode paths = publicDocument.path("paths");
        Iterator<Map.Entry<String, JsonNode>> items = paths.fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            boolean rateLimited = !item.getKey().startsWith("/.well-known/");
            item.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode op) {
                    documentOperation(op, rateLimited);
                }
            });
        }
    }

    private static void documentOperation(ObjectNode operation, boolean rateLimited) {
        ObjectNode responses = operation.with("responses");
        if (rateLimited) {
            putIfAbsent(responses, "429", "TooManyRequests");
            if (needsToken(operation)) {
                putIfAbsent(responses, "401", "Unauthorized");
            }
            putIfAbsent(responses, "503", "ServiceUnavailable");
        }
        putIfAbsent(responses, "500", "InternalError");
        responses.fields().forEachRemaining(response -> {
            if (!(response.getValue() instanceof ObjectNode answer) || answer.has("$ref")) {
                return; // the shared answers below carry their headers
            }
            ObjectNode headers = answer.with("headers");
            addHeader(headers, CORS_HEADER);
            char kind = response.getKey().charAt(0);
            if (rateLimited && (kind == '2' || kind == '4')) {
                for (String header : RATE_LIMIT_HEADERS) {
                    addHeader(headers, header);
                }
            }
            if (rateLimited && "429".equals(response.getKey())) {
                addHeader(headers, "Retry-After");
            }
        });
    }

    private static void addHeader(ObjectNode headers, String name) {
        if (!headers.has(name)) {
            headers.putObject(name).put("$ref", "#/components/headers/" + name);
        }
    }

    private static boolean needsToken(ObjectNode operation) {
        JsonNode security = operation.path("security");
        if (!security.isArray() || security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false; // {} in the list: anonymous callers are accepted too
            }
        }
        return true;
    }

    private static void putIfAbsent(ObjectNode responses, String status, String component) {
        if (!responses.has(status)) {
            responses.putObject(status).put("$ref", "#/components/responses/" + component);
        }
    }

    private static void declareComponents(ObjectNode components) {
        ObjectNode headers = components.with("headers");
        integerHeader(headers, "RateLimit-Limit", "Requests the budget that served this request allows per window", 1, 1_000_000);
        integerHeader(headers, "RateLimit-Remaining", "Requests left in the current window", 0, 1_000_000);
        integerHeader(headers, "RateLimit-Reset", "Seconds until the budget is whole again", 0, 86_400);
        integerHeader(headers, "Retry-After", "Seconds to wait before trying again", 1, 86_400);
        ObjectNode cors = headers.putObject(CORS_HEADER);
        cors.put("description", "The request's Origin, when it is one of the browser origins Pupitre allows (CORS)");
        cors.putObject("schema").put("type", "string").put("format", "uri").put("maxLength", 2048);

        ObjectNode responses = components.with("responses");
        ObjectNode tooMany = problemResponse(responses, "TooManyRequests",
                "A rate budget is spent (RATE_LIMITED): wait Retry-After seconds");
        ObjectNode tooManyHeaders = tooMany.with("headers");
        addHeader(tooManyHeaders, "Retry-After");
        for (String header : RATE_LIMIT_HEADERS) {
            addHeader(tooManyHeaders, header);
        }
        ObjectNode unauthorizedHeaders = problemResponse(responses, "Unauthorized",
                "No access token, or an expired or invalid one").with("headers");
        for (String header : RATE_LIMIT_HEADERS) {
            addHeader(unauthorizedHeaders, header);
        }
        problemResponse(responses, "ServiceUnavailable",
                "The service behind the gateway is unreachable or overloaded; nothing changed, retry later");
        problemResponse(responses, "InternalError", "An unexpected error; the problem's requestId helps support find it");
    }

    private static void integerHeader(ObjectNode headers, String name, String description, int minimum, int maximum) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        ObjectNode schema = header.putObject("schema");
        schema.put("type", "integer").put("format", "int32").put("minimum", minimum).put("maximum", maximum);
    }

    private static ObjectNode problemResponse(ObjectNode responses, String name, String description) {
        ObjectNode response = responses.putObject(name);
        response.put("description", description);
        addHeader(response.with("headers"), CORS_HEADER);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return response;
    }
}
