package ca.pupitre.web.session;

import io.vertx.core.http.Cookie;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Sends the session cookie when the request started, renewed or ended a session. */
public class SessionCookieFilter {

    private final SignedIn signedIn;

    public SessionCookieFilter(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    @ServerResponseFilter
    public void writeCookie(ContainerResponseContext response) {
        Cookie cookie = signedIn.outgoing();
        if (cookie != null) {
            response.getHeaders().add("Set-Cookie", cookie.encode());
        }
        // Pages may show who is signed in: never cached by a shared cache
        response.getHeaders().putSingle("Cache-Control", "private, no-store");
    }
}
