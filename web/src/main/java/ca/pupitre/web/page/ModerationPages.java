package ca.pupitre.web.page;

import static ca.pupitre.web.page.Answers.*;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.session.SignedIn;
import ca.pupitre.web.session.SignedInPerson;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Trust and safety on the web: anyone signed in reports a listing from its page; moderators (ADMIN) work
 * the queue of reported listings and hide (with a reason) or unhide each.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ModerationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance moderation(PageRequest v, List<PupitreApi.ReportedListing> queue);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;

    public ModerationPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
    }

    @POST
    @Path("{lang:fr|en}/{b:annonces|listings}/{id}/{c:signaler|report}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@PathParam("lang") String lang, @PathParam("b") String b, @PathParam("id") String id,
            @PathParam("c") String c, @FormParam("reason") String reason, @FormParam("comment") String comment) {
        UUID listingId = uuid(id);
        if (!Page.REPORT_LISTING.isSlug(lang, b + "/{id}/" + c)) {
            throw new NotFoundException();
        }
        v.at(lang, Page.LISTING, listingId);
        if (signedIn.person().isEmpty()) {
            return seeOther(v.link(Page.SIGN_IN) + "?next=" + URI.create(v.link(Page.LISTING, listingId)).getPath());
        }
        return act(v, signedIn, v.link(Page.LISTING, listingId), bearer -> {
            api.reportListing(listingId, new PupitreApi.ReportDraft(reason, textOrNull(comment)), bearer);
            return v.link(Page.LISTING, listingId) + "?reported=1";
        });
    }

    @GET
    @Path("{lang:fr|en}/moderation")
    public Object queue(@PathParam("lang") String lang) {
        v.at(lang, Page.MODERATION);
        requireAdmin(v, signedIn);
        return Templates.moderation(v, api.listReportedListings(signedIn.bearer().orElseThrow()))
                .setAttribute("locale", v.locale());
    }

    @POST
    @Path("{lang:fr|en}/moderation/{id}/{action:hide|unhide}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("lang") String lang, @PathParam("id") String id, @PathParam("action") String action,
            @FormParam("reason") String reason) {
        UUID listingId = uuid(id);
        v.at(lang, Page.MODERATION);
        if (signedIn.person().map(SignedInPerson::isAdmin).orElse(false) == Boolean.FALSE) {
            throw new NotFoundException();
        }
        return act(v, signedIn, v.link(Page.MODERATION), bearer -> {
            if ("hide".equals(action)) {
                api.hideListing(listingId, new PupitreApi.HideReason(orEmpty(reason).strip()), bearer);
                return v.link(Page.MODERATION) + "#l-" + listingId;
            }
            // shown again, its reports are closed: it leaves the queue, so the page says what happened
            api.unhideListing(listingId, bearer);
            return v.link(Page.MODERATION) + "?unhidden=1";
        });
    }

}
