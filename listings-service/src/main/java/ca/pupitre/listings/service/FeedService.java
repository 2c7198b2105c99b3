package ca.pupitre.listings.service;

import ca.pupitre.listings.config.FeedsConfig;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.feed.AtomWriter;
import ca.pupitre.listings.feed.FeedItem;
import ca.pupitre.listings.feed.FeedItems;
import ca.pupitre.listings.feed.FeedKind;
import ca.pupitre.listings.feed.FeedListing;
import ca.pupitre.listings.feed.JobsXmlWriter;
import ca.pupitre.listings.feed.JsonLdWriter;
import ca.pupitre.listings.feed.Lang;
import ca.pupitre.listings.feed.ScriptSafeEscapes;
import ca.pupitre.listings.repository.FeedRepository;
import ca.pupitre.listings.repository.FeedStatsRepository;
import ca.pupitre.listings.repository.ListingChangeRepository;
import ca.pupitre.listings.repository.ListingRepository;
import ca.pupitre.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.jboss.logging.Logger;

/**
 * Partner feeds: access, validators (ETag/Last-Modified), streamed snapshots, the partner delta feed,
 * and impression counting. Snapshots never hold more than one listing in memory (see
 * {@link FeedRepository#streamVisible}).
 */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);
    /** Attribution counters are kept per Québec calendar day. */
    static final ZoneId COUNTING_ZONE = ZoneId.of("America/Toronto");

    private final FeedRepository feeds;
    private final FeedStatsRepository stats;
    private final ListingChangeRepository changes;
    private final ListingRepository listings;
    private final FeedItems items;
    private final FeedsConfig config;
    private final Clock clock;
    private final JsonFactory jsonFactory;
    private final XMLOutputFactory xmlFactory = XMLOutputFactory.newFactory();

    public FeedService(FeedRepository feeds, FeedStatsRepository stats, ListingChangeRepository changes,
            ListingRepository listings, FeedItems items, FeedsConfig config, Clock clock, ObjectMapper json) {
        this.feeds = feeds;
        this.stats = stats;
        this.changes = changes;
        this.listings = listings;
        this.items = items;
        this.config = config;
        this.clock = clock;
        this.jsonFactory = json.getFactory();
    }

    /** A feed body: writes itself to the response stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** ETag (weak: the same feed gzipped or not is the same content) and Last-Modified of one feed response. */
    public record Validators(String etag, Instant lastModified) {
    }

    /** 403 FEED_NOT_ALLOWED when the partner's token does not list this feed. */
    public void authorize(FeedCaller caller, FeedKind feed) {
        if (!caller.mayRead(feed)) {
            throw ProblemException.forbidden("FEED_NOT_ALLOWED", feed.name());
        }
    }

    public static Lang lang(String value) {
        Lang lang = Lang.parse(value);
        if (lang == null) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "lang");
        }
        return lang;
    }

    /**
     * Validators from the feed's high-water mark: the last change sequence and the latest lazy expiry
     * (both move whenever any snapshot could have changed), plus what makes this response differ from
     * another one (feed, language, partner in the URLs, paging).
     */
    public Validators validators(FeedKind feed, Lang lang, FeedCaller caller, String variant) {
        FeedRepository.Watermark mark = feeds.watermark(clock.instant());
        String key = feed + "|" + lang + "|" + caller.partnerId() + "|" + variant + "|" + mark.seq() + "|" + mark.lastExpiry();
        Instant modified = Instant.EPOCH;
        if (mark.changedAt() != null && mark.changedAt().isAfter(modified)) {
            modified = mark.changedAt();
        }
        if (mark.lastExpiry() != null && mark.lastExpiry().isAfter(modified)) {
            modified = mark.lastExpiry();
        }
        return new Validators("W/\"" + sha256(key).substring(0, 32) + "\"", modified.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Atom entries asked for: default when absent, 400 outside 1..max. */
    public int atomLimit(Integer limit) {
        return bounded(limit, config.atomEntries(), config.atomMaxEntries());
    }

    public int changesLimit(Integer limit) {
        return bounded(limit, config.changesPageSize(), config.changesMaxPageSize());
    }

    /** The streamed body of a snapshot feed (every visible listing of the feed's kind; Atom: the newest {@code limit}). */
    public Body snapshot(FeedKind feed, Lang lang, FeedCaller caller, Instant lastModified, int atomLimit) {
        Instant now = clock.instant();
        return out -> {
            long served;
            try {
                served = switch (feed) {
                    case JOBS_JSONLD, SERVICES_JSONLD -> jsonLd(out, feed, lang, caller, now);
                    case JOBS_XML -> jobsXml(out, lang, caller, now, lastModified);
                    case SERVICES_ATOM -> atom(out, lang, caller, now, lastModified, atomLimit);
                    case CHANGES -> throw new IllegalArgumentException("not a snapshot");
                };
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("Feed " + feed + " failed", e);
            }
            countServe(caller, feed, served);
        };
    }

    private long jsonLd(OutputStream out, FeedKind feed, Lang lang, FeedCaller caller, Instant now) throws Exception {
        boolean jobs = feed.listingKind() == ListingKind.REQUEST;
        try (JsonGenerator json = generator(out)) {
            JsonLdWriter.start(json);
            long n = feeds.streamVisible(feed.listingKind(), now, 0, config.fetchSize(), row -> {
                FeedItem item = item(row, lang, caller);
                if (jobs) {
                    JsonLdWriter.jobPosting(json, item, false);
                } else {
                    JsonLdWriter.service(json, item, false);
                }
            });
            JsonLdWriter.end(json);
            return n;
        }
    }

    private long jobsXml(OutputStream out, Lang lang, FeedCaller caller, Instant now, Instant lastBuild) throws Exception {
        OutputStream buffer = buffered(out);
        XMLStreamWriter xml = xmlFactory.createXMLStreamWriter(buffer, "UTF-8");
        try {
            JobsXmlWriter.start(xml, config.publicUrl(), lastBuild);
            long n = feeds.streamVisible(ListingKind.REQUEST, now, 0, config.fetchSize(),
                    row -> JobsXmlWriter.job(xml, item(row, lang, caller)));
            JobsXmlWriter.end(xml);
            return n;
        } finally {
            xml.flush();
            xml.close();
            buffer.flush();
        }
    }

    private long atom(OutputStream out, Lang lang, FeedCaller caller, Instant now, Instant updated, int limit) throws Exception {
        OutputStream buffer = buffered(out);
        XMLStreamWriter xml = xmlFactory.createXMLStreamWriter(buffer, "UTF-8");
        try {
            String self = trimSlash(config.publicUrl()) + "/api/v1/feeds/services.atom?lang=" + lang.name().toLowerCase(Locale.ROOT);
            AtomWriter.start(xml, lang, self, config.listingPage().replace("{id}", ""), updated);
            long n = feeds.streamVisible(ListingKind.OFFER, now, limit, config.fetchSize(),
                    row -> AtomWriter.entry(xml, item(row, lang, caller)));
            AtomWriter.end(xml);
            return n;
        } finally {
            xml.flush();
            xml.close();
            buffer.flush();
        }
    }

    /**
     * One page of the partner delta feed, in commit order (the listings change feed's table, cursor and
     * guarantees). UPSERT items carry the schema.org item (JobPosting for requests, Service for offers);
     * TOMBSTONEs carry the status (EXPIRED, CLOSED, HIDDEN) and time. Changes of listings that were never
     * published are left out (a partner never learns that a draft exists); the cursor still moves past them.
     */
    public Body changes(FeedCaller caller, Lang lang, String cursor, int limit) {
        long since = sinceOf(cursor);
        Instant now = clock.instant();
        List<ListingChangeRepository.Change> rows = changes.after(since, limit);
        Map<UUID, Listing> current = listings.findAllById(rows.stream().map(ListingChangeRepository.Change::listingId)
                .distinct().toList());
        List<DeltaEntry> entries = new ArrayList<>(rows.size());
        List<UUID> upserted = new ArrayList<>();
        for (ListingChangeRepository.Change c : rows) {
            Listing listing = current.get(c.listingId());
            if (listing == null || listing.publishedAt == null) {
                continue;
            }
            if (ListingService.UPSERT.equals(c.op()) && listing.publiclyVisible(now)) {
                entries.add(new DeltaEntry(c, listing.kind, ListingService.UPSERT, c.status().name(),
                        item(FeedListing.of(listing), lang, caller)));
                upserted.add(listing.id);
            } else {
                String status = ListingService.UPSERT.equals(c.op()) ? listing.effectiveStatus(now).name() : c.status().name();
                entries.add(new DeltaEntry(c, listing.kind, ListingService.TOMBSTONE, status, null));
            }
        }
        long last = rows.isEmpty() ? since : rows.get(rows.size() - 1).seq();
        String next = Cursors.encode("seq", last);
        boolean more = rows.size() == limit;
        return out -> {
            try (JsonGenerator json = generator(out)) {
                json.writeStartObject();
                json.writeArrayFieldStart("items");
                for (DeltaEntry e : entries) {
                    json.writeStartObject();
                    json.writeNumberField("seq", e.change().seq());
                    json.writeStringField("id", e.change().listingId().toString());
                    json.writeStringField("kind", e.kind().name());
                    json.writeStringField("op", e.op());
                    json.writeStringField("status", e.status());
                    json.writeStringField("changedAt", e.change().changedAt().toString());
                    if (e.item() != null) {
                        json.writeFieldName("item");
                        if (e.kind() == ListingKind.REQUEST) {
                            JsonLdWriter.jobPosting(json, e.item(), true);
                        } else {
                            JsonLdWriter.service(json, e.item(), true);
                        }
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeStringField("nextCursor", next);
                json.writeBooleanField("more", more);
                json.writeEndObject();
            }
            countServe(caller, FeedKind.CHANGES, entries.size());
            if (caller.partnerId() != null && !upserted.isEmpty()) {
                try {
                    stats.countListingImpressions(caller.partnerId(), today(), upserted);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Could not count delta-feed impressions for partner %s", caller.partnerId());
                }
            }
        };
    }

    private record DeltaEntry(ListingChangeRepository.Change change, ListingKind kind, String op, String status,
            FeedItem item) {
    }

    private FeedItem item(FeedListing row, Lang lang, FeedCaller caller) {
        return items.item(row, lang, FeedItems.visitUrl(config.publicUrl(), row.id(), caller.partnerId()));
    }

    /** Impressions: one upsert per response (admins' reads are not counted); never fails the response. */
    private void countServe(FeedCaller caller, FeedKind feed, long served) {
        if (caller.partnerId() == null) {
            return;
        }
        try {
            stats.countServe(caller.partnerId(), feed.name(), today(), served);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not count a %s serve for partner %s", feed, caller.partnerId());
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), COUNTING_ZONE);
    }

    /**
     * The JDK's StAX writer hands a UTF-8 stream one byte at a time: buffer it (flushed by the writer's
     * flush, never closed: the response stream belongs to the container).
     */
    private static OutputStream buffered(OutputStream out) {
        return new BufferedOutputStream(out, 1 << 15) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = jsonFactory.createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // A feed cut short by an error must stay visibly truncated, never be closed into valid JSON.
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        // Partners paste JSON-LD into HTML script elements: no listing text may close one.
        json.setCharacterEscapes(ScriptSafeEscapes.INSTANCE);
        return json;
    }

    private static int bounded(Integer limit, int fallback, int max) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > max) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "limit");
        }
        return limit;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sequence after which to read: 0 without a cursor; 400 INVALID_CURSOR when malformed (same cursors as the listings change feed). */
    static long sinceOf(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        long since;
        try {
            since = Long.parseLong(Cursors.decode(cursor.strip(), "seq", 1).get(0));
        } catch (NumberFormatException malformed) {
            throw Cursors.invalid();
        }
        if (since < 0) {
            throw Cursors.invalid();
        }
        return since;
    }
}
