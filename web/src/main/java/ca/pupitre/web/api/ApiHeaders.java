package ca.pupitre.web.api;

import ca.pupitre.web.view.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every API call carries the page's language ({@code Accept-Language}, so problem titles and details come
 * back in it) and the page request's {@code X-Request-Id} (so one id follows a click through the gateway and
 * the services' logs, and the error page can show it), and the person's address ({@code X-Forwarded-For}).
 */
@ApplicationScoped
public class ApiHeaders implements ClientHeadersFactory {

    private final Instance<PageRequest> page;

    public ApiHeaders(Instance<PageRequest> page) {
        this.page = page;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        PageRequest current = page.get();
        headers.putSingle("Accept-Language", "en".equals(current.lang()) ? "en-CA" : "fr-CA");
        headers.putSingle("X-Request-Id", current.requestId());
        // who the person is, for the gateway's per-address limits (sign-in attempts): without it every browser
        // would share the web app's address. The gateway believes it only from the web app's own address
        // (its PUPITRE_TRUSTED_PROXIES), never from anyone else.
        String client = current.clientAddress();
        if (client != null) {
            headers.putSingle("X-Forwarded-For", client);
        }
        return headers;
    }
}
