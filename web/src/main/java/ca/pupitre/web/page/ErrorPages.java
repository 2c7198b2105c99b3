package ca.pupitre.web.page;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.session.SignedIn;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a person sees when something fails: a plain page in her language with the request id to give to
 * support; never a stack trace. A session the gateway no longer accepts sends her to sign in again.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(PageRequest v, int status, String detail);
    }

    private final PageRequest v;
    private final SignedIn signedIn;
    private final HttpServerRequest request;

    public ErrorPages(PageRequest v, SignedIn signedIn, HttpServerRequest request) {
        this.v = v;
        this.signedIn = signedIn;
        this.request = request;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e instanceof RedirectionException) {
            return e.getResponse(); // a page sending the person elsewhere (e.g. to sign in first)
        }
        int status = e.getResponse().getStatus();
        return page(status >= 400 ? status : 500, null);
    }

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem p) {
        if (p.status() == 401 && signedIn.person().isPresent()) {
            signedIn.end();
            return Response.seeOther(URI.create(v.link(Page.SIGN_IN) + "?next="
                    + URLEncoder.encode(request.path(), StandardCharsets.UTF_8))).build();
        }
        if (p.status() == 404) {
            return page(404, null);
        }
        LOG.warnf("API answered %d %s to %s", p.status(), p.code(), request.path());
        return page(p.status() >= 500 ? 503 : p.status(), p.detail());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("API unreachable for %s: %s", request.path(), e.getMessage());
        return page(503, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf(e, "Page %s failed", request.path());
        return page(500, null);
    }

    private Response page(int status, String detail) {
        if (!request.path().startsWith("/en/") && !"/en".equals(request.path())) {
            v.at("fr", Page.HOME);
        } else {
            v.at("en", Page.HOME);
        }
        v.asErrorPage();
        TemplateInstance body = Templates.error(v, status, detail).setAttribute("locale", v.locale());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
