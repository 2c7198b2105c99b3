package ca.pupitre.web.page;

import static ca.pupitre.web.page.Answers.*;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.session.SignedIn;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The account's settings: a new password (the other sessions end), the open sessions (end one), and the
 * Law 25 export of everything Pupitre holds about the person.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SettingsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(PageRequest v, List<PupitreApi.Session> sessions, Form form, boolean changed);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;

    public SettingsPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
    }

    @GET
    @Path("{lang:fr|en}/{slug:compte/parametres|account/settings}")
    public Object settings(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("changed") String changed) {
        open(v, lang, slug, Page.SETTINGS, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        return page(v, settingsPage(Form.empty(), changed != null));
    }

    @POST
    @Path("{lang:fr|en}/{slug:compte/parametres|account/settings}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object changePassword(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("currentPassword") String currentPassword, @FormParam("newPassword") String newPassword) {
        open(v, lang, slug, Page.SETTINGS, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        try {
            api.changePassword(new PupitreApi.PasswordChange(orEmpty(currentPassword), orEmpty(newPassword)),
                    signedIn.bearer().orElseThrow());
            return seeOther(v.link(Page.SETTINGS) + "?changed=1");
        } catch (ApiProblem p) {
            return formAgain(v, settingsPage(Form.of(Map.of()).withProblem(p), false), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:sessions}/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endSession(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id) {
        open(v, lang, a, Page.ACCOUNT, null);
        UUID session = uuid(id);
        return act(v, signedIn, v.link(Page.SETTINGS), bearer -> {
            api.endSession(session, bearer);
            return v.link(Page.SETTINGS);
        });
    }

    /** Closing the account (Law 25): the password again; billing refuses while work or money is owed. */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("lang") String lang, @PathParam("a") String a, @FormParam("password") String password) {
        open(v, lang, a, Page.ACCOUNT, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        try {
            api.closeAccount(new PupitreApi.Closure(orEmpty(password)), signedIn.bearer().orElseThrow());
            signedIn.end();
            return seeOther(v.link(Page.HOME) + "?closed=1");
        } catch (ApiProblem p) {
            return backTo(v.link(Page.SETTINGS), p);
        }
    }

    /** The export as the API writes it, streamed as a download (never held whole here). */
    @GET
    @Path("{lang:fr|en}/{a:compte|account}/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@PathParam("lang") String lang, @PathParam("a") String a) {
        open(v, lang, a, Page.ACCOUNT, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        Response answer = api.exportMyData(signedIn.bearer().orElseThrow());
        return Response.ok(answer.readEntity(InputStream.class), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"pupitre-mes-donnees.json\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private TemplateInstance settingsPage(Form form, boolean changed) {
        return Templates.settings(v, api.mySessions(signedIn.bearer().orElseThrow()).items(), form, changed);
    }
}
