package ca.pupitre.web.page;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.session.SignedIn;
import ca.pupitre.web.session.SignedInPerson;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * How every page answers, in one place: the page in its language, a redirect, the sign-in page for a
 * person who is not signed in, a form shown again with the API's refusal, or back to a page that says the
 * refusal in its own words ({@code ?refused=CODE}).
 */
final class Answers {

    /** Statuses a refused form is answered with as they are; any other refusal is a 422. */
    private static final Set<Integer> KEPT = Set.of(401, 403, 409, 429);

    private Answers() {
    }

    /** Checks that {@code slug} is {@code page}'s address in {@code lang} (else 404) and says which page this is. */
    static void open(PageRequest v, String lang, String slug, Page page, Object id) {
        if (!page.isSlug(lang, slug)) {
            throw new NotFoundException();
        }
        v.at(lang, page, id);
    }

    /** The template, in the page's language. */
    static TemplateInstance page(PageRequest v, TemplateInstance template) {
        return template.setAttribute("locale", v.locale());
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** To sign in, and back here after. */
    static Response toSignIn(PageRequest v) {
        return seeOther(v.link(Page.SIGN_IN) + "?next=" + URLEncoder.encode(v.canonicalPath(), StandardCharsets.UTF_8));
    }

    /** The form again, with what was typed and the API's field errors, under the refusal's status. */
    static Response formAgain(PageRequest v, TemplateInstance form, ApiProblem p) {
        if (p.status() >= 500) {
            throw p;
        }
        return Response.status(KEPT.contains(p.status()) ? p.status() : 422).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(v, form)).build();
    }

    /** Back to {@code path}, which says why the API refused (a session it no longer accepts: sign in again). */
    static Response backTo(String path, ApiProblem p) {
        if (p.status() >= 500 || p.status() == 401) {
            throw p;
        }
        return seeOther(path + (path.contains("?") ? "&" : "?") + "refused=" + (p.code() == null ? "UNKNOWN" : p.code()));
    }

    /** What a signed-in person's action asks of the API, with her bearer token; returns where to go next. */
    @FunctionalInterface
    interface Action {
        String perform(String bearer);
    }

    /**
     * A signed-in person's form action: not signed in, to sign in (and back); done, to the path the action
     * returns; refused, back to {@code whenRefused}, which says why.
     */
    static Response act(PageRequest v, SignedIn signedIn, String whenRefused, Action action) {
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        try {
            return seeOther(action.perform(signedIn.bearer().orElseThrow()));
        } catch (ApiProblem p) {
            return backTo(whenRefused, p);
        }
    }

    /**
     * The signed-in moderator (ADMIN). Not signed in: to sign in, and back here after. Anyone else: 404, as
     * if the page did not exist.
     */
    static SignedInPerson requireAdmin(PageRequest v, SignedIn signedIn) {
        SignedInPerson person = signedIn.person()
                .orElseThrow(() -> new RedirectionException(toSignIn(v)));
        if (!person.isAdmin()) {
            throw new NotFoundException();
        }
        return person;
    }

    /** A path's id, or 404: an address with something else in it names no page. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException();
        }
    }

    /** A form's Idempotency-Key, if it is one (a UUID made when the form was shown); none otherwise. */
    static String idempotencyKey(String typed) {
        return typed != null && typed.matches("[0-9a-f-]{36}") ? typed : null;
    }

    /** A decimal as typed in either language ({@code 1 200,50 $} or {@code 1200.50}); null when nothing was. */
    static String decimal(String typed) {
        String s = textOrNull(typed);
        return s == null ? null : s.replace('\u00a0', ' ').replace(" ", "").replace("$", "").replace(',', '.');
    }

    /** French unless the browser prefers English. */
    static String preferredLang(HttpHeaders headers) {
        for (Locale wanted : headers.getAcceptableLanguages()) {
            if ("en".equals(wanted.getLanguage())) {
                return "en";
            }
            if ("fr".equals(wanted.getLanguage())) {
                return "fr";
            }
        }
        return "fr";
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** What was typed, stripped; null when nothing was. */
    static String textOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
