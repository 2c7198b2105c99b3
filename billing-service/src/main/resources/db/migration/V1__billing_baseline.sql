-- Billing owns the schema "billing". Engagements, timesheets, invoices and payments arrive with
-- their own migrations; this baseline only records that the schema is under Flyway's care.
comment on schema billing is 'Pupitre billing-service: engagements, time, invoices, taxes, payments';
