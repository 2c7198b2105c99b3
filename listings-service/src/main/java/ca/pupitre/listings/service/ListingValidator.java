package ca.pupitre.listings.service;

import ca.pupitre.listings.api.ListingRequest;
import ca.pupitre.listings.api.LocalizedText;
import ca.pupitre.listings.domain.Confidentiality;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import ca.pupitre.platform.problem.FieldProblem;
import ca.pupitre.platform.problem.ProblemCatalog;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a create/replace body and turns it into {@link ValidListing}; every problem found is reported
 * at once as 422 VALIDATION_FAILED with one entry per field (JSON path, stable code, localized message).
 */
@Singleton
public class ListingValidator {

    public static final int TITLE_MAX = 160;
    public static final int DESCRIPTION_MAX = 8000;
    static final int SKILLS_MAX = 20;
    /** Longest skill code (the taxonomy's are at most 20 characters); an unknown code is quoted back cut to this. */
    public static final int SKILL_CODE_MAX = 32;
    static final int LANGUAGES_MAX = 10;
    static final int PUBLIC_NAME_MAX = 80;
    static final Duration TURNAROUND_MAX = Duration.ofDays(90);
    /** Longest amount or duration text read: longer ones are refused before they are parsed (e.g. padded zeros). */
    public static final int NUMBER_TEXT_MAX = 20;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final Pattern REGION = Pattern.compile("0[1-9]|1[0-7]");

    private final SkillTaxonomy taxonomy;

    public ListingValidator(SkillTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** A body that passed every check, normalized (trimmed texts, deduplicated lists, scale-2 amount). */
    public record ValidListing(String titleFr, String titleEn, String descriptionFr, String descriptionEn,
            List<String> skills, List<String> languages, PricingUnit unit, BigDecimal amount, Integer hoursPerWeek,
            String turnaround, boolean remote, String region, LocalDate startDate, Confidentiality confidentiality,
            String publicName, boolean anonymous) {
    }

    public ValidListing validate(ListingRequest body, ListingKind kind, Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        Checker check = new Checker(errors, locale);
        if (body == null) {
            check.add("", "REQUIRED", "field.required");
            throw failed(errors);
        }
        LocalizedText title = body.title();
        String titleFr = check.text("title.fr", title == null ? null : title.fr(), TITLE_MAX, false);
        String titleEn = check.text("title.en", title == null ? null : title.en(), TITLE_MAX, false);
        if (titleFr == null && titleEn == null && errors.stream().noneMatch(e -> e.field().startsWith("title"))) {
            check.add("title", "REQUIRED", "field.titleRequired");
        }
        LocalizedText description = body.description();
        String descriptionFr = check.text("description.fr", description == null ? null : description.fr(), DESCRIPTION_MAX, true);
        String descriptionEn = check.text("description.en", description == null ? null : description.en(), DESCRIPTION_MAX, true);

        List<String> skills = List.of();
        if (body.skills() == null || body.skills().isEmpty()) {
            check.add("skills", "REQUIRED", "field.required");
        } else if (body.skills().size() > SKILLS_MAX) {
            check.add("skills", "TOO_MANY", "field.tooMany", SKILLS_MAX);
        } else {
            LinkedHashSet<String> unique = new LinkedHashSet<>();
            for (int i = 0; i < body.skills().size(); i++) {
                String code = body.skills().get(i);
                if (code == null || !taxonomy.exists(code)) {
                    check.add("skills[" + i + "]", "UNKNOWN_SKILL", "field.unknownSkill", quoted(code));
                } else {
                    unique.add(code);
                }
            }
            skills = List.copyOf(unique);
        }

        List<String> languages = List.of();
        if (body.languages() == null || body.languages().isEmpty()) {
            check.add("languages", "REQUIRED", "field.required");
        } else if (body.languages().size() > LANGUAGES_MAX) {
            check.add("languages", "TOO_MANY", "field.tooMany", LANGUAGES_MAX);
        } else {
            LinkedHashSet<String> unique = new LinkedHashSet<>();
            for (int i = 0; i < body.languages().size(); i++) {
                String code = body.languages().get(i);
                if (code == null || !LANGUAGE.matcher(code).matches()) {
                    check.add("languages[" + i + "]", "INVALID_LANGUAGE", "field.language");
                } else {
                    unique.add(code);
                }
            }
            languages = List.copyOf(unique);
        }

        PricingUnit unit = null;
        BigDecimal amount = null;
        if (body.pricing() == null) {
            check.add("pricing", "REQUIRED", "field.required");
        } else {
            unit = body.pricing().unit();
            if (unit == null) {
                check.add("pricing.unit", "REQUIRED", "field.required");
            }
            if (body.pricing().currency() != null && !"CAD".equals(body.pricing().currency())) {
                check.add("pricing.currency", "UNSUPPORTED_CURRENCY", "field.currency");
            }
            String raw = body.pricing().amount();
            if (raw == null || raw.isBlank()) {
                check.add("pricing.amount", "REQUIRED", "field.required");
            } else if (raw.length() > NUMBER_TEXT_MAX) {
                check.add("pricing.amount", "INVALID_AMOUNT", "field.amount");
            } else {
                try {
                    BigDecimal parsed = new BigDecimal(raw.trim());
                    if (parsed.scale() > 2 || parsed.signum() <= 0) {
                        check.add("pricing.amount", "INVALID_AMOUNT", "field.amount");
                    } else if (unit != null && parsed.compareTo(unit.max()) > 0) {
                        check.add("pricing.amount", "OUT_OF_RANGE", "field.amountRange", unit.name(), unit.max().toPlainString());
                    } else {
                        amount = parsed.setScale(2);
                    }
                } catch (NumberFormatException | ArithmeticException notANumber) {
                    check.add("pricing.amount", "INVALID_AMOUNT", "field.amount");
                }
            }
        }

        if (body.hoursPerWeek() != null && (body.hoursPerWeek() < 1 || body.hoursPerWeek() > 80)) {
            check.add("hoursPerWeek", "OUT_OF_RANGE", "field.hours");
        }

        String turnaround = null;
        if (body.turnaround() != null && body.turnaround().length() > NUMBER_TEXT_MAX) {
            check.add("turnaround", "INVALID_FORMAT", "field.turnaround");
        } else if (body.turnaround() != null) {
            try {
                Duration parsed = Duration.parse(body.turnaround().trim());
                if (parsed.isNegative() || parsed.isZero() || parsed.compareTo(TURNAROUND_MAX) > 0) {
                    check.add("turnaround", "OUT_OF_RANGE", "field.turnaround");
                } else {
                    turnaround = body.turnaround().trim().toUpperCase(Locale.ROOT);
                }
            } catch (DateTimeParseException malformed) {
                check.add("turnaround", "INVALID_FORMAT", "field.turnaround");
            }
        }

        String region = body.region();
        if (region != null && !REGION.matcher(region).matches()) {
            check.add("region", "INVALID_REGION", "field.region");
            region = null;
        }
        boolean remote = body.remote() != null ? body.remote() : region == null;
        if (!remote && region == null && body.region() == null) {
            check.add("region", "REQUIRED", "field.remoteOrRegion");
        }

        if (body.startDate() != null && body.startDate().getYear() > LocalDate.now().getYear() + 5) {
            check.add("startDate", "OUT_OF_RANGE", "field.startDate");
        }

        String publicName = check.text("publicName", body.publicName(), PUBLIC_NAME_MAX, false);
        boolean anonymous = Boolean.TRUE.equals(body.anonymous());
        if (anonymous && kind == ListingKind.OFFER) {
            check.add("anonymous", "NOT_ALLOWED", "field.anonymousOffer");
        }

        if (!errors.isEmpty()) {
            throw failed(errors);
        }
        return new ValidListing(titleFr, titleEn, descriptionFr, descriptionEn, skills, languages, unit, amount,
                body.hoursPerWeek(), turnaround, remote, region, body.startDate(),
                body.confidentiality() == null ? Confidentiality.NONE : body.confidentiality(), publicName, anonymous);
    }

    /** An unknown skill code as the message quotes it: cut after {@link #SKILL_CODE_MAX} characters. */
    private static String quoted(String code) {
        String text = String.valueOf(code);
        return text.length() <= SKILL_CODE_MAX ? text : text.substring(0, SKILL_CODE_MAX) + "…";
    }

    static ProblemException failed(List<FieldProblem> errors) {
        return ProblemException.unprocessable("VALIDATION_FAILED", errors.size()).withErrors(errors);
    }

    /** Collects field problems with localized messages. */
    static final class Checker {
        private final List<FieldProblem> errors;
        private final Locale locale;

        Checker(List<FieldProblem> errors, Locale locale) {
            this.errors = errors;
            this.locale = locale;
        }

        void add(String field, String code, String messageKey, Object... args) {
            errors.add(new FieldProblem(field, code, ProblemCatalog.message(messageKey, locale, args)));
        }

        /** Trimmed text or null when absent/blank; checks length (in characters) and control characters. */
        String text(String field, String value, int max, boolean multiline) {
            if (value == null) {
                return null;
            }
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                return null;
            }
            if (trimmed.codePointCount(0, trimmed.length()) > max) {
                add(field, "TOO_LONG", "field.tooLong", max);
                return null;
            }
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
                if ((Character.isISOControl(c) && !allowedBreak) || c == '\uFFFE' || c == '\uFFFF') {
                    add(field, "CONTROL_CHARACTER", "field.controlCharacter");
                    return null;
                }
            }
            return trimmed;
        }
    }
}
