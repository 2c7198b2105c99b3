package ca.pupitre.listings.search;

import ca.pupitre.listings.repository.IndexSourceRepository.IndexedListing;
import ca.pupitre.listings.service.SkillTaxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/**
 * How a published listing becomes a Lucene document. Per language ({@code _fr}, {@code _en}): the title,
 * the description, and {@code all_*}: title, the skills' names in that language (from the taxonomy, so
 * every listing has both languages) and description together, which decides what matches. Filters are indexed terms and
 * points; sorts and cursors read doc values; facets are sorted-set doc values (Lucene's facet module).
 */
final class ListingDocument {

    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String KIND = "kind";
    static final String UNIT = "unit";
    /** Who published the listing; absent for anonymous requests, which nobody may find by their client. */
    static final String OWNER = "owner";
    static final String REGION = "region";
    static final String REMOTE = "remote";
    static final String SKILL = "skill";
    static final String LANGUAGE = "language";
    static final String AMOUNT = "amount";
    static final String PUBLISHED = "published";
    static final String EXPIRES = "expires";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String ALL = "all";
    /** Words as written (lower case, accents kept): the vocabulary "did you mean" suggests from. */
    static final String SPELLING = "spelling";
    /** Titles as written (stored, per language), for type-ahead phrases. */
    static final String TITLE_STORED = "title_text";
    /** Facet dimensions (same names as the filters). */
    static final String[] FACETS = {SKILL, LANGUAGE, REGION};

    /** Gap between title, skills and description in {@code all_*}: a phrase never spans two of them. */
    static final int FIELD_GAP = 100;

    private ListingDocument() {
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(SKILL, true);
        config.setMultiValued(LANGUAGE, true);
        return config;
    }

    static BytesRef idBytes(UUID id) {
        return new BytesRef(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array());
    }

    static UUID uuid(BytesRef bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    /** Epoch microseconds, PostgreSQL's precision. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Document of(IndexedListing l, SkillTaxonomy taxonomy, FacetsConfig facets) {
        Document doc = new Document();
        doc.add(new StringField(ID, l.id().toString(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID_SORT, idBytes(l.id())));
        doc.add(new StringField(KIND, l.kind().name(), Field.Store.NO));
        doc.add(new StringField(UNIT, l.unit().name(), Field.Store.NO));
        if (!l.anonymous()) {
            doc.add(new StringField(OWNER, l.ownerId().toString(), Field.Store.NO));
        }
        doc.add(new StringField(REMOTE, Boolean.toString(l.remote()), Field.Store.NO));
        if (l.region() != null) {
            doc.add(new StringField(REGION, l.region(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(REGION, l.region()));
        }
        for (String skill : l.skills()) {
            doc.add(new StringField(SKILL, skill, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(SKILL, skill));
        }
        for (String language : l.languages()) {
            doc.add(new StringField(LANGUAGE, language, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(LANGUAGE, language));
        }
        long cents = l.amount().movePointRight(2).longValueExact();
        doc.add(new LongPoint(AMOUNT, cents));
        doc.add(new NumericDocValuesField(AMOUNT, cents));
        doc.add(new NumericDocValuesField(PUBLISHED, l.publishedAt() == null ? Long.MIN_VALUE : micros(l.publishedAt())));
        doc.add(new LongPoint(EXPIRES, l.expiresAt() == null ? Long.MAX_VALUE : micros(l.expiresAt())));

        text(doc, ListingLanguage.FR, l.titleFr(), skillNames(taxonomy, l.skills(), true), l.descriptionFr());
        text(doc, ListingLanguage.EN, l.titleEn(), skillNames(taxonomy, l.skills(), false), l.descriptionEn());
        for (String written : new String[] {l.titleFr(), l.titleEn(), l.descriptionFr(), l.descriptionEn()}) {
            if (written != null) {
                doc.add(new TextField(SPELLING, written, Field.Store.NO));
            }
        }
        if (l.titleFr() != null) {
            doc.add(new StoredField(ListingLanguage.FR.field(TITLE_STORED), l.titleFr()));
        }
        if (l.titleEn() != null) {
            doc.add(new StoredField(ListingLanguage.EN.field(TITLE_STORED), l.titleEn()));
        }
        try {
            return facets.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(Document doc, ListingLanguage language, String title, String skills, String body) {
        List<String> all = new ArrayList<>();
        if (title != null) {
            doc.add(new TextField(language.field(TITLE), title, Field.Store.NO));
            all.add(title);
        }
        all.add(skills);
        if (body != null) {
            doc.add(new TextField(language.field(BODY), body, Field.Store.NO));
            all.add(body);
        }
        // hyphenated words also as one word ("e-commerce" → "ecommerce"), as people type them either way
        String joined = Text.joinedHyphenWords((title == null ? "" : title) + "\n" + (body == null ? "" : body));
        if (joined != null) {
            all.add(joined);
        }
        // several values of one field: the analyzer's position gap keeps them apart for phrases
        for (String part : all) {
            doc.add(new TextField(language.field(ALL), part, Field.Store.NO));
        }
    }

    private static String skillNames(SkillTaxonomy taxonomy, List<String> codes, boolean french) {
        return taxonomy.searchText(codes, french);
    }
}
