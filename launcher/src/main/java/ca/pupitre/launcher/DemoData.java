package ca.pupitre.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a bilingual demo data set (Québec secretaries and their clients) through the gateway's
 * public HTTP API only. Re-running is safe: accounts already fully loaded are skipped, and an
 * account whose listings could not all be published (e.g. listings API not built yet) is completed.
 */
public final class DemoData {

    /** Domain of every demo account's e-mail address. */
    public static final String EMAIL_DOMAIN = "demo.pupitre.local";

    record Listing(String titleFr, String titleEn, String descriptionFr, String descriptionEn, List<String> skills,
                   List<String> languages, String unit, String amount, int hoursPerWeek, String region) {
    }

    record Account(String localPart, String displayName, String role, String locale, List<Listing> listings) {
        String email() {
            return localPart + "@" + EMAIL_DOMAIN;
        }
    }

    /** Outcome counters, for the summary and for tests. */
    public record Summary(int accountsCreated, int accountsSkipped, int listingsPublished, List<String> problems) {
    }

    private final URI gateway;
    private final String password;
    private final PrintStream out;
    private final Path doneFile;
    private final boolean interactive;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> problems = new ArrayList<>();
    private final String adminEmail;
    private final String adminPassword;
    private String adminToken;
    private boolean noMailbox;
    private static final Pattern LINK_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

    /**
     * @param gateway  gateway base URL
     * @param password password of every demo account
     * @param out      where progress is printed
     * @param doneFile remembers the accounts whose listings were all published (one e-mail per
     *                 line), so that a re-run completes what an earlier run could not do; may be null
     */
    public DemoData(URI gateway, String password, PrintStream out, Path doneFile) {
        this(gateway, password, out, doneFile, null, null);
    }

    /**
     * With the administrator's credentials, each new demo account's e-mail address is verified through the
     * stack's dev mailbox (its link is read there, as a person would from her inbox), so that it may publish.
     */
    public DemoData(URI gateway, String password, PrintStream out, Path doneFile, String adminEmail, String adminPassword) {
        this.gateway = gateway;
        this.password = password;
        this.out = out;
        this.doneFile = doneFile;
        this.interactive = System.console() != null;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    /** Registers the demo accounts, then creates and publishes their listings. Never throws on HTTP errors. */
    public Summary load() {
        List<Account> accounts = accounts();
        Set<String> done = readDone();
        out.println("Données de démonstration / Demo data: " + accounts.size() + " accounts via " + gateway);

        List<Account> todo = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        int created = 0;
        int skipped = 0;
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            int status = register(a);
            if (status == 201) {
                created++;
            }
            if (status == 409 && done.contains(a.email())) {
                skipped++;
            } else if (status == 201 || status == 409) {
                // 409: the account exists (earlier run) but its listings were not all published yet.
                verifyEmail(a);
                String token = token(a);
                if (token != null) {
                    todo.add(a);
                    tokens.add(token);
                }
            }
            progress(i + 1, accounts.size(), "accounts");
        }
        endProgress(accounts.size(), accounts.size(), "accounts");

        int total = todo.stream().mapToInt(a -> a.listings().size()).sum();
        int attempted = 0;
        int published = 0;
        boolean listingsMissing = false;
        for (int i = 0; i < todo.size() && !listingsMissing; i++) {
            boolean allPublished = true;
            for (Listing l : todo.get(i).listings()) {
                int result = createAndPublish(todo.get(i), tokens.get(i), l);
                if (result == 404) {
                    listingsMissing = true;
                    problems.add("POST /api/v1/listings answered 404: the listings API is not available yet"
                            + " (listings-service not built or not routed by the gateway); demo listings skipped."
                            + " Run ./run.sh --demo again once it exists.");
                    break;
                }
                if (result == 200) {
                    published++;
                } else {
                    allPublished = false;
                }
                progress(++attempted, total, "listings");
            }
            if (allPublished && !listingsMissing) {
                done.add(todo.get(i).email());
                writeDone(done);
            }
        }
        endProgress(attempted, total, "listings");
        if (total > 0) {
            out.println("  " + published + "/" + total + " listings created and published.");
        }

        if (skipped > 0) {
            out.println("  " + skipped + " account(s) already loaded by an earlier run: skipped.");
        }
        for (String p : problems) {
            out.println("  ! " + p);
        }
        out.println("  Demo accounts: <prénom.nom>@" + EMAIL_DOMAIN + " (e.g. " + accounts.get(0).email()
                + "), password: demo.password in secrets.properties");
        return new Summary(created, skipped, published, List.copyOf(problems));
    }

    private Set<String> readDone() {
        Set<String> done = new TreeSet<>();
        if (doneFile != null && Files.isRegularFile(doneFile)) {
            try {
                Files.readAllLines(doneFile, StandardCharsets.UTF_8).stream()
                        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(done::add);
            } catch (IOException e) {
                problems.add("could not read " + doneFile + ": " + e.getMessage());
            }
        }
        return done;
    }

    private void writeDone(Set<String> done) {
        if (doneFile == null) {
            return;
        }
        try {
            Files.write(doneFile, done, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("could not write " + doneFile + ": " + e.getMessage());
        }
    }

    private int register(Account a) {
        ObjectNode body = json.createObjectNode()
                .put("email", a.email())
                .put("password", password)
                .put("displayName", a.displayName())
                .put("role", a.role())
                .put("locale", a.locale());
        HttpResponse<String> r = post("/api/v1/auth/register", body, null);
        if (r == null) {
            return -1;
        }
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            problems.add("register " + a.email() + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return r.statusCode();
    }

    /** Verifies the account's address with the link in the dev mailbox, when there is one. Never throws. */
    private void verifyEmail(Account a) {
        if (adminEmail == null || noMailbox) {
            return;
        }
        if (adminToken == null) {
            adminToken = accessToken(adminEmail, adminPassword);
            if (adminToken == null) {
                noMailbox = true;
                return;
            }
        }
        String link = newestLinkToken(a.email());
        if (link == null) {
            String own = accessToken(a.email(), password);
            if (own == null || noMailbox) {
                return;
            }
            HttpResponse<String> resent = post("/api/v1/me/verification-email", json.createObjectNode(), own);
            if (resent == null || resent.statusCode() == 409) {
                return; // already verified
            }
            link = newestLinkToken(a.email());
        }
        if (link != null) {
            HttpResponse<String> r = post("/api/v1/auth/verify-email", json.createObjectNode().put("token", link), null);
            if (r != null && r.statusCode() != 204 && r.statusCode() != 400) {
                problems.add("verify-email " + a.email() + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
    }

    private String newestLinkToken(String email) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(gateway.resolve("/api/v1/dev/mailbox?to="
                + URLEncoder.encode(email, StandardCharsets.UTF_8))).GET(), adminToken);
        if (r == null || r.statusCode() != 200) {
            noMailbox = r == null || r.statusCode() == 404;
            return null;
        }
        try {
            for (JsonNode item : json.readTree(r.body()).path("items")) {
                Matcher m = LINK_TOKEN.matcher(item.path("text").asText());
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            problems.add("dev mailbox: " + e.getMessage());
        }
        return null;
    }

    private String accessToken(String email, String secret) {
        HttpResponse<String> r = post("/api/v1/auth/token", json.createObjectNode().put("email", email).put("password", secret), null);
        if (r == null || r.statusCode() != 200) {
            return null;
        }
        try {
            JsonNode token = json.readTree(r.body()).path("access_token");
            return token.isTextual() ? token.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String token(Account a) {
        ObjectNode body = json.createObjectNode().put("email", a.email()).put("password", password);
        HttpResponse<String> r = post("/api/v1/auth/token", body, null);
        if (r == null) {
            return null;
        }
        if (r.statusCode() != 200) {
            problems.add("token " + a.email() + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
            return null;
        }
        try {
            JsonNode token = json.readTree(r.body()).path("access_token");
            if (token.isTextual()) {
                return token.asText();
            }
        } catch (IOException e) {
            // reported below
        }
        problems.add("token " + a.email() + ": no access_token in the answer");
        return null;
    }

    /** @return 200 when published, 404 when the listings API is missing, another status on failure */
    private int createAndPublish(Account a, String token, Listing l) {
        ObjectNode body = json.createObjectNode();
        body.putObject("title").put("fr", l.titleFr()).put("en", l.titleEn());
        body.putObject("description").put("fr", l.descriptionFr()).put("en", l.descriptionEn());
        l.skills().forEach(body.putArray("skills")::add);
        l.languages().forEach(body.putArray("languages")::add);
        body.putObject("pricing").put("unit", l.unit()).put("amount", l.amount());
        body.put("hoursPerWeek", l.hoursPerWeek());
        body.put("remote", true);
        body.put("region", l.region());
        HttpResponse<String> r = post("/api/v1/listings", body, token);
        if (r == null) {
            return -1;
        }
        if (r.statusCode() == 404) {
            return 404;
        }
        if (r.statusCode() != 201) {
            problems.add("listing \"" + l.titleFr() + "\" (" + a.email() + "): HTTP " + r.statusCode() + " "
                    + abbreviate(r.body()));
            return r.statusCode();
        }
        String id;
        try {
            id = json.readTree(r.body()).path("id").asText("");
        } catch (IOException e) {
            id = "";
        }
        if (id.isEmpty()) {
            problems.add("listing \"" + l.titleFr() + "\": no id in the 201 answer");
            return -1;
        }
        HttpResponse<String> p = send(HttpRequest.newBuilder(gateway.resolve("/api/v1/listings/" + id + "/publish"))
                .POST(HttpRequest.BodyPublishers.noBody()), token);
        if (p == null) {
            return -1;
        }
        if (p.statusCode() / 100 != 2) {
            problems.add("publish " + id + ": HTTP " + p.statusCode() + " " + abbreviate(p.body()));
            return p.statusCode();
        }
        return 200;
    }

    private HttpResponse<String> post(String path, JsonNode body, String token) {
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Accept-Language", "fr-CA");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            problems.add(built.method() + " " + built.uri().getPath() + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(built.method() + " " + built.uri().getPath() + ": interrupted");
            return null;
        }
    }

    private void progress(int done, int total, String what) {
        if (interactive) {
            out.print("\r  " + bar(done, total) + " " + done + "/" + total + " " + what);
            out.flush();
        }
    }

    private void endProgress(int done, int total, String what) {
        if (interactive) {
            out.println();
        } else {
            out.println("  " + bar(done, total) + " " + done + "/" + total + " " + what);
        }
    }

    static String bar(int done, int total) {
        int width = 10;
        int filled = total == 0 ? width : (int) Math.round(width * (double) done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    private static Listing listing(String titleFr, String titleEn, String descriptionFr, String descriptionEn,
                                   List<String> skills, List<String> languages, String unit, String amount,
                                   int hoursPerWeek, String region) {
        return new Listing(titleFr, titleEn, descriptionFr, descriptionEn, skills, languages, unit, amount,
                hoursPerWeek, region);
    }

    private static final List<String> FR = List.of("fr");
    private static final List<String> FR_EN = List.of("fr", "en");

    /** Ten secretaries (offers) and six clients (requests); regions are Québec administrative region codes. */
    static List<Account> accounts() {
        return List.of(
                new Account("josee.paquette", "Josée P. — Télésecrétariat", "SECRETARY", "fr-CA", List.of(
                        listing("Télésecrétariat et gestion d'agenda", "Remote secretarial work and calendar management",
                                "Gestion de courriels, prise de rendez-vous et suivi de dossiers pour travailleurs autonomes"
                                        + " et petites entreprises. Quinze ans d'expérience en bureau.",
                                "E-mail handling, appointment booking and file follow-up for freelancers and small"
                                        + " businesses. Fifteen years of office experience.",
                                List.of("calendar", "customer-service", "word"), FR_EN, "HOUR", "38.00", 20, "06"),
                        listing("Transcription d'entrevues et de réunions", "Interview and meeting transcription",
                                "Transcription fidèle de fichiers audio en français québécois, livrée en Word.",
                                "Accurate transcription of Québec French audio files, delivered in Word.",
                                List.of("transcription", "word"), FR, "AUDIO_MINUTE", "2.25", 10, "06"))),
                new Account("marie-eve.tremblay", "Marie-Ève T. — Secrétariat juridique", "SECRETARY", "fr-CA", List.of(
                        listing("Secrétariat juridique à distance", "Remote legal secretary",
                                "Rédaction de lettres, gestion des délais et préparation de procédures pour cabinets"
                                        + " d'avocats. Connaissance du Code de procédure civile.",
                                "Letters, deadline tracking and preparation of proceedings for law firms. Familiar with"
                                        + " the Québec Code of Civil Procedure.",
                                List.of("legal", "word", "calendar"), FR_EN, "HOUR", "45.00", 25, "03"),
                        listing("Mise en page d'actes de procédure", "Layout of court documents",
                                "Mise en forme de requêtes, mémoires et cahiers de pièces selon les règles de pratique.",
                                "Formatting of applications, briefs and exhibit books according to the rules of practice.",
                                List.of("layout", "legal", "word"), FR, "PAGE", "4.50", 10, "03"))),
                new Account("genevieve.cote", "Geneviève C. — Tenue de livres", "SECRETARY", "fr-CA", List.of(
                        listing("Tenue de livres mensuelle pour PME", "Monthly bookkeeping for small businesses",
                                "Saisie des transactions, conciliations bancaires et rapports de TPS/TVQ dans QuickBooks"
                                        + " ou Sage 50.",
                                "Transaction entry, bank reconciliations and GST/QST reports in QuickBooks or Sage 50.",
                                List.of("bookkeeping", "quickbooks", "sage50"), FR_EN, "HOUR", "42.00", 15, "16"),
                        listing("Facturation et suivi des comptes clients", "Invoicing and accounts receivable follow-up",
                                "Émission des factures mensuelles et relances courtoises des clients en retard.",
                                "Monthly invoicing and courteous reminders to late-paying customers.",
                                List.of("invoicing", "bookkeeping"), FR_EN, "FIXED", "350.00", 5, "16"))),
                new Account("sylvie.gagnon", "Sylvie G. — Secrétariat médical", "SECRETARY", "fr-CA", List.of(
                        listing("Transcription médicale", "Medical transcription",
                                "Transcription de notes cliniques et de rapports de consultation, terminologie médicale"
                                        + " maîtrisée, confidentialité assurée.",
                                "Transcription of clinical notes and consultation reports, fluent in medical terminology,"
                                        + " confidentiality guaranteed.",
                                List.of("medical", "transcription"), FR, "AUDIO_MINUTE", "2.75", 20, "05"))),
                new Account("nathalie.bouchard", "Nathalie B. — Traduction", "SECRETARY", "fr-CA", List.of(
                        listing("Traduction de l'anglais vers le français", "English to French translation",
                                "Traduction de documents d'affaires, de sites Web et de manuels vers un français"
                                        + " d'ici, clair et naturel.",
                                "Translation of business documents, websites and manuals into clear, natural Canadian"
                                        + " French.",
                                List.of("translation", "word"), FR_EN, "THOUSAND_WORDS", "180.00", 20, "13"),
                        listing("Révision et mise en page de documents", "Proofreading and document layout",
                                "Révision linguistique et mise en page soignée de rapports, infolettres et présentations.",
                                "Proofreading and careful layout of reports, newsletters and presentations.",
                                List.of("layout", "word"), FR_EN, "PAGE", "6.00", 10, "13"))),
                new Account("isabelle.roy", "Isabelle R. — Secrétariat notarial", "SECRETARY", "fr-CA", List.of(
                        listing("Préparation de dossiers notariaux", "Notarial file preparation",
                                "Ouverture de dossiers immobiliers, préparation de projets d'actes et suivi avec les"
                                        + " institutions financières.",
                                "Opening of real-estate files, drafting of deeds and follow-up with financial"
                                        + " institutions.",
                                List.of("notarial", "legal", "word"), FR, "HOUR", "40.00", 30, "04"))),
                new Account("chantal.levesque", "Chantal L. — Chiffriers et états financiers", "SECRETARY", "fr-CA",
                        List.of(
                        listing("Chiffriers et tableaux de bord Excel", "Excel spreadsheets and dashboards",
                                "Conception de chiffriers, tableaux croisés dynamiques et tableaux de bord pour suivre"
                                        + " vos ventes et vos dépenses.",
                                "Spreadsheets, pivot tables and dashboards to track your sales and expenses.",
                                List.of("excel", "spreadsheets"), FR_EN, "HOUR", "48.00", 15, "12"),
                        listing("Préparation des états financiers annuels", "Annual financial statements preparation",
                                "Préparation du bilan et de l'état des résultats à remettre à votre comptable.",
                                "Preparation of the balance sheet and income statement for your accountant.",
                                List.of("financial-statements", "excel", "bookkeeping"), FR, "FIXED", "900.00", 10,
                                "12"))),
                new Account("melanie.bergeron", "Mélanie B. — Service à la clientèle", "SECRETARY", "fr-CA", List.of(
                        listing("Réception d'appels et prise de rendez-vous", "Call answering and appointment booking",
                                "Accueil téléphonique bilingue, prise de messages et gestion de l'agenda en ligne.",
                                "Bilingual call answering, message taking and online calendar management.",
                                List.of("customer-service", "calendar"), FR_EN, "HOUR", "32.00", 35, "15"))),
                new Account("valerie.fortin", "Valérie F. — Comptabilité Acomba", "SECRETARY", "fr-CA", List.of(
                        listing("Saisie comptable dans Acomba", "Bookkeeping in Acomba",
                                "Saisie des achats et des ventes, paie et remises gouvernementales dans Acomba.",
                                "Purchase and sales entries, payroll and government remittances in Acomba.",
                                List.of("acomba", "bookkeeping", "invoicing"), FR, "HOUR", "39.00", 20, "02"))),
                new Account("sophie.morin", "Sophie M. — Bilingual assistant", "SECRETARY", "en-CA", List.of(
                        listing("Adjointe administrative bilingue", "Bilingual administrative assistant",
                                "Correspondance en français et en anglais, gestion d'agenda et suivi de courriels.",
                                "Correspondence in French and English, calendar management and e-mail follow-up.",
                                List.of("translation", "calendar", "customer-service"), FR_EN, "HOUR", "36.00", 20, "07"),
                        listing("Mise en page de rapports et de présentations", "Report and presentation layout",
                                "Rapports Word et présentations soignés, conformes à votre image de marque.",
                                "Polished Word reports and presentations matching your brand.",
                                List.of("layout", "word"), FR_EN, "PAGE", "5.00", 10, "07"))),

                new Account("louise.lapointe", "Étude Gagnon Lapointe, notaires", "CLIENT", "fr-CA", List.of(
                        listing("Secrétaire notariale à temps partiel", "Part-time notarial secretary",
                                "Notre étude de Québec cherche une secrétaire notariale pour préparer des actes de"
                                        + " vente et des testaments, quinze heures par semaine.",
                                "Our Québec City office needs a notarial secretary to prepare deeds of sale and wills,"
                                        + " fifteen hours a week.",
                                List.of("notarial", "word", "calendar"), FR, "HOUR", "40.00", 15, "03"))),
                new Account("francois.desrochers", "Cabinet Desrochers Avocats", "CLIENT", "fr-CA", List.of(
                        listing("Transcription d'audiences", "Court hearing transcription",
                                "Transcription d'enregistrements d'audiences et d'interrogatoires au préalable.",
                                "Transcription of hearing recordings and examinations on discovery.",
                                List.of("transcription", "legal"), FR, "AUDIO_MINUTE", "2.50", 10, "06"),
                        listing("Mise en page de mémoires d'appel", "Layout of appeal briefs",
                                "Mise en page de mémoires selon le Règlement de la Cour d'appel du Québec.",
                                "Layout of briefs according to the Court of Appeal of Québec regulation.",
                                List.of("layout", "legal", "word"), FR, "PAGE", "5.00", 10, "06"))),
                new Account("clinique.laurentides", "Clinique médicale des Laurentides", "CLIENT", "fr-CA", List.of(
                        listing("Secrétariat médical à distance", "Remote medical secretary",
                                "Gestion des rendez-vous des patients et transcription des notes des médecins.",
                                "Patient appointment management and transcription of physicians' notes.",
                                List.of("medical", "calendar", "customer-service"), FR, "HOUR", "35.00", 25, "15"))),
                new Account("boulangerie.saint-roch", "Boulangerie Saint-Roch inc.", "CLIENT", "fr-CA", List.of(
                        listing("Tenue de livres QuickBooks", "QuickBooks bookkeeping",
                                "Boulangerie de quartier cherche aide pour la tenue de livres et la facturation aux"
                                        + " restaurants clients.",
                                "Neighbourhood bakery looking for help with bookkeeping and invoicing restaurant"
                                        + " customers.",
                                List.of("bookkeeping", "quickbooks", "invoicing"), FR, "HOUR", "38.00", 8, "03"))),
                new Account("lakeshore.physio", "Lakeshore Physio Clinic", "CLIENT", "en-CA", List.of(
                        listing("Réceptionniste bilingue à distance", "Remote bilingual receptionist",
                                "Clinique de physiothérapie de l'Ouest-de-l'Île cherche réceptionniste bilingue.",
                                "West Island physiotherapy clinic looking for a bilingual receptionist.",
                                List.of("customer-service", "calendar"), FR_EN, "HOUR", "30.00", 30, "06"),
                        listing("Traduction de formulaires patients", "Translation of patient forms",
                                "Traduction vers le français de nos formulaires d'admission et de consentement.",
                                "Translation into French of our intake and consent forms.",
                                List.of("translation", "medical"), FR_EN, "THOUSAND_WORDS", "170.00", 5, "06"))),
                new Account("renovations.beauce", "Rénovations Beauce Pro", "CLIENT", "fr-CA", List.of(
                        listing("États financiers de fin d'année", "Year-end financial statements",
                                "Entrepreneur en rénovation cherche aide pour préparer ses états financiers dans Sage 50.",
                                "Renovation contractor needs help preparing year-end financial statements in Sage 50.",
                                List.of("financial-statements", "excel", "sage50"), FR, "FIXED", "1200.00", 10, "12"))));
    }

    /** Skill codes known to the listings service (the demo only uses these). */
    static final List<String> SKILLS = List.of("transcription", "translation", "layout", "spreadsheets",
            "bookkeeping", "financial-statements", "invoicing", "calendar", "customer-service", "legal", "medical",
            "notarial", "word", "excel", "quickbooks", "sage50", "acomba");

    /** Pricing units known to the listings service. */
    static final List<String> UNITS = List.of("HOUR", "PAGE", "THOUSAND_WORDS", "AUDIO_MINUTE", "FIXED");
}
