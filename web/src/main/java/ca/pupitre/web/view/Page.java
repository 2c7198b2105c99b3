package ca.pupitre.web.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The web app's pages and their addresses in each language: French first ({@code /fr/annonces}), English on
 * request ({@code /en/listings}). One place builds every link, so a page can always name its other-language
 * twin ({@code hreflang}) and templates never spell a path.
 */
public enum Page {
    HOME("", ""),
    SEARCH("annonces", "listings"),
    LISTING("annonces/{id}", "listings/{id}"),
    SECRETARY("secretaires/{id}", "secretaries/{id}"),
    SIGN_UP("inscription", "sign-up"),
    SIGN_IN("connexion", "sign-in"),
    SIGN_OUT("deconnexion", "sign-out"),
    ACCOUNT("compte", "account"),
    NEW_LISTING("compte/annonces/nouvelle", "account/listings/new"),
    PUBLISH_LISTING("compte/annonces/{id}/publier", "account/listings/{id}/publish"),
    RESEND_VERIFICATION("compte/verification", "account/verification"),
    INVITATIONS("compte/invitations", "account/invitations"),
    MODERATION("moderation", "moderation"),
    BILLING_PROFILE("compte/facturation", "account/billing"),
    ALERTS("compte/alertes", "account/alerts"),
    SETTINGS("compte/parametres", "account/settings"),
    ENGAGEMENTS("compte/mandats", "account/engagements"),
    ENGAGEMENT("compte/mandats/{id}", "account/engagements/{id}"),
    INVOICE("compte/factures/{id}", "account/invoices/{id}"),
    REPORT_LISTING("annonces/{id}/signaler", "listings/{id}/report"),
    INVITATION("compte/invitations/{id}", "account/invitations/{id}"),
    VERIFY_EMAIL("verifier-courriel", "verify-email"),
    FORGOT_PASSWORD("mot-de-passe-oublie", "forgot-password"),
    NEW_PASSWORD("nouveau-mot-de-passe", "new-password"),
    EDIT_LISTING("compte/annonces/{id}/modifier", "account/listings/{id}/edit"),
    FEATURE_LISTING("compte/annonces/{id}/a-la-une", "account/listings/{id}/feature"),
    REPORTS("compte/rapports", "account/reports"),
    PARTNERS("moderation/partenaires", "moderation/partners"),
    PARTNER("moderation/partenaires/{id}", "moderation/partners/{id}");

    private final String fr;
    private final String en;

    Page(String fr, String en) {
        this.fr = fr;
        this.en = en;
    }

    /** The path of this page in {@code lang}, e.g. {@code /fr/annonces/1234}; {@code id} fills {@code {id}}. */
    public String path(String lang, Object id) {
        String slug = "en".equals(lang) ? en : fr;
        if (id != null) {
            slug = slug.replace("{id}", URLEncoder.encode(id.toString(), StandardCharsets.UTF_8));
        }
        return "/" + ("en".equals(lang) ? "en" : "fr") + "/" + slug;
    }

    public String path(String lang) {
        return path(lang, null);
    }

    /** True when {@code slug} (without the language) is this page's slug in {@code lang}. */
    public boolean isSlug(String lang, String slug) {
        return ("en".equals(lang) ? en : fr).equals(slug);
    }
}
