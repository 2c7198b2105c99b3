package ca.pupitre.web.page;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Signing up, in and out, the e-mail links (verification, new password) and the signed-in person's own
 * page. Every form posts back to its own address with a CSRF token; a refused form is shown again with what
 * was typed (never the password) and the API's field errors next to their fields.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AccountPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signUp(PageRequest v, Form form);

        static native TemplateInstance signIn(PageRequest v, Form form, String next);

        static native TemplateInstance account(PageRequest v, SignedInPerson person, List<PupitreApi.Listing> listings,
                String notice);

        static native TemplateInstance verifyEmail(PageRequest v, String token, Boolean verified);

        static native TemplateInstance forgotPassword(PageRequest v, Form form, boolean sent);

        static native TemplateInstance newPassword(PageRequest v, Form form, String token, boolean done);

        static native TemplateInstance newListing(PageRequest v, SignedInPerson person, Form form, SkillNames skills);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;
    private final SkillNames skills;

    public AccountPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn, SkillNames skills) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
        this.skills = skills;
    }

    // ---- sign up

    @GET
    @Path("{lang:fr|en}/{slug:inscription|sign-up}")
    public TemplateInstance signUpForm(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("role") String role) {
        at(lang, slug, Page.SIGN_UP);
        return localized(Templates.signUp(v, Form.of(Map.of("role", "CLIENT".equals(role) ? "CLIENT" : "SECRETARY"))));
    }

    @POST
    @Path("{lang:fr|en}/{slug:inscription|sign-up}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object signUp(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("role") String role, @FormParam("displayName") String displayName,
            @FormParam("email") String email, @FormParam("password") String password) {
        at(lang, slug, Page.SIGN_UP);
        Form typed = Form.of(Map.of("role", nz(role), "displayName", nz(displayName), "email", nz(email)));
        try {
            api.register(new PupitreApi.Registration(nz(email).trim(), nz(password), nz(displayName).trim(),
                    "CLIENT".equals(role) ? "CLIENT" : "SECRETARY", v.languageTag()));
            PupitreApi.Tokens tokens = api.signIn(new PupitreApi.Credentials(email.trim(), password));
            signedIn.start(tokens, api.me("Bearer " + tokens.accessToken()));
            return seeOther(v.link(Page.ACCOUNT) + "?welcome=1");
        } catch (ApiProblem p) {
            return refused(Templates.signUp(v, typed.withProblem(p)), p);
        }
    }

    // ---- sign in / out

    @GET
    @Path("{lang:fr|en}/{slug:connexion|sign-in}")
    public Object signInForm(@PathParam("lang") String lang, @PathParam("slug") String slug, @QueryParam("next") String next) {
        at(lang, slug, Page.SIGN_IN);
        if (signedIn.person().isPresent()) {
            return seeOther(v.link(Page.ACCOUNT));
        }
        return localized(Templates.signIn(v, Form.empty(), safeNext(next)));
    }

    @POST
    @Path("{lang:fr|en}/{slug:connexion|sign-in}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object signIn(@PathParam("lang") String lang, @PathParam("slug") String slug, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam("next") String next) {
        at(lang, slug, Page.SIGN_IN);
        try {
            PupitreApi.Tokens tokens = api.signIn(new PupitreApi.Credentials(nz(email).trim(), nz(password)));
            signedIn.start(tokens, api.me("Bearer " + tokens.accessToken()));
            String target = safeNext(next);
            return seeOther(target != null ? target : v.link(Page.ACCOUNT));
        } catch (ApiProblem p) {
            return refused(Templates.signIn(v, Form.of(Map.of("email", nz(email))).withProblem(p), safeNext(next)), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{slug:deconnexion|sign-out}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        at(lang, slug, Page.SIGN_OUT);
        signedIn.person().ifPresent(p -> {
            try {
                api.signOut(new PupitreApi.RefreshToken(p.refreshToken()));
            } catch (ApiProblem alreadyGone) {
                // the refresh token was revoked already: nothing left to end on the server
            }
        });
        signedIn.end();
        return seeOther(v.link(Page.HOME));
    }

    // ---- the signed-in person's page

    @GET
    @Path("{lang:fr|en}/{slug:compte|account}")
    public Object account(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("welcome") String welcome) {
        at(lang, slug, Page.ACCOUNT);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn();
        }
        List<PupitreApi.Listing> listings = person.isAdmin() ? List.of()
                : api.myListings(signedIn.bearer().orElseThrow(), null, 50).items();
        return localized(Templates.account(v, person, listings, welcome != null ? "welcome" : null));
    }

    @POST
    @Path("{lang:fr|en}/{slug:compte/verification|account/verification}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object resendVerification(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        at(lang, slug, Page.RESEND_VERIFICATION);
        if (signedIn.person().isEmpty()) {
            return toSignIn();
        }
        try {
            api.resendVerificationEmail(signedIn.bearer().orElseThrow());
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
        }
        return seeOther(v.link(Page.ACCOUNT) + "?resent=1");
    }

    // ---- a new listing (an offer for a secretary, a request for a client), saved as a draft then published

    @GET
    @Path("{lang:fr|en}/{slug:compte/annonces/nouvelle|account/listings/new}")
    public Object newListingForm(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        at(lang, slug, Page.NEW_LISTING);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null || person.isAdmin()) {
            return toSignIn();
        }
        return localized(Templates.newListing(v, person, Form.of(Map.of("unit", "HOUR", "remote", "true")), skills));
    }

    @POST
    @Path("{lang:fr|en}/{slug:compte/annonces/nouvelle|account/listings/new}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object newListing(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("titleFr") String titleFr, @FormParam("titleEn") String titleEn,
            @FormParam("descriptionFr") String descriptionFr, @FormParam("descriptionEn") String descriptionEn,
            @FormParam("skills") List<String> skillCodes, @FormParam("languages") List<String> languages,
            @FormParam("amount") String amount, @FormParam("unit") String unit, @FormParam("remote") String remote,
            @FormParam("region") String region, @FormParam("publicName") String publicName,
            @FormParam("publish") String publish) {
        at(lang, slug, Page.NEW_LISTING);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null || person.isAdmin()) {
            return toSignIn();
        }
        Form typed = Form.of(Map.ofEntries(Map.entry("titleFr", nz(titleFr)), Map.entry("titleEn", nz(titleEn)),
                Map.entry("descriptionFr", nz(descriptionFr)), Map.entry("descriptionEn", nz(descriptionEn)),
                Map.entry("amount", nz(amount)), Map.entry("unit", nz(unit)), Map.entry("remote", nz(remote)),
                Map.entry("region", nz(region)), Map.entry("publicName", nz(publicName)),
                Map.entry("skills", String.join(",", nn(skillCodes))), Map.entry("languages", String.join(",", nn(languages)))));
        PupitreApi.ListingDraft draft = new PupitreApi.ListingDraft(
                new PupitreApi.Localized(blankToNull(titleFr), blankToNull(titleEn)),
                new PupitreApi.Localized(blankToNull(descriptionFr), blankToNull(descriptionEn)),
                nn(skillCodes), nn(languages).isEmpty() ? List.of(v.lang()) : nn(languages),
                blankToNull(amount) == null ? null : new PupitreApi.PricingDraft(nz(unit).isBlank() ? "HOUR" : unit, amount.trim()),
                null, "true".equals(remote), blankToNull(region), blankToNull(publicName));
        String bearer = signedIn.bearer().orElseThrow();
        try {
            PupitreApi.Listing created = api.createListing(draft, bearer);
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
            return refused(Templates.newListing(v, person, typed.withProblem(p), skills), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:annonces|listings}/{id}/{c:publier|publish}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object publish(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("c") String c) {
        at(lang, a + "/" + b + "/{id}/" + c, Page.PUBLISH_LISTING);
        if (signedIn.person().isEmpty()) {
            return toSignIn();
        }
        UUID listingId = PublicPages.uuid(id);
        try {
            api.publishListing(listingId, signedIn.bearer().orElseThrow());
            return seeOther(v.link(Page.LISTING, listingId));
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            return seeOther(v.link(Page.ACCOUNT) + "?refused=" + (p.code() == null ? "UNKNOWN" : p.code()));
        }
    }

    // ---- e-mail links

    /** {@code /verifier-courriel?token=} and {@code /nouveau-mot-de-passe?token=}: the links in the e-mails. */
    @GET
    @Path("{page:verifier-courriel|nouveau-mot-de-passe}")
    public Response emailLink(@PathParam("page") String page, @QueryParam("token") String token, @Context HttpHeaders headers) {
        Page target = "verifier-courriel".equals(page) ? Page.VERIFY_EMAIL : Page.NEW_PASSWORD;
        String query = token == null ? "" : "?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(target.path(PublicPages.preferredLang(headers)) + query)).build();
    }

    /**
     * The verification link opens a page with one button: the token is spent by the POST, so a mail scanner
     * that follows links does not verify an address nobody opened.
     */
    @GET
    @Path("{lang:fr|en}/{slug:verifier-courriel|verify-email}")
    public TemplateInstance verifyEmailForm(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("token") String token) {
        at(lang, slug, Page.VERIFY_EMAIL);
        return localized(Templates.verifyEmail(v, nz(token), null));
    }

    @POST
    @Path("{lang:fr|en}/{slug:verifier-courriel|verify-email}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object verifyEmail(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("token") String token) {
        at(lang, slug, Page.VERIFY_EMAIL);
        try {
            api.verifyEmail(new PupitreApi.EmailToken(nz(token)));
            // the next access token says email_verified: renew now if this browser is signed in
            signedIn.person().ifPresent(p -> signedIn.start(api.refresh(new PupitreApi.RefreshToken(p.refreshToken())),
                    new PupitreApi.Account(p.accountId(), null, p.displayName(), p.role(), null, true)));
            return localized(Templates.verifyEmail(v, "", true));
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            return refused(Templates.verifyEmail(v, nz(token), false), p);
        }
    }

    @GET
    @Path("{lang:fr|en}/{slug:mot-de-passe-oublie|forgot-password}")
    public TemplateInstance forgotPasswordForm(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        at(lang, slug, Page.FORGOT_PASSWORD);
        return localized(Templates.forgotPassword(v, Form.empty(), false));
    }

    @POST
    @Path("{lang:fr|en}/{slug:mot-de-passe-oublie|forgot-password}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object forgotPassword(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("email") String email) {
        at(lang, slug, Page.FORGOT_PASSWORD);
        try {
            api.requestPasswordReset(new PupitreApi.EmailAddress(nz(email).trim()));
            return localized(Templates.forgotPassword(v, Form.empty(), true));
        } catch (ApiProblem p) {
            return refused(Templates.forgotPassword(v, Form.of(Map.of("email", nz(email))).withProblem(p), false), p);
        }
    }

    @GET
    @Path("{lang:fr|en}/{slug:nouveau-mot-de-passe|new-password}")
    public TemplateInstance newPasswordForm(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("token") String token) {
        at(lang, slug, Page.NEW_PASSWORD);
        return localized(Templates.newPassword(v, Form.empty(), nz(token), false));
    }

    @POST
    @Path("{lang:fr|en}/{slug:nouveau-mot-de-passe|new-password}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object newPassword(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("token") String token, @FormParam("newPassword") String newPassword) {
        at(lang, slug, Page.NEW_PASSWORD);
        try {
            api.confirmPasswordReset(new PupitreApi.PasswordResetConfirmation(nz(token), nz(newPassword)));
            signedIn.end();
            return localized(Templates.newPassword(v, Form.empty(), "", true));
        } catch (ApiProblem p) {
            return refused(Templates.newPassword(v, Form.empty().withProblem(p), nz(token), false), p);
        }
    }

    // ----

    private void at(String lang, String slug, Page page) {
        if (!page.isSlug(lang, slug)) {
            throw new NotFoundException();
        }
        v.at(lang, page);
    }

    private TemplateInstance localized(TemplateInstance page) {
        return page.setAttribute("locale", v.locale());
    }

    /** The form again with the API's status (422, 409, 401…) so scripts and tests see the refusal too. */
    private Response refused(TemplateInstance page, ApiProblem p) {
        if (p.status() >= 500) {
            throw p;
        }
        int status = p.status() == 401 || p.status() == 403 || p.status() == 409 || p.status() == 429 ? p.status() : 422;
        Response.ResponseBuilder answer = Response.status(status).entity(localized(page)).type(MediaType.TEXT_HTML_TYPE);
        return answer.build();
    }

    private Response toSignIn() {
        return seeOther(v.link(Page.SIGN_IN) + "?next=" + java.net.URLEncoder.encode(v.canonicalPath(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** Only our own paths: never an open redirect to another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 500) {
            return null;
        }
        return next;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : list.stream().filter(x -> x != null && !x.toString().isBlank()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
