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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;

    public AccountPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
    }

    // ---- sign up

    @GET
    @Path("{lang:fr|en}/{slug:inscription|sign-up}")
    public TemplateInstance signUpForm(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("role") String role) {
        open(v, lang, slug, Page.SIGN_UP, null);
        return page(v, Templates.signUp(v, Form.of(Map.of("role", "CLIENT".equals(role) ? "CLIENT" : "SECRETARY"))));
    }

    @POST
    @Path("{lang:fr|en}/{slug:inscription|sign-up}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object signUp(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("role") String role, @FormParam("displayName") String displayName,
            @FormParam("email") String email, @FormParam("password") String password) {
        open(v, lang, slug, Page.SIGN_UP, null);
        Form typed = Form.of(Map.of("role", orEmpty(role), "displayName", orEmpty(displayName), "email", orEmpty(email)));
        try {
            api.register(new PupitreApi.Registration(orEmpty(email).trim(), orEmpty(password), orEmpty(displayName).trim(),
                    "CLIENT".equals(role) ? "CLIENT" : "SECRETARY", v.languageTag()));
            PupitreApi.Tokens tokens = api.signIn(new PupitreApi.Credentials(email.trim(), password));
            signedIn.start(tokens, api.me("Bearer " + tokens.accessToken()));
            return seeOther(v.link(Page.ACCOUNT) + "?welcome=1");
        } catch (ApiProblem p) {
            return formAgain(v, Templates.signUp(v, typed.withProblem(p)), p);
        }
    }

    // ---- sign in / out

    @GET
    @Path("{lang:fr|en}/{slug:connexion|sign-in}")
    public Object signInForm(@PathParam("lang") String lang, @PathParam("slug") String slug, @QueryParam("next") String next) {
        open(v, lang, slug, Page.SIGN_IN, null);
        if (signedIn.person().isPresent()) {
            return seeOther(v.link(Page.ACCOUNT));
        }
        return page(v, Templates.signIn(v, Form.empty(), safeNext(next)));
    }

    @POST
    @Path("{lang:fr|en}/{slug:connexion|sign-in}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object signIn(@PathParam("lang") String lang, @PathParam("slug") String slug, @FormParam("email") String email,
            @FormParam("password") String password, @FormParam("next") String next) {
        open(v, lang, slug, Page.SIGN_IN, null);
        try {
            PupitreApi.Tokens tokens = api.signIn(new PupitreApi.Credentials(orEmpty(email).trim(), orEmpty(password)));
            signedIn.start(tokens, api.me("Bearer " + tokens.accessToken()));
            String target = safeNext(next);
            return seeOther(target != null ? target : v.link(Page.ACCOUNT));
        } catch (ApiProblem p) {
            return formAgain(v, Templates.signIn(v, Form.of(Map.of("email", orEmpty(email))).withProblem(p), safeNext(next)), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{slug:deconnexion|sign-out}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.SIGN_OUT, null);
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
        open(v, lang, slug, Page.ACCOUNT, null);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn(v);
        }
        List<PupitreApi.Listing> listings = person.isAdmin() ? List.of()
                : api.myListings(signedIn.bearer().orElseThrow(), null, 50).items();
        return page(v, Templates.account(v, person, listings, welcome != null ? "welcome" : null));
    }

    @POST
    @Path("{lang:fr|en}/{slug:compte/verification|account/verification}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object resendVerification(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.RESEND_VERIFICATION, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
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

    // ---- e-mail links

    /** {@code /verifier-courriel?token=} and {@code /nouveau-mot-de-passe?token=}: the links in the e-mails. */
    @GET
    @Path("{page:verifier-courriel|nouveau-mot-de-passe}")
    public Response emailLink(@PathParam("page") String page, @QueryParam("token") String token, @Context HttpHeaders headers) {
        Page target = "verifier-courriel".equals(page) ? Page.VERIFY_EMAIL : Page.NEW_PASSWORD;
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return Response.seeOther(URI.create(target.path(preferredLang(headers)) + query)).build();
    }

    /**
     * The verification link opens a page with one button: the token is spent by the POST, so a mail scanner
     * that follows links does not verify an address nobody opened.
     */
    @GET
    @Path("{lang:fr|en}/{slug:verifier-courriel|verify-email}")
    public TemplateInstance verifyEmailForm(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("token") String token) {
        open(v, lang, slug, Page.VERIFY_EMAIL, null);
        return page(v, Templates.verifyEmail(v, orEmpty(token), null));
    }

    @POST
    @Path("{lang:fr|en}/{slug:verifier-courriel|verify-email}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object verifyEmail(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("token") String token) {
        open(v, lang, slug, Page.VERIFY_EMAIL, null);
        try {
            api.verifyEmail(new PupitreApi.EmailToken(orEmpty(token)));
            // the next access token says email_verified: renew now if this browser is signed in
            signedIn.person().ifPresent(p -> signedIn.start(api.refresh(new PupitreApi.RefreshToken(p.refreshToken())),
                    new PupitreApi.Account(p.accountId(), null, p.displayName(), p.role(), null, true)));
            return page(v, Templates.verifyEmail(v, "", true));
        } catch (ApiProblem p) {
            if (p.status() >= 500) {
                throw p;
            }
            return formAgain(v, Templates.verifyEmail(v, orEmpty(token), false), p);
        }
    }

    @GET
    @Path("{lang:fr|en}/{slug:mot-de-passe-oublie|forgot-password}")
    public TemplateInstance forgotPasswordForm(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.FORGOT_PASSWORD, null);
        return page(v, Templates.forgotPassword(v, Form.empty(), false));
    }

    @POST
    @Path("{lang:fr|en}/{slug:mot-de-passe-oublie|forgot-password}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object forgotPassword(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("email") String email) {
        open(v, lang, slug, Page.FORGOT_PASSWORD, null);
        try {
            api.requestPasswordReset(new PupitreApi.EmailAddress(orEmpty(email).trim()));
            return page(v, Templates.forgotPassword(v, Form.empty(), true));
        } catch (ApiProblem p) {
            return formAgain(v, Templates.forgotPassword(v, Form.of(Map.of("email", orEmpty(email))).withProblem(p), false), p);
        }
    }

    @GET
    @Path("{lang:fr|en}/{slug:nouveau-mot-de-passe|new-password}")
    public TemplateInstance newPasswordForm(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("token") String token) {
        open(v, lang, slug, Page.NEW_PASSWORD, null);
        return page(v, Templates.newPassword(v, Form.empty(), orEmpty(token), false));
    }

    @POST
    @Path("{lang:fr|en}/{slug:nouveau-mot-de-passe|new-password}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object newPassword(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("token") String token, @FormParam("newPassword") String newPassword) {
        open(v, lang, slug, Page.NEW_PASSWORD, null);
        try {
            api.confirmPasswordReset(new PupitreApi.PasswordResetConfirmation(orEmpty(token), orEmpty(newPassword)));
            signedIn.end();
            return page(v, Templates.newPassword(v, Form.empty(), "", true));
        } catch (ApiProblem p) {
            return formAgain(v, Templates.newPassword(v, Form.empty().withProblem(p), orEmpty(token), false), p);
        }
    }

    // ----

    /** Only our own paths: never an open redirect to another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 500) {
            return null;
        }
        return next;
    }


}
