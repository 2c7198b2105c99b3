package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.tax.TaxLine;
import ca.pupitre.billing.domain.tax.TaxQuote;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tax quote on the wire: amounts and rates are decimal strings, never JSON numbers. */
public record TaxQuoteView(
        @Schema(example = "475.00", maxLength = Money.TEXT_MAX) String subtotal,
        @Schema(description = "At most one line per tax code", maxItems = 3) List<Line> lines,
        @Schema(example = "71.13", maxLength = Money.TEXT_MAX) String taxTotal,
        @Schema(example = "546.13", maxLength = Money.TEXT_MAX) String total) {

    /** Rates have at most 5 decimals, as invoices store them (numeric(9,5)). */
    public record Line(@Schema(example = "QST", enumeration = {"GST", "QST", "HST"}) String code,
            @Schema(example = "0.09975", maxLength = 10) String rate,
            @Schema(example = "47.38", maxLength = Money.TEXT_MAX) String amount) {

        static Line of(TaxLine line) {
            return new Line(line.code().name(), line.rate().toPlainString(), line.amount().toPlainString());
        }
    }

    public static TaxQuoteView of(TaxQuote quote) {
        return new TaxQuoteView(quote.subtotal().toPlainString(), quote.lines().stream().map(Line::of).toList(),
                quote.taxTotal().toPlainString(), quote.total().toPlainString());
    }
}
