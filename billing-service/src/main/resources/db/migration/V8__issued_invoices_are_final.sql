-- Issue 13: an issued invoice or credit note never changes (tax law: what was sent is what is kept). The rule
-- was kept by every code path remembering it; the database now refuses the change itself, whoever asks.
--
-- After issue, only what happens to an invoice may change: its state, along InvoiceState's transitions
-- (ISSUED → PARTIALLY_PAID | PAID | VOID | UNCOLLECTIBLE, PARTIALLY_PAID → PAID | UNCOLLECTIBLE), and what was
-- paid and credited, which only grow. Its lines and taxes change only while it is a draft, or in the
-- transaction that issued it: a credit note or Pupitre's own invoice is inserted issued, then its lines and
-- taxes. That transaction is recorded on the row (issued_xact, the 64-bit top-level transaction id, so a
-- savepoint or a wrapped 32-bit xid cannot confuse it), not read from xmin, which any later update changes.
-- The functions keep the schema they were created in (search_path from current: Flyway's billing), so psql or
-- a restore with another search_path runs them the same.

alter table invoice add column issued_xact xid8;

create function invoice_stamp_issuing_transaction() returns trigger language plpgsql set search_path from current as $$
begin
    if new.state = 'DRAFT' then
        new.issued_xact := null;
    elsif tg_op = 'INSERT' or old.state = 'DRAFT' then
        new.issued_xact := pg_current_xact_id();
    end if;
    return new;
end
$$;

create trigger invoice_stamp_issuing_transaction
    before insert or update on invoice
    for each row execute function invoice_stamp_issuing_transaction();

create function invoice_issued_is_final() returns trigger language plpgsql set search_path from current as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'invoice % is issued (%): it cannot be deleted', old.id, old.state
            using errcode = 'integrity_constraint_violation';
    end if;
    if (new.id, new.kind, new.engagement_id, new.issuer_id, new.client_id, new.number, new.currency, new.terms,
        new.issue_date, new.due_date, new.issued_at, new.supplier_name, new.supplier_address, new.supplier_gst,
        new.supplier_qst, new.supplier_registered, new.client_name, new.client_address, new.client_province,
        new.subtotal, new.tax_total, new.total, new.credited_invoice_id, new.reason, new.created_at, new.issued_xact)
       is distinct from
       (old.id, old.kind, old.engagement_id, old.issuer_id, old.client_id, old.number, old.currency, old.terms,
        old.issue_date, old.due_date, old.issued_at, old.supplier_name, old.supplier_address, old.supplier_gst,
        old.supplier_qst, old.supplier_registered, old.client_name, old.client_address, old.client_province,
        old.subtotal, old.tax_total, old.total, old.credited_invoice_id, old.reason, old.created_at, old.issued_xact) then
        raise exception 'invoice % is issued (%): only its state, paid and credited totals may change', old.id, old.state
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.paid_total < old.paid_total or new.credited_total < old.credited_total then
        raise exception 'invoice % is issued (%): what was paid or credited only grows', old.id, old.state
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.state <> old.state and not (
           (old.state = 'ISSUED' and new.state in ('PARTIALLY_PAID', 'PAID', 'VOID', 'UNCOLLECTIBLE'))
        or (old.state = 'PARTIALLY_PAID' and new.state in ('PAID', 'UNCOLLECTIBLE'))) then
        raise exception 'invoice % is issued (%): it cannot become %', old.id, old.state, new.state
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;

create trigger invoice_issued_is_final
    before update or delete on invoice
    for each row when (old.state <> 'DRAFT')
    execute function invoice_issued_is_final();

create function invoice_part_changes_only_in_draft() returns trigger language plpgsql set search_path from current as $$
declare
    target uuid := case when tg_op = 'DELETE' then old.invoice_id else new.invoice_id end;
    target_state varchar(16);
    issuing boolean;
begin
    select i.state, i.issued_xact = pg_current_xact_id() into target_state, issuing from invoice i where i.id = target;
    if target_state is not null and target_state <> 'DRAFT' and issuing is not true then
        raise exception 'invoice % is issued (%): its % cannot change', target, target_state, tg_table_name
            using errcode = 'integrity_constraint_violation';
    end if;
    if tg_op = 'UPDATE' and old.invoice_id <> new.invoice_id then
        raise exception 'an invoice''s % cannot move to another invoice', tg_table_name
            using errcode = 'integrity_constraint_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger invoice_line_changes_only_in_draft
    before insert or update or delete on invoice_line
    for each row execute function invoice_part_changes_only_in_draft();

create trigger invoice_tax_changes_only_in_draft
    before insert or update or delete on invoice_tax
    for each row execute function invoice_part_changes_only_in_draft();
