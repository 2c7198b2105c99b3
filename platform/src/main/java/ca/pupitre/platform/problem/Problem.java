package ca.pupitre.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body, as every Pupitre service answers it for any non-2xx status.
 * {@code title} and {@code detail} are in the language asked for by {@code Accept-Language}
 * (French unless English is preferred); {@code code} is stable and meant for programs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "errors"})
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "Stable URI identifying the kind of problem") URI type,
        @Schema(description = "Short, fixed summary of the kind, in the caller's language") String title,
        int status,
        @Schema(description = "What went wrong this time, in the caller's language") String detail,
        @Schema(description = "The request path that failed") String instance,
        @Schema(description = "Stable UPPER_SNAKE code", example = "VALIDATION_FAILED") String code,
        @Schema(description = "The X-Request-Id of the failed request") String requestId,
        @Schema(description = "Field errors, for validation problems") List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
