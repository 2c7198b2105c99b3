package ca.pupitre.listings.search;

import ca.pupitre.listings.api.SkillView;
import ca.pupitre.listings.service.SkillTaxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

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

    /**
     * Every name of several words in the synonym sources ("tenue de livres", "répondre au téléphone"), as
     * the key analysis reads it (words joined by one space): a request holding one names a task.
     */
    static Set<String> multiWordNames(SkillTaxonomy taxonomy) {
        Set<String> names = new HashSet<>();
        List<String> lines = new ArrayList<>(List.of(taxonomyRules(taxonomy).split("\n")));
        for (String file : FILES) {
            try (BufferedReader in = new BufferedReader(Text.resource(file))) {
                in.lines().forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Analyzer keys = Chains.synonymKeys()) {
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.split("(?<!\\\\),|=>")) {
                    List<String> words = words(keys, name.replace("\\,", ",").strip());
                    if (words.size() > 1) {
                        names.add(String.join(" ", words));
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    /** The words of {@code text} as the key analysis reads them. */
    static List<String> words(Analyzer keys, String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = keys.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
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
