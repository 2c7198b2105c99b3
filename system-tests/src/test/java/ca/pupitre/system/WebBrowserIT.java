package ca.pupitre.system;

import static io.restassured.RestAssured.given;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web app in a real browser (Debian's Chromium driven by Playwright), through the gateway of a real
 * stack: a secretary signs up, proves her address from the e-mail and publishes an offer; a client finds
 * her in plain words, with the keyboard; the same pages in English and at phone width. Every page is
 * checked with axe-core (no serious or critical WCAG 2.1 A/AA violation) when {@code PUPITRE_AXE_SCRIPT}
 * names axe.min.js (.ci/run installs it with npm); screenshots go to {@code target/screenshots}.
 *
 * <p>Without Chromium ({@code /usr/bin/chromium}, or {@code PUPITRE_CHROMIUM}) the class is skipped, so that
 * {@code ./mvnw verify} needs only a JDK; {@code PUPITRE_BROWSER_REQUIRED=true} (set by .ci/run, which
 * installs Chromium) turns a missing browser into a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserIT {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String PASSWORD = "trente ans de métier";
    /** The client's password once she changed it (test 8). */
    private static final String CLIENT_NEW_PASSWORD = "un nouveau mot de passe";

    private static TestStacks.Started started;
    private static Playwright playwright;
    private static Browser browser;
    private static String axeScript;
    private static String offerTitle;
    private static String offerPath;
    private static String secretaryEmail;
    private static String clientEmail;
    private static String invitationPath;
    private static String secondOfferTitle;
    private static String secondOfferPath;
    private static final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void startBrowserAndStack() throws Exception {
        Path chromium = Paths.get(System.getenv().getOrDefault("PUPITRE_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            if ("true".equals(System.getenv("PUPITRE_BROWSER_REQUIRED"))) {
                fail("No browser at " + chromium + " (apt-get install -y --no-install-recommends chromium)");
            }
            Assumptions.abort("No Chromium at " + chromium + ": browser tests skipped");
        }
        String axe = System.getenv("PUPITRE_AXE_SCRIPT");
        if (axe != null && !axe.isBlank()) {
            axeScript = Files.readString(Paths.get(axe));
        } else if ("true".equals(System.getenv("PUPITRE_BROWSER_REQUIRED"))) {
            fail("PUPITRE_AXE_SCRIPT must name axe.min.js when browser tests are required");
        }
        Files.createDirectories(SCREENSHOTS);
        started = TestStacks.start("web", config -> config.env("PUPITRE_SUGGEST_REBUILD_EVERY", "2s")
                // matching copies new listings from listings' change feed every 5 s; the journeys wait less
                .env("PUPITRE_MATCHING_FEED_POLL", "300ms")
                // as in docker-compose: the gateway believes the web app's X-Forwarded-For (on one machine the web
                // app's address is also everyone's, 127.0.0.1; compose gives the web app an address of its own)
                .env("PUPITRE_TRUSTED_PROXIES", "127.0.0.1/32,::1/128"));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setArgs(List.of("--no-sandbox")).setHeadless(true));
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (started != null) {
            started.stack().close();
        }
    }

    private static BrowserContext person(String locale, int width) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, 900)
                .setBaseURL(started.gateway()));
    }

    /** axe-core on the page as it is now; serious and critical violations are collected and fail the test. */
    private static void checkAccessibility(Page page, String name) {
        if (axeScript == null) {
            return;
        }
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeScript));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("async () => {"
                + " const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "   .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        found.forEach(v -> violations.add(name + ": " + v));
        assertThat(found).as("axe-core on %s", name).isEmpty();
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    @Order(1)
    void aSecretarySignsUpProvesHerAddressAndPublishesAnOffer() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            page.navigate("/");
            assertThat(page.url()).endsWith("/fr/");
            checkAccessibility(page, "home (fr)");
            screenshot(page, "home-fr");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publier mon offre")).click();
            assertThat(page.url()).contains("/fr/inscription");
            checkAccessibility(page, "sign-up (fr)");
            String email = "josee-" + UUID.randomUUID() + "@example.ca";
            secretaryEmail = email;
            page.getByLabel("Nom affiché").fill("Josée Paquette");
            page.getByLabel("Courriel").fill(email);
            page.getByLabel("Mot de passe").fill("court");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            // refused on the server: the field error is next to the field, what was typed is kept
            assertThat(page.locator("#password-error").textContent()).isNotBlank();
            assertThat(page.getByLabel("Nom affiché").inputValue()).isEqualTo("Josée Paquette");
            checkAccessibility(page, "sign-up with errors (fr)");
            page.getByLabel("Mot de passe").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
            page.waitForURL("**/fr/compte?welcome=1");
            assertThat(page.locator("h1").textContent()).isEqualTo("Bonjour, Josée Paquette");
            checkAccessibility(page, "account (fr)");

            // the link in the e-mail, as she would click it
            String link = started.newestMailTo(email).replaceAll("(?s).*?(https?://\\S*verifier-courriel\\?token=[A-Za-z0-9_-]+).*", "$1");
            page.navigate(link.replaceFirst("^https?://[^/]+", ""));
            checkAccessibility(page, "verify e-mail (fr)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer")).click();
            assertThat(page.locator("[role=status]").textContent()).contains("confirmée");

            page.navigate("/fr/compte/annonces/nouvelle");
            checkAccessibility(page, "new offer (fr)");
            offerTitle = "Transcription de dictées médicales " + UUID.randomUUID().toString().substring(0, 6);
            page.getByLabel("Titre (français)").fill(offerTitle);
            page.getByLabel("Description (français)").fill("Dictées de médecins et de cliniques transcrites en 24 h,"
                    + " terminologie médicale, envoi sécurisé.");
            page.getByLabel("Transcription", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Secrétariat médical", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Tarif ou budget ($)").fill("38.00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier")).click();
            page.waitForURL("**/fr/annonces/*");
            offerPath = page.url().replaceFirst("^https?://[^/]+", "");
            assertThat(page.locator("h1").textContent()).isEqualTo(offerTitle);
            assertThat(page.locator("dl.facts").textContent()).contains("38,00\u00a0$ à l'heure");
            checkAccessibility(page, "offer (fr)");
            screenshot(page, "listing-fr");
        }
    }

    @Test
    @Order(2)
    void aClientFindsHerInPlainWordsWithTheKeyboard() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            page.navigate("/fr/");
            // keyboard only: the first Tab reaches the skip link, which takes focus to the content
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip");
            page.keyboard().press("Enter");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("content");
            page.getByLabel("Que cherchez-vous ?").focus();
            page.keyboard().type("j'ai besoin de quelqu'un pour transcrire les dictées de ma clinique");
            page.keyboard().press("Enter");
            page.waitForURL("**/fr/annonces?q=*");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(offerTitle)).waitFor();
            checkAccessibility(page, "search (fr)");
            screenshot(page, "search-fr");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(offerTitle)).focus();
            page.keyboard().press("Enter");
            page.waitForURL("**" + offerPath);
            assertThat(page.locator("h1").textContent()).isEqualTo(offerTitle);

            // type-ahead: completions from the API fill the search box's list (progressive enhancement)
            page.navigate("/fr/annonces");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
                page.getByLabel("Que cherchez-vous ?").fill("");
                page.getByLabel("Que cherchez-vous ?").pressSequentially("transc");
                page.waitForTimeout(400);
                assertThat(page.locator("#suggestions option").count()).isPositive();
            });
        }
    }

    @Test
    @Order(3)
    void theSamePagesInEnglishAndAtPhoneWidth() {
        try (BrowserContext context = person("en-CA", 360)) {
            Page page = context.newPage();
            page.navigate("/");
            assertThat(page.url()).endsWith("/en/");
            assertNoHorizontalScroll(page, "home (en, 360 px)");
            checkAccessibility(page, "home (en, phone)");
            screenshot(page, "home-en-phone");
            page.navigate("/en/listings?q=medical transcription");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(offerTitle)).waitFor();
            assertNoHorizontalScroll(page, "search (en, 360 px)");
            checkAccessibility(page, "search (en, phone)");
            screenshot(page, "search-en-phone");
            String id = offerPath.substring(offerPath.lastIndexOf('/') + 1);
            page.navigate("/en/listings/" + id);
            assertThat(page.locator("dl.facts").textContent()).contains("$38.00 per hour");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en-CA");
            assertNoHorizontalScroll(page, "listing (en, 360 px)");
            checkAccessibility(page, "listing (en, phone)");
            screenshot(page, "listing-en-phone");
            // and back to French with one link
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Français")).click();
            page.waitForURL("**/fr/annonces/" + id);
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(4)
    void aClientPostsARequestSeesWhyHerMatchesRankAndInvitesTheSecretary() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            clientEmail = "etude-" + UUID.randomUUID() + "@example.ca";
            signUpAndProveAddress(page, "client : je cherche une secrétaire", "Étude Tremblay, notaires", clientEmail);
            page.navigate("/fr/compte/annonces/nouvelle");
            assertThat(page.locator("h1").textContent()).isEqualTo("Nouvelle demande");
            page.getByLabel("Titre (français)").fill("Transcription de dictées pour notre clinique");
            page.getByLabel("Description (français)").fill("Nos médecins dictent des lettres chaque jour ; il nous faut"
                    + " quelqu'un pour les transcrire rapidement.");
            page.getByLabel("Transcription", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Secrétariat médical", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Tarif ou budget ($)").fill("35.00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier")).click();
            page.waitForURL("**/fr/annonces/*");
            // her request's page lists the secretaries who match, with the reasons, once matching has copied the offer
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
                page.reload();
                assertThat(page.locator(".matches h3").allTextContents()).contains(offerTitle);
            });
            var card = page.locator(".matches li.card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(offerTitle));
            assertThat(card.locator(".reasons li").count()).isPositive();
            assertThat(card.locator(".badge.newcomer").textContent()).isEqualTo("Nouvelle sur Pupitre");
            checkAccessibility(page, "request with matches (fr)");
            screenshot(page, "request-matches-fr");
            card.getByLabel("Message (facultatif)").fill("Bonjour, seriez-vous disponible dès lundi ?");
            card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Inviter")).click();
            page.waitForURL("**/fr/compte/invitations/*");
            invitationPath = page.url().replaceFirst("^https?://[^/]+", "");
            assertThat(page.locator("dl.facts").textContent()).contains("En attente");
            checkAccessibility(page, "invitation, client (fr)");
        }
    }

    @Test
    @Order(5)
    void theSecretaryAcceptsAndTheyWriteToEachOther() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invitations")).first().click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transcription de dictées pour notre clinique")).click();
            assertThat(page.locator("blockquote").textContent()).contains("disponible dès lundi");
            checkAccessibility(page, "invitation, secretary (fr)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accepter")).click();
            expect(page.locator("dl.facts")).containsText("Acceptée");
            page.getByLabel("Votre message").fill("Bonjour, oui : je peux commencer lundi matin.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")).click();
            page.waitForURL("**#messages");
            expect(page.locator(".thread")).containsText("je peux commencer lundi matin");
        }
        try (BrowserContext context = person("en-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail);
            page.navigate(invitationPath.replace("/fr/compte/", "/en/account/"));
            assertThat(page.locator("dl.facts").textContent()).contains("Accepted");
            assertThat(page.locator(".thread").textContent()).contains("je peux commencer lundi matin");
            page.getByLabel("Your message").fill("Perfect, see you Monday.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            page.waitForURL("**#messages");
            expect(page.locator(".thread li")).hasCount(2);
            checkAccessibility(page, "invitation thread (en)");
            screenshot(page, "invitation-en");
        }
    }

    @Test
    @Order(6)
    void sheLogsTimeTheClientApprovesSheInvoicesWithQuebecTaxesIsPaidAndReviewed() {
        String engagementPath;
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail);
            fillBillingProfile(page, "Étude Tremblay, notaires", null, null);
            page.navigate(invitationPath);
            assertThat(page.getByLabel("Taux ($ l'heure ou par unité)").inputValue()).isEqualTo("38.00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Commencer le mandat")).click();
            page.waitForURL("**/fr/compte/mandats/*");
            engagementPath = page.url().replaceFirst("^https?://[^/]+", "");
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            fillBillingProfile(page, "Josée Paquette, télésecrétaire", "123456789 RT0001", "1234567890 TQ0001");
            page.navigate(engagementPath);
            page.getByLabel("Heures").fill("2");
            page.getByLabel("Minutes").fill("30");
            page.getByLabel("Travail fait").fill("Transcription de 12 lettres dictées");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inscrire").setExact(true)).click();
            page.waitForURL("**#time");
            expect(page.locator("#time table")).containsText("2 h 30");
            expect(page.locator("#time table")).containsText("À approuver");
            checkAccessibility(page, "engagement, secretary (fr)");
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail);
            page.navigate(engagementPath);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approuver la semaine")).click();
            page.waitForURL("**#time");
            expect(page.locator("#time table")).containsText("Approuvé");
        }
        String invoicePath;
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.navigate(engagementPath);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Préparer la facture du temps approuvé")).click();
            page.waitForURL("**/fr/compte/factures/*");
            invoicePath = page.url().replaceFirst("^https?://[^/]+", "");
            expect(page.locator("h1")).hasText("Brouillon de facture");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Émettre la facture")).click();
            // 2.5 h at 38.00 $ = 95.00 $; QC client: GST 5 % = 4.75 $, QST 9.975 % = 9.48 $ (9.47625, half up)
            expect(page.locator("h1")).containsText("Facture ");
            String table = page.locator("table.invoice").textContent();
            assertThat(table).contains("95,00\u00a0$").contains("TPS (5\u00a0%)").contains("4,75\u00a0$").contains("TVQ (9,975\u00a0%)")
                    .contains("9,48\u00a0$").contains("109,23\u00a0$");
            checkAccessibility(page, "invoice, secretary (fr)");
            screenshot(page, "invoice-fr");
            var pdf = page.request().get(invoicePath + "/pdf");
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(page.getByLabel("Montant ($)").inputValue()).isEqualTo("109.23");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le paiement")).click();
            expect(page.locator("dl.facts")).containsText("Payée");
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail);
            page.navigate(invoicePath);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer que j'ai fait ce paiement")).click();
            expect(page.locator(".payments")).containsText("confirmé par le client");
            page.navigate(engagementPath);
            page.getByLabel("Note").selectOption("5");
            page.getByLabel("Votre avis", new Page.GetByLabelOptions().setExact(true)).fill("Travail rapide et soigné, terminologie médicale impeccable.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier l'avis")).click();
            expect(page.locator("[role=status]")).containsText("votre avis est publié");
            page.navigate(offerPath);
            expect(page.locator(".reviews")).containsText("terminologie médicale impeccable");
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.navigate(offerPath);
            page.getByLabel("Votre réponse (publique)").fill("Merci, ce fut un plaisir !");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Répondre")).click();
            expect(page.locator(".review-list blockquote")).containsText("ce fut un plaisir");
        }
    }

    @Test
    @Order(7)
    void aReportedListingHiddenByAModeratorLeavesSearch() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail);
            page.navigate(offerPath);
            page.getByText("Signaler cette annonce").click();
            page.getByLabel("Motif").selectOption("SCAM");
            page.getByLabel("Précisions (facultatif)").fill("Demande un paiement d'avance par virement.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer le signalement")).click();
            assertThat(page.locator("[role=status]").textContent()).contains("signalement a été transmis");
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            page.navigate("/fr/connexion");
            page.getByLabel("Courriel").fill(started.secrets().adminEmail());
            page.getByLabel("Mot de passe").fill(started.secrets().adminPassword());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
            page.getByLabel("Navigation principale").getByRole(AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Modération")).click();
            var entry = page.locator(".queue li.card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(offerTitle));
            assertThat(entry.textContent()).contains("Arnaque").contains("paiement d'avance");
            checkAccessibility(page, "moderation (fr)");
            screenshot(page, "moderation-fr");
            entry.getByLabel("Raison du masquage (vue par la personne)").fill("Arnaque signalée et vérifiée");
            entry.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Masquer")).click();
            expect(page.locator(".queue li.card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(offerTitle))).containsText("Masquée");
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
                page.navigate("/fr/annonces?q=transcription dictées médicales");
                assertThat(page.locator(".cards h3").allTextContents()).doesNotContain(offerTitle);
            });
            assertThat(page.navigate(offerPath).status()).isEqualTo(404);
        }
    }

    @Test
    @Order(8)
    void aPersonSavesASearchAsAnAlertExportsHerDataAndChangesHerPassword() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail);
            page.navigate("/fr/annonces?q=mise en page");
            page.getByText("M'avertir des nouvelles annonces pour cette recherche").click();
            page.getByLabel("Fréquence").selectOption("DAILY");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer l'alerte")).click();
            page.waitForURL("**/fr/compte/alertes?created=1");
            expect(page.locator(".cards")).containsText("mise en page");
            expect(page.locator(".cards")).containsText("Une fois par jour");
            checkAccessibility(page, "alerts (fr)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer")).click();
            expect(page.locator("main")).containsText("Aucune alerte");

            page.navigate("/fr/compte/parametres");
            checkAccessibility(page, "settings (fr)");
            var download = page.waitForDownload(() -> page.getByText("Télécharger mes données").click());
            String exported;
            try {
                exported = Files.readString(download.path());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(exported).contains("pupitre-personal-data/1").contains(clientEmail);
            page.getByLabel("Mot de passe actuel").fill("pas le bon mot de passe");
            page.getByLabel("Nouveau mot de passe").fill(CLIENT_NEW_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
            expect(page.locator(".problem")).isVisible();
            page.getByLabel("Mot de passe actuel").fill(PASSWORD);
            page.getByLabel("Nouveau mot de passe").fill(CLIENT_NEW_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
            expect(page.locator("[role=status]")).containsText("Mot de passe changé");
        }
        // someone with no work under way closes her account from the settings page
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            String email = "partante-" + UUID.randomUUID() + "@example.ca";
            signUpAndProveAddress(page, "client : je cherche une secrétaire", "Cliente de passage", email);
            page.navigate("/fr/compte/parametres");
            page.getByText("Fermer mon compte").click();
            page.locator("#close-password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fermer définitivement mon compte")).click();
            page.waitForURL("**/fr/?closed=1");
            expect(page.locator("[role=status]")).containsText("Votre compte est fermé");
            page.navigate("/fr/connexion");
            page.getByLabel("Courriel").fill(email);
            page.getByLabel("Mot de passe").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
            expect(page.locator(".problem")).isVisible();
        }
    }

    @Test
    @Order(9)
    void sheEditsAnOfferAndAChangeMadeMeanwhileIsNeverOverwrittenUnseen() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.navigate("/fr/compte/annonces/nouvelle");
            secondOfferTitle = "Mise en page de rapports annuels " + UUID.randomUUID().toString().substring(0, 6);
            page.getByLabel("Titre (français)").fill(secondOfferTitle);
            page.getByLabel("Description (français)").fill("Rapports annuels, procès-verbaux et gabarits Word mis en page.");
            page.getByLabel("Mise en page", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Tarif ou budget ($)").fill("45,00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publier")).click();
            page.waitForURL("**/fr/annonces/*");
            secondOfferPath = page.url().replaceFirst("^https?://[^/]+", "");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Modifier")).click();
            page.waitForURL("**/modifier");
            String editPath = page.url().replaceFirst("^https?://[^/]+", "");
            assertThat(page.getByLabel("Titre (français)").inputValue()).isEqualTo(secondOfferTitle);
            assertThat(page.getByLabel("Mise en page", new Page.GetByLabelOptions().setExact(true)).isChecked()).isTrue();
            checkAccessibility(page, "edit offer (fr)");

            // the same form open in a second tab, as read now
            Page otherTab = context.newPage();
            otherTab.navigate(editPath);

            secondOfferTitle = secondOfferTitle + " en 48 h";
            page.getByLabel("Titre (français)").fill(secondOfferTitle);
            page.getByLabel("Délai de livraison habituel").selectOption("P2D");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les changements")).click();
            page.waitForURL("**?saved=1");
            expect(page.locator("h1")).hasText(secondOfferTitle);
            expect(page.locator("[role=status]")).containsText("Vos changements sont enregistrés");
            assertThat(page.locator("dl.facts").textContent()).contains("2 jours").contains("45,00\u00a0$ à l'heure");

            // the older tab saves over a version that is gone: refused, with what it typed kept
            otherTab.getByLabel("Tarif ou budget ($)").fill("52");
            otherTab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer les changements")).click();
            expect(otherTab.locator(".problem")).containsText("modifiée ailleurs");
            assertThat(otherTab.getByLabel("Tarif ou budget ($)").inputValue()).isEqualTo("52");
            checkAccessibility(otherTab, "edit offer, changed meanwhile (fr)");
            page.navigate(secondOfferPath);
            assertThat(page.locator("dl.facts").textContent()).contains("45,00\u00a0$");

            // written in French only: on the English page its title says which language it is in
            page.navigate(secondOfferPath.replace("/fr/annonces/", "/en/listings/"));
            assertThat(page.locator("h1").getAttribute("lang")).isEqualTo("fr-CA");
        }
        // nobody else can open its edit form
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail, CLIENT_NEW_PASSWORD);
            assertThat(page.navigate(secondOfferPath.replace("/fr/annonces/", "/fr/compte/annonces/") + "/modifier").status())
                    .isEqualTo(404);
            // nor a secretary's books
            assertThat(page.navigate("/fr/compte/rapports").status()).isEqualTo(404);
        }
    }

    @Test
    @Order(10)
    void aFixedPriceEngagementIsInvoicedByMilestoneAndCorrectedByACreditNote() {
        // set up through the public API (the pages for these steps are tested above): a request, an invitation
        // to her second offer, accepted
        String clientToken = apiToken(clientEmail, CLIENT_NEW_PASSWORD);
        String secretaryToken = apiToken(secretaryEmail, PASSWORD);
        String requestId = given().baseUri(started.gateway()).auth().oauth2(clientToken).contentType(ContentType.JSON)
                .body(Map.of("title", Map.of("fr", "Mise en page du rapport annuel de l'étude"),
                        "description", Map.of("fr", "Rapport de 40 pages à mettre en page, livré en deux jalons."),
                        "skills", List.of("layout"), "languages", List.of("fr"), "remote", true,
                        "pricing", Map.of("unit", "FIXED", "amount", "1200.00")))
                .post("/api/v1/listings").then().statusCode(201).extract().path("id");
        given().baseUri(started.gateway()).auth().oauth2(clientToken).post("/api/v1/listings/" + requestId + "/publish")
                .then().statusCode(200);
        String offerId = secondOfferPath.substring(secondOfferPath.lastIndexOf('/') + 1);
        String[] invitation = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            io.restassured.response.Response r = given().baseUri(started.gateway()).auth().oauth2(clientToken)
                    .contentType(ContentType.JSON).body(Map.of("requestId", requestId, "offerId", offerId, "message", "Deux jalons ?"))
                    .post("/api/v1/invitations");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
            invitation[0] = r.path("id");
        });
        given().baseUri(started.gateway()).auth().oauth2(secretaryToken).post("/api/v1/invitations/" + invitation[0] + "/accept")
                .then().statusCode(200);

        String engagementPath;
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, clientEmail, CLIENT_NEW_PASSWORD);
            page.navigate("/fr/compte/invitations/" + invitation[0]);
            page.getByLabel("Forfait (facturé par jalons)").check();
            page.getByLabel("Montant du forfait ($)").fill("1 200,00");
            checkAccessibility(page, "invitation, pricing (fr)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Commencer le mandat")).click();
            page.waitForURL("**/fr/compte/mandats/*");
            engagementPath = page.url().replaceFirst("^https?://[^/]+", "");
            // the French thousands separator is a no-break space (narrow or not, by JDK): compare without it
            assertThat(page.locator("dl.facts").textContent().replaceAll("[\\s\u00a0\u202f]", "")).contains("1200,00$forfait");
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.navigate(engagementPath);
            // a fixed price is invoiced by milestones: none given, the page says so
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Préparer la facture des jalons")).click();
            expect(page.locator(".problem")).containsText("au moins un jalon");
            page.getByLabel("Jalon 1 : description").fill("Jalon 1 : gabarit et 20 premières pages");
            page.getByLabel("Jalon 1 : montant ($)").fill("600");
            checkAccessibility(page, "engagement, fixed price (fr)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Préparer la facture des jalons")).click();
            page.waitForURL("**/fr/compte/factures/*");
            expect(page.locator("table.invoice")).containsText("gabarit et 20 premières pages");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Émettre la facture")).click();
            expect(page.locator("h1")).containsText("Facture ");
            // 600.00 + GST 30.00 + QST 59.85 = 689.85
            assertThat(page.locator("table.invoice").textContent()).contains("689,85\u00a0$");

            page.locator("#credit summary").click();
            page.getByLabel("Montant à créditer, avant taxes ($)").fill("1000");
            page.getByLabel("Raison (imprimée sur la note)").fill("Page de garde retirée du mandat");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Émettre la note de crédit")).click();
            expect(page.locator(".problem")).containsText("dépasse");
            // refused: back on the invoice, the form open again
            page.getByLabel("Montant à créditer, avant taxes ($)").fill("100");
            page.getByLabel("Raison (imprimée sur la note)").fill("Page de garde retirée du mandat");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Émettre la note de crédit")).click();
            expect(page.locator("h1")).containsText("Note de crédit NC-");
            // 100.00 + GST 5.00 + QST 9.98 (9.975, half up) = 114.98
            assertThat(page.locator("table.invoice").textContent()).contains("114,98\u00a0$");
            checkAccessibility(page, "credit note (fr)");
        }
    }

    @Test
    @Order(11)
    void sheFeaturesHerOfferAndReadsHerBooks() throws Exception {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.navigate(secondOfferPath);
            page.getByLabel("30 jours").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Commander")).click();
            page.waitForURL("**?featured=1");
            expect(page.locator("[role=status]")).containsText("Commande reçue");
            assertThat(page.locator("dl.facts").textContent()).contains("Pupitre inc.");
            // 45.00 before taxes, from Pupitre to a Québec secretary: GST 2.25, QST 4.49 (4.48875, half up)
            assertThat(page.locator("table.invoice").textContent()).contains("51,74\u00a0$");
            // she is this invoice's client: no payment form for her
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le paiement")).count()).isZero();
            checkAccessibility(page, "featuring invoice (fr)");

            page.navigate("/fr/compte");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mes rapports")).click();
            page.waitForURL("**/fr/compte/rapports");
            // this month: 95.00 (hourly, paid) + 600.00 (milestone) invoiced, 100.00 credited
            String revenue = page.locator("#revenue table").textContent();
            assertThat(revenue).contains("695,00\u00a0$").contains("100,00\u00a0$").contains("595,00\u00a0$");
            String taxes = page.locator("#taxes table").textContent();
            // GST 4.75 + 30.00 - 5.00 = 29.75; QST 9.48 + 59.85 - 9.98 = 59.35
            assertThat(taxes).contains("29,75\u00a0$").contains("59,35\u00a0$");
            assertThat(page.locator("#receivables").textContent()).contains("574,87\u00a0$"); // 689.85 - 114.98
            assertThat(page.locator("#promotions").textContent()).contains("30 jours").contains("en attente de paiement");
            checkAccessibility(page, "reports (fr)");
            screenshot(page, "reports-fr");
            var download = page.waitForDownload(() -> page.getByText("Télécharger les factures de la période (CSV)").click());
            String csv = Files.readString(download.path());
            assertThat(csv).contains("NC-").contains("Étude Tremblay");
        }
        try (BrowserContext context = person("en-CA", 360)) {
            Page page = context.newPage();
            page.navigate("/en/sign-in");
            page.getByLabel("E-mail").fill(secretaryEmail);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL("**/en/account");
            page.navigate("/en/account/reports");
            assertThat(page.locator("#revenue table").textContent()).contains("$695.00");
            assertNoHorizontalScroll(page, "reports (en, phone)");
            checkAccessibility(page, "reports (en, phone)");
        }
    }

    @Test
    @Order(12)
    void aModeratorRegistersAPartnerSeesItsKeyOnceAndRotatesIt() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signInAsAdmin(page);
            page.navigate("/fr/moderation/partenaires");
            checkAccessibility(page, "partners (fr)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inscrire et créer sa clé")).click();
            expect(page.locator(".problem")).isVisible(); // nothing filled: the API's field errors
            page.getByLabel("Nom du partenaire").fill("Emplois Québec Plus");
            page.getByLabel("Courriel de contact").fill("flux@emploisqc.example");
            page.getByLabel("Demandes (JSON-LD)").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Inscrire et créer sa clé")).click();
            String key = page.locator("#api-key").inputValue();
            assertThat(key).isNotBlank();
            checkAccessibility(page, "partner, key shown once (fr)");
            // the key works, for the feed it was given
            assertThat(page.request().get("/api/v1/feeds/jobs.jsonld",
                    com.microsoft.playwright.options.RequestOptions.create().setHeader("X-Api-Key", key)).status()).isEqualTo(200);
            page.navigate("/fr/moderation/partenaires");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Emplois Québec Plus")).first().click();
            assertThat(page.locator("#api-key").count()).as("the key is never shown again").isZero();
            expect(page.locator("#stats")).containsText("Réponses servies");
            checkAccessibility(page, "partner (fr)");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer une nouvelle clé")).click();
            String rotated = page.locator("#api-key").inputValue();
            assertThat(rotated).isNotBlank().isNotEqualTo(key);
            expect(page.locator("#keys")).containsText("en sursis");
            String oldPrefix = page.locator("#keys tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("en sursis")).locator("code").textContent();
            page.locator("#keys tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("en sursis"))
                    .getByRole(AriaRole.BUTTON).click();
            expect(page.locator("#keys tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(oldPrefix)))
                    .containsText("révoquée");
            // keys are cached by the gateway for 2 s at most
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(6)).untilAsserted(() ->
                    assertThat(page.request().get("/api/v1/feeds/jobs.jsonld", com.microsoft.playwright.options.RequestOptions
                            .create().setHeader("X-Api-Key", key)).status()).isEqualTo(401));
        }
        // not for anyone else
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            assertThat(page.navigate("/fr/moderation/partenaires").status()).isEqualTo(404);
        }
    }

    @Test
    @Order(13)
    void signInLimitsCountEachPersonNotTheWebApp() {
        String email = "personne-" + UUID.randomUUID() + "@example.ca";
        int last = 0;
        for (int attempt = 0; attempt < 11; attempt++) {
            last = signInThroughTheWebApp("203.0.113.7", email);
        }
        assertThat(last).as("the 11th wrong password from one person").isEqualTo(429);
        // someone else, elsewhere, typing the same address is not held back by her
        assertThat(signInThroughTheWebApp("203.0.113.8", email)).isEqualTo(401);
    }

    /** One wrong sign-in through the web app's form, from a browser at {@code address} (as a balancer says). */
    private static int signInThroughTheWebApp(String address, String email) {
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> form = given().baseUri(started.gateway())
                .header("X-Forwarded-For", address).get("/fr/connexion").then().statusCode(200).extract();
        String token = form.body().asString().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        return given().baseUri(started.gateway()).redirects().follow(false).header("X-Forwarded-For", address)
                .cookie("pupitre_csrf", form.cookie("pupitre_csrf")).contentType(ContentType.URLENC)
                .formParam("csrf", token).formParam("email", email).formParam("password", "pas le bon mot de passe")
                .post("/fr/connexion").statusCode();
    }

    @Test
    @Order(14)
    void someoneWhoForgotHerPasswordChoosesANewOneFromTheEmailOnHerPhone() {
        String email = "distraite-" + UUID.randomUUID() + "@example.ca";
        try (BrowserContext context = person("fr-CA", 1280)) {
            signUpAndProveAddress(context.newPage(), "secrétaire : j'offre mes services", "Secrétaire distraite", email);
        }
        String newPassword = "un mot de passe retrouvé";
        try (BrowserContext context = person("en-CA", 360)) {
            Page page = context.newPage();
            page.navigate("/en/sign-in");
            checkAccessibility(page, "sign-in (en, phone)");
            assertNoHorizontalScroll(page, "sign-in (en, phone)");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
            page.waitForURL("**/en/forgot-password");
            checkAccessibility(page, "forgot password (en, phone)");
            assertNoHorizontalScroll(page, "forgot password (en, phone)");
            page.getByLabel("E-mail").fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
            expect(page.locator("[role=status]")).containsText("If an account uses this address");

            // the link in the e-mail (in French: her account's language), opened on her English phone
            String mail = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> started.newestMailTo(email),
                    text -> text != null && text.contains("nouveau-mot-de-passe?token="));
            String link = mail.replaceAll("(?s).*?(https?://\\S*nouveau-mot-de-passe\\?token=[A-Za-z0-9_-]+).*", "$1");
            page.navigate(link.replaceFirst("^https?://[^/]+", ""));
            assertThat(page.url()).contains("/en/new-password?token=");
            checkAccessibility(page, "new password (en, phone)");
            page.getByLabel("New password").fill("court");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            // refused by the API: its field error, in English, next to the field
            expect(page.locator("#newPassword-error")).isVisible();
            assertThat(page.getByLabel("New password").getAttribute("aria-describedby")).contains("newPassword-error");
            checkAccessibility(page, "new password refused (en, phone)");
            page.getByLabel("New password").fill(newPassword);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            expect(page.locator("[role=status]")).containsText("Your password is changed");

            // the old password no longer opens the account; the new one does
            page.navigate("/en/sign-in");
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            expect(page.locator(".problem")).isVisible();
            checkAccessibility(page, "sign-in refused (en, phone)");
            // again with the keyboard only: skip link, then the form's fields in order; focus is always visible
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip");
            assertFocusVisible(page, "skip link");
            page.keyboard().press("Enter");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("email");
            assertFocusVisible(page, "e-mail field");
            assertThat(page.getByLabel("E-mail").inputValue()).as("what she typed is kept").isEqualTo(email);
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("password");
            page.keyboard().type(newPassword);
            page.keyboard().press("Tab");
            assertFocusVisible(page, "sign-in button");
            page.keyboard().press("Enter");
            page.waitForURL("**/en/account");
            expect(page.locator("h1")).hasText("Hello, Secrétaire distraite");
            checkAccessibility(page, "account (en, phone)");
            assertNoHorizontalScroll(page, "account (en, phone)");
            // the link was spent: opened again, it changes nothing
            page.navigate(link.replaceFirst("^https?://[^/]+", ""));
            page.getByLabel("New password").fill("encore un autre mot de passe");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            expect(page.locator(".problem")).isVisible();
        }
    }

    @Test
    @Order(15)
    void aModeratorShowsTheListingAgainThenHidesAReviewEverywhere() {
        String review = "terminologie médicale impeccable";
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signInAsAdmin(page);
            page.navigate("/fr/moderation");
            Locator entry = page.locator(".queue li.card").filter(new Locator.FilterOptions().setHasText(offerTitle));
            expect(entry).containsText("Masquée");
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Réafficher")).click();
            // shown again, its reports are closed and it leaves the queue; the page says so
            expect(page.locator("[role=status]")).containsText("de nouveau visible");
            expect(page.locator(".queue li.card").filter(new Locator.FilterOptions().setHasText(offerTitle))).hasCount(0);
            checkAccessibility(page, "moderation, listing shown again (fr)");
        }
        // back for everyone: its page, search, and the secretary's public profile with the review
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                page.navigate("/fr/annonces?q=transcription dictées médicales");
                assertThat(page.locator(".cards h3").allTextContents()).contains(offerTitle);
            });
            assertThat(page.navigate(offerPath).status()).isEqualTo(200);
            expect(page.locator(".reviews")).containsText(review);
            expect(page.locator(".stars [role=img]")).hasAttribute("aria-label", "5 étoiles sur 5");
            checkAccessibility(page, "offer with a review (fr)");
            // her offer shows no public name: the link and the profile's heading say what they are
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voir le profil")).click();
            page.waitForURL("**/fr/secretaires/*");
            expect(page.locator("h1")).hasText("Profil de secrétaire");
            expect(page.locator("main")).containsText(offerTitle);
            expect(page.locator(".reviews")).containsText(review);
            checkAccessibility(page, "secretary's profile (fr)");
        }
        // hiding a review is a moderator's: the reviewed secretary sees no such button, nor the queue
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.navigate(offerPath);
            expect(page.locator(".reviews")).containsText(review);
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masquer l'avis")).count()).isZero();
            assertThat(page.navigate("/fr/moderation").status()).isEqualTo(404);
        }
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signInAsAdmin(page);
            page.navigate(offerPath);
            Locator item = page.locator(".review-list li").filter(new Locator.FilterOptions().setHasText(review));
            item.getByLabel("Raison du masquage").fill("Avis rédigé par la secrétaire elle-même");
            checkAccessibility(page, "offer, moderator's view (fr)");
            item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Masquer l'avis")).click();
            expect(page.locator("main")).not().containsText(review);
        }
        try (BrowserContext context = person("en-CA", 1280)) {
            Page page = context.newPage();
            page.navigate(offerPath.replace("/fr/annonces/", "/en/listings/"));
            expect(page.locator("h1")).hasText(offerTitle);
            expect(page.locator("main")).not().containsText(review);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the profile")).click();
            page.waitForURL("**/en/secretaries/*");
            expect(page.locator("h1")).hasText("Secretary's profile");
            expect(page.locator("main")).containsText(offerTitle);
            expect(page.locator("main")).not().containsText(review);
            checkAccessibility(page, "secretary's profile (en)");
        }
    }

    @Test
    @Order(16)
    void herListsOfInvitationsAndEngagementsAndAPageThatDoesNotExist() {
        try (BrowserContext context = person("fr-CA", 1280)) {
            Page page = context.newPage();
            signIn(page, secretaryEmail);
            page.getByLabel("Navigation principale").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Invitations")).click();
            page.waitForURL("**/fr/compte/invitations");
            expect(page.locator("table.mine")).containsText(offerTitle);
            checkAccessibility(page, "invitations (fr)");
            page.navigate("/fr/compte/mandats");
            expect(page.locator("table.mine")).containsText("En cours");
            checkAccessibility(page, "engagements (fr)");

            var missing = page.navigate("/fr/annonces/" + UUID.randomUUID());
            assertThat(missing.status()).isEqualTo(404);
            expect(page.locator("h1")).hasText("Page introuvable");
            assertThat(page.locator(".request-id code").textContent()).isNotBlank();
            checkAccessibility(page, "not found (fr)");
        }
        try (BrowserContext context = person("en-CA", 360)) {
            Page page = context.newPage();
            assertThat(page.navigate("/en/no-such-page").status()).isEqualTo(404);
            expect(page.locator("h1")).hasText("Page not found");
            checkAccessibility(page, "not found (en, phone)");
            assertNoHorizontalScroll(page, "not found (en, phone)");
        }
    }

    @Test
    @Order(20)
    void theWebAppLoggedNoError() throws Exception {
        // every page above, the browser's own requests included (e.g. /favicon.ico), answered without an error
        List<String> errors = Files.readAllLines(started.stack().logFile(ca.pupitre.launcher.ServiceModule.WEB)).stream()
                .filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).isEmpty();
    }

    /** Playwright's own assertions: they wait for the page to reach the state (after a form's redirect). */
    private static com.microsoft.playwright.assertions.LocatorAssertions expect(com.microsoft.playwright.Locator locator) {
        return com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(locator);
    }

    private static void fillBillingProfile(Page page, String legalName, String gst, String qst) {
        page.navigate("/fr/compte/facturation");
        page.getByLabel("Nom légal").fill(legalName);
        page.getByLabel("Adresse").fill("123, rue Principale, Québec (Québec) G1A 1A1");
        page.getByLabel("Province").selectOption("QC");
        if (gst != null) {
            page.getByLabel("Numéro de TPS").fill(gst);
            page.getByLabel("Numéro de TVQ").fill(qst);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
        expect(page.locator("[role=status]")).containsText("Enregistré");
        checkAccessibility(page, "billing profile (fr)");
    }

    private static void signUpAndProveAddress(Page page, String role, String name, String email) {
        page.navigate("/fr/inscription");
        page.getByLabel(role).check();
        page.getByLabel("Nom affiché").fill(name);
        page.getByLabel("Courriel").fill(email);
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        page.waitForURL("**/fr/compte?welcome=1");
        String link = started.newestMailTo(email).replaceAll("(?s).*?(https?://\\S*verifier-courriel\\?token=[A-Za-z0-9_-]+).*", "$1");
        page.navigate(link.replaceFirst("^https?://[^/]+", ""));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmer")).click();
        assertThat(page.locator("[role=status]").textContent()).contains("confirmée");
    }

    private static void signIn(Page page, String email) {
        signIn(page, email, PASSWORD);
    }

    private static void signInAsAdmin(Page page) {
        signIn(page, started.secrets().adminEmail(), started.secrets().adminPassword());
    }

    /** An access token from the public API, for setting up what the pages under test start from. */
    private static String apiToken(String email, String password) {
        return given().baseUri(started.gateway()).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static void signIn(Page page, String email, String password) {
        page.navigate("/fr/connexion");
        page.getByLabel("Courriel").fill(email);
        page.getByLabel("Mot de passe").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForURL("**/fr/compte");
    }

    /** The focused element shows a focus ring (the stylesheet's :focus-visible outline, not the browser's default off). */
    private static void assertFocusVisible(Page page, String name) {
        Object outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                + " return s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth); }");
        assertThat(((Number) outline).doubleValue()).as("focus ring on %s", name).isGreaterThanOrEqualTo(2);
    }

    private static void assertNoHorizontalScroll(Page page, String name) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s", name).isLessThanOrEqualTo(0);
    }
}
