package ca.pupitre.platform.client;

import ca.pupitre.platform.http.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Headers for calls to other services: the end user's bearer token when a user started the call,
 * the service's own token otherwise, and the request id so one request can be followed across logs.
 * Register on a REST client with {@code @RegisterClientHeaders(CallerHeaders.class)}.
 */
@ApplicationScoped
public class CallerHeaders implements ClientHeadersFactory {

    @Inject
    ServiceTokens serviceTokens;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String authorization = incoming == null ? null : incoming.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
        } else if (outgoing == null || outgoing.getFirst(HttpHeaders.AUTHORIZATION) == null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + serviceTokens.token());
        }
        String requestId = incoming == null ? null : incoming.getFirst(RequestIds.HEADER);
        headers.putSingle(RequestIds.HEADER, requestId != null ? requestId : UUID.randomUUID().toString());
        return headers;
    }
}
