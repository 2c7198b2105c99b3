package ca.pupitre.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    private static TestStacks.Started started;
    private static Playwright playwright;
    private static Browser browser;
    private static String axeScript;
    private static String offerTitle;
    private static String offerPath;
    private static String secretaryEmail;
    private static String clientEmail;
    private static String invitationPath;
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
                .env("PUPITRE_MATCHING_FEED_POLL", "300ms"));
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
            assertThat(page.getByLabel("Taux horaire ($)").inputValue()).isEqualTo("38.00");
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
            page.getByLabel("Nouveau mot de passe").fill("un nouveau mot de passe");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer").setExact(true)).click();
            expect(page.locator(".problem")).isVisible();
            page.getByLabel("Mot de passe actuel").fill(PASSWORD);
            page.getByLabel("Nouveau mot de passe").fill("un nouveau mot de passe");
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
        page.navigate("/fr/connexion");
        page.getByLabel("Courriel").fill(email);
        page.getByLabel("Mot de passe").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter")).click();
        page.waitForURL("**/fr/compte");
    }

    private static void assertNoHorizontalScroll(Page page, String name) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow of %s", name).isLessThanOrEqualTo(0);
    }
}
