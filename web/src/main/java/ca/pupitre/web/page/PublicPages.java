package ca.pupitre.web.page;

import static ca.pupitre.web.page.Answers.*;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import ca.pupitre.web.view.SkillNames;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What anyone can read: the home page, search, a listing, a secretary's profile. Works without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class PublicPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PageRequest v, List<PupitreApi.Listing> offers,
                List<PupitreApi.Listing> requests, SkillNames skills);

        static native TemplateInstance search(PageRequest v, SearchForm form, PupitreApi.SearchPage result, String problem,
                SkillNames skills);

        static native TemplateInstance listing(PageRequest v, PupitreApi.Listing listing, PupitreApi.Reviews reviews,
                String jsonLd, SkillNames skills, boolean owner, List<MatchCard> matches);

        static native TemplateInstance secretary(PageRequest v, UUID id, String name, List<PupitreApi.Listing> offers,
                PupitreApi.Reviews reviews, SkillNames skills);
    }

    /** A match shown to a listing's owner: the proposed listing and why it ranks where it does. */
    public record MatchCard(PupitreApi.Match match, PupitreApi.Listing listing) {
    }

    static final int MATCHES_SHOWN = 10;

    private final PupitreApi api;
    private final PageRequest v;
    private final SkillNames skills;

    public PublicPages(@RestClient PupitreApi api, PageRequest v, SkillNames skills) {
        this.api = api;
        this.v = v;
        this.skills = skills;
    }

    /** {@code /}: French unless the browser prefers English. */
    @GET
    public Response root(@Context HttpHeaders headers) {
        return Response.seeOther(URI.create(Page.HOME.path(preferredLang(headers)))).header("Vary", "Accept-Language").build();
    }

    @GET
    @Path("{lang:fr|en}{slash:/?}")
    public TemplateInstance home(@PathParam("lang") String lang) {
        v.at(lang, Page.HOME);
        List<PupitreApi.Listing> offers = api.searchListings(null, "OFFER", null, null, null, null, null, null, null,
                "NEWEST", null, 6, null).items();
        List<PupitreApi.Listing> requests = api.searchListings(null, "REQUEST", null, null, null, null, null, null, null,
                "NEWEST", null, 6, null).items();
        return page(v, Templates.home(v, offers, requests, skills));
    }

    @GET
    @Path("{lang:fr|en}/{slug:annonces|listings}")
    public TemplateInstance search(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("q") String q, @QueryParam("kind") String kind, @QueryParam("skill") List<String> skill,
            @QueryParam("language") String language, @QueryParam("region") String region,
            @QueryParam("remote") String remote, @QueryParam("minRate") String minRate,
            @QueryParam("maxRate") String maxRate, @QueryParam("sort") String sort, @QueryParam("cursor") String cursor) {
        requireSlug(Page.SEARCH, lang, slug);
        v.at(lang, Page.SEARCH);
        SearchForm form = new SearchForm(q, kind, skill, language, region, remote, minRate, maxRate, sort, cursor);
        try {
            PupitreApi.SearchPage result = api.searchListings(form.text(), form.kindOrNull(), form.skills(),
                    form.languages(), form.regionOrNull(), form.remoteOrNull(), null, form.minRateOrNull(),
                    form.maxRateOrNull(), form.sortOrNull(), form.cursorOrNull(), PAGE_SIZE, null);
            return page(v, Templates.search(v, form, result, null, skills));
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            // A filter the API refuses (a rate that is not a number, a stale cursor): say why, keep what was typed
            String why = p.fieldErrors().isEmpty() ? p.detail() : String.join(" ", p.fieldErrors().values());
            return page(v, Templates.search(v, form, null, why, skills));
        }
    }

    @GET
    @Path("{lang:fr|en}/{slug:annonces|listings}/{id}")
    public TemplateInstance listing(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @PathParam("id") String id) {
        requireSlug(Page.SEARCH, lang, slug);
        UUID listingId = uuid(id);
        v.at(lang, Page.LISTING, listingId);
        PupitreApi.Listing listing;
        try {
            listing = api.getListing(listingId, v.signedIn().bearer().orElse(null));
        } catch (ApiProblem p) {
            if (p.status() == 404 || p.status() == 403) {
                throw new NotFoundException();
            }
            throw p;
        }
        PupitreApi.Reviews reviews = null;
        String jsonLd = null;
        if ("OFFER".equals(listing.kind()) && listing.ownerId() != null) {
            reviews = reviewsOrNone(listing.ownerId());
        } else if ("REQUEST".equals(listing.kind()) && "PUBLISHED".equals(listing.status())) {
            jsonLd = JsonLd.jobPosting(listing, v.lang(), v.canonicalUrl());
        }
        boolean owner = v.signedIn().person().map(p -> p.accountId().equals(listing.ownerId())).orElse(false);
        List<MatchCard> matches = owner && "PUBLISHED".equals(listing.status()) ? matches(listing) : List.of();
        return page(v, Templates.listing(v, listing, reviews, jsonLd, skills, owner, matches));
    }

    /** Her reviews live in matching-service: the listing's own page does not depend on it (shown without them). */
    private PupitreApi.Reviews reviewsOrNone(UUID secretaryId) {
        try {
            return api.listReviews(secretaryId);
        } catch (ApiProblem down) {
            return null;
        }
    }

    /**
     * The owner's matches: offers for her request (with an invitation form each), or requests for her offer,
     * each with the reasons the API gives. One call per proposed listing for its title (at most
     * {@value #MATCHES_SHOWN}); a listing that went away since is left out.
     */
    private List<MatchCard> matches(PupitreApi.Listing listing) {
        String bearer = v.signedIn().bearer().orElseThrow();
        PupitreApi.Matches found;
        try {
            found = "REQUEST".equals(listing.kind())
                    ? api.matchesForRequest(listing.id(), MATCHES_SHOWN, bearer)
                    : api.matchesForOffer(listing.id(), MATCHES_SHOWN, bearer);
        } catch (ApiProblem notYet) {
            // matching copies new listings from the change feed within seconds (404 until then), and may be down:
            // the listing's own page does not depend on it
            return List.of();
        }
        List<MatchCard> cards = new ArrayList<>();
        for (PupitreApi.Match m : found.items()) {
            try {
                cards.add(new MatchCard(m, api.getListing(m.listingId(), bearer)));
            } catch (ApiProblem gone) {
                if (gone.status() >= 500) {
                    throw gone;
                }
            }
        }
        return cards;
    }

    /** {@code /annonces/{id}}: the language-neutral address partner feeds link to; lands on the page in the browser's language. */
    @GET
    @Path("annonces/{id}")
    public Response listingByAnyLanguage(@PathParam("id") String id, @Context HttpHeaders headers) {
        return Response.seeOther(URI.create(Page.LISTING.path(preferredLang(headers), uuid(id))))
                .header("Vary", "Accept-Language").build();
    }

    @GET
    @Path("{lang:fr|en}/{slug:secretaires|secretaries}/{id}")
    public TemplateInstance secretary(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @PathParam("id") String id) {
        requireSlug(Page.SECRETARY, lang, slug + "/{id}");
        UUID secretaryId = uuid(id);
        v.at(lang, Page.SECRETARY, secretaryId);
        List<PupitreApi.Listing> offers = api.searchListings(null, "OFFER", null, null, null, null, null, null, null,
                "NEWEST", null, 100, secretaryId).items();
        PupitreApi.Reviews reviews = api.listReviews(secretaryId);
        if (offers.isEmpty() && reviews.count() == 0) {
            throw new NotFoundException();
        }
        String name = offers.isEmpty() ? null : offers.get(0).publicName();
        return page(v, Templates.secretary(v, secretaryId, name, offers, reviews, skills));
    }

    private static void requireSlug(Page page, String lang, String slug) {
        if (!page.isSlug(lang, slug)) {
            throw new NotFoundException();
        }
    }

}
