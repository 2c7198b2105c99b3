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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The paid work, on billing-service's API: the billing profile (tax numbers or small supplier), the
 * engagement a client starts from an accepted invitation, weekly time (logged by the secretary, approved
 * or disputed by the client), invoices with Québec taxes (drafted from approved time, issued, paid), their
 * PDF, and the client's review once an invoice is paid. Money-creating forms carry an Idempotency-Key made
 * when the form was shown, so a double submission creates nothing twice.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class BillingPages {

    /** One week of an engagement's time (Monday to Sunday). */
    public record Week(LocalDate monday, List<PupitreApi.TimeEntry> entries, int minutes, boolean awaitingApproval) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance billingProfile(PageRequest v, SignedInPerson person, Form form, boolean saved);

        static native TemplateInstance engagements(PageRequest v, List<PupitreApi.Engagement> engagements,
                Map<UUID, String> titles);

        static native TemplateInstance engagement(PageRequest v, SignedInPerson person, PupitreApi.Engagement engagement,
                String title, List<Week> weeks, List<PupitreApi.Invoice> invoices, Form form, String idempotencyKey);

        static native TemplateInstance invoice(PageRequest v, SignedInPerson person, PupitreApi.Invoice invoice,
                List<PupitreApi.Payment> payments, String idempotencyKey, String today);
    }

    private final PupitreApi api;
    private final PageRequest v;
    private final SignedIn signedIn;

    public BillingPages(@RestClient PupitreApi api, PageRequest v, SignedIn signedIn) {
        this.api = api;
        this.v = v;
        this.signedIn = signedIn;
    }

    // ---- billing profile

    @GET
    @Path("{lang:fr|en}/{slug:compte/facturation|account/billing}")
    public Object profile(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @QueryParam("saved") String saved) {
        open(v, lang, slug, Page.BILLING_PROFILE, null);
        SignedInPerson person = person();
        if (person == null) {
            return toSignIn(v);
        }
        PupitreApi.BillingProfile current = null;
        try {
            current = api.getBillingProfile(bearer());
        } catch (ApiProblem p) {
            if (p.status() != 404) {
                throw p;
            }
        }
        Form form = current == null ? Form.of(Map.of("province", "QC")) : Form.of(values(current));
        return page(v, Templates.billingProfile(v, person, form, saved != null));
    }

    @POST
    @Path("{lang:fr|en}/{slug:compte/facturation|account/billing}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object saveProfile(@PathParam("lang") String lang, @PathParam("slug") String slug,
            @FormParam("legalName") String legalName, @FormParam("address") String address,
            @FormParam("province") String province, @FormParam("smallSupplier") String smallSupplier,
            @FormParam("gstNumber") String gstNumber, @FormParam("qstNumber") String qstNumber,
            @FormParam("paymentInstructions") String paymentInstructions, @FormParam("email") String email) {
        open(v, lang, slug, Page.BILLING_PROFILE, null);
        SignedInPerson person = person();
        if (person == null) {
            return toSignIn(v);
        }
        PupitreApi.BillingProfile typed = new PupitreApi.BillingProfile(textOrNull(legalName), textOrNull(address), textOrNull(province),
                person.isSecretary() ? "true".equals(smallSupplier) : null, textOrNull(gstNumber), textOrNull(qstNumber),
                textOrNull(paymentInstructions), textOrNull(email));
        try {
            api.putBillingProfile(typed, bearer());
            return seeOther(v.link(Page.BILLING_PROFILE) + "?saved=1");
        } catch (ApiProblem p) {
            return formAgain(v, Templates.billingProfile(v, person, Form.of(values(typed)).withProblem(p), false), p);
        }
    }

    // ---- engagements

    /**
     * The client starts the engagement of an accepted invitation: by the hour, at a fixed price (invoiced
     * by milestones) or per unit of work (pages, thousands of words, audio minutes), with payment terms.
     */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:mandats|engagements}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @FormParam("invitationId") String invitationId, @FormParam("pricing") String pricing,
            @FormParam("rate") String rate, @FormParam("amount") String amount, @FormParam("unit") String unit,
            @FormParam("terms") String terms) {
        open(v, lang, a + "/" + b, Page.ENGAGEMENTS, null);
        UUID invitation = uuid(invitationId);
        String type = "FIXED".equals(pricing) || "PER_UNIT".equals(pricing) ? pricing : "HOURLY";
        PupitreApi.EngagementPricing priced = switch (type) {
            case "FIXED" -> new PupitreApi.EngagementPricing(type, null, null, decimal(amount));
            case "PER_UNIT" -> new PupitreApi.EngagementPricing(type, textOrNull(unit), decimal(rate), null);
            default -> new PupitreApi.EngagementPricing(type, null, decimal(rate), null);
        };
        return act(v, signedIn, v.link(Page.INVITATION, invitation), bearer -> v.link(Page.ENGAGEMENT,
                api.startEngagement(new PupitreApi.EngagementDraft(invitation, priced,
                        "NET_30".equals(terms) ? "NET_30" : "NET_15"), bearer).id()));
    }

    @GET
    @Path("{lang:fr|en}/{slug:compte/mandats|account/engagements}")
    public Object engagements(@PathParam("lang") String lang, @PathParam("slug") String slug) {
        open(v, lang, slug, Page.ENGAGEMENTS, null);
        if (person() == null) {
            return toSignIn(v);
        }
        List<PupitreApi.Engagement> mine = api.myEngagements(bearer());
        Map<UUID, String> titles = new TreeMap<>();
        for (PupitreApi.Engagement e : mine) {
            titles.computeIfAbsent(e.requestId(), this::title);
        }
        return page(v, Templates.engagements(v, mine, titles));
    }

    @GET
    @Path("{lang:fr|en}/{a:compte|account}/{b:mandats|engagements}/{id}")
    public Object engagement(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id) {
        UUID engagementId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.ENGAGEMENT, engagementId);
        SignedInPerson person = person();
        if (person == null) {
            return toSignIn(v);
        }
        return page(v, engagementPage(person, engagementId, Form.of(Map.of("date", LocalDate.now(
                Formats.ZONE).toString()))));
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:mandats|engagements}/{id}/time")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object logTime(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @FormParam("date") String date, @FormParam("hours") String hours,
            @FormParam("minutes") String minutes, @FormParam("units") String units,
            @FormParam("description") String description) {
        UUID engagementId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.ENGAGEMENT, engagementId);
        SignedInPerson person = person();
        if (person == null) {
            return toSignIn(v);
        }
        Form typed = Form.of(Map.of("date", orEmpty(date), "hours", orEmpty(hours), "minutes", orEmpty(minutes),
                "units", orEmpty(units), "description", orEmpty(description)));
        LocalDate day;
        int total;
        try {
            day = LocalDate.parse(orEmpty(date).trim());
            total = Integer.parseInt(orEmpty(hours).isBlank() ? "0" : hours.trim()) * 60
                    + Integer.parseInt(orEmpty(minutes).isBlank() ? "0" : minutes.trim());
        } catch (DateTimeParseException | NumberFormatException unreadable) {
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE).entity(page(v, engagementPage(person, engagementId,
                    new Form(typed.values(), Map.of("date", v.messages().form_date_time()), null)))).build();
        }
        try {
            api.logTime(engagementId, new PupitreApi.TimeDraft(day, total, textOrNull(description), decimal(units)), bearer());
            return seeOther(v.link(Page.ENGAGEMENT, engagementId) + "#time");
        } catch (ApiProblem p) {
            return formAgain(v, engagementPage(person, engagementId, typed.withProblem(p)), p);
        }
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:mandats|engagements}/{id}/weeks/{monday}/{action:approve|dispute}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response week(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @PathParam("monday") String monday, @PathParam("action") String action,
            @FormParam("comment") String comment) {
        UUID engagementId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.ENGAGEMENT, engagementId);
        LocalDate week;
        try {
            week = LocalDate.parse(monday);
        } catch (DateTimeParseException notADate) {
            throw new NotFoundException();
        }
        return act(v, signedIn, v.link(Page.ENGAGEMENT, engagementId), bearer -> {
            if ("approve".equals(action)) {
                api.approveWeek(engagementId, week, bearer);
            } else {
                api.disputeWeek(engagementId, week, new PupitreApi.Dispute(textOrNull(comment)), bearer);
            }
            return v.link(Page.ENGAGEMENT, engagementId) + "#time";
        });
    }

    /**
     * The secretary drafts an invoice: the approved time (or units) not yet invoiced, plus the fixed-price
     * lines she writes (the milestones of a fixed-price engagement, or extras).
     */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:mandats|engagements}/{id}/invoice")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draftInvoice(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @FormParam("milestoneDescription") List<String> descriptions,
            @FormParam("milestoneAmount") List<String> amounts, @FormParam("idempotencyKey") String key) {
        UUID engagementId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.ENGAGEMENT, engagementId);
        List<PupitreApi.Milestone> milestones = new ArrayList<>();
        List<String> said = descriptions == null ? List.of() : descriptions;
        List<String> priced = amounts == null ? List.of() : amounts;
        for (int i = 0; i < Math.max(said.size(), priced.size()); i++) {
            String description = i < said.size() ? textOrNull(said.get(i)) : null;
            String amount = i < priced.size() ? decimal(priced.get(i)) : null;
            if (description != null || amount != null) {
                milestones.add(new PupitreApi.Milestone(description, amount)); // half a line: the API names what is missing
            }
        }
        return act(v, signedIn, v.link(Page.ENGAGEMENT, engagementId), bearer -> v.link(Page.INVOICE,
                api.draftInvoice(new PupitreApi.InvoiceDraft(engagementId, milestones), idempotencyKey(key), bearer).id()));
    }

    /** The client reviews the secretary once an invoice of the engagement is paid. */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{b:mandats|engagements}/{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("b") String b,
            @PathParam("id") String id, @FormParam("stars") String stars, @FormParam("text") String text) {
        UUID engagementId = uuid(id);
        open(v, lang, a + "/" + b + "/{id}", Page.ENGAGEMENT, engagementId);
        int rating;
        try {
            rating = Integer.parseInt(orEmpty(stars).trim());
        } catch (NumberFormatException none) {
            rating = 0; // the API says what a rating must be
        }
        int given = rating;
        return act(v, signedIn, v.link(Page.ENGAGEMENT, engagementId), bearer -> {
            api.postReview(new PupitreApi.ReviewDraft(engagementId, given, textOrNull(text)), bearer);
            return v.link(Page.ENGAGEMENT, engagementId) + "?reviewed=1";
        });
    }

    // ---- invoices

    @GET
    @Path("{lang:fr|en}/{a:compte|account}/{c:factures|invoices}/{id}")
    public Object invoice(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("c") String c,
            @PathParam("id") String id) {
        UUID invoiceId = uuid(id);
        open(v, lang, a + "/" + c + "/{id}", Page.INVOICE, invoiceId);
        SignedInPerson person = person();
        if (person == null) {
            return toSignIn(v);
        }
        PupitreApi.Invoice invoice = invoiceOr404(invoiceId);
        List<PupitreApi.Payment> payments = "DRAFT".equals(invoice.state()) ? List.of() : api.listPayments(invoiceId, bearer());
        return page(v, Templates.invoice(v, person, invoice, payments, UUID.randomUUID().toString(),
                LocalDate.now(Formats.ZONE).toString()));
    }

    /** The PDF in the page's language, streamed from the API to the browser. */
    @GET
    @Path("{lang:fr|en}/{a:compte|account}/{c:factures|invoices}/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("c") String c,
            @PathParam("id") String id) {
        UUID invoiceId = uuid(id);
        open(v, lang, a + "/" + c + "/{id}", Page.INVOICE, invoiceId);
        if (person() == null) {
            return toSignIn(v);
        }
        Response answer;
        try {
            answer = api.invoicePdf(invoiceId, lang, bearer());
        } catch (ApiProblem p) {
            if (p.status() == 404 || p.status() == 403) {
                throw new NotFoundException();
            }
            return backTo(v.link(Page.INVOICE, invoiceId), p);
        }
        InputStream pdf = answer.readEntity(InputStream.class);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"pupitre-" + invoiceId + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{c:factures|invoices}/{id}/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("c") String c,
            @PathParam("id") String id, @FormParam("idempotencyKey") String key) {
        UUID invoiceId = uuid(id);
        open(v, lang, a + "/" + c + "/{id}", Page.INVOICE, invoiceId);
        String here = v.link(Page.INVOICE, invoiceId);
        return act(v, signedIn, here, bearer -> {
            api.issueInvoice(invoiceId, idempotencyKey(key), bearer);
            return here;
        });
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{c:factures|invoices}/{id}/payments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pay(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("c") String c,
            @PathParam("id") String id, @FormParam("amount") String amount, @FormParam("method") String method,
            @FormParam("reference") String reference, @FormParam("receivedOn") String receivedOn,
            @FormParam("idempotencyKey") String key) {
        UUID invoiceId = uuid(id);
        open(v, lang, a + "/" + c + "/{id}", Page.INVOICE, invoiceId);
        if (person() == null) {
            return toSignIn(v);
        }
        LocalDate received;
        try {
            received = LocalDate.parse(orEmpty(receivedOn).trim());
        } catch (DateTimeParseException notADate) {
            return seeOther(v.link(Page.INVOICE, invoiceId) + "?refused=VALIDATION_FAILED");
        }
        String here = v.link(Page.INVOICE, invoiceId);
        return act(v, signedIn, here, bearer -> {
            api.recordPayment(invoiceId, new PupitreApi.PaymentDraft(decimal(amount),
                    method == null ? "INTERAC" : method, textOrNull(reference), received), idempotencyKey(key), bearer);
            return here;
        });
    }

    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{c:factures|invoices}/{id}/payments/{paymentId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("c") String c,
            @PathParam("id") String id, @PathParam("paymentId") String paymentId) {
        UUID invoiceId = uuid(id);
        open(v, lang, a + "/" + c + "/{id}", Page.INVOICE, invoiceId);
        UUID payment = uuid(paymentId);
        String here = v.link(Page.INVOICE, invoiceId);
        return act(v, signedIn, here, bearer -> {
            api.confirmPayment(invoiceId, payment, bearer);
            return here;
        });
    }

    /** The issuer corrects an issued invoice with a credit note (an amount before taxes, and why). */
    @POST
    @Path("{lang:fr|en}/{a:compte|account}/{c:factures|invoices}/{id}/credit-notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response creditNote(@PathParam("lang") String lang, @PathParam("a") String a, @PathParam("c") String c,
            @PathParam("id") String id, @FormParam("amount") String amount, @FormParam("reason") String reason,
            @FormParam("idempotencyKey") String key) {
        UUID invoiceId = uuid(id);
        open(v, lang, a + "/" + c + "/{id}", Page.INVOICE, invoiceId);
        return act(v, signedIn, v.link(Page.INVOICE, invoiceId), bearer -> v.link(Page.INVOICE,
                api.creditNote(invoiceId, new PupitreApi.CreditNoteDraft(decimal(amount), textOrNull(reason)), idempotencyKey(key), bearer).id()));
    }

    // ----

    private TemplateInstance engagementPage(SignedInPerson person, UUID engagementId, Form form) {
        PupitreApi.Engagement engagement;
        try {
            engagement = api.getEngagement(engagementId, bearer());
        } catch (ApiProblem p) {
            if (p.status() == 404 || p.status() == 403) {
                throw new NotFoundException();
            }
            throw p;
        }
        TreeMap<LocalDate, List<PupitreApi.TimeEntry>> byWeek = new TreeMap<>(Comparator.reverseOrder());
        for (PupitreApi.TimeEntry e : api.timeEntries(engagementId, bearer())) {
            byWeek.computeIfAbsent(e.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new ArrayList<>())
                    .add(e);
        }
        List<Week> weeks = byWeek.entrySet().stream().map(w -> new Week(w.getKey(), w.getValue(),
                w.getValue().stream().mapToInt(PupitreApi.TimeEntry::minutes).sum(),
                w.getValue().stream().anyMatch(e -> "SUBMITTED".equals(e.state())))).toList();
        List<PupitreApi.Invoice> invoices = api.myInvoices(bearer()).stream()
                .filter(i -> engagementId.equals(i.engagementId())).toList();
        return Templates.engagement(v, person, engagement, title(engagement.requestId()), weeks, invoices, form,
                UUID.randomUUID().toString());
    }

    private PupitreApi.Invoice invoiceOr404(UUID invoiceId) {
        try {
            return api.getInvoice(invoiceId, bearer());
        } catch (ApiProblem p) {
            if (p.status() == 404 || p.status() == 403) {
                throw new NotFoundException();
            }
            throw p;
        }
    }

    private String title(UUID listingId) {
        try {
            PupitreApi.Listing l = api.getListing(listingId, bearer());
            return l.title() == null ? "—" : l.title().in(v.lang());
        } catch (ApiProblem gone) {
            if (gone.status() >= 500) {
                throw gone;
            }
            return "—";
        }
    }

    private static Map<String, String> values(PupitreApi.BillingProfile p) {
        return Map.of("legalName", orEmpty(p.legalName()), "address", orEmpty(p.address()), "province", orEmpty(p.province()),
                "smallSupplier", Boolean.TRUE.equals(p.smallSupplier()) ? "true" : "", "gstNumber", orEmpty(p.gstNumber()),
                "qstNumber", orEmpty(p.qstNumber()), "paymentInstructions", orEmpty(p.paymentInstructions()), "email", orEmpty(p.email()));
    }

    private SignedInPerson person() {
        return signedIn.person().orElse(null);
    }

    private String bearer() {
        return signedIn.bearer().orElseThrow();
    }
}
