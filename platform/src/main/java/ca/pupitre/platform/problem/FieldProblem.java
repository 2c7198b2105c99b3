package ca.pupitre.platform.problem;

/** One invalid field: its JSON path ({@code pricing.amount}, {@code skills[2]}), a stable code, a localized message. */
public record FieldProblem(String field, String code, String message) {
}
