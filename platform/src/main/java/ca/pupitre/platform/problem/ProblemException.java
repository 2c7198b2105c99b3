package ca.pupitre.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by service code to answer a problem: an HTTP status, a stable code whose localized title
 * and detail live in the {@code problems} bundles, and the arguments the detail message takes.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;
    private List<FieldProblem> errors = List.of();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String code, Object... args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public ProblemException withErrors(List<FieldProblem> fieldErrors) {
        this.errors = List.copyOf(fieldErrors);
        return this;
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public static ProblemException notFound(String code, Object... args) {
        return new ProblemException(404, code, args);
    }

    public static ProblemException forbidden(String code, Object... args) {
        return new ProblemException(403, code, args);
    }

    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(409, code, args);
    }

    public static ProblemException unprocessable(String code, Object... args) {
        return new ProblemException(422, code, args);
    }

    public static ProblemException badRequest(String code, Object... args) {
        return new ProblemException(400, code, args);
    }
}
