package ca.pupitre.billing.service;

import ca.pupitre.billing.api.InvoiceView;
import ca.pupitre.billing.domain.LineUnit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
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
            Words say = Words.in(english);
            boolean credit = "CREDIT_NOTE".equals(invoice.kind());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(say.text(credit ? "title.credit_note" : "title.invoice") + " " + invoice.number());
            info.setCreator("Pupitre");

            w.line(w.bold, 18, say.text(credit ? "heading.credit_note" : "heading.invoice"));
            w.gap();
            w.line(w.bold, SIZE, say.text("number", invoice.number()));
            w.line(w.regular, SIZE, say.text("date", String.valueOf(invoice.issueDate())));
            if (invoice.issuedAt() != null) {
                w.line(w.regular, SIZE, say.text("issued_at",
                        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(invoice.issuedAt().atZone(EASTERN))));
            }
            if (!credit && invoice.terms() != null) {
                String days = "NET_15".equals(invoice.terms()) ? "15" : "30";
                w.line(w.regular, SIZE, say.text("terms", days)
                        + (invoice.dueDate() == null ? "" : say.text("due", String.valueOf(invoice.dueDate()))));
            }
            w.gap();
            InvoiceView.Supplier supplier = invoice.supplier();
            w.line(w.bold, SIZE, say.text("supplier"));
            w.wrapped(w.regular, supplier.name());
            w.wrapped(w.regular, supplier.address());
            if (Boolean.TRUE.equals(supplier.registered())) {
                w.line(w.regular, SIZE, say.text("gst_number", supplier.gstNumber()));
                w.line(w.regular, SIZE, say.text("qst_number", supplier.qstNumber()));
            } else {
                w.wrapped(w.regular, say.text("small_supplier"));
            }
            w.gap();
            w.line(w.bold, SIZE, say.text("client"));
            w.wrapped(w.regular, invoice.client().name());
            w.wrapped(w.regular, invoice.client().address());
            if (credit) {
                w.gap();
                w.wrapped(w.regular, say.text("credit_reason", invoice.reason()));
            }
            w.gap();
            w.row(w.bold, say.text("column.description"), say.text("column.quantity"),
                    say.text("column.unit_price"), say.text("column.amount"));
            for (InvoiceView.Line line : invoice.lines()) {
                w.row(w.regular, line.description(), number(line.quantity(), english) + " " + unit(line.unit(), english),
                        money(line.unitPrice(), english), money(line.amount(), english));
            }
            w.gap();
            w.total(w.regular, say.text("subtotal"), money(invoice.subtotal(), english));
            for (InvoiceView.Tax tax : invoice.taxes()) {
                w.total(w.regular, taxName(tax.code(), english) + " (" + percent(tax.rate(), english) + ")", money(tax.amount(), english));
            }
            w.total(w.bold, say.text("total"), money(invoice.total(), english));
            if (!credit) {
                if (new BigDecimal(invoice.paidTotal()).signum() > 0) {
                    w.total(w.regular, say.text("paid"), money(invoice.paidTotal(), english));
                }
                if (new BigDecimal(invoice.creditedTotal()).signum() > 0) {
                    w.total(w.regular, say.text("credited"), money(invoice.creditedTotal(), english));
                }
                w.total(w.bold, say.text("balance"), money(invoice.balance(), english));
            }
            w.gap();
            w.wrapped(w.regular, say.text("currency"));
            w.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF's words in one language: {@code invoice-pdf_fr.properties} or {@code invoice-pdf_en.properties}. */
    private record Words(ResourceBundle bundle, Locale locale) {

        static Words in(boolean english) {
            Locale locale = english ? Locale.ENGLISH : Locale.FRENCH;
            // no fallback: a French PDF never turns English because the JVM's own locale is English
            return new Words(ResourceBundle.getBundle("invoice-pdf", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
        }

        String text(String key, String... values) {
            return new MessageFormat(bundle.getString(key), locale).format(values);
        }
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
