package ca.pupitre.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every exception that reaches JAX-RS leaves as {@code application/problem+json}: our own
 * {@link ProblemException}s, bean validation, unreadable JSON, security refusals, the framework's
 * HTTP exceptions, and, last, anything unexpected (a 500 that names no class and shows no stack).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return answer(request, e.status(), e.code(), e.errors(), e.headers(), e.args());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldProblem)
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        // every violation is counted in the detail, the first ERRORS_MAX are listed (as the schema says)
        List<FieldProblem> listed = errors.size() <= Problem.ERRORS_MAX ? errors : errors.subList(0, Problem.ERRORS_MAX);
        return answer(request, 422, "VALIDATION_FAILED", listed, Map.of(), errors.size());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return answer(request, 401, "UNAUTHORIZED", List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return answer(request, 401, "UNAUTHORIZED", List.of(), Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return answer(request, 403, "FORBIDDEN", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException jsonError) {
            return json(jsonError, request);
        }
        if (cause instanceof ProblemException problem) {
            return problem(problem, request);
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (status >= 500) {
            LOG.errorf(e, "HTTP %d on %s %s", status, request.method(), request.path());
        }
        Map<String, String> headers = Map.of();
        if (e instanceof NotAllowedException notAllowed && notAllowed.getResponse().getAllowedMethods() != null) {
            headers = Map.of("Allow", String.join(", ", notAllowed.getResponse().getAllowedMethods()));
        }
        return answer(request, status, Problems.codeForStatus(status), List.of(), headers);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        if (textPostgresCannotStore(e)) {
            // a NUL (or bytes PostgreSQL cannot encode) inside a JSON text field: the caller's input, not our failure
            return answer(request, 400, "INVALID_TEXT_ENCODING", List.of(), Map.of());
        }
        if (databaseUnreachable(e)) {
            // PostgreSQL restarting or out of reach: a passing condition, which the caller may retry
            LOG.warnf("Database unreachable on %s %s: %s", request.method(), request.path(), e.toString());
            return answer(request, 503, "DATABASE_UNAVAILABLE", List.of(), Map.of("Retry-After", "5"));
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return answer(request, 500, "INTERNAL_ERROR", List.of(), Map.of());
    }

    /**
     * PostgreSQL refuses text holding NUL ({@code 22P05}, untranslatable character; {@code 22021}, invalid byte
     * sequence): found anywhere in the cause chain (the driver's exception is wrapped by Hibernate and JTA).
     */
    static boolean textPostgresCannotStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("22P05".equals(sql.getSQLState()) || "22021".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached or went away (anywhere in the cause chain): a connection exception (SQLState
     * class {@code 08}), PostgreSQL shutting down or starting ({@code 57P01}..{@code 57P03}), or the pool finding no
     * connection in time.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private Response json(JsonProcessingException e, HttpServerRequest request) {
        Locale locale = locale(request);
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return answer(request, 400, "MALFORMED_JSON", List.of(), Map.of());
        }
        String field = path(mapping);
        if (mapping instanceof UnrecognizedPropertyException) {
            FieldProblem error = new FieldProblem(field, "UNKNOWN_FIELD", ProblemCatalog.message("field.unknown", locale));
            return answer(request, 400, "INVALID_VALUE", List.of(error), Map.of(), field);
        }
        String message;
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            message = ProblemCatalog.message("field.enum", locale, allowed);
        } else if (mapping instanceof InvalidFormatException || target != null) {
            message = ProblemCatalog.message("field.type", locale);
        } else {
            message = ProblemCatalog.message("field.invalid", locale);
        }
        if (field.isEmpty()) {
            return answer(request, 400, "MALFORMED_JSON", List.of(), Map.of());
        }
        return answer(request, 400, "INVALID_VALUE", List.of(new FieldProblem(field, "INVALID_VALUE", message)), Map.of(), field);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static FieldProblem fieldProblem(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
                }
            } else if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
            }
        }
        // A constraint on a request body parameter names the parameter first: the field path is what follows it.
        if (names.size() > 1) {
            names.remove(0);
        }
        String code = toUpperSnake(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
        return new FieldProblem(String.join(".", names), code, violation.getMessage());
    }

    private static String toUpperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    static Locale locale(HttpServerRequest request) {
        return Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    static Response answer(HttpServerRequest request, int status, String code, List<FieldProblem> errors,
            Map<String, String> headers, Object... args) {
        Problem problem = Problems.of(status, code, locale(request), request.path(),
                request.getHeader("X-Request-Id"), errors, args);
        return Problems.response(problem, headers);
    }
}
