package ca.pupitre.web.page;

import static ca.pupitre.web.page.Answers.*;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.session.SignedIn;
import ca.pupitre.web.session.SignedInPerson;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import ca.pupitre.web.view.SkillNames;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BeanParam;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A person's own listings (an offer for a secretary, a request for a client): written as a draft and
 * published, edited later (the API's optimistic lock: the form carries the version it was read at, sent as
 * {@code If-Match}, so a change made meanwhile elsewhere is never overwritten unseen), and, for an offer,
 * put "À la une" (a paid promotion invoiced by Pupitre).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class MyListingPages {

    @CheckedTemplate
    static class Templates {
        /** The listing form: a new listing when {@code editing} is null, else that listing's edit. */
        static native TemplateInstance listingForm(PageRequest v, SignedInPerson person, Form form, SkillNames skills,
                PupitreApi.Listing editing, String version);
    }

    /** Turnarounds an offer may promise (ISO 8601 durations, as the API takes them). */
    public static final List<String> TURNAROUNDS = List.of("PT4H", "PT24H", "P2D", "P5D");

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;
    private final SkillNames skills;

    public MyListingPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn, SkillNames skills) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
        this.skills = skills;
    }

    // ---- a new listing, saved as a draft or published at once

    @GET
    @Path("{lang:fr|en}/{slug:compte/annonces/nouvelle|account/listings/new}")
    public Object newListingForm(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.NEW_LISTING, null);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null || person.isAdmin()) {
            return toSignIn(v);
        }
        return page(v, Templates.listingForm(v, person, Form.of(Map.of("unit", "HOUR", "remote", "true")), skills, null, null));
    }

    @POST
    @Path("{lang:fr|en}/{slug:compte/annonces/nouvelle|account/listings/new}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object newListing(@PathParam("lang") String lang, @PathParam("slug") String slug, @BeanParam Typed typed,
            @FormParam("publish") String publish) {
        open(v, lang, slug, Page.NEW_LISTING, null);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null || person.isAdmin()) {
            return toSignIn(v);
        }
        String bearer = signedIn.bearer().orElseThrow();
        try {
            PupitreApi.Listing created = api.createListing(typed.draft(v.lang(), null), bearer);
            if (publish != null) {
                try {
                    api.publishListing(created.id(), bearer);
                } catch (ApiProblem notYet) {
                    // kept as a draft (e.g. the e-mail address is not verified yet): the account page says why
                    return seeOther(v.link(Page.ACCOUNT) + "?refused=" + (notYet.code() == null ? "UNKNOWN" : notYet.code()));
                }
            }
            return seeOther(v.link(Page.LISTING, created.id()));
        } catch (ApiProblem p) {
            return formAgain(v, Templates.listingForm(v, person, typed.form().withProblem(p), skills, null, null), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:annonces|listings}/{id}/{c:publier|publish}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("c") String c) {
        UUID listingId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}/" + c, Page.PUBLISH_LISTING, listingId);
        return act(v, signedIn, v.link(Page.ACCOUNT), bearer -> {
            api.publishListing(listingId, bearer);
            return v.link(Page.LISTING, listingId);
        });
    }

    // ---- editing

    @GET
    @Path("{lang:fr|en}/{a:compte|account}/{b:annonces|listings}/{id}/{c:modifier|edit}")
    public Object editForm(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("c") String c) {
        UUID listingId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}/" + c, Page.EDIT_LISTING, listingId);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn(v);
        }
        PupitreApi.Listing listing = mine(person, listingId);
        return page(v, Templates.listingForm(v, person, Form.of(values(listing)), skills, listing, Long.toString(listing.version())));
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:annonces|listings}/{id}/{c:modifier|edit}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object edit(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("c") String c, @BeanParam Typed typed,
            @FormParam("version") String version) {
        UUID listingId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}/" + c, Page.EDIT_LISTING, listingId);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn(v);
        }
        PupitreApi.Listing current = mine(person, listingId);
        String readAt = version != null && version.matches("\\d{1,19}") ? version : Long.toString(current.version());
        try {
            api.replaceListing(listingId, typed.draft(v.lang(), current), "\"" + readAt + "\"", signedIn.bearer().orElseThrow());
            return seeOther(v.link(Page.LISTING, listingId) + "?saved=1");
        } catch (ApiProblem p) {
            if (p.status() == 412) {
                // changed meanwhile (another tab, another device): what she typed stays, with the newer version,
                // so saving again is her informed choice
                Form again = new Form(typed.form().values(), Map.of(), v.office().listing_changed_meanwhile());
                return Response.status(409).type(MediaType.TEXT_HTML_TYPE).entity(page(v, Templates.listingForm(v, person,
                        again, skills, current, Long.toString(current.version())))).build();
            }
            return formAgain(v, Templates.listingForm(v, person, typed.form().withProblem(p), skills, current, readAt), p);
        }
    }

    // ---- "À la une"

    /** The secretary buys 7 or 30 days "À la une" for her offer; Pupitre's invoice is issued at once. */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:annonces|listings}/{id}/{c:a-la-une|feature}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feature(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("c") String c, @FormParam("days") String days,
            @FormParam("idempotencyKey") String key) {
        UUID listingId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}/" + c, Page.FEATURE_LISTING, listingId);
        Integer chosen = "30".equals(days) ? Integer.valueOf(30) : "7".equals(days) ? Integer.valueOf(7) : null;
        return act(v, signedIn, v.link(Page.LISTING, listingId), bearer -> {
            try {
                PupitreApi.Promotion bought = api.buyPromotion(new PupitreApi.PromotionDraft(listingId, chosen),
                        idempotencyKey(key), bearer);
                return v.link(Page.INVOICE, bought.invoice().id()) + "?featured=1";
            } catch (ApiProblem p) {
                if (p.status() == 503 && "PROMOTION_NOT_CONFIGURED".equals(p.code())) {
                    // not sold on this installation (Pupitre's own tax numbers are not set): say so, not an error page
                    return v.link(Page.LISTING, listingId) + "?refused=PROMOTION_NOT_CONFIGURED";
                }
                throw p;
            }
        });
    }

    // ----

    /** The listing if it is this person's own; 404 otherwise (the same answer as for a listing that does not exist). */
    private PupitreApi.Listing mine(SignedInPerson person, UUID listingId) {
        try {
            PupitreApi.Listing listing = api.getListing(listingId, signedIn.bearer().orElseThrow());
            if (!person.accountId().equals(listing.ownerId())) {
                throw new NotFoundException();
            }
            return listing;
        } catch (ApiProblem p) {
            if (p.status() == 404 || p.status() == 403) {
                throw new NotFoundException();
            }
            throw p;
        }
    }

    private static Map<String, String> values(PupitreApi.Listing l) {
        Map<String, String> values = new HashMap<>();
        values.put("titleFr", orEmpty(l.title() == null ? null : l.title().fr()));
        values.put("titleEn", orEmpty(l.title() == null ? null : l.title().en()));
        values.put("descriptionFr", orEmpty(l.description() == null ? null : l.description().fr()));
        values.put("descriptionEn", orEmpty(l.description() == null ? null : l.description().en()));
        values.put("skills", String.join(",", l.skills() == null ? List.of() : l.skills()));
        values.put("languages", String.join(",", l.languages() == null ? List.of() : l.languages()));
        values.put("amount", l.pricing() == null ? "" : orEmpty(l.pricing().amount()));
        values.put("unit", l.pricing() == null ? "HOUR" : orEmpty(l.pricing().unit()));
        values.put("remote", l.remote() ? "true" : "");
        values.put("region", orEmpty(l.region()));
        values.put("publicName", orEmpty(l.publicName()));
        values.put("turnaround", orEmpty(l.turnaround()));
        values.put("hoursPerWeek", l.hoursPerWeek() == null ? "" : l.hoursPerWeek().toString());
        return values;
    }

    /** What the listing form holds, as typed. */
    public static class Typed {
        @FormParam("titleFr") String titleFr;
        @FormParam("titleEn") String titleEn;
        @FormParam("descriptionFr") String descriptionFr;
        @FormParam("descriptionEn") String descriptionEn;
        @FormParam("skills") List<String> skills;
        @FormParam("languages") List<String> languages;
        @FormParam("amount") String amount;
        @FormParam("unit") String unit;
        @FormParam("remote") String remote;
        @FormParam("region") String region;
        @FormParam("publicName") String publicName;
        @FormParam("turnaround") String turnaround;
        @FormParam("hoursPerWeek") String hoursPerWeek;

        /** The form again, exactly as typed. */
        Form form() {
            Map<String, String> values = new HashMap<>();
            values.put("titleFr", orEmpty(titleFr));
            values.put("titleEn", orEmpty(titleEn));
            values.put("descriptionFr", orEmpty(descriptionFr));
            values.put("descriptionEn", orEmpty(descriptionEn));
            values.put("amount", orEmpty(amount));
            values.put("unit", orEmpty(unit));
            values.put("remote", orEmpty(remote));
            values.put("region", orEmpty(region));
            values.put("publicName", orEmpty(publicName));
            values.put("turnaround", orEmpty(turnaround));
            values.put("hoursPerWeek", orEmpty(hoursPerWeek));
            values.put("skills", String.join(",", nn(skills)));
            values.put("languages", String.join(",", nn(languages)));
            return Form.of(values);
        }

        /**
         * The API's body. A replacement replaces everything, so what this form does not show (start date,
         * confidentiality, anonymity) is sent back as the listing holds it.
         */
        PupitreApi.ListingDraft draft(String pageLang, PupitreApi.Listing current) {
            Integer hours = null;
            if (hoursPerWeek != null && !hoursPerWeek.isBlank()) {
                try {
                    hours = Integer.valueOf(hoursPerWeek.strip());
                } catch (NumberFormatException notANumber) {
                    hours = -1; // the API names the field and says what it must be
                }
            }
            String promised = TURNAROUNDS.contains(orEmpty(turnaround)) ? turnaround : null;
            return new PupitreApi.ListingDraft(
                    new PupitreApi.Localized(textOrNull(titleFr), textOrNull(titleEn)),
                    new PupitreApi.Localized(textOrNull(descriptionFr), textOrNull(descriptionEn)),
                    nn(skills), nn(languages).isEmpty() ? List.of(pageLang) : nn(languages),
                    decimal(amount) == null ? null
                            : new PupitreApi.PricingDraft(orEmpty(unit).isBlank() ? "HOUR" : unit, decimal(amount)),
                    promised, "true".equals(remote), textOrNull(region), textOrNull(publicName), hours,
                    current == null ? null : current.startDate(), current == null ? null : current.confidentiality(),
                    current == null ? null : current.anonymous());
        }

        private static <T> List<T> nn(List<T> list) {
            return list == null ? List.of() : list.stream().filter(x -> x != null && !x.toString().isBlank()).toList();
        }
    }
}
