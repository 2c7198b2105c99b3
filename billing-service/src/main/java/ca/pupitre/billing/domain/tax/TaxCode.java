package ca.pupitre.billing.domain.tax;

/**
 * The sales taxes a Pupitre supplier may have to charge. The declaration order is the order in
 * which tax lines appear on a quote or an invoice.
 */
public enum TaxCode {
    /** Federal Goods and Services Tax. */
    GST,
    /** Québec Sales Tax, computed on the price excluding GST (since 2013). */
    QST,
    /** Harmonized Sales Tax: federal and provincial parts charged as a single tax. */
    HST
}
