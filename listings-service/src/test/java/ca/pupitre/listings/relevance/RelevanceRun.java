package ca.pupitre.listings.relevance;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.ListingsTestProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The relevance runner (not a unit test: it asserts nothing and runs only when asked):
 *
 * <pre>./mvnw -pl listings-service -am test -Dtest=RelevanceRun -Drelevance=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * It publishes every listing of {@code relevance/listings.json} through the API (real PostgreSQL, real
 * change feed, real index), runs every query of {@code relevance/queries.json} through
 * {@code GET /api/v1/listings} (Pupitre's real code path), and the same queries against a baseline: stock
 * Lucene {@link FrenchAnalyzer} and {@link EnglishAnalyzer} over the same titles and descriptions, BM25, no
 * synonyms, no typo tolerance, no boosts. It prints recall@10 and nDCG@10 per category and overall.
 */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
@EnabledIfSystemProperty(named = "relevance", matches = "true")
class RelevanceRun {

    private static final int K = 10;
    private static final Path SET = Path.of("relevance");

    record Scores(double recall, double ndcg) {
    }

    @Test
    void printTheTable() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode listings = json.readTree(SET.resolve("listings.json").toFile());
        JsonNode queries = json.readTree(SET.resolve("queries.json").toFile());

        Map<String, String> keyById = new HashMap<>();
        Api.Person secretary = Api.secretary();
        Api.Person client = Api.client();
        for (JsonNode listing : listings) {
            Map<String, Object> body = json.convertValue(listing, Map.class);
            String key = (String) body.remove("key");
            String kind = (String) body.remove("kind");
            String id = Api.publish("REQUEST".equals(kind) ? client : secretary, body);
            keyById.put(id, key);
        }
        Function<String, List<String>> pupitre = q -> Api.anonymous().queryParam("q", q).queryParam("limit", K)
                .get("/api/v1/listings").then().statusCode(200).extract().jsonPath().<String>getList("items.id").stream()
                .map(keyById::get).toList();
        Function<String, List<String>> baseline = baseline(listings);

        Map<String, List<Scores>> pupitreScores = new TreeMap<>();
        Map<String, List<Scores>> baselineScores = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (JsonNode query : queries) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            query.get("judgments").fields().forEachRemaining(e -> grades.put(e.getKey(), e.getValue().asInt()));
            String category = query.get("category").asText();
            List<String> ours = pupitre.apply(query.get("q").asText());
            Scores mine = scores(ours, grades);
            pupitreScores.computeIfAbsent(category, c -> new ArrayList<>()).add(mine);
            baselineScores.computeIfAbsent(category, c -> new ArrayList<>())
                    .add(scores(baseline.apply(query.get("q").asText()), grades));
            if (mine.ndcg() < 0.5) {
                misses.add(String.format("  %-5s %-20s nDCG %.2f  %s → %s (judged %s)", query.get("id").asText(), category,
                        mine.ndcg(), query.get("q").asText(), ours, grades));
            }
        }
        StringBuilder table = new StringBuilder("\n| category | queries | baseline recall@10 | baseline nDCG@10 | Pupitre recall@10 | Pupitre nDCG@10 |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        List<Scores> allOurs = new ArrayList<>();
        List<Scores> allBase = new ArrayList<>();
        for (String category : pupitreScores.keySet()) {
            List<Scores> ours = pupitreScores.get(category);
            List<Scores> base = baselineScores.get(category);
            allOurs.addAll(ours);
            allBase.addAll(base);
            table.append(row(category, base, ours));
        }
        table.append(row("**overall**", allBase, allOurs));
        System.out.println(table);
        System.out.println("Queries under 0.5 nDCG@10 (" + misses.size() + "):");
        misses.forEach(System.out::println);
        Files.writeString(Path.of("target", "relevance-table.md"), table + "\n" + String.join("\n", misses) + "\n");
    }

    private static String row(String name, List<Scores> base, List<Scores> ours) {
        return String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", name, ours.size(), mean(base, true), mean(base, false),
                mean(ours, true), mean(ours, false));
    }

    private static double mean(List<Scores> scores, boolean recall) {
        return scores.stream().mapToDouble(s -> recall ? s.recall() : s.ndcg()).average().orElse(0);
    }

    /** recall@10 (relevant found / relevant judged) and nDCG@10 with gains 2^grade − 1. */
    static Scores scores(List<String> ranked, Map<String, Integer> grades) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        double dcg = 0;
        int found = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            int grade = grades.getOrDefault(ranked.get(i), 0);
            if (grade > 0) {
                found++;
                dcg += (Math.pow(2, grade) - 1) / (Math.log(i + 2) / Math.log(2));
            }
        }
        List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return new Scores(relevant == 0 ? 0 : (double) found / relevant, idcg == 0 ? 0 : dcg / idcg);
    }

    /** Stock Lucene: French and English analyzers on the matching language's fields, BM25, OR of the words. */
    private static Function<String, List<String>> baseline(JsonNode listings) throws IOException {
        Analyzer french = new FrenchAnalyzer();
        Analyzer english = new EnglishAnalyzer();
        Map<String, Analyzer> fields = Map.of("title_fr", french, "body_fr", french, "title_en", english, "body_en", english);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new PerFieldAnalyzerWrapper(english, fields)))) {
            for (JsonNode listing : listings) {
                Document doc = new Document();
                doc.add(new StringField("key", listing.get("key").asText(), Field.Store.YES));
                for (String language : List.of("fr", "en")) {
                    JsonNode title = listing.path("title").path(language);
                    JsonNode body = listing.path("description").path(language);
                    if (!title.isMissingNode() && !title.isNull()) {
                        doc.add(new TextField("title_" + language, title.asText(), Field.Store.NO));
                    }
                    if (!body.isMissingNode() && !body.isNull()) {
                        doc.add(new TextField("body_" + language, body.asText(), Field.Store.NO));
                    }
                }
                writer.addDocument(doc);
            }
        }
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
        return q -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            fields.forEach((field, analyzer) -> {
                Query one = new QueryBuilder(analyzer).createBooleanQuery(field, q);
                if (one != null) {
                    query.add(one, Occur.SHOULD);
                }
            });
            try {
                List<String> keys = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), K).scoreDocs) {
                    keys.add(searcher.storedFields().document(hit.doc).get("key"));
                }
                return keys;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
