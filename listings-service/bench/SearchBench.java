import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load generator for GET /api/v1/listings (no dependency; run with {@code java SearchBench.java}).
 * Each of N clients sends the next query of the mix as soon as it has the previous answer.
 *
 * <pre>java [-Dmix=longtail] SearchBench.java BASE_URL [clients=16] [seconds=30] [warmupSeconds=10] [only-this-query-string]</pre>
 * The default mix is 8 popular searches; {@code -Dmix=longtail} spreads the same searches over 432
 * distinct filter/sort combinations, so a result cache helps far less. {@code -Dmix=unique} sends a text never
 * sent before with every request (two words of the listings' vocabulary, ~30,000 pairs): the worst case, where
 * neither the answer cache nor the search index has seen the text.
 * {@code -Drate=200} runs an open loop instead: requests leave at that fixed rate whatever the answers' speed,
 * and each latency counts from the moment its request was due (no coordinated omission); {@code clients} is
 * then only the most requests in flight.
 */
public class SearchBench {

    /** The query mix; the same searches are in pgbench/*.sql. */
    static List<String> QUERIES = List.of(
            "q=" + enc("tenue de livres"),
            "q=" + enc("traduction juridique"),
            "q=" + enc("telesecretaire"),
            "q=" + enc("mise en page"),
            "q=" + enc("bookkeeping quickbooks"),
            "q=" + enc("comptabilte"),
            "skill=excel&region=06",
            "q=" + enc("transcription médicale") + "&sort=newest");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18081";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        if ("longtail".equals(System.getProperty("mix"))) {
            // 8 searches x 18 region filters x 3 sorts = 432 distinct searches, each as likely.
            List<String> longTail = new ArrayList<>();
            for (String query : QUERIES) {
                for (int region = 0; region <= 17; region++) {
                    for (String sort : List.of("relevance", "newest", "rate")) {
                        String filtered = query + (region == 0 ? "" : "&region=" + String.format("%02d", region));
                        longTail.add(filtered.contains("sort=") ? filtered : filtered + "&sort=" + sort);
                    }
                }
            }
            java.util.Collections.shuffle(longTail, new java.util.Random(42));
            QUERIES = longTail;
        }
        if ("unique".equals(System.getProperty("mix"))) {
            List<String> words = List.of(("adjointe administrative télésecrétaire secrétaire juridique agente bureau virtuelle"
                    + " technicienne comptabilité médicale réceptionniste traductrice commis direction transcriptrice tenue livres"
                    + " traduction mise page rapports transcription entrevues gestion agenda facturation comptes clients états"
                    + " financiers service clientèle saisie données révision textes notarial dossiers médicaux procès-verbaux paie"
                    + " chiffriers excel quickbooks sage acomba courriels rendez-vous montréal québec estrie saguenay outaouais"
                    + " laval mauricie distance télétravail pme avocats cliniques notaires bilingue administrative assistant"
                    + " virtual legal bookkeeper medical translator executive transcriptionist office clerk receptionist"
                    + " bookkeeping translation document layout interview calendar management invoicing receivables financial"
                    + " statements customer data entry proofreading files records meeting minutes payroll spreadsheets small"
                    + " businesses law firms clinics part time").split(" "));
            List<String> pairs = new ArrayList<>();
            for (String a : words) {
                for (String b : words) {
                    if (!a.equals(b)) {
                        pairs.add("q=" + enc(a + " " + b));
                    }
                }
            }
            // a new order every run (-Dseed to repeat one), so no run replays texts an earlier run sent
            java.util.Collections.shuffle(pairs, new java.util.Random(Long.getLong("seed", System.nanoTime())));
            QUERIES = pairs;
            UNIQUE = true;
        }
        if ("suggest".equals(System.getProperty("mix"))) {
            // type-ahead: what people type in the search box, a few letters at a time, both languages
            List<String> typed = new ArrayList<>();
            for (String word : List.of("comptabilité", "traduction", "transcription", "tenue de livres", "facturation",
                    "révision", "mise en page", "secrétaire", "paie", "notaire", "médical", "réception")) {
                for (int n = 2; n <= Math.min(word.length(), 7); n++) {
                    typed.add("lang=fr&q=" + enc(word.substring(0, n)));
                }
            }
            for (String word : List.of("bookkeeping", "translation", "payroll", "transcription", "proofreading", "invoicing",
                    "legal", "spreadsheets")) {
                for (int n = 2; n <= Math.min(word.length(), 7); n++) {
                    typed.add("lang=en&q=" + enc(word.substring(0, n)));
                }
            }
            QUERIES = typed;
            PATH = "/api/v1/listings/suggest?";
        }
        if (args.length > 4) {
            QUERIES = List.of(args[4]);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int rate = Integer.getInteger("rate", 0);
        System.out.printf("warm-up %ds...%n", warmup);
        Result r;
        if (rate > 0) {
            runOpen(http, base, rate, clients, warmup);
            System.out.printf("measuring %d req/s (open loop) for %ds against %s%n", rate, seconds, base);
            r = runOpen(http, base, rate, clients, seconds);
        } else {
            run(http, base, clients, warmup);
            System.out.printf("measuring %d clients for %ds against %s%n", clients, seconds, base);
            r = run(http, base, clients, seconds);
        }
        long[] lat = r.latencies;
        Arrays.sort(lat);
        System.out.printf("requests=%d errors=%d throughput=%.1f req/s p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
                lat.length, r.errors, lat.length / (double) seconds, pct(lat, 50), pct(lat, 95), pct(lat, 99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
    }

    static boolean UNIQUE;
    static String PATH = "/api/v1/listings?";
    static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

    record Result(long[] latencies, long errors) {
    }

    static Result run(HttpClient http, String base, int clients, int seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                int i = offset;
                while (System.nanoTime() < end) {
                    String query = QUERIES.get((UNIQUE ? NEXT.getAndIncrement() : i++) % QUERIES.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH + query))
                            .header("Accept-Language", "fr-CA").timeout(Duration.ofSeconds(10)).GET().build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.add(System.nanoTime() - start);
                }
                all.add(mine.stream().mapToLong(Long::longValue).toArray());
                done.countDown();
            });
            t.start();
        }
        done.await();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(merged, errors.get());
    }

    /** Open loop: request i is due at start + i / rate; its latency runs from then. Over {@code maxInFlight}: an error. */
    static Result runOpen(HttpClient http, String base, int rate, int maxInFlight, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        long[] latencies = new long[(int) total];
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch done = new CountDownLatch((int) total);
        for (int i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int slot = i;
            String query = QUERIES.get((UNIQUE ? NEXT.getAndIncrement() : i) % QUERIES.size());
            if (inFlight.incrementAndGet() > Math.max(maxInFlight, 256)) {
                inFlight.decrementAndGet();
                errors.incrementAndGet();
                latencies[slot] = System.nanoTime() - due;
                done.countDown();
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH + query))
                    .header("Accept-Language", "fr-CA").timeout(Duration.ofSeconds(10)).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                latencies[slot] = System.nanoTime() - due;
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                inFlight.decrementAndGet();
                done.countDown();
            });
        }
        done.await();
        return new Result(latencies, errors.get());
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
