package ca.pupitre.listings.search;

import ca.pupitre.listings.rest.dto.SkillView;
import ca.pupitre.listings.service.SkillTaxonomy;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The synonym map of both query chains, from three sources: every skill of the taxonomy (its French and
 * English labels and synonyms are one group), {@code search/synonyms.txt} (other names of the same work
 * in both languages, software and their former names), and {@code search/quebec-terms.txt} (Québec
 * abbreviations, tax and payroll acronyms, Québec French office words, Québec bodies). The files are in
 * Solr's format, with a comment on each entry.
 */
final class Synonyms {

    static final List<String> FILES = List.of("search/synonyms.txt", "search/quebec-terms.txt");

    private Synonyms() {
    }

    static SynonymMap load(SkillTaxonomy taxonomy) {
        try (Analyzer keys = Chains.synonymKeys()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, keys);
            parser.parse(new StringReader(taxonomyRules(taxonomy)));
            for (String file : FILES) {
                try (Reader in = Text.resource(file)) {
                    parser.parse(in);
                } catch (ParseException e) {
                    throw new IllegalStateException(file + ": " + e.getMessage() + " (line " + e.getErrorOffset() + ")", e);
                }
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("skills.json synonyms: " + e.getMessage(), e);
        }
    }

    /** One equivalence line per skill: "label fr, label en, synonyms…". */
    static String taxonomyRules(SkillTaxonomy taxonomy) {
        StringBuilder rules = new StringBuilder();
        for (SkillView skill : taxonomy.all()) {
            List<String> names = new ArrayList<>();
            names.add(skill.label().fr());
            names.add(skill.label().en());
            names.addAll(skill.synonyms().fr());
            names.addAll(skill.synonyms().en());
            rules.append(String.join(", ", names.stream().map(Synonyms::escape).toList())).append('\n');
        }
        return rules.toString();
    }

    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "=\\>");
    }
}
