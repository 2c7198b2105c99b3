package ca.pupitre.web.page;

import static ca.pupitre.web.page.Answers.*;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.session.SignedIn;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import ca.pupitre.web.view.SkillNames;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Saved searches: from the search page, the search as it stands becomes an alert (e-mailed at once or once a
 * day when something new matches); the alerts page lists them and deletes one.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AlertPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(PageRequest v, List<PupitreApi.Alert> alerts, SkillNames skills);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;
    private final SkillNames skills;

    public AlertPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn, SkillNames skills) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
        this.skills = skills;
    }

    @GET
    @Path("{lang:fr|en}/{slug:compte/alertes|account/alerts}")
    public Object alerts(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.ALERTS, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        return page(v, Templates.alerts(v, api.myAlerts(signedIn.bearer().orElseThrow()).items(), skills));
    }

    /** The search page's "alert me" form: the search's own fields, a name and a frequency. */
    @POST
    @Path("{lang:fr|en}/{slug:compte/alertes|account/alerts}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("lang") String lang, @PathParam("slug") String slug, @FormParam("name") String name,
            @FormParam("q") String q, @FormParam("skill") List<String> skill, @FormParam("language") String language,
            @FormParam("region") String region, @FormParam("remote") String remote,
            @FormParam("frequency") String frequency) {
        open(v, lang, slug, Page.ALERTS, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        String alertName = textOrNull(name) != null ? name.strip() : textOrNull(q) != null ? q.strip() : v.messages().alert_default_name();
        try {
            api.createAlert(new PupitreApi.AlertDraft(alertName.length() > 120 ? alertName.substring(0, 120) : alertName,
                    textOrNull(q), skill == null ? List.of() : skill.stream().filter(s -> !s.isBlank()).toList(),
                    textOrNull(language) == null ? List.of() : List.of(language), textOrNull(region),
                    "true".equals(remote) ? Boolean.TRUE : null, "DAILY".equals(frequency) ? "DAILY" : "IMMEDIATE", v.lang()),
                    signedIn.bearer().orElseThrow());
            return seeOther(v.link(Page.ALERTS) + "?created=1");
        } catch (ApiProblem p) {
            return backTo(v.link(Page.ALERTS), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:alertes|alerts}/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id) {
        open(v, lang, a + "/" + b, Page.ALERTS, null);
        UUID alertId = uuid(id);
        return act(v, signedIn, v.link(Page.ALERTS), bearer -> {
            api.deleteAlert(alertId, bearer);
            return v.link(Page.ALERTS);
        });
    }
}
