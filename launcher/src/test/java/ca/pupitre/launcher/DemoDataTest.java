package ca.pupitre.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest {

    static {
        // The JDK server otherwise waits on delayed ACKs (~40 ms per request).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final List<DemoData.Account> accounts = DemoData.accounts();

    /** A fake gateway: accounts, tokens, listings (which can be "not built yet": 404). */
    private HttpServer gateway;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final List<JsonNode> listingBodies = new ArrayList<>();
    private final AtomicInteger published = new AtomicInteger();
    private volatile boolean listingsBuilt;
    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @TempDir
    Path state;

    @BeforeEach
    void startFakeGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        gateway.createContext("/api/v1/", this::handle);
        gateway.start();
    }

    @AfterEach
    void stopFakeGateway() {
        gateway.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode lastBody = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
        int status = 404;
        String answer = "{}";
        if (path.equals("/api/v1/auth/register")) {
            status = registered.add(lastBody.path("email").asText()) ? 201 : 409;
        } else if (path.equals("/api/v1/auth/token")) {
            status = 200;
            answer = "{\"access_token\":\"tok-" + lastBody.path("email").asText() + "\"}";
        } else if (listingsBuilt && path.equals("/api/v1/listings") && auth != null) {
            listingBodies.add(lastBody);
            status = 201;
            answer = "{\"id\":\"" + listingBodies.size() + "\"}";
        } else if (listingsBuilt && path.matches("/api/v1/listings/\\d+/publish") && auth != null) {
            published.incrementAndGet();
            status = 200;
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private DemoData.Summary load() {
        return new DemoData(URI.create("http://localhost:" + gateway.getAddress().getPort()), "Demo-pass-123",
                new PrintStream(output, true, StandardCharsets.UTF_8), state.resolve("demo-loaded.txt")).load();
    }

    @Test
    void registersEveryoneThenCompletesTheListingsOnceTheListingsApiExists() {
        DemoData.Summary first = load();
        assertThat(first.accountsCreated()).isEqualTo(16);
        assertThat(first.listingsPublished()).isZero();
        assertThat(first.problems()).singleElement().asString().contains("404");

        listingsBuilt = true;
        DemoData.Summary second = load();
        int expected = accounts.stream().mapToInt(a -> a.listings().size()).sum();
        assertThat(second.accountsCreated()).isZero();
        assertThat(second.listingsPublished()).isEqualTo(expected);
        assertThat(published).hasValue(expected);
        assertThat(second.problems()).isEmpty();
        JsonNode firstListing = listingBodies.get(0);
        assertThat(firstListing.at("/title/fr").asText()).isEqualTo("Télésecrétariat et gestion d'agenda");
        assertThat(firstListing.at("/pricing/unit").asText()).isEqualTo("HOUR");
        assertThat(firstListing.at("/pricing/amount").asText()).isEqualTo("38.00");
        assertThat(firstListing.at("/remote").asBoolean()).isTrue();

        DemoData.Summary third = load();
        assertThat(third.accountsSkipped()).isEqualTo(16);
        assertThat(published).hasValue(expected);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("16 account(s) already loaded");
    }

    @Test
    void hasTenSecretariesAndSixClientsWithOneOrTwoListingsEach() {
        assertThat(accounts).filteredOn(a -> a.role().equals("SECRETARY")).hasSize(10);
        assertThat(accounts).filteredOn(a -> a.role().equals("CLIENT")).hasSize(6);
        assertThat(accounts).allSatisfy(a -> assertThat(a.listings()).hasSizeBetween(1, 2));
        assertThat(accounts).extracting(DemoData.Account::email).doesNotHaveDuplicates()
                .allMatch(e -> e.matches("[a-z.-]+@demo\\.pupitre\\.local"));
        assertThat(accounts).extracting(DemoData.Account::locale).containsOnly("fr-CA", "en-CA");
    }

    @Test
    void listingsUseOnlyKnownCodesAndAreBilingual() {
        List<DemoData.Listing> listings = accounts.stream().flatMap(a -> a.listings().stream()).toList();
        assertThat(listings).allSatisfy(l -> {
            assertThat(DemoData.SKILLS).containsAll(l.skills());
            assertThat(DemoData.UNITS).contains(l.unit());
            assertThat(l.amount()).matches("\\d+\\.\\d{2}");
            assertThat(l.region()).matches("(0[1-9]|1[0-7])");
            assertThat(l.languages()).isNotEmpty().isSubsetOf("fr", "en");
            assertThat(List.of(l.titleFr(), l.titleEn(), l.descriptionFr(), l.descriptionEn())).allMatch(s -> !s.isBlank());
            assertThat(l.titleFr()).isNotEqualTo(l.titleEn());
        });
    }

    @Test
    void drawsAProgressBar() {
        assertThat(DemoData.bar(12, 40)).isEqualTo("[###.......]");
        assertThat(DemoData.bar(40, 40)).isEqualTo("[##########]");
        assertThat(DemoData.bar(0, 40)).isEqualTo("[..........]");
    }
}
