package ca.pupitre.billing.service;

import ca.pupitre.billing.domain.LineUnit;
import ca.pupitre.billing.rest.dto.InvoiceView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders an issued invoice or credit note as a PDF with Apache PDFBox, in French (default) or
 * English. It always shows what Revenu Québec and the CRA require for input tax credits: supplier
 * name and both registration numbers, date, client name, description, terms, subtotal, each tax and
 * the total; a credit note also names the invoice it corrects and why. Times are shown in
 * America/Toronto.
 */
@ApplicationScoped
public class InvoicePdf {

    private static final ZoneId EASTERN = ZoneId.of("America/Toronto");
    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;

    public byte[] render(InvoiceView invoice, boolean english) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(document, english);
            boolean credit = "CREDIT_NOTE".equals(invoice.kind());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle((credit ? t(english, "Note de crédit", "Credit note") : t(english, "Facture", "Invoice")) + " " + invoice.number());
            info.setCreator("Pupitre");

            w.line(w.bold, 18, (credit ? t(english, "NOTE DE CRÉDIT", "CREDIT NOTE") : t(english, "FACTURE", "INVOICE")));
            w.gap();
            w.line(w.bold, SIZE, t(english, "Numéro : ", "Number: ") + invoice.number());
            w.line(w.regular, SIZE, t(english, "Date : ", "Date: ") + invoice.issueDate());
            if (invoice.issuedAt() != null) {
                w.line(w.regular, SIZE, t(english, "Émise le ", "Issued on ")
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(invoice.issuedAt().atZone(EASTERN))
                        + t(english, " (heure de l'Est, America/Toronto)", " (Eastern time, America/Toronto)"));
            }
            if (!credit && invoice.terms() != null) {
                String days = "NET_15".equals(invoice.terms()) ? "15" : "30";
                w.line(w.regular, SIZE, t(english, "Conditions : net " + days + " jours", "Terms: net " + days + " days")
                        + (invoice.dueDate() == null ? "" : t(english, " — échéance le ", " — due on ") + invoice.dueDate()));
            }
            w.gap();
            InvoiceView.Supplier supplier = invoice.supplier();
            w.line(w.bold, SIZE, t(english, "Fournisseur", "Supplier"));
            w.wrapped(w.regular, supplier.name());
            w.wrapped(w.regular, supplier.address());
            if (Boolean.TRUE.equals(supplier.registered())) {
                w.line(w.regular, SIZE, t(english, "No de TPS/TVH : ", "GST/HST No.: ") + supplier.gstNumber());
                w.line(w.regular, SIZE, t(english, "No de TVQ : ", "QST No.: ") + supplier.qstNumber());
            } else {
                w.wrapped(w.regular, t(english, "Petit fournisseur non inscrit aux fichiers de la TPS/TVH et de la TVQ : aucune taxe n'est exigée.",
                        "Small supplier not registered for GST/HST and QST: no tax is charged."));
            }
            w.gap();
            w.line(w.bold, SIZE, t(english, "Client", "Client"));
            w.wrapped(w.regular, invoice.client().name());
            w.wrapped(w.regular, invoice.client().address());
            if (credit) {
                w.gap();
                w.wrapped(w.regular, t(english, "Motif du crédit : ", "Reason for the credit: ") + invoice.reason());
            }
            w.gap();
            w.row(w.bold, t(english, "Description", "Description"), t(english, "Qté", "Qty"),
                    t(english, "Prix unitaire", "Unit price"), t(english, "Montant", "Amount"));
            for (InvoiceView.Line line : invoice.lines()) {
                w.row(w.regular, line.description(), number(line.quantity(), english) + " " + unit(line.unit(), english),
                        money(line.unitPrice(), english), money(line.amount(), english));
            }
            w.gap();
            w.total(w.regular, t(english, "Sous-total", "Subtotal"), money(invoice.subtotal(), english));
            for (InvoiceView.Tax tax : invoice.taxes()) {
                w.total(w.regular, taxName(tax.code(), english) + " (" + percent(tax.rate(), english) + ")", money(tax.amount(), english));
            }
            w.total(w.bold, t(english, "Total", "Total"), money(invoice.total(), english));
            if (!credit) {
                if (new BigDecimal(invoice.paidTotal()).signum() > 0) {
                    w.total(w.regular, t(english, "Payé", "Paid"), money(invoice.paidTotal(), english));
                }
                if (new BigDecimal(invoice.creditedTotal()).signum() > 0) {
                    w.total(w.regular, t(english, "Crédité", "Credited"), money(invoice.creditedTotal(), english));
                }
                w.total(w.bold, t(english, "Solde dû", "Balance due"), money(invoice.balance(), english));
            }
            w.gap();
            w.wrapped(w.regular, t(english, "Montants en dollars canadiens (CAD).", "Amounts in Canadian dollars (CAD)."));
            w.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String t(boolean english, String french, String englishText) {
        return english ? englishText : french;
    }

    private static String taxName(String code, boolean english) {
        return switch (code) {
            case "GST" -> english ? "GST" : "TPS";
            case "QST" -> english ? "QST" : "TVQ";
            case "HST" -> english ? "HST" : "TVH";
            default -> code;
        };
    }

    private static String unit(String unit, boolean english) {
        return LineUnit.valueOf(unit).label(english);
    }

    /** {@code 1 234,56 $} in French, {@code $1,234.56} in English. */
    static String money(String amount, boolean english) {
        return english ? "$" + number(amount, true) : number(amount, false) + " $";
    }

    static String number(String amount, boolean english) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(english ? '.' : ',');
        symbols.setGroupingSeparator(english ? ',' : ' ');
        return new DecimalFormat("#,##0.00", symbols).format(new BigDecimal(amount));
    }

    private static String percent(String rate, boolean english) {
        String value = new BigDecimal(rate).movePointRight(2).stripTrailingZeros().toPlainString();
        return english ? value + "%" : value.replace('.', ',') + " %";
    }

    /** Writes lines top-down, starting new pages as needed. */
    private static final class Writer {
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

        Writer(PDDocument document, boolean english) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        }

        private void room(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap() {
            y -= LEADING / 2;
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            room(size + 4);
            text(font, size, MARGIN, y, text);
            y -= Math.max(LEADING, size + 4);
        }

        void wrapped(PDType1Font font, String text) throws IOException {
            for (String part : wrap(font, SIZE, clean(font, text), width)) {
                line(font, SIZE, part);
            }
        }

        void row(PDType1Font font, String description, String quantity, String unitPrice, String amount) throws IOException {
            List<String> parts = wrap(font, SIZE, clean(font, description), width * 0.5f);
            room(LEADING * parts.size());
            float top = y;
            for (String part : parts) {
                text(font, SIZE, MARGIN, y, part);
                y -= LEADING;
            }
            right(font, quantity, MARGIN + width * 0.66f, top);
            right(font, unitPrice, MARGIN + width * 0.83f, top);
            right(font, amount, MARGIN + width, top);
        }

        void total(PDType1Font font, String label, String amount) throws IOException {
            room(LEADING);
            right(font, label, MARGIN + width * 0.8f, y);
            right(font, amount, MARGIN + width, y);
            y -= LEADING;
        }

        private void right(PDType1Font font, String text, float rightEdge, float at) throws IOException {
            String clean = clean(font, text);
            text(font, SIZE, rightEdge - font.getStringWidth(clean) / 1000 * SIZE, at, clean);
        }

        private void text(PDType1Font font, float size, float x, float at, String text) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, at);
            stream.showText(clean(font, text));
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }

        /** Replaces what the standard fonts cannot show (WinAnsi) so user text never breaks a PDF. */
        private static String clean(PDType1Font font, String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x202F || cp == 0x00A0 ? " " : new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    out.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static List<String> wrap(PDType1Font font, float size, String text, float maxWidth) throws IOException {
            List<String> result = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size <= maxWidth || current.isEmpty()) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    result.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            result.add(current.toString());
            return result;
        }
    }
}
