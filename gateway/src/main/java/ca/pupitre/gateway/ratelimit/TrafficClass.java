package ca.pupitre.gateway.ratelimit;

import io.vertx.core.http.HttpMethod;
import java.util.regex.Pattern;

/**
 * The classes of non-partner API traffic, each with its own budget ({@code pupitre.rate-limit.budgets.<name>}).
 * Anonymous requests count per client address; signed-in ones per account ({@link #ACCOUNT}), except the
 * account-door operations (register, sign-in, password reset), which always count per address: that is where
 * scripts guess passwords and create accounts in bulk.
 */
public enum TrafficClass {
    /** {@code GET /api/v1/listings}: a search (the costliest read). */
    SEARCH("search"),
    /** {@code GET /api/v1/listings/{id}} (and suggestions), skills, reviews and feeds: the public reads. */
    LISTING_READ("listing-read"),
    /** {@code GET /api/v1/listings/{id}/visit}: a counted click through from a partner board. */
    VISIT("visit"),
    /** {@code POST /api/v1/auth/register}. */
    REGISTER("register"),
    /** {@code POST /api/v1/auth/token} (on top of the per e-mail and address throttle). */
    SIGN_IN("sign-in"),
    /** {@code POST /api/v1/auth/password-reset}: each one sends an e-mail. */
    PASSWORD_RESET("password-reset"),
    /** Every other anonymous API call. */
    ANONYMOUS("anonymous"),
    /** Every API call of one signed-in account. */
    ACCOUNT("account");

    private static final Pattern LISTING = Pattern.compile("^/api/v1/listings/[^/]+$");
    private static final Pattern VISIT_PATH = Pattern.compile("^/api/v1/listings/[^/]+/visit$");
    private static final Pattern PUBLIC_READS = Pattern.compile("^/api/v1/(skills|reviews|feeds)(/.*)?$");

    private final String configName;

    TrafficClass(String configName) {
        this.configName = configName;
    }

    /** The key under {@code pupitre.rate-limit.budgets}. */
    public String configName() {
        return configName;
    }

    /** True for the account doors, which count per client address even with a token. */
    public boolean perAddressAlways() {
        return this == REGISTER || this == SIGN_IN || this == PASSWORD_RESET;
    }

    /** The class of an anonymous request to {@code path} (no query string). */
    public static TrafficClass of(HttpMethod method, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (HttpMethod.POST.equals(method)) {
            switch (p) {
                case "/api/v1/auth/register":
                    return REGISTER;
                case "/api/v1/auth/token":
                    return SIGN_IN;
                case "/api/v1/auth/password-reset":
                    return PASSWORD_RESET;
                default:
                    return ANONYMOUS;
            }
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            if (p.equals("/api/v1/listings")) {
                return SEARCH;
            }
            if (VISIT_PATH.matcher(p).matches()) {
                return VISIT;
            }
            if (LISTING.matcher(p).matches() || PUBLIC_READS.matcher(p).matches()) {
                return LISTING_READ;
            }
        }
        return ANONYMOUS;
    }
}
