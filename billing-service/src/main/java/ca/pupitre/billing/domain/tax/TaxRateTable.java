package ca.pupitre.billing.domain.tax;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Effective-dated sales tax rates by province, answering the rates in force on a date. Immutable and
 * thread-safe.
 *
 * <h2>Data</h2>
 * The rates are data, not code: {@link #defaultTable()} reads the classpath resource
 * {@value #DEFAULT_RESOURCE} once. Its format is CSV with the header
 * {@code province,code,rate,effectiveFrom,effectiveTo}; {@code effectiveTo} is exclusive and empty
 * for a period with no announced end; dates are ISO ({@code 2025-04-01}); rates are decimal
 * fractions whose scale is kept ({@code 0.09975}). Blank lines and lines starting with {@code #}
 * are ignored. A rate change is a new row closing the previous one, e.g. for Nova Scotia:
 * <pre>
 * NS,HST,0.15,2013-04-01,2025-04-01
 * NS,HST,0.14,2025-04-01,
 * </pre>
 *
 * <h2>Consistency</h2>
 * Loading fails with an {@link IllegalStateException} when a row is malformed or when the periods of
 * one province and tax overlap or leave a gap (each period must start on the day the previous one
 * ends). A province may therefore start a new tax (e.g. join the HST) only by closing its other
 * series on the same day.
 */
public final class TaxRateTable {

    /** Classpath location of the default rate table. */
    public static final String DEFAULT_RESOURCE = "/tax/rates.csv";

    static final String HEADER = "province,code,rate,effectiveFrom,effectiveTo";

    private static final Comparator<TaxRate> ORDER = Comparator
            .comparing(TaxRate::province)
            .thenComparing(TaxRate::code)
            .thenComparing(TaxRate::effectiveFrom);

    private final List<TaxRate> rates;
    private final Map<Province, List<TaxRate>> byProvince;
    private final LocalDate firstDate;

    private TaxRateTable(List<TaxRate> rates) {
        this.rates = List.copyOf(rates);
        Map<Province, List<TaxRate>> index = new EnumMap<>(Province.class);
        for (TaxRate rate : this.rates) {
            index.computeIfAbsent(rate.province(), p -> new ArrayList<>()).add(rate);
        }
        index.replaceAll((province, list) -> List.copyOf(list));
        this.byProvince = index;
        this.firstDate = this.rates.stream().map(TaxRate::effectiveFrom).min(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** The table read from {@value #DEFAULT_RESOURCE}, loaded once on first use. */
    public static TaxRateTable defaultTable() {
        return DefaultHolder.INSTANCE;
    }

    /** Reads a table from a classpath resource (UTF-8). */
    public static TaxRateTable fromResource(String resource) {
        InputStream in = TaxRateTable.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Tax rate table not found on the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tax rate table " + resource, e);
        }
    }

    /**
     * Parses a table in the CSV format described above.
     *
     * @param source name of the source, quoted in error messages
     * @throws IllegalStateException when the data is malformed or inconsistent
     */
    public static TaxRateTable parse(Reader reader, String source) {
        List<TaxRate> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try {
            BufferedReader lines = new BufferedReader(reader);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                String content = (lineNumber == 1 ? stripBom(line) : line).strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    if (!content.replace(" ", "").equalsIgnoreCase(HEADER)) {
                        throw new IllegalStateException(
                                source + ":" + lineNumber + ": expected header '" + HEADER + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                rows.add(parseRow(content, source, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tax rate table " + source, e);
        }
        if (!headerSeen) {
            throw new IllegalStateException(source + ": missing header '" + HEADER + "'");
        }
        return of(rows, source);
    }

    /**
     * Builds a table from rows.
     *
     * @throws IllegalStateException when there is no row, or when the periods of a province and tax
     *                               overlap or leave a gap
     */
    public static TaxRateTable of(Collection<TaxRate> rows) {
        return of(rows, "tax rate table");
    }

    private static TaxRateTable of(Collection<TaxRate> rows, String source) {
        List<TaxRate> sorted = new ArrayList<>(rows);
        sorted.forEach(row -> Objects.requireNonNull(row, "row"));
        if (sorted.isEmpty()) {
            throw new IllegalStateException(source + ": the table has no rate");
        }
        sorted.sort(ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            TaxRate previous = sorted.get(i - 1);
            TaxRate current = sorted.get(i);
            if (previous.province() != current.province() || previous.code() != current.code()) {
                continue;
            }
            String series = source + ": " + current.province() + " " + current.code() + ": ";
            if (previous.isOpenEnded() || previous.effectiveTo().isAfter(current.effectiveFrom())) {
                throw new IllegalStateException(series + "period starting " + current.effectiveFrom()
                        + " overlaps the one starting " + previous.effectiveFrom());
            }
            if (previous.effectiveTo().isBefore(current.effectiveFrom())) {
                throw new IllegalStateException(series + "gap between " + previous.effectiveTo()
                        + " and " + current.effectiveFrom());
            }
        }
        return new TaxRateTable(sorted);
    }

    /**
     * The rates applying in {@code province} on {@code date}, ordered as {@link TaxCode}.
     *
     * @throws NoRateInForceException when the table has none (e.g. a date before {@link #firstDate()})
     */
    public List<TaxRate> ratesInForce(Province province, LocalDate date) {
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(date, "date");
        List<TaxRate> inForce = byProvince.getOrDefault(province, List.of()).stream()
                .filter(rate -> rate.isInForceOn(date))
                .sorted(Comparator.comparing(TaxRate::code))
                .toList();
        if (inForce.isEmpty()) {
            throw new NoRateInForceException(province, date);
        }
        return inForce;
    }

    /** The earliest date the table covers. */
    public LocalDate firstDate() {
        return firstDate;
    }

    /** Every row, ordered by province, tax and start date. */
    public List<TaxRate> rates() {
        return rates;
    }

    private static TaxRate parseRow(String content, String source, int lineNumber) {
        String where = source + ":" + lineNumber + ": ";
        String[] fields = content.split(",", -1);
        if (fields.length != 5) {
            throw new IllegalStateException(where + "expected 5 columns, found " + fields.length);
        }
        try {
            Province province = Province.fromCode(fields[0]);
            TaxCode code = TaxCode.valueOf(fields[1].strip());
            BigDecimal rate = new BigDecimal(fields[2].strip());
            LocalDate from = LocalDate.parse(fields[3].strip());
            String to = fields[4].strip();
            return new TaxRate(province, code, rate, from, to.isEmpty() ? null : LocalDate.parse(to));
        } catch (UnknownProvinceException | DateTimeParseException | IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException, so is an unknown TaxCode
            throw new IllegalStateException(where + e.getMessage(), e);
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static final class DefaultHolder {
        static final TaxRateTable INSTANCE = fromResource(DEFAULT_RESOURCE);
    }
}
