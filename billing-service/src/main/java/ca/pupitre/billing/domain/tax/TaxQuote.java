package ca.pupitre.billing.domain.tax;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The taxes on a subtotal. All amounts have scale 2; {@code taxTotal} is the sum of the line
 * amounts and {@code total = subtotal + taxTotal}. {@code lines} is empty when no tax is charged
 * (small supplier) and ordered as {@link TaxCode} otherwise.
 */
public record TaxQuote(BigDecimal subtotal, List<TaxLine> lines, BigDecimal taxTotal, BigDecimal total) {

    public TaxQuote {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(taxTotal, "taxTotal");
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
    }

    /** The line for a tax, if that tax is charged. */
    public Optional<TaxLine> line(TaxCode code) {
        return lines.stream().filter(line -> line.code() == code).findFirst();
    }
}
