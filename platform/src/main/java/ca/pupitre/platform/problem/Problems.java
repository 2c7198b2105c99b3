package ca.pupitre.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds problem bodies and responses, for JAX-RS mappers and for plain Vert.x handlers alike. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Problem of(int status, String code, Locale locale, String instance, String requestId,
            List<FieldProblem> errors, Object... args) {
        String detail = ProblemCatalog.detail(code, locale, args);
        return new Problem(ProblemCatalog.type(code), ProblemCatalog.title(code, locale), status,
                detail, instance, code, requestId, errors == null ? List.of() : errors);
    }

    public static Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The JSON text of a problem, for handlers that write bytes themselves. */
    public static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The code used for a bare HTTP status when nothing more specific is known. */
    public static String codeForStatus(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 412 -> "PRECONDITION_FAILED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "VALIDATION_FAILED";
            case 429 -> "RATE_LIMITED";
            case 502 -> "BAD_GATEWAY";
            case 503 -> "SERVICE_UNAVAILABLE";
            case 504 -> "GATEWAY_TIMEOUT";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
