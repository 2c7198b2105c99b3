-- Issue 13: an issued invoice or credit note never changes (tax law: what was sent is what is kept). The rule
-- was kept by every code path remembering it; the database now refuses the change itself, whoever asks.
-- After issue, only what happens to an invoice may change: its state (paid, partly paid, uncollectible),
-- what was paid and what was credited. Its lines and taxes change only while it is a draft, or in the
-- transaction that issues it (a credit note or Pupitre's own invoice is inserted already issued, then its
-- lines; an issued row written by the current transaction is recognised by its xmin).

create function invoice_issued_is_final() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'invoice % is issued (%): it cannot be deleted', old.id, old.state
            using errcode = 'integrity_constraint_violation';
    end if;
    if new.state = 'DRAFT'
       or (new.kind, new.engagement_id, new.issuer_id, new.client_id, new.number, new.currency, new.terms,
           new.issue_date, new.due_date, new.issued_at, new.supplier_name, new.supplier_address, new.supplier_gst,
           new.supplier_qst, new.supplier_registered, new.client_name, new.client_address, new.client_province,
           new.subtotal, new.tax_total, new.total, new.credited_invoice_id, new.reason, new.created_at)
          is distinct from
          (old.kind, old.engagement_id, old.issuer_id, old.client_id, old.number, old.currency, old.terms,
           old.issue_date, old.due_date, old.issued_at, old.supplier_name, old.supplier_address, old.supplier_gst,
           old.supplier_qst, old.supplier_registered, old.client_name, old.client_address, old.client_province,
           old.subtotal, old.tax_total, old.total, old.credited_invoice_id, old.reason, old.created_at) then
        raise exception 'invoice % is issued (%): only its state, paid and credited totals may change', old.id, old.state
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end
$$;

create trigger invoice_issued_is_final
    before update or delete on invoice
    for each row when (old.state <> 'DRAFT')
    execute function invoice_issued_is_final();

create function invoice_part_changes_only_in_draft() returns trigger language plpgsql as $$
declare
    target uuid := case when tg_op = 'DELETE' then old.invoice_id else new.invoice_id end;
    target_state varchar(16);
    written_now boolean;
begin
    select i.state, i.xmin = pg_current_xact_id()::xid into target_state, written_now from invoice i where i.id = target;
    if target_state is not null and target_state <> 'DRAFT' and not written_now then
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
