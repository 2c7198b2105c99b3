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
        // https://pupitre.ca/problems/ and the code in kebab case
        @Schema(description = "Stable URI identifying the kind of problem", maxLength = 128) URI type,
        @Schema(description = "Short, fixed summary of the kind, in the caller's language", maxLength = 200) String title,
        @Schema(minimum = "400", maximum = "599") int status,
        // a catalogue sentence (under 200 characters) with at most one value the caller sent: a JSON field name
        // (Jackson reads none longer than 50,000 characters) or a path segment (the request line is 64 KiB at most)
        @Schema(description = "What went wrong this time, in the caller's language", maxLength = 65536) String detail,
        // the request line is 64 KiB at most (quarkus.http.limits.max-initial-line-length)
        @Schema(description = "The request path that failed", maxLength = 65536) String instance,
        @Schema(description = "Stable UPPER_SNAKE code", example = "VALIDATION_FAILED", maxLength = 64) String code,
        // RequestIds keeps a caller's id of at most 128 characters, else makes a UUID
        @Schema(description = "The X-Request-Id of the failed request", maxLength = 128) String requestId,
        @Schema(description = "Field errors, for validation problems (the first " + Problem.ERRORS_MAX + ")",
                maxItems = Problem.ERRORS_MAX) List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Most field errors one problem lists (bean validation may find more on a hostile body; the detail counts them all). */
    public static final int ERRORS_MAX = 100;
}
