package ca.pupitre.web.view;

import ca.pupitre.web.api.PupitreApi;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * How a person reads amounts, dates and codes in each language: {@code 38,00 $} / {@code $38.00}, dates in
 * America/Toronto, region names for Québec's region codes. Used from templates as {@code {p.money(lang)}},
 * {@code {instant.date(lang)}}…
 */
@TemplateExtension
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("America/Toronto");

    /** Québec's administrative regions by code (the API's {@code region}); proper names, the same in both languages. */
    static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("01", "Bas-Saint-Laurent"), Map.entry("02", "Saguenay–Lac-Saint-Jean"),
            Map.entry("03", "Capitale-Nationale"), Map.entry("04", "Mauricie"), Map.entry("05", "Estrie"),
            Map.entry("06", "Montréal"), Map.entry("07", "Outaouais"), Map.entry("08", "Abitibi-Témiscamingue"),
            Map.entry("09", "Côte-Nord"), Map.entry("10", "Nord-du-Québec"),
            Map.entry("11", "Gaspésie–Îles-de-la-Madeleine"), Map.entry("12", "Chaudière-Appalaches"),
            Map.entry("13", "Laval"), Map.entry("14", "Lanaudière"), Map.entry("15", "Laurentides"),
            Map.entry("16", "Montérégie"), Map.entry("17", "Centre-du-Québec"));

    private Formats() {
    }

    static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.CANADA : Locale.CANADA_FRENCH;
    }

    private static Messages messages(String lang) {
        return MessageBundles.get(Messages.class, Localized.Literal.of("en".equals(lang) ? "en" : "fr"));
    }

    /** {@code 38,00 $} (fr) or {@code $38.00} (en) from an exact decimal string. */
    public static String money(String amount, String lang) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        // Written out rather than NumberFormat.getCurrencyInstance: the JDK's fr-CA data writes "38,00 $ CA",
        // while Québec writes "38,00 $"
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale(lang));
        symbols.setCurrencySymbol("$");
        DecimalFormat format = new DecimalFormat("en".equals(lang) ? "¤#,##0.00" : "#,##0.00\u00a0¤",
                symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(new BigDecimal(amount));
    }

    /** An engagement's price: {@code 38,00 $ à l'heure}, {@code 2,50 $ par page}, {@code 1 200,00 $ forfait}. */
    public static String money(PupitreApi.EngagementPricing pricing, String lang) {
        if (pricing == null) {
            return "";
        }
        return switch (pricing.type() == null ? "HOURLY" : pricing.type()) {
            case "FIXED" -> money(pricing.amount(), lang) + " " + unit("FIXED", lang);
            case "PER_UNIT" -> money(pricing.rate(), lang) + " " + unit(pricing.unit(), lang);
            default -> money(pricing.rate(), lang) + " " + unit("HOUR", lang);
        };
    }

    /** The amount and its unit, e.g. {@code 38,00 $ à l'heure}. */
    public static String money(PupitreApi.Pricing pricing, String lang) {
        if (pricing == null) {
            return "";
        }
        return money(pricing.amount(), lang) + " " + unit(pricing.unit(), lang);
    }

    public static String unit(String unit, String lang) {
        Messages m = messages(lang);
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "HOUR" -> m.unit_hour();
            case "PAGE" -> m.unit_page();
            case "THOUSAND_WORDS" -> m.unit_thousand_words();
            case "AUDIO_MINUTE" -> m.unit_audio_minute();
            case "FIXED" -> m.unit_fixed();
            default -> unit;
        };
    }

    /** A date as a person reads it, in Québec's time zone: {@code 2 décembre 2026} / {@code December 2, 2026}. */
    public static String date(Instant instant, String lang) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(lang))
                .format(instant.atZone(ZONE));
    }

    /** Date and time in Québec's time zone, for messages: {@code 2 déc. 2026, 14 h 05} / {@code Dec 2, 2026, 2:05 PM}. */
    public static String dateTime(Instant instant, String lang) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale(lang)).format(instant.atZone(ZONE));
    }

    public static String date(LocalDate date, String lang) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale(lang)).format(date);
    }

    /** {@code 2026-11} → {@code novembre 2026} / {@code November 2026}; as given when it is not a month. */
    public static String monthName(String yearMonth, String lang) {
        try {
            return DateTimeFormatter.ofPattern("LLLL yyyy", locale(lang)).format(YearMonth.parse(yearMonth));
        } catch (RuntimeException notAMonth) {
            return yearMonth == null ? "" : yearMonth;
        }
    }

    /** {@code P2D} → {@code 2 jours} / {@code 2 days}; {@code PT24H} → {@code 24 heures} / {@code 24 hours}. */
    public static String turnaround(String iso, String lang) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        boolean en = "en".equals(lang);
        try {
            Duration d = Duration.parse(iso);
            if (d.toHours() % 24 == 0 && d.toDays() > 0) {
                long days = d.toDays();
                return days + (en ? (days == 1 ? " day" : " days") : (days == 1 ? " jour" : " jours"));
            }
            long hours = d.toHours();
            return hours + (en ? (hours == 1 ? " hour" : " hours") : (hours == 1 ? " heure" : " heures"));
        } catch (RuntimeException notADuration) {
            return iso;
        }
    }

    public static String regionName(String code) {
        return code == null ? "" : REGIONS.getOrDefault(code, code);
    }

    /** {@code fr} → {@code français} / {@code French}. */
    public static String languageName(String code, String lang) {
        if (code == null) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale(lang));
        return name.isEmpty() ? code : name;
    }

    /** The listing's kind as a person says it. */
    public static String kindName(String kind, String lang) {
        Messages m = messages(lang);
        return "REQUEST".equals(kind) ? m.kind_request() : m.kind_offer();
    }

    public static String statusName(String status, String lang) {
        Messages m = messages(lang);
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "DRAFT" -> m.status_draft();
            case "PUBLISHED" -> m.status_published();
            case "CLOSED" -> m.status_closed();
            case "EXPIRED" -> m.status_expired();
            case "HIDDEN" -> m.status_hidden();
            default -> status;
        };
    }

    /** {@code 90} minutes → {@code 1 h 30} (the same in both languages, as Québec writes it). */
    public static String duration(Integer minutes, String lang) {
        if (minutes == null) {
            return "";
        }
        return (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + String.format("%02d", minutes % 60));
    }

    /** A tax rate as a decimal fraction ({@code 0.09975}) → {@code 9,975 %} / {@code 9.975%}. */
    public static String percent(String rate, String lang) {
        if (rate == null) {
            return "";
        }
        BigDecimal pct = new BigDecimal(rate).movePointRight(2).stripTrailingZeros();
        String number = pct.toPlainString();
        return "en".equals(lang) ? number + "%" : number.replace('.', ',') + "\u00a0%";
    }

    /** A tax's name as Québec writes it in French (TPS, TVQ, TVH), as the rest of Canada writes it in English. */
    public static String taxName(String code, String lang) {
        if (code == null || "en".equals(lang)) {
            return code == null ? "" : code;
        }
        return switch (code) {
            case "GST" -> "TPS";
            case "QST" -> "TVQ";
            case "HST" -> "TVH";
            default -> code;
        };
    }

    /** A decimal string in the page's language: {@code 2.50} → {@code 2,50} / {@code 2.50}. */
    public static String number(String decimal, String lang) {
        if (decimal == null || "en".equals(lang)) {
            return decimal == null ? "" : decimal;
        }
        return decimal.replace('.', ',');
    }

    /** An average as a person reads it: one decimal. */
    public static String rounded(Double average) {
        return average == null ? "" : new BigDecimal(average).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code 4} → {@code ★★★★☆}. */
    public static String starGlyphs(int stars) {
        int n = Math.max(0, Math.min(5, stars));
        return "★".repeat(n) + "☆".repeat(5 - n);
    }

    /** A short plain-text excerpt (for result cards and meta descriptions). */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        return flat.substring(0, cut > max / 2 ? cut : max) + "…";
    }
}
