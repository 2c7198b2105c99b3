package ca.pupitre.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * An answer of the API with status 400 or more, as its RFC 9457 problem+json body said it: the pages show
 * {@code title}/{@code detail} (already in the page's language, chosen by {@code Accept-Language}) and each
 * field error next to its field.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final Body body;

    public ApiProblem(int status, Body body) {
        super(status + " " + (body.code() == null ? "" : body.code()));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The stable UPPER_SNAKE code, e.g. {@code EMAIL_TAKEN}; may be null for answers without a body. */
    public String code() {
        return body.code();
    }

    public String title() {
        return body.title();
    }

    public String detail() {
        return body.detail();
    }

    public String requestId() {
        return body.requestId();
    }

    /** Field name → message, in the order the API gave them (the first message per field). */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.errors() != null) {
            for (FieldError e : body.errors()) {
                if (e.field() != null) {
                    errors.putIfAbsent(e.field(), e.message());
                }
            }
        }
        return errors;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Body(String title, int status, String detail, String code, String requestId, List<FieldError> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String code, String message) {
    }

    /** Turns every answer of 400 or more into an {@link ApiProblem}, whatever its body. */
    public static class Mapper implements ResponseExceptionMapper<ApiProblem> {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public ApiProblem toThrowable(Response response) {
            Body body = null;
            try {
                if (response.hasEntity()) {
                    response.bufferEntity();
                    try (InputStream in = response.readEntity(InputStream.class)) {
                        body = JSON.readValue(in, Body.class);
                    }
                }
            } catch (Exception notJson) {
                body = null;
            }
            if (body == null) {
                body = new Body(null, response.getStatus(), null, null, response.getHeaderString("X-Request-Id"), List.of());
            }
            return new ApiProblem(response.getStatus(), body);
        }

        @Override
        public boolean handles(int status, MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }
    }
}
