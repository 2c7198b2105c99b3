package ca.pupitre.web.view;

import ca.pupitre.web.page.MyListingPages;
import ca.pupitre.web.session.SignedIn;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every page knows about the request it answers: its language (from the URL), its request id (the
 * gateway's, so one id names the click everywhere) and the page's own address for canonical and
 * {@code hreflang} links.
 */
@RequestScoped
public class PageRequest {

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final HttpServerRequest request;
    private final SignedIn signedIn;
    private final String publicUrl;
    private String refusedHere;
    private String lang = "fr";
    private Page page = Page.HOME;
    private Object pageId;
    private String requestId;
    private boolean errorPage;

    public PageRequest(HttpServerRequest request, SignedIn signedIn, WebConfig config) {
        this.request = request;
        this.signedIn = signedIn;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Sets the language and which page this is (for links to the same page in the other language). */
    public PageRequest at(String lang, Page page, Object id) {
        this.lang = "en".equals(lang) ? "en" : "fr";
        this.page = page;
        this.pageId = id;
        return this;
    }

    public PageRequest at(String lang, Page page) {
        return at(lang, page, null);
    }

    /**
     * Marks this answer as an error page: it may answer a request no page handled, where no CSRF token was
     * made, so it shows no form.
     */
    public PageRequest asErrorPage() {
        this.errorPage = true;
        return this;
    }

    public boolean errorPage() {
        return errorPage;
    }

    /** {@code fr} or {@code en}. */
    public String lang() {
        return lang;
    }

    public String otherLang() {
        return "en".equals(lang) ? "fr" : "en";
    }

    public Locale locale() {
        return "en".equals(lang) ? Locale.CANADA : Locale.CANADA_FRENCH;
    }

    /** {@code fr-CA} or {@code en-CA}: the {@code lang} attribute of the page and the API's Accept-Language. */
    public String languageTag() {
        return "en".equals(lang) ? "en-CA" : "fr-CA";
    }

    public String requestId() {
        if (requestId == null) {
            String given = request.getHeader("X-Request-Id");
            requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        }
        return requestId;
    }

    /**
     * The stable problem code of an action the API just refused ({@code ?refused=CODE} after a redirect), or
     * null; pages say it in their own words (never text taken from the address).
     */
    public String refused() {
        if (refusedHere != null) {
            return refusedHere;
        }
        String code = request.getParam("refused");
        return code != null && code.matches("[A-Z_]{1,60}") ? code : null;
    }

    /** This page says the API refused something while it was being made (a stable code, see {@link #refused()}). */
    public void refuse(String code) {
        this.refusedHere = code;
    }

    /** The back-office sentences, for Java code that needs one (templates use {@code {office:...}}). */
    public OfficeMessages office() {
        return MessageBundles.get(OfficeMessages.class,
                Localized.Literal.of("en".equals(lang) ? "en" : "fr"));
    }

    /** The page's sentences, for Java code that needs one (templates use {@code {msg:...}}). */
    public Messages messages() {
        return MessageBundles.get(Messages.class,
                Localized.Literal.of("en".equals(lang) ? "en" : "fr"));
    }

    /** A query parameter of this request (a notice after a redirect), or null. */
    public String param(String name) {
        return request.getParam(name);
    }

    /** Provinces and territories (billing profiles: the client's decides the taxes). */
    public List<String> provinces() {
        return List.of("QC", "ON", "NB", "NS", "PE", "NL", "MB", "SK", "AB", "BC", "YT", "NT", "NU");
    }

    public List<String> paymentMethods() {
        return List.of("INTERAC", "CHEQUE", "CARD", "OTHER");
    }

    public List<Integer> stars() {
        return List.of(5, 4, 3, 2, 1);
    }

    /** The reasons a listing can be reported for, in the order the form offers them. */
    public List<String> reportReasons() {
        return List.of("SPAM", "SCAM", "NO_LONGER_RELEVANT", "MISCATEGORIZED");
    }

    /** Templates: a link to the page named {@code target} (a {@link Page} constant) in this page's language. */
    public String to(String target) {
        return Page.valueOf(target).path(lang);
    }

    public String to(String target, Object id) {
        return Page.valueOf(target).path(lang, id);
    }

    /** A link to {@code page} in this page's language. */
    public String link(Page target) {
        return target.path(lang);
    }

    public String link(Page target, Object id) {
        return target.path(lang, id);
    }

    /** This page in the other language (same query), for the language switch and {@code hreflang}. */
    public String alternatePath() {
        String query = request.query();
        return page.path(otherLang(), pageId) + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The absolute URL of this page in {@code lang}, without its query: canonical and {@code hreflang} targets. */
    public String absoluteUrl(String inLang) {
        return publicUrl + page.path(inLang, pageId);
    }

    /** This page's path in its language, without the query. */
    public String canonicalPath() {
        return page.path(lang, pageId);
    }

    public String canonicalUrl() {
        return absoluteUrl(lang);
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** Québec's region codes, in order (the search filter). */
    public List<String> regionCodes() {
        return Formats.REGIONS.keySet().stream().sorted().toList();
    }

    /** The API's pricing units, in the order a form offers them. */
    public List<String> units() {
        return List.of("HOUR", "PAGE", "THOUSAND_WORDS", "AUDIO_MINUTE", "FIXED");
    }

    /**
     * The person's address as this app resolved it (from the gateway's {@code X-Forwarded-For}, believed
     * only from {@code PUPITRE_TRUSTED_PROXIES}); null when unknown.
     */
    public String clientAddress() {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** A fresh Idempotency-Key for a form that creates money or paid things (made when the form is shown). */
    public String newKey() {
        return UUID.randomUUID().toString();
    }

    /** Turnarounds an offer may promise. */
    public List<String> turnarounds() {
        return MyListingPages.TURNAROUNDS;
    }

    /** Rows of fixed-price lines an invoice draft form offers. */
    public List<Integer> milestoneRows() {
        return List.of(1, 2, 3);
    }

    /** Units of per-unit engagements (billing's). */
    public List<String> workUnits() {
        return List.of("PAGE", "THOUSAND_WORDS", "AUDIO_MINUTE");
    }

    /** Feeds a partner may be allowed to read. */
    public List<String> partnerFeeds() {
        return List.of("JOBS_JSONLD", "JOBS_XML", "SERVICES_JSONLD", "SERVICES_ATOM", "CHANGES");
    }

    public SignedIn signedIn() {
        return signedIn;
    }
}
