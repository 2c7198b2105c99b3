package ca.pupitre.billing.service;

import ca.pupitre.billing.api.InvoiceView;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoiceLine;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.InvoiceTax;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.repository.InvoiceLineRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.billing.repository.InvoiceTaxRepository;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading invoices: one, or the caller's pages of them, each with its lines, taxes and credit notes. */
@ApplicationScoped
public class InvoiceViews {

    private final InvoiceRepository invoices;
    private final InvoiceLineRepository lines;
    private final InvoiceTaxRepository taxes;
    private final InvoiceAccess access;

    public InvoiceViews(InvoiceRepository invoices, InvoiceLineRepository lines, InvoiceTaxRepository taxes,
            InvoiceAccess access) {
        this.invoices = invoices;
        this.lines = lines;
        this.taxes = taxes;
        this.access = access;
    }

    @Transactional
    public InvoiceView get(Caller caller, UUID id) {
        return view(access.visible(caller, id));
    }

    /** A page of {@link #mine}: the invoices, newest first, and the cursor of the next page (null on the last). */
    public record InvoicePage(List<InvoiceView> items, String next) {
    }

    @Transactional
    /**
     * The caller's invoices and credit notes, newest first: an admin's are all of them; a secretary's those she
     * issued and Pupitre's to her once issued; a client's those addressed to him once issued. {@code after} is
     * the cursor of the previous page. Four queries a page, whatever its size (the lines, taxes and credit notes
     * of the page's invoices are read together).
     */
    public InvoicePage mine(Caller caller, int limit, String after) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> parameters = new HashMap<>();
        if (caller.isAdmin()) {
            where.append("1 = 1");
        } else {
            parameters.put("me", caller.requirePersonId());
            parameters.put("draft", InvoiceState.DRAFT);
            where.append(caller.is(Roles.SECRETARY) ? "(issuerId = :me or (clientId = :me and state <> :draft))"
                    : "clientId = :me and state <> :draft");
        }
        InvoiceCursor cursor = InvoiceCursor.decode(after);
        if (cursor != null) {
            where.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.put("at", cursor.createdAt());
            parameters.put("id", cursor.id());
        }
        List<Invoice> found = invoices.find(where + " order by createdAt desc, id desc", parameters).page(0, limit + 1).list();
        boolean more = found.size() > limit;
        List<Invoice> page = more ? found.subList(0, limit) : found;
        String next = more ? new InvoiceCursor(page.get(limit - 1).createdAt, page.get(limit - 1).id).encode() : null;
        return new InvoicePage(views(page), next);
    }

    /** The views of several invoices, their lines, taxes and credit notes read in three queries. */
    private List<InvoiceView> views(List<Invoice> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(i -> i.id).toList();
        Map<UUID, List<InvoiceLine>> linesOf = lines.list("invoiceId in ?1 order by position", ids).stream()
                .collect(Collectors.groupingBy(l -> l.invoiceId));
        Map<UUID, List<InvoiceTax>> taxesOf = taxes.list("invoiceId in ?1", ids).stream()
                .collect(Collectors.groupingBy(t -> t.invoiceId));
        Map<UUID, List<InvoiceView.Related>> notesOf = invoices.list("creditedInvoiceId in ?1 order by issuedAt", ids).stream()
                .collect(Collectors.groupingBy(n -> n.creditedInvoiceId,
                        Collectors.mapping(n -> new InvoiceView.Related(n.id, n.number, Money.format(n.total)), Collectors.toList())));
        return page.stream().map(i -> InvoiceView.of(i, linesOf.getOrDefault(i.id, List.of()), taxesOf.getOrDefault(i.id, List.of()),
                i.kind == InvoiceKind.INVOICE ? notesOf.getOrDefault(i.id, List.of()) : List.of())).toList();
    }

    public InvoiceView view(Invoice invoice) {
        return views(List.of(invoice)).get(0);
    }
}
