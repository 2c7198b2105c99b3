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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The partner job boards, for moderators (ADMIN): register a partner (its API key is shown on the answer
 * page, once, and never again: Pupitre keeps only its hash), rotate or revoke keys, and read what the
 * feeds served it and the clicks it sent back.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class PartnerPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partners(PageRequest v, List<PupitreApi.Partner> partners, Form form);

        static native TemplateInstance partner(PageRequest v, PupitreApi.Partner partner, PupitreApi.PartnerStats stats,
                PupitreApi.PartnerKey issued);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;

    public PartnerPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
    }

    @GET
    @Path("{lang:fr|en}/{slug:moderation/partenaires|moderation/partners}")
    public Object partners(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.PARTNERS, null);
        requireAdmin(v, signedIn);
        return page(v, Templates.partners(v, api.listPartners(bearer()), Form.of(Map.of())));
    }

    /** Registers a partner; the answer is the partner's page with its key, shown this once (never cached). */
    @POST
    @Path("{lang:fr|en}/{slug:moderation/partenaires|moderation/partners}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object register(@PathParam("lang") String lang, @PathParam("slug") String slug, @FormParam("name") String name,
            @FormParam("contactEmail") String contactEmail, @FormParam("feeds") List<String> feeds) {
        open(v, lang, slug, Page.PARTNERS, null);
        requireAdmin(v, signedIn);
        List<String> allowed = feeds == null ? List.of() : feeds.stream().filter(v.partnerFeeds()::contains).distinct().toList();
        try {
            PupitreApi.PartnerKey created = api.createPartner(new PupitreApi.PartnerDraft(textOrNull(name),
                    textOrNull(contactEmail), allowed), bearer());
            return keyShownOnce(created.partner(), created);
        } catch (ApiProblem p) {
            Form typed = Form.of(Map.of("name", orEmpty(name), "contactEmail", orEmpty(contactEmail),
                    "feeds", String.join(",", allowed))).withProblem(p);
            return formAgain(v, Templates.partners(v, api.listPartners(bearer()), typed), p);
        }
    }

    @GET
    @Path("{lang:fr|en}/{a:moderation}/{b:partenaires|partners}/{id}")
    public Object partner(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id) {
        UUID partnerId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.PARTNER, partnerId);
        requireAdmin(v, signedIn);
        return page(v, Templates.partner(v, partnerOr404(partnerId), api.partnerStats(partnerId, bearer()), null));
    }

    /** A new key, shown once; the partner's current keys keep working for the grace period. */
    @POST
    @Path("{lang:fr|en}/{a:moderation}/{b:partenaires|partners}/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object rotate(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id) {
        UUID partnerId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.PARTNER, partnerId);
        requireAdmin(v, signedIn);
        try {
            return keyShownOnce(partnerId, api.rotatePartnerKey(partnerId, bearer()));
        } catch (ApiProblem p) {
            if (p.status() == 404) {
                throw new NotFoundException();
            }
            return backTo(v.link(Page.PARTNER, partnerId), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{a:moderation}/{b:partenaires|partners}/{id}/keys/{prefix}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("prefix") String prefix) {
        UUID partnerId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.PARTNER, partnerId);
        if (!prefix.matches("[A-Za-z0-9_]{1,64}")) {
            throw new NotFoundException();
        }
        requireAdmin(v, signedIn);
        String here = v.link(Page.PARTNER, partnerId);
        return act(v, signedIn, here, bearer -> {
            api.revokePartnerKey(partnerId, prefix, bearer);
            return here + "#keys";
        });
    }

    // ----

    private Response keyShownOnce(UUID partnerId, PupitreApi.PartnerKey issued) {
        return Response.ok(page(v, Templates.partner(v, partnerOr404(partnerId), api.partnerStats(partnerId, bearer()), issued)))
                .type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store").build();
    }

    private PupitreApi.Partner partnerOr404(UUID partnerId) {
        try {
            return api.getPartner(partnerId, bearer());
        } catch (ApiProblem p) {
            if (p.status() == 404) {
                throw new NotFoundException();
            }
            throw p;
        }
    }

    private String bearer() {
        return signedIn.bearer().orElseThrow();
    }
}
