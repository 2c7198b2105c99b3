package ca.pupitre.web.session;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.view.WebConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The signed-in person of this request, from the sealed session cookie. An access token about to expire is
 * renewed with the refresh token (the gateway rotates it), and the new cookie goes out with the answer
 * ({@link SessionCookieFilter}); a refresh the gateway refuses (signed out elsewhere, account closed) ends
 * the session here too.
 */
@RequestScoped
public class SignedIn {

    public static final String COOKIE = "pupitre_session";
    private static final long RENEW_BEFORE_SECONDS = 60;

    private final HttpServerRequest request;
    private final SessionCodec codec;
    private final PupitreApi api;
    private final WebConfig config;
    private Optional<SignedInPerson> person;
    private Cookie outgoing;

    public SignedIn(HttpServerRequest request, SessionCodec codec, @RestClient PupitreApi api, WebConfig config) {
        this.request = request;
        this.codec = codec;
        this.api = api;
        this.config = config;
    }

    /** The person, with an access token valid for at least a minute, or empty. */
    public Optional<SignedInPerson> person() {
        if (person == null) {
            Cookie cookie = request.getCookie(COOKIE);
            person = cookie == null ? Optional.empty() : codec.open(cookie.getValue());
            person.ifPresent(this::renewIfDue);
        }
        return person;
    }

    /** The person or null (templates). */
    public SignedInPerson current() {
        return person().orElse(null);
    }

    /** {@code Bearer <access token>} of the signed-in person; empty when nobody is. */
    public Optional<String> bearer() {
        return person().map(p -> "Bearer " + p.accessToken());
    }

    public void start(PupitreApi.Tokens tokens, PupitreApi.Account account) {
        SignedInPerson started = new SignedInPerson(account.id(), account.displayName(), account.role(),
                account.emailVerified(), tokens.accessToken(), Instant.now().getEpochSecond() + tokens.expiresIn(),
                tokens.refreshToken());
        person = Optional.of(started);
        outgoing = cookie(codec.seal(started), config.session().maxAge().toSeconds());
    }

    /** Forgets the session in this browser (the caller revokes the refresh token first). */
    public void end() {
        person = Optional.empty();
        outgoing = cookie("", 0);
    }

    /** The cookie to send with the answer, if the session changed. */
    Cookie outgoing() {
        return outgoing;
    }

    private void renewIfDue(SignedInPerson current) {
        if (current.accessExpiresAt() - Instant.now().getEpochSecond() > RENEW_BEFORE_SECONDS) {
            return;
        }
        try {
            PupitreApi.Tokens tokens = api.refresh(new PupitreApi.RefreshToken(current.refreshToken()));
            SignedInPerson renewed = current.withTokens(tokens.accessToken(),
                    Instant.now().getEpochSecond() + tokens.expiresIn(), tokens.refreshToken());
            person = Optional.of(renewed);
            outgoing = cookie(codec.seal(renewed), config.session().maxAge().toSeconds());
        } catch (ApiProblem refused) {
            if (refused.status() == 401) {
                end();
            } else {
                throw refused;
            }
        }
    }

    private Cookie cookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(config.session().secureCookie())
                .setSameSite(CookieSameSite.LAX).setMaxAge(maxAgeSeconds);
    }
}
