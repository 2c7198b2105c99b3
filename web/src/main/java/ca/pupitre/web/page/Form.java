package ca.pupitre.web.page;

import ca.pupitre.web.api.ApiProblem;
import java.util.HashMap;
import java.util.Map;

/**
 * A form's values as typed (shown again after a refusal; passwords are never put back) and the API's
 * answer: its overall message and each field's error, keyed by the API's field names.
 */
public record Form(Map<String, String> values, Map<String, String> errors, String message) {

    public static Form empty() {
        return new Form(Map.of(), Map.of(), null);
    }

    public static Form of(Map<String, String> values) {
        return new Form(values, Map.of(), null);
    }

    public Form withProblem(ApiProblem p) {
        Map<String, String> fieldErrors = new HashMap<>();
        p.fieldErrors().forEach((field, msg) -> fieldErrors.put(field.replace("body.", ""), msg));
        // with field errors, the page says "correct the fields shown" in its own words; else the API's detail
        String overall = !fieldErrors.isEmpty() ? null : p.detail() != null ? p.detail() : p.title();
        return new Form(values, fieldErrors, overall);
    }

    /** The typed value of {@code field}, or an empty string. */
    public String get(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public boolean is(String field, String value) {
        return value.equals(values.get(field));
    }

    /** True when {@code value} is among the comma-separated values of {@code field} (check boxes). */
    public boolean has(String field, String value) {
        return ("," + get(field) + ",").contains("," + value + ",");
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
