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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The work between a client and a secretary: invitations (sent by the client from her request's matches,
 * accepted or declined by the secretary, with a private reason), their message threads, and closing or
 * renewing one's listings. Every action is a form with a CSRF token; the API decides who may do what.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class WorkPages {

    /** An invitation with the titles of the request and the offer it joins. */
    public record InvitationCard(PupitreApi.Invitation invitation, String requestTitle, String offerTitle) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitations(PageRequest v, SignedInPerson person, List<InvitationCard> invitations);

        static native TemplateInstance invitation(PageRequest v, SignedInPerson person, PupitreApi.Invitation invitation,
                PupitreApi.Listing request, PupitreApi.Listing offer, List<PupitreApi.Message> messages, Form form);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;

    public WorkPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
    }

    @GET
    @Path("{lang:fr|en}/{slug:compte/invitations|account/invitations}")
    public Object invitations(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.INVITATIONS, null);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn(v);
        }
        String bearer = signedIn.bearer().orElseThrow();
        Map<UUID, String> titles = new HashMap<>();
        List<InvitationCard> cards = new ArrayList<>();
        for (PupitreApi.Invitation i : api.myInvitations(bearer).items()) {
            cards.add(new InvitationCard(i, title(i.requestId(), bearer, titles), title(i.offerId(), bearer, titles)));
        }
        return page(v, Templates.invitations(v, person, cards));
    }

    @GET
    @Path("{lang:fr|en}/{a:compte|account}/invitations/{id}")
    public Object invitation(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("id") String id) {
        UUID invitationId = uuid(id);
        open(v, lang, a + "/invitations/{id}", Page.INVITATION, invitationId);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn(v);
        }
        return page(v, invitationPage(person, invitationId, Form.empty()));
    }

    /** A client invites the secretary of {@code offerId} to her request {@code requestId}. */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("lang") String lang, @PathParam("a") String a, @FormParam("requestId") String requestId,
            @FormParam("offerId") String offerId, @FormParam("message") String message) {
        open(v, lang, a + "/invitations", Page.INVITATIONS, null);
        UUID request = uuid(requestId);
        UUID offer = uuid(offerId);
        return act(v, signedIn, v.link(Page.LISTING, request), bearer -> v.link(Page.INVITATION,
                api.invite(new PupitreApi.InvitationDraft(request, offer, textOrNull(message)), bearer).id()));
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/invitations/{id}/{action:accept|decline|withdraw}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("id") String id,
            @PathParam("action") String action, @FormParam("reason") String reason) {
        UUID invitationId = uuid(id);
        open(v, lang, a + "/invitations/{id}", Page.INVITATION, invitationId);
        String here = v.link(Page.INVITATION, invitationId);
        return act(v, signedIn, here, bearer -> {
            switch (action) {
                case "accept" -> api.acceptInvitation(invitationId, bearer);
                case "decline" -> api.declineInvitation(invitationId, new PupitreApi.DeclineNote(textOrNull(reason)), bearer);
                default -> api.withdrawInvitation(invitationId, bearer);
            }
            return here;
        });
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/invitations/{id}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object message(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("id") String id,
            @FormParam("body") String body) {
        UUID invitationId = uuid(id);
        open(v, lang, a + "/invitations/{id}", Page.INVITATION, invitationId);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn(v);
        }
        try {
            api.postInvitationMessage(invitationId, new PupitreApi.MessageBody(body == null ? "" : body.strip()),
                    signedIn.bearer().orElseThrow());
            return seeOther(v.link(Page.INVITATION, invitationId) + "#messages");
        } catch (ApiProblem p) {
            if (p.status() >= 500 || p.status() == 404) {
                throw p;
            }
            // the message comes back with the reason, nothing typed is lost
            Form typed = Form.of(Map.of("body", body == null ? "" : body)).withProblem(p);
            return Response.status(p.status() == 409 ? 409 : 422).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(v, invitationPage(person, invitationId, typed))).build();
        }
    }

    /** The invited secretary stops this client from inviting her again. */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/invitations/{id}/block")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response block(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("id") String id) {
        UUID invitationId = uuid(id);
        open(v, lang, a + "/invitations/{id}", Page.INVITATION, invitationId);
        return act(v, signedIn, v.link(Page.INVITATION, invitationId), bearer -> {
            api.blockClient(new PupitreApi.Block(api.getInvitation(invitationId, bearer).clientId()), bearer);
            return v.link(Page.INVITATIONS) + "?blocked=1";
        });
    }

    /** The reviewed secretary answers a review (once), or a moderator hides it; both from the listing page. */
    @POST
    @Path("{lang:fr|en}/{b:annonces|listings}/{listing}/reviews/{id}/{action:answer|hide}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("lang") String lang, @PathParam("b") String b, @PathParam("listing") String listing,
            @PathParam("id") String id, @PathParam("action") String action, @FormParam("text") String text) {
        UUID listingId = uuid(listing);
        open(v, lang, b, Page.SEARCH, null);
        return act(v, signedIn, v.link(Page.LISTING, listingId), bearer -> {
            if ("answer".equals(action)) {
                api.answerReview(uuid(id), new PupitreApi.ReviewAnswer(orEmpty(text).strip()), bearer);
            } else {
                api.hideReview(uuid(id), new PupitreApi.ReviewHiding(orEmpty(text).strip()), bearer);
            }
            return v.link(Page.LISTING, listingId) + "#reviews-heading";
        });
    }

    /** The owner closes (filled or withdrawn) or renews one of her listings. */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:annonces|listings}/{id}/{action:close|renew}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response listingAction(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("action") String action, @FormParam("reason") String reason) {
        UUID listingId = uuid(id);
        if (!Page.SEARCH.isSlug(lang, b)) {
            throw new NotFoundException();
        }
        open(v, lang, a, Page.ACCOUNT, null);
        String listingPage = v.link(Page.LISTING, listingId);
        return act(v, signedIn, listingPage, bearer -> {
            if ("close".equals(action)) {
                api.closeListing(listingId, new PupitreApi.Closing("FILLED".equals(reason) ? "FILLED" : "WITHDRAWN"), bearer);
            } else {
                api.renewListing(listingId, bearer);
            }
            return listingPage;
        });
    }

    private TemplateInstance invitationPage(SignedInPerson person, UUID invitationId, Form form) {
        String bearer = signedIn.bearer().orElseThrow();
        PupitreApi.Invitation invitation;
        try {
            invitation = api.getInvitation(invitationId, bearer);
        } catch (ApiProblem p) {
            if (p.status() == 404 || p.status() == 403) {
                throw new NotFoundException();
            }
            throw p;
        }
        PupitreApi.Listing request = listing(invitation.requestId(), bearer);
        PupitreApi.Listing offer = listing(invitation.offerId(), bearer);
        List<PupitreApi.Message> messages = api.listInvitationMessages(invitationId, bearer).items();
        return Templates.invitation(v, person, invitation, request, offer, messages, form);
    }

    /** The listing as this person may see it, or null when it is gone (closed, hidden, account closed). */
    private PupitreApi.Listing listing(UUID id, String bearer) {
        try {
            return api.getListing(id, bearer);
        } catch (ApiProblem gone) {
            if (gone.status() >= 500) {
                throw gone;
            }
            return null;
        }
    }

    private String title(UUID id, String bearer, Map<UUID, String> known) {
        return known.computeIfAbsent(id, key -> {
            PupitreApi.Listing l = listing(key, bearer);
            return l == null || l.title() == null ? "—" : l.title().in(v.lang());
        });
    }

}
