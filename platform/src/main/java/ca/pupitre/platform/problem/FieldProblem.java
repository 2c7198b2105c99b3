package ca.pupitre.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field: its JSON path ({@code pricing.amount}, {@code skills[2]}), a stable code, a localized message. */
public record FieldProblem(
        // our own property paths, or the caller's unknown JSON field name (Jackson reads none over 50,000 characters)
        @Schema(maxLength = 65536) String field,
        @Schema(maxLength = 64) String code,
        // a catalogue or bean validation message; a value it quotes is cut short by the code that quotes it
        @Schema(maxLength = 1024) String message) {
}
