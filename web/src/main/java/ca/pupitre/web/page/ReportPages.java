package ca.pupitre.web.page;

import static ca.pupitre.web.page.Answers.*;

import ca.pupitre.web.api.ApiProblem;
import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.session.SignedIn;
import ca.pupitre.web.session.SignedInPerson;
import ca.pupitre.web.view.Formats;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.PageRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A secretary's books, from billing-service's reports: revenue by month for a year, the GST/HST and QST to
 * remit for a period (a quarter by default, as most small suppliers file), what clients still owe, her
 * "À la une" purchases, and every invoice of the period as CSV for her accountant (streamed, never held).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ReportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(PageRequest v, SignedInPerson person, int year, List<Integer> years,
                PupitreApi.Revenue revenue, LocalDate from, LocalDate to, PupitreApi.TaxReport taxes,
                PupitreApi.Receivables receivables, List<PupitreApi.Promotion> promotions);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;
    private final ManagedExecutor executor;

    public ReportPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn, ManagedExecutor executor) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
        this.executor = executor;
    }

    @GET
    @Path("{lang:fr|en}/{slug:compte/rapports|account/reports}")
    public Object reports(@PathParam("lang") String lang, @PathParam("slug") String slug, @QueryParam("year") String year,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        open(v, lang, slug, Page.REPORTS, null);
        SignedInPerson person = signedIn.person().orElse(null);
        if (person == null) {
            return toSignIn(v);
        }
        if (!person.isSecretary()) {
            throw new NotFoundException(); // clients and moderators have no books here
        }
        String bearer = signedIn.bearer().orElseThrow();
        LocalDate today = LocalDate.now(Formats.ZONE);
        int shownYear = yearOr(year, today.getYear());
        // four reports, asked at once (the request's context goes with each call: language, request id)
        CompletableFuture<PupitreApi.Revenue> revenue = executor.supplyAsync(() -> api.revenueReport(shownYear, bearer));
        CompletableFuture<PupitreApi.Receivables> receivables = executor.supplyAsync(() -> api.receivables(bearer));
        CompletableFuture<List<PupitreApi.Promotion>> promotions = executor.supplyAsync(() -> api.myPromotions(bearer));
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        LocalDate periodFrom = dateOr(from, quarterStart);
        LocalDate periodTo = dateOr(to, quarterStart.plusMonths(3).minusDays(1));
        PupitreApi.TaxReport taxes;
        try {
            taxes = api.taxReport(periodFrom, periodTo, bearer);
        } catch (ApiProblem p) {
            if (p.status() != 400) {
                throw p;
            }
            // a period that ends before it starts: the quarter instead, and the page says why
            v.refuse("INVALID_PERIOD");
            periodFrom = quarterStart;
            periodTo = quarterStart.plusMonths(3).minusDays(1);
            taxes = api.taxReport(periodFrom, periodTo, bearer);
        }
        List<Integer> years = IntStream.rangeClosed(today.getYear() - 6, today.getYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList();
        return page(v, Templates.reports(v, person, shownYear, years, joined(revenue), periodFrom, periodTo, taxes,
                joined(receivables), joined(promotions)));
    }

    /** The answer of a call made alongside; its failure as the call's own (an ApiProblem stays one). */
    private static <T> T joined(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Every invoice and credit note of the period, as the API writes it (UTF-8 with BOM, for Excel), streamed. */
    @GET
    @Path("{lang:fr|en}/{slug:compte/rapports|account/reports}/invoices.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("lang") String lang, @PathParam("slug") String slug, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        open(v, lang, slug, Page.REPORTS, null);
        if (signedIn.person().isEmpty()) {
            return toSignIn(v);
        }
        LocalDate today = LocalDate.now(Formats.ZONE);
        LocalDate periodFrom = dateOr(from, today.withDayOfYear(1));
        LocalDate periodTo = dateOr(to, today);
        Response answer;
        try {
            answer = api.invoicesCsv(periodFrom, periodTo, signedIn.bearer().orElseThrow());
        } catch (ApiProblem p) {
            return backTo(v.link(Page.REPORTS), p);
        }
        InputStream csv = answer.readEntity(InputStream.class);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"pupitre-factures-" + periodFrom + "-" + periodTo + ".csv\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private static int yearOr(String typed, int otherwise) {
        try {
            int year = Integer.parseInt(orEmpty(typed).strip());
            return year >= 2000 && year <= otherwise + 1 ? year : otherwise;
        } catch (NumberFormatException none) {
            return otherwise;
        }
    }

    private static LocalDate dateOr(String typed, LocalDate otherwise) {
        try {
            return typed == null || typed.isBlank() ? otherwise : LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            return otherwise;
        }
    }
}
