package ca.pupitre.web.view;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The sentences of the back-office pages, French (Canada) first; English in
 * {@code messages/office_en.properties}. Templates read them as {@code {office:key}}: editing one's listings,
 * engagement pricing and milestones, credit notes, a secretary's reports, "À la une", the partners' pages.
 * A second bundle rather than more of {@link Messages}: Quarkus 3.33 generates a bundle's resolver in pieces of
 * 300 messages and the pieces after the first fail bytecode verification at boot ({@code VerifyError}), so
 * {@code MessagesTest} keeps every bundle at 300 or fewer.
 */
@MessageBundle(value = "office", locale = "fr")
public interface OfficeMessages {
    @Message("Cette annonce a été modifiée ailleurs pendant que vous l'éditiez. Vos changements sont toujours là : vérifiez-les, puis enregistrez de nouveau.") String listing_changed_meanwhile();
    @Message("Modifier l'annonce") String edit_listing_heading();
    @Message("Enregistrer les changements") String edit_listing_submit();
    @Message("Délai de livraison habituel") String field_turnaround();
    @Message("Heures par semaine (environ)") String field_hours_per_week();
    @Message("Vos changements sont enregistrés.") String listing_saved();
    @Message("Modifier") String listing_edit();
    @Message("Actions") String listing_actions();
    @Message("Mettre mon offre « À la une »") String feature_heading();
    @Message("Votre offre est montrée en tête des recherches, marquée « À la une ». Pupitre vous envoie sa facture (taxes comprises) ; la mise en avant commence au paiement.") String feature_hint();
    @Message("{days} jours") String feature_days(int days);
    @Message("Commander") String feature_submit();
    @Message("Commande reçue : voici la facture de Pupitre. La mise « À la une » commence au paiement.") String feature_bought();
    @Message("Mes rapports") String reports_heading();
    @Message("Partenaires de diffusion") String partners_heading();
    @Message("Tarification") String field_pricing();
    @Message("À l'heure") String pricing_hourly();
    @Message("À l'unité (pages, mots, minutes d'audio)") String pricing_per_unit();
    @Message("Forfait (facturé par jalons)") String pricing_fixed();
    @Message("Taux ($ l'heure ou par unité)") String field_rate_per();
    @Message("Unité (si à l'unité)") String field_work_unit();
    @Message("Montant du forfait ($)") String field_fixed_amount();
    @Message("Montants avant taxes ; les taxes sont calculées sur chaque facture.") String pricing_hint();
    @Message("Quantité ({unit})") String field_units(String unit);
    @Message("Jalons à facturer (au moins un)") String milestones_required();
    @Message("Frais à forfait à ajouter (facultatif)") String milestones_optional();
    @Message("Jalon {n} : description") String field_milestone(int n);
    @Message("Jalon {n} : montant ($)") String field_milestone_amount(int n);
    @Message("Préparer la facture des jalons") String invoice_draft_milestones();
    @Message("Note de crédit") String credit_note_heading();
    @Message("Corrige la") String credit_note_of();
    @Message("facture d'origine") String credit_note_original();
    @Message("Notes de crédit") String credit_notes_heading();
    @Message("Un montant avant taxes ; les taxes suivent celles de la facture. La note de crédit a son propre numéro et ne peut plus être modifiée.") String credit_note_hint();
    @Message("Montant à créditer, avant taxes ($)") String field_credit_amount();
    @Message("Raison (imprimée sur la note)") String field_credit_reason();
    @Message("Émettre la note de crédit") String credit_note_submit();
    @Message("Revenus {year}") String revenue_heading(int year);
    @Message("Année") String field_year();
    @Message("Afficher") String reports_show();
    @Message("Mois") String report_month();
    @Message("Facturé") String report_invoiced();
    @Message("Crédité") String report_credited();
    @Message("Net") String report_net();
    @Message("Taxes perçues") String report_taxes();
    @Message("Encaissé") String report_received();
    @Message("Net de l'année") String report_year_net();
    @Message("Taxes à remettre (TPS/TVH et TVQ)") String taxes_heading();
    @Message("Du") String field_from();
    @Message("Au") String field_to();
    @Message("Du {from} au {to}") String taxes_period(String from, String to);
    @Message("Fournitures taxables") String taxable_supplies();
    @Message("Taxe") String report_tax();
    @Message("Perçue") String report_collected();
    @Message("À remettre") String report_to_remit();
    @Message("Aucune taxe perçue sur cette période.") String taxes_none();
    @Message("Télécharger les factures de la période (CSV)") String reports_csv();
    @Message("Comptes clients") String receivables_heading();
    @Message("À recevoir") String receivables_total();
    @Message("En retard") String receivables_overdue();
    @Message("{days} {#if days < 2}jour{#else}jours{/if} de retard") String days_overdue(long days);
    @Message("Aucune facture en attente de paiement.") String receivables_none();
    @Message("Mes mises « À la une »") String promotions_heading();
    @Message("{#if state == 'AWAITING_PAYMENT'}en attente de paiement{#else if state == 'PAID'}payée{#else}{state}{/if}") String promotion_state_name(String state);
    @Message("à la une jusqu'au {date}") String promotion_until(String date);
    @Message("Aucune pour l'instant.") String promotions_none();
    @Message("Nom du partenaire") String field_partner_name();
    @Message("Courriel de contact") String field_contact_email();
    @Message("Flux permis") String partner_feeds();
    @Message("Clés d'API") String partner_keys();
    @Message("Aucun partenaire inscrit.") String partners_none();
    @Message("Inscrire un partenaire") String partner_register();
    @Message("Inscrire et créer sa clé") String partner_register_submit();
    @Message("{#if feed == 'JOBS_JSONLD'}Demandes (JSON-LD){#else if feed == 'JOBS_XML'}Demandes (XML Indeed){#else if feed == 'SERVICES_JSONLD'}Offres (JSON-LD){#else if feed == 'SERVICES_ATOM'}Offres (Atom){#else if feed == 'CHANGES'}Changements (delta){#else}{feed}{/if}") String feed_name(String feed);
    @Message("{#if status == 'ACTIVE'}active{#else if status == 'GRACE'}en sursis{#else if status == 'REVOKED'}révoquée{#else}{status}{/if}") String key_status_name(String status);
    @Message("Copiez cette clé maintenant et transmettez-la au partenaire par un canal sûr : elle ne sera plus jamais affichée (Pupitre n'en garde qu'une empreinte).") String partner_key_once();
    @Message("Clé d'API") String partner_key();
    @Message("Les clés précédentes fonctionnent jusqu'au {when}.") String partner_previous_keys_until(String when);
    @Message("Inscrit le") String partner_since();
    @Message("Préfixe") String partner_key_prefix();
    @Message("Créée le") String partner_key_created();
    @Message("Révoquer") String partner_key_revoke();
    @Message("jusqu'au {when}") String partner_key_until(String when);
    @Message("Une nouvelle clé remplace les clés actives, qui restent valides pendant la période de grâce.") String partner_rotate_hint();
    @Message("Créer une nouvelle clé") String partner_rotate();
    @Message("Diffusion et clics") String partner_stats();
    @Message("Réponses servies") String stats_serves();
    @Message("Annonces diffusées") String stats_impressions();
    @Message("Clics vers Pupitre") String stats_clicks();
    @Message("Annonces les plus cliquées") String stats_top_listings();
    @Message("{count} {#if count < 2}clic{#else}clics{/if}") String stats_clicks_count(long count);
}
