package ca.pupitre.billing.domain.tax;

/**
 * Base type of the tax engine's business errors, all caused by the caller's input (the REST layer
 * answers them with 400). {@link #code()} is a stable machine-readable code, suitable as a problem
 * code; {@link #args()} are the values a localized detail message may quote.
 *
 * <p>A malformed rate table is not a {@code TaxException}: it is a deployment defect, reported as an
 * {@link IllegalStateException}.
 */
public abstract class TaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Object[] args;

    protected TaxException(String code, String message, Object... args) {
        super(message);
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** Stable error code, e.g. {@code UNKNOWN_PROVINCE}. */
    public final String code() {
        return code;
    }

    /** Values describing the faulty input, in an order fixed by each subclass. */
    public final Object[] args() {
        return args.clone();
    }
}
