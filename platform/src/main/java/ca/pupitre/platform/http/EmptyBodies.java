package ca.pupitre.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Action endpoints ({@code POST /listings/{id}/publish}, {@code /invoices/{id}/issue}, ...) take no body,
 * and clients rightly send them without a {@code Content-Type}. Resources declare
 * {@code @Consumes(application/json)} for the endpoints that do take one; so that a body-less request
 * is not refused with 415 by that declaration, a request with no body is read as an empty JSON request,
 * whatever type it declares (an empty body has no format; some HTTP clients label it form-urlencoded).
 * A request that has a body keeps the type it declares, or lacks.
 */
public class EmptyBodies {

    @ServerRequestFilter(preMatching = true)
    public void readAsJsonWhenEmpty(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean empty = request.getHeaderString("Transfer-Encoding") == null
                && (length == null || "0".equals(length.trim()));
        if (empty) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
