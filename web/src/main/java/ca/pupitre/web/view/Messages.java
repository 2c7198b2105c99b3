package ca.pupitre.web.view;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence the pages show, French (Canada) first; English in {@code messages/msg_en.properties}
 * (a test checks it translates every key). Templates read them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface Messages {

    // layout
    @Message("Pupitre — télésecrétariat au Québec") String site_title();
    @Message("Aller au contenu") String skip_to_content();
    @Message("Navigation principale") String nav_label();
    @Message("Trouver") String nav_search();
    @Message("Se connecter") String nav_sign_in();
    @Message("Créer un compte") String nav_sign_up();
    @Message("Mon compte") String nav_account();
    @Message("Se déconnecter") String nav_sign_out();
    @Message("English") String other_language();
    @Message("Pupitre réunit les secrétaires à distance du Québec et les clients qui ont besoin d'elles.") String footer_about();

    // home
    @Message("Le télésecrétariat, enfin facile à trouver") String home_heading();
    @Message("Pupitre met en relation les secrétaires qui travaillent à distance et les notaires, cabinets, cliniques et petites entreprises du Québec.") String home_lead();
    @Message("Vous cherchez une secrétaire ?") String home_clients_heading();
    @Message("Décrivez votre besoin dans vos mots : comptabilité, transcription, mise en page, traduction. Pupitre vous montre les secrétaires qui le font, y compris celles qui commencent, et vous les invitez directement.") String home_clients_text();
    @Message("Vous êtes secrétaire à distance ?") String home_secretaries_heading();
    @Message("Publiez vos services une fois : Pupitre les montre aux clients et aux sites d'emploi partenaires. Vous choisissez vos clients, et vous pouvez refuser.") String home_secretaries_text();
    @Message("Publier mon offre") String home_secretaries_cta();
    @Message("Offres récentes") String home_recent_offers();
    @Message("Demandes récentes") String home_recent_requests();

    // search
    @Message("Rechercher des annonces") String search_heading();
    @Message("Que cherchez-vous ?") String search_label();
    @Message("ex. : transcription médicale, tenue de livres pour PME") String search_placeholder();
    @Message("Rechercher") String search_submit();
    @Message("Type d'annonce") String filter_kind();
    @Message("Toutes") String filter_kind_all();
    @Message("Offres de secrétaires") String filter_kind_offer();
    @Message("Demandes de clients") String filter_kind_request();
    @Message("Compétence") String filter_skill();
    @Message("Langue de travail") String filter_language();
    @Message("Région") String filter_region();
    @Message("Toutes") String filter_any();
    @Message("À distance seulement") String filter_remote();
    @Message("Tarif minimum ($)") String filter_min_rate();
    @Message("Tarif maximum ($)") String filter_max_rate();
    @Message("Trier par") String filter_sort();
    @Message("Pertinence") String sort_relevance();
    @Message("Plus récentes") String sort_newest();
    @Message("Tarif croissant") String sort_rate_asc();
    @Message("Filtrer") String filter_submit();
    @Message("{total} {#if total < 2}annonce{#else}annonces{/if}") String search_total(long total);
    @Message("Aucune annonce ne correspond. Essayez d'autres mots ou retirez un filtre.") String search_none();
    @Message("Vouliez-vous dire") String did_you_mean();
    @Message("Page suivante") String next_page();
    @Message("Première page") String first_page();
    @Message("Affiner") String facets_heading();
    @Message("À la une") String promoted();

    // listing
    @Message("Offre") String kind_offer();
    @Message("Demande") String kind_request();
    @Message("Compétences") String listing_skills();
    @Message("Langues") String listing_languages();
    @Message("Tarif") String listing_rate();
    @Message("Budget") String listing_budget();
    @Message("Délai de livraison") String listing_turnaround();
    @Message("Lieu") String listing_place();
    @Message("À distance") String listing_remote();
    @Message("Heures par semaine") String listing_hours();
    @Message("Début souhaité") String listing_start();
    @Message("Publiée le") String listing_published();
    @Message("Client anonyme") String listing_anonymous();
    @Message("Voir le profil") String listing_profile();
    @Message("Avis") String reviews_heading();
    @Message("Aucun avis pour l'instant : une nouvelle secrétaire mérite aussi sa chance.") String reviews_none();
    @Message("{count} avis, moyenne de {average} sur 5") String reviews_summary(int count, String average);
    @Message("Réponse de la secrétaire") String review_answer();
    @Message("{stars} étoiles sur 5") String review_stars(int stars);
    @Message("Cette annonce n'est plus publiée.") String listing_gone();
    @Message("Annonce introuvable") String listing_not_found();

    // profile
    @Message("Ses offres") String profile_offers();
    @Message("Profil de secrétaire") String profile_heading();

    // accounts
    @Message("Créer un compte") String sign_up_heading();
    @Message("Je suis") String sign_up_role();
    @Message("secrétaire : j'offre mes services") String role_secretary();
    @Message("client : je cherche une secrétaire") String role_client();
    @Message("Nom affiché") String field_display_name();
    @Message("Courriel") String field_email();
    @Message("Mot de passe") String field_password();
    @Message("Au moins 10 caractères.") String password_hint();
    @Message("Créer mon compte") String sign_up_submit();
    @Message("Déjà inscrite ou inscrit ?") String sign_up_have_account();
    @Message("Connexion") String sign_in_heading();
    @Message("Se connecter") String sign_in_submit();
    @Message("Mot de passe oublié ?") String sign_in_forgot();
    @Message("Pas encore de compte ?") String sign_in_no_account();
    @Message("Veuillez corriger les champs indiqués.") String form_errors();
    @Message("Bienvenue, {name}. Un lien de confirmation a été envoyé à votre adresse courriel.") String welcome(String name);
    @Message("Bonjour, {name}") String account_heading(String name);
    @Message("Votre adresse courriel n'est pas encore confirmée : certaines actions attendront.") String account_unverified();
    @Message("Renvoyer le lien de confirmation") String account_resend();
    @Message("Le lien a été envoyé.") String account_resent();
    @Message("Mes annonces") String account_listings();
    @Message("Vous n'avez pas encore d'annonce.") String account_no_listings();
    @Message("Nouvelle annonce") String account_new_listing();
    @Message("Publier") String listing_publish();
    @Message("Statut") String listing_status();
    @Message("Confirmer mon adresse courriel") String verify_heading();
    @Message("Votre adresse courriel est confirmée. Merci !") String verify_done();
    @Message("Ce lien n'est plus valide. Connectez-vous pour en recevoir un nouveau.") String verify_failed();
    @Message("Confirmer") String verify_submit();
    @Message("Mot de passe oublié") String forgot_heading();
    @Message("Indiquez votre courriel : si un compte l'utilise, un lien pour choisir un nouveau mot de passe y sera envoyé.") String forgot_text();
    @Message("Envoyer le lien") String forgot_submit();
    @Message("Si un compte utilise cette adresse, le lien vient d'y être envoyé. Il est valide une heure.") String forgot_sent();
    @Message("Choisir un nouveau mot de passe") String new_password_heading();
    @Message("Nouveau mot de passe") String field_new_password();
    @Message("Enregistrer") String new_password_submit();
    @Message("Votre mot de passe est changé. Connectez-vous avec le nouveau.") String new_password_done();

    // new listing
    @Message("Nouvelle offre de services") String new_offer_heading();
    @Message("Nouvelle demande") String new_request_heading();
    @Message("Titre (français)") String field_title_fr();
    @Message("Titre (anglais)") String field_title_en();
    @Message("Description (français)") String field_description_fr();
    @Message("Description (anglais)") String field_description_en();
    @Message("Au moins une des deux langues.") String field_bilingual_hint();
    @Message("Tarif ou budget ($)") String field_amount();
    @Message("Unité") String field_unit();
    @Message("à l'heure") String unit_hour();
    @Message("par page") String unit_page();
    @Message("par 1 000 mots") String unit_thousand_words();
    @Message("par minute d'audio") String unit_audio_minute();
    @Message("forfait") String unit_fixed();
    @Message("Région (si pas à distance)") String field_region();
    @Message("Nom public (facultatif)") String field_public_name();
    @Message("Enregistrer le brouillon") String new_listing_submit();
    @Message("Brouillon") String status_draft();
    @Message("Publiée") String status_published();
    @Message("Fermée") String status_closed();
    @Message("Expirée") String status_expired();
    @Message("Masquée") String status_hidden();

    // work: matches, invitations, threads, listing actions
    @Message("{#if code == 'EMAIL_NOT_VERIFIED'}Confirmez d'abord votre adresse courriel (lien envoyé à l'inscription).{#else if code == 'INVITATION_ALREADY_PENDING'}Une invitation attend déjà la réponse de cette secrétaire.{#else if code == 'TOO_MANY_INVITATIONS'}Vous avez envoyé beaucoup d'invitations aujourd'hui ; réessayez demain.{#else if code == 'REQUEST_NOT_AVAILABLE' || code == 'OFFER_NOT_AVAILABLE'}Cette annonce n'accepte plus d'invitation.{#else if code == 'INVALID_INVITATION_TRANSITION' || code == 'INVITATION_CLOSED'}Cette invitation a déjà reçu sa réponse.{#else if code == 'INVALID_TRANSITION' || code == 'ILLEGAL_TRANSITION'}Cette action n'est plus possible pour cette annonce.{#else if code == 'ACCOUNT_HAS_OPEN_BUSINESS'}Impossible de fermer le compte : un mandat est en cours ou une facture reste à régler.{#else if code == 'WRONG_PASSWORD'}Ce mot de passe n'est pas le bon.{#else if code == 'BUYER_PROFILE_REQUIRED'}Remplissez d'abord votre profil de facturation : la facture de Pupitre vous est adressée.{#else if code == 'PROMOTION_NOT_CONFIGURED'}La mise « À la une » n'est pas offerte sur cette installation de Pupitre.{#else if code == 'NOT_YOUR_OFFER'}Seule la secrétaire qui a publié cette offre peut la mettre à la une.{#else if code == 'CREDIT_EXCEEDS_INVOICE' || code == 'CREDIT_EXCEEDS_BALANCE'}Ce crédit dépasse ce que la facture permet encore de créditer.{#else if code == 'INVOICE_NOT_CREDITABLE'}Cette facture ne peut pas recevoir de note de crédit.{#else if code == 'MILESTONES_REQUIRED'}Un mandat à forfait se facture par jalons : décrivez au moins un jalon et son montant.{#else if code == 'NOTHING_TO_INVOICE'}Rien à facturer : aucun temps approuvé non facturé, et aucun jalon.{#else if code == 'INVALID_AMOUNT_FIELD' || code == 'UNIT_REQUIRED' || code == 'VALIDATION_FAILED'}Un champ est manquant ou mal rempli (montant, unité, description) ; vérifiez et recommencez.{#else if code == 'INVALID_PERIOD'}La période demandée n'est pas valide ; voici le trimestre en cours.{#else if code == 'PRECONDITION_FAILED'}Cette annonce a été modifiée ailleurs entre-temps.{#else}L'action a été refusée.{/if}")
    String refused(String code);
    @Message("Gérer mon annonce") String owner_heading();
    @Message("Fermer : le besoin est comblé") String close_filled();
    @Message("Retirer l'annonce") String close_withdrawn();
    @Message("Renouveler") String renew();
    @Message("Expire le") String listing_expires();
    @Message("Secrétaires pour cette demande") String matches_for_request();
    @Message("Demandes qui vous correspondent") String matches_for_offer();
    @Message("Aucune correspondance pour l'instant.") String matches_none();
    @Message("Nouvelle sur Pupitre") String newcomer();
    @Message("Pourquoi") String match_reasons();
    @Message("Message (facultatif)") String invite_message();
    @Message("Inviter") String invite_submit();
    @Message("Invitations") String invitations_heading();
    @Message("Aucune invitation pour l'instant.") String invitations_none();
    @Message("Invitation") String invitation_heading();
    @Message("Demande") String invitation_request();
    @Message("Offre") String invitation_offer();
    @Message("État") String invitation_state();
    @Message("{#if state == 'PENDING'}En attente{#else if state == 'ACCEPTED'}Acceptée{#else if state == 'DECLINED'}Refusée{#else if state == 'WITHDRAWN'}Retirée{#else}{state}{/if}")
    String invitation_state_name(String state);
    @Message("Accepter") String invitation_accept();
    @Message("Refuser") String invitation_decline();
    @Message("Raison (privée : le client ne la voit jamais)") String invitation_decline_reason();
    @Message("Retirer l'invitation") String invitation_withdraw();
    @Message("Votre raison, à vous seule") String invitation_your_reason();
    @Message("Messages") String messages_heading();
    @Message("Aucun message.") String messages_none();
    @Message("Votre message") String message_body();
    @Message("Envoyer") String message_send();
    @Message("Secrétaire") String author_secretary();
    @Message("Client") String author_client();
    @Message("Envoyée le") String invitation_sent();

    // reports and moderation
    @Message("Signaler cette annonce") String report_heading();
    @Message("Motif") String report_reason();
    @Message("{#if reason == 'SPAM'}Pourriel{#else if reason == 'SCAM'}Arnaque{#else if reason == 'NO_LONGER_RELEVANT'}N'est plus d'actualité{#else if reason == 'MISCATEGORIZED'}Mal classée{#else}{reason}{/if}")
    String report_reason_name(String reason);
    @Message("Précisions (facultatif)") String report_comment();
    @Message("Envoyer le signalement") String report_submit();
    @Message("Merci : votre signalement a été transmis.") String report_done();
    @Message("Modération") String moderation_heading();
    @Message("Aucune annonce signalée en attente.") String moderation_empty();
    @Message("{count} {#if count < 2}signalement{#else}signalements{/if}") String moderation_reports(long count);
    @Message("Masquée pour :") String moderation_hidden_because();
    @Message("Raison du masquage (vue par la personne)") String moderation_hide_reason();
    @Message("Masquer") String moderation_hide();
    @Message("Réafficher") String moderation_unhide();
    @Message("L'annonce est de nouveau visible et ses signalements sont clos.") String moderation_unhidden();

    // billing
    @Message("Facturation") String billing_heading();
    @Message("Vos coordonnées de facturation figurent sur les factures. Secrétaires : vos numéros de TPS et de TVQ, ou petit fournisseur.") String billing_intro();
    @Message("Enregistré.") String billing_saved();
    @Message("Nom légal") String field_legal_name();
    @Message("Adresse") String field_address();
    @Message("Province") String field_province();
    @Message("Petit fournisseur (pas inscrit aux taxes)") String field_small_supplier();
    @Message("Numéro de TPS") String field_gst();
    @Message("Numéro de TVQ") String field_qst();
    @Message("Instructions de paiement") String field_payment_instructions();
    @Message("Courriel des rappels de paiement") String field_billing_email();
    @Message("Mandats") String engagements_heading();
    @Message("Aucun mandat pour l'instant.") String engagements_none();
    @Message("Mandat") String engagement_heading();
    @Message("Commencer le mandat") String engagement_start();
    @Message("Taux horaire ($)") String field_rate();
    @Message("Paiement") String field_terms();
    @Message("à 15 jours") String terms_net_15();
    @Message("à 30 jours") String terms_net_30();
    @Message("{#if state == 'ACTIVE'}En cours{#else if state == 'ENDED'}Terminé{#else}{state}{/if}") String engagement_state_name(String state);
    @Message("Temps de travail") String time_heading();
    @Message("Inscrire du temps") String time_log();
    @Message("Date") String field_date();
    @Message("Heures") String field_hours();
    @Message("Minutes") String field_minutes();
    @Message("Travail fait") String field_work_description();
    @Message("Inscrire") String time_submit();
    @Message("Semaine du {monday}") String week_of(String monday);
    @Message("{#if state == 'SUBMITTED'}À approuver{#else if state == 'APPROVED'}Approuvé{#else if state == 'DISPUTED'}Contesté{#else if state == 'INVOICED'}Facturé{#else}{state}{/if}") String time_state_name(String state);
    @Message("Approuver la semaine") String week_approve();
    @Message("Contester") String week_dispute();
    @Message("Ce qui ne va pas") String week_dispute_comment();
    @Message("Aucun temps inscrit.") String time_none();
    @Message("Factures") String invoices_heading();
    @Message("Préparer la facture du temps approuvé") String invoice_draft();
    @Message("Facture") String invoice_heading();
    @Message("Brouillon de facture") String invoice_draft_heading();
    @Message("{#if state == 'DRAFT'}Brouillon{#else if state == 'ISSUED'}Émise{#else if state == 'PARTIALLY_PAID'}Payée en partie{#else if state == 'PAID'}Payée{#else if state == 'UNCOLLECTIBLE'}Irrécouvrable{#else if state == 'VOID'}Annulée{#else}{state}{/if}") String invoice_state_name(String state);
    @Message("Description") String invoice_line();
    @Message("Quantité") String invoice_quantity();
    @Message("Prix unitaire") String invoice_unit_price();
    @Message("Montant") String invoice_amount();
    @Message("Sous-total") String invoice_subtotal();
    @Message("Total") String invoice_total();
    @Message("Payé") String invoice_paid();
    @Message("Solde") String invoice_balance();
    @Message("Échéance") String invoice_due();
    @Message("Émise le") String invoice_issued();
    @Message("Les taxes sont calculées à l'émission, selon la province du client.") String invoice_taxes_at_issue();
    @Message("Émettre la facture") String invoice_issue();
    @Message("Télécharger le PDF") String invoice_pdf();
    @Message("Enregistrer un paiement reçu") String payment_heading();
    @Message("Montant ($)") String field_payment_amount();
    @Message("Mode") String field_payment_method();
    @Message("Reçu le") String field_received_on();
    @Message("Référence (facultatif)") String field_reference();
    @Message("Enregistrer le paiement") String payment_submit();
    @Message("{#if method == 'INTERAC'}Virement Interac{#else if method == 'CHEQUE'}Chèque{#else if method == 'CARD'}Carte{#else}Autre{/if}") String payment_method_name(String method);
    @Message("Paiements") String payments_heading();
    @Message("confirmé par le client") String payment_confirmed();
    @Message("Confirmer que j'ai fait ce paiement") String payment_confirm();
    @Message("Votre avis sur la secrétaire") String review_heading();
    @Message("Note") String field_stars();
    @Message("Votre avis") String field_review();
    @Message("Publier l'avis") String review_submit();
    @Message("Merci : votre avis est publié.") String review_done();
    @Message("Indiquez une date (AAAA-MM-JJ) et une durée en heures et minutes.") String form_date_time();

    // alerts and settings
    @Message("Alertes") String alerts_heading();
    @Message("Pupitre vous écrit quand une nouvelle annonce correspond à une recherche enregistrée.") String alerts_intro();
    @Message("Aucune alerte. Lancez une recherche, puis enregistrez-la.") String alerts_none();
    @Message("Alerte enregistrée.") String alert_created();
    @Message("M'avertir des nouvelles annonces pour cette recherche") String alert_save();
    @Message("Nom de l'alerte") String alert_name();
    @Message("Fréquence") String alert_frequency();
    @Message("Dès qu'une annonce paraît") String alert_immediate();
    @Message("Une fois par jour") String alert_daily();
    @Message("Créer l'alerte") String alert_create();
    @Message("Supprimer") String alert_delete();
    @Message("Ma recherche") String alert_default_name();
    @Message("Paramètres du compte") String settings_heading();
    @Message("Mot de passe") String password_heading();
    @Message("Mot de passe actuel") String field_current_password();
    @Message("Mot de passe changé ; vos autres sessions sont fermées.") String password_changed();
    @Message("Sessions ouvertes") String sessions_heading();
    @Message("dernière activité") String session_last_used();
    @Message("cette session") String session_current();
    @Message("Fermer") String session_end();
    @Message("Vos données") String data_heading();
    @Message("Téléchargez tout ce que Pupitre conserve à votre sujet (Loi 25), en un fichier JSON.") String data_text();
    @Message("Télécharger mes données") String data_export();

    // closing, blocking, answering reviews
    @Message("Fermer mon compte") String close_heading();
    @Message("Vos annonces sont fermées et vos renseignements effacés partout. Les factures émises sont gardées six ans, comme l'exige la loi. Impossible tant qu'un mandat est en cours ou qu'une facture reste à régler.") String close_text();
    @Message("Fermer définitivement mon compte") String close_submit();
    @Message("Votre compte est fermé. Merci d'avoir utilisé Pupitre.") String account_closed();
    @Message("Bloquer ce client") String invitation_block();
    @Message("Ce client ne pourra plus vous inviter.") String client_blocked();
    @Message("Votre réponse (publique)") String review_answer_label();
    @Message("Répondre") String review_answer_submit();
    @Message("Masquer l'avis") String review_hide();
    @Message("Raison du masquage") String review_hide_reason();

    // errors
    @Message("Page introuvable") String not_found_heading();
    @Message("Cette page n'existe pas ou n'existe plus.") String not_found_text();
    @Message("Un problème est survenu") String error_heading();
    @Message("Le service ne répond pas pour l'instant. Réessayez dans un moment.") String error_unavailable();
    @Message("Numéro de la requête, à donner au soutien :") String error_request_id();
    @Message("Retour à l'accueil") String error_home();
    @Message("Votre session a expiré. Connectez-vous de nouveau.") String session_expired();

}
