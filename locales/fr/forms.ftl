## Les pages où l’on écrit : s’inscrire, gérer son inscription, l’avis de confidentialité, la coordination.

back-to-offering = Retour à l’offre
register-title = S’inscrire
apply-title = Poser sa candidature
form-places-left = { $count ->
    [0] Complet : vous serez sur la liste d’attente.
    [one] Il reste { $count } place.
   *[other] Il reste { $count } places.
}
form-waiting = { $count ->
    [one] { $count } personne attend déjà une place.
   *[other] { $count } personnes attendent déjà une place.
}
form-closes = Inscriptions jusqu’au { $date }, { $time } (chez vous).
form-not-yet-open = Les inscriptions ouvrent le { $date }, { $time } (chez vous).
form-over = Les inscriptions à cette édition sont closes.
form-none = Pas besoin de vous inscrire : venez directement.
form-elsewhere = L’inscription se fait sur le site de l’organisation.
form-elsewhere-link = S’inscrire sur le site de l’organisation
form-application-note = Les places sont limitées : l’équipe choisit parmi les candidatures et répond à chaque personne par courriel.
form-commitment = En vous inscrivant, vous vous engagez à suivre l’ensemble des séances.
form-required-note = Les champs marqués d’un astérisque (*) sont obligatoires.
form-about-you = Vous
form-name = Nom
form-email = Courriel
form-email-hint = Votre confirmation et votre lien de gestion y seront envoyés.
form-lang = Langue de vos messages
form-zone = Fuseau horaire
form-zone-hint = Les heures de vos messages y seront écrites. Nom IANA, par exemple America/Toronto.
form-region = Pays ou région
form-organisation = Organisation ou collectif
form-organisation-on-behalf = Structure au nom de laquelle vous vous inscrivez
form-organisation-on-behalf-hint = Cette offre s’adresse à des structures (association, collectif, coopérative ou entreprise) : indiquez le nom de la vôtre.
form-optional = (facultatif)
form-questions = Votre candidature
form-yes = Oui
form-no = Non
form-accessibility = Besoins d’accessibilité
form-accessibility-hint = Interprétation, sous-titres, accès en fauteuil, pauses… Dites-nous ce qui vous aiderait à participer.
form-consent = J’accepte que Relais et l’organisation de cette offre utilisent ces informations pour gérer mon inscription et m’écrire à son sujet.
form-privacy-link = Lire l’avis de confidentialité
form-submit-register = M’inscrire
form-submit-apply = Envoyer ma candidature
form-sending = Envoi en cours…
form-errors-title = { $count ->
    [one] Un champ est à corriger :
   *[other] { $count } champs sont à corriger :
}
form-offline = Vous semblez hors ligne : votre inscription n’est pas encore envoyée. Vos réponses sont gardées ; réessayez quand la connexion revient.
form-failed = L’envoi n’a pas abouti. Vos réponses sont gardées ; réessayez dans un instant.
result-confirmed = C’est confirmé : vous avez une place.
result-waitlisted = Vous êtes sur la liste d’attente, en position { $position }.
result-waitlisted-note = Si une place se libère, elle vous revient dans l’ordre d’arrivée et vous recevez un courriel.
result-applied = Candidature reçue.
result-applied-note = L’équipe vous répondra par courriel.
result-sent = Un courriel de confirmation part vers { $email }.
result-manage = Gérer mon inscription
result-manage-note = Ce lien est personnel : gardez-le, il permet de voir, modifier ou annuler votre inscription. Il est aussi dans votre courriel.
manage-title = Votre inscription
manage-status-confirmed = Vous avez une place.
manage-status-accepted = Votre candidature est acceptée : vous avez une place.
manage-status-waitlisted = Vous êtes sur la liste d’attente, en position { $position }.
manage-status-applied = Votre candidature attend la décision de l’équipe.
manage-status-declined = Votre candidature n’a pas été retenue.
manage-status-cancelled = Cette inscription est annulée.
manage-private = Pour les participant·es
manage-sessions = Séances
manage-preferences = Vos préférences
manage-save = Enregistrer
manage-saved = Préférences enregistrées.
manage-cancel = Annuler mon inscription
manage-cancel-confirm = Annuler votre inscription ? Votre place ira à la prochaine personne en attente.
manage-cancel-yes = Oui, annuler
manage-keep = Non, garder mon inscription
manage-cancelled = Votre inscription est annulée.
manage-delete = Supprimer mes données
manage-delete-confirm = Supprimer votre nom, votre courriel et vos réponses ? L’inscription sera annulée et ce lien ne fonctionnera plus.
manage-delete-yes = Oui, supprimer
manage-deleted = Vos données sont supprimées. Il ne reste de cette inscription qu’une trace anonyme de ce qui s’est passé.
manage-resources = Documents pour les participant·es
manage-back = Retour à votre inscription
manage-history = Historique
history-registered = Inscription
history-waitlisted = Liste d’attente
history-applied = Candidature
history-promoted = Place obtenue
history-accepted = Candidature acceptée
history-declined = Candidature non retenue
history-cancelled = Annulation
history-deleted = Données supprimées
history-updated = Préférences modifiées
privacy-title = Avis de confidentialité
privacy-intro = Relais recueille le minimum d’informations nécessaire pour vous inscrire à une activité et vous écrire à son sujet. Cet avis suit l’esprit de la Loi 25 du Québec et du RGPD européen.
privacy-what-title = Ce que nous recueillons
privacy-what = Votre nom, votre courriel, la langue et le fuseau horaire de vos messages ; si vous les donnez, votre pays ou région, votre organisation, vos besoins d’accessibilité et vos réponses aux questions d’une candidature. Aucun compte, aucun mot de passe, aucun traceur publicitaire.
privacy-why-title = Pourquoi
privacy-why = Pour tenir la liste des places et la liste d’attente, étudier les candidatures, vous envoyer la confirmation, les rappels et les liens de connexion, et adapter l’activité à vos besoins. Rien d’autre : vos informations ne sont ni vendues ni transmises à des tiers.
privacy-who-title = Qui les voit
privacy-who = Les personnes qui coordonnent l’activité, avec un compte protégé. Les liens de rencontre et les adresses privées ne sont montrés qu’aux personnes qui ont une place, par leur lien de gestion. Une inscription faite depuis le lien d’une organisation, en son nom, figure aussi sur la page de cette organisation (votre nom, l’activité et où en est votre inscription), que voient les personnes contact de l’organisation.
privacy-rights-title = Vos droits
privacy-rights = Votre lien de gestion, envoyé par courriel, vous permet à tout moment de voir votre inscription, de changer la langue ou le fuseau de vos messages, de l’annuler et de supprimer vos données. Il ne reste alors qu’une trace anonyme de ce qui s’est passé (inscription, annulation), sans nom ni courriel.
privacy-keep-title = Combien de temps
privacy-keep = Tant que l’activité a lieu, puis le temps que l’organisation en fasse le bilan. Vous pouvez demander la suppression plus tôt avec votre lien de gestion.
privacy-contact-title = Nous joindre
privacy-contact = Pour toute question sur vos données, écrivez à l’organisation de l’activité, dont l’adresse figure dans votre courriel de confirmation.
coord-title = Coordination
coord-sign-in = Connexion
coord-email = Courriel
coord-password = Mot de passe
coord-sign-in-button = Me connecter
coord-signed-in-as = Connecté·e : { $name } ({ $role })
coord-sign-out = Me déconnecter
coord-forgot = Mot de passe oublié ?
coord-forgot-title = Choisir un nouveau mot de passe
coord-forgot-lead = Indiquez l’adresse courriel de votre compte : un lien pour choisir un nouveau mot de passe y est envoyé. Il fonctionne une seule fois, pendant { $minutes } minutes.
coord-forgot-send = M’envoyer un lien
coord-forgot-sent = Merci. Si cette adresse a un compte sur Relais, un message avec un lien pour choisir un nouveau mot de passe est en route : il fonctionne une seule fois, pendant { $minutes } minutes. Rien reçu ? Regardez dans vos indésirables, puis demandez à nouveau.
coord-forgot-back = Retour à la connexion
coord-editions = Éditions ouvertes aux inscriptions
coord-no-editions = Aucune édition ne prend d’inscription en ce moment.
coord-edition-counts = { $taken } / { $capacity } places · { $waiting } en attente · { $applied } candidatures à étudier
coord-edition-counts-unlimited = { $taken } places prises · { $waiting } en attente · { $applied } candidatures à étudier
coord-open = Voir les inscriptions
coord-registrations = Inscriptions
coord-no-registrations = Aucune inscription pour le moment.
coord-priority = Groupe prioritaire
coord-arrival = Arrivée n° { $arrival }
coord-answers = Réponses
coord-status-confirmed = Place confirmée
coord-status-accepted = Acceptée
coord-status-waitlisted = En attente
coord-status-applied = Candidature à étudier
coord-status-declined = Non retenue
coord-status-cancelled = Annulée
decision-accept = Accepter
decision-decline = Refuser
decision-waitlist = Mettre en attente

coord-decided = Décision enregistrée ; la personne est prévenue par courriel.
coord-outbox = Messages envoyés
coord-outbox-empty = Aucun message pour cette édition.
coord-sent = Envoyé
coord-pending = En attente d’envoi
coord-attempts = { $count ->
    [one] { $count } essai
   *[other] { $count } essais
}
role-administrator = administration
role-coordinator = coordination
role-facilitator = animation
role-librarian = bibliothécaire
role-partner = partenaire d’accompagnement
role-partner-for = partenaire d’accompagnement pour { $partner }

## A registration's whole life.
result-held = Une place vous est réservée : confirmez-la par courriel.
result-held-note = Le courriel contient votre lien privé : confirmez votre place avant l’heure indiquée, sinon elle passera à la personne suivante.
result-link-sent = Votre lien privé vous a été envoyé.
result-link-sent-note = Si { $email } est déjà inscrit·e à cette édition, un courriel avec le lien pour gérer cette inscription part vers cette adresse. Rien d’autre n’est dit ici : seule la personne qui lit ces courriels peut voir l’inscription.
manage-status-held = Une place vous est réservée : confirmez-la pour la garder.
manage-status-removed = Cette inscription a été retirée par l’équipe.
manage-status-attended = Vous avez participé.
manage-status-absent = Vous étiez absent·e.
manage-confirm = Confirmer ma place
history-held = Place réservée, à confirmer
history-confirmed = Place confirmée
history-released = Place non confirmée, passée à la personne suivante
history-cancelled_by_coordinator = Annulation par l’équipe
history-removed = Retrait par l’équipe
history-attended = Présence
history-absent = Absence
history-link_sent = Lien privé envoyé de nouveau
history-moved = Déplacé·e sur la liste d’attente par l’équipe
coord-status-held = Place à confirmer
coord-status-removed = Retirée
coord-status-attended = Présente
coord-status-absent = Absente
decision-cancel_by_coordinator = Annuler l’inscription
decision-remove = Retirer
decision-mark_attended = Marquer présente
decision-mark_absent = Marquer absente
coord-reason = Motif, dit à la personne
coord-note = Note pour la personne (facultatif)
coord-reason-edition_cancelled = L’activité est annulée
coord-reason-their_request = À sa demande
coord-reason-duplicate = Inscrite deux fois
coord-reason-conduct = Code de conduite
coord-reason-other = Autre motif
links-title = Retrouver mes liens privés
links-intro = Vous avez perdu le courriel avec votre lien ? Indiquez l’adresse avec laquelle vous vous êtes inscrit·e : nous y envoyons, en un seul courriel, le lien privé de chacune de vos inscriptions.
links-send = M’envoyer mes liens
links-sent = C’est envoyé.
links-sent-note = Si des inscriptions existent avec { $email }, un courriel avec tous leurs liens part vers cette adresse. Pour protéger la vie privée de chacun·e, cette page ne dit pas s’il y en a.
links-ask = Retrouver tous mes liens privés
manage-confirmed = Votre place est confirmée.
coord-capacity = Capacité (places)
coord-capacity-hint = { $taken ->
    [one] { $taken } place prise
   *[other] { $taken } places prises
}, { $waiting ->
    [one] { $waiting } personne en attente
   *[other] { $waiting } personnes en attente
}. Augmenter la capacité donne les nouvelles places aux personnes en attente, dans l’ordre d’arrivée ; vide : aucune limite.
coord-capacity-save = Enregistrer la capacité
pending-title = En attente d’envoi
pending-note = Le réseau ne répond pas pour l’instant : votre inscription est gardée sur cet appareil. Elle partira d’elle-même dès que le réseau reviendra, même si vous fermez cette page ; rouvrez Relais pour voir la réponse et votre lien privé.
pending-rules = Les places et la date limite seront vérifiées à son arrivée : la réponse vous dira où vous en êtes.
pending-sending = Envoi en cours…
pending-attempts = { $count } essais jusqu’ici : un nouvel essai se fera tout seul.
pending-cancel = Annuler l’envoi
pending-cancel-late = Trop tard pour annuler : l’inscription est déjà en route.
pending-refused-title = Votre inscription est arrivée, mais elle n’a pas pu être acceptée
pending-again = Recommencer l’inscription

## La bibliothèque de connaissances des réseaux.
library-title = Bibliothèque
library-intro = Des guides, des balados, des vidéos et des fiches de résumé que les réseaux partagent, dans les langues où ils existent.
library-search = Chercher dans la bibliothèque
library-search-hint = Les accents et les majuscules ne comptent pas : « strategie » trouve « stratégie ».
library-search-submit = Chercher
library-search-empty = Écrivez au moins un mot de deux lettres ou plus.
library-newest = Les plus récentes
library-found = { $count ->
    [0] Aucune ressource ne correspond à « { $q } ».
    [one] Une ressource correspond à « { $q } ».
   *[other] { $count } ressources correspondent à « { $q } ».
}
library-none = La bibliothèque n’a encore rien en français.
library-kind-guide = Guide
library-kind-article = Article
library-kind-podcast = Balado
library-kind-video = Vidéo
library-kind-template = Modèle
library-kind-book_chapter = Chapitre de livre
library-kind-summary_sheet = Fiche de résumé
library-back = Retour à la bibliothèque
library-by = Proposé par
library-languages = Disponible en
library-original = Langue d’origine
library-translator = Traduction
library-source = Source
library-licence = Licence
library-topics = Thèmes
library-with = Va avec
library-only-in = Cette ressource n’existe pas encore en français : la voici en { $language }.
library-open = Ouvrir la ressource
library-download = Télécharger le fichier ({ $type }, { $size })
library-keep = Garder sur cet appareil
library-kept = Gardée sur cet appareil : vous pourrez la lire sans réseau.
library-unkept = Elle n’est plus gardée sur cet appareil.
library-keep-failed = Impossible de la garder sur cet appareil : la mémoire est peut-être pleine, ou le réseau absent.
library-kept-here = Gardées sur cet appareil
library-of-offering = Les ressources de « { $title } »

## La communauté de pratique d’un réseau : la demande pour la rejoindre, et le lien privé de chaque membre.
community-kind = Communauté de pratique
community-title = Rejoindre la communauté de pratique « { $network } »
community-lead = La coordination de « { $network } » lit chaque demande et vous écrit sa décision. Un lien privé vous est envoyé par courriel : il montre où en est votre demande et vous permet de quitter la communauté à tout moment.
community-back = Retour à la page du réseau
community-or-follow = Seulement être prévenu·e des nouvelles dates de « { $network } », sans rejoindre la communauté
community-criteria-at_least_one = Les critères de la communauté : cochez ceux que vous remplissez (au moins un)
community-criteria-all = Les critères de la communauté : cochez-les, il faut les remplir tous
community-on-behalf = Vous rejoignez la communauté
community-on-behalf-individual = À titre individuel
community-on-behalf-organisation = Au nom d’une organisation
community-organisation = Nom de l’organisation
community-email-hint = Votre lien privé y sera envoyé.
community-languages = Langues dans lesquelles vous pouvez participer
community-languages-other = Autres langues
community-languages-other-hint = Leurs codes, séparés par des virgules, par exemple « wo, ar, sw ».
community-language-refused = « { $tag } » — { $message }
community-consent = J’accepte que ces informations servent uniquement à cette communauté. Je peux la quitter et les effacer à tout moment depuis mon lien privé.
community-submit = Envoyer ma demande
community-received = Merci ! Nous vous avons envoyé un lien par courriel.
community-received-note = Il part vers { $email }. La coordination de « { $network } » étudie chaque demande et vous écrira sa décision. Le lien vous montre où en est votre demande ; il vous permet aussi de quitter la communauté et d’effacer vos données.
community-received-spam = Rien reçu d’ici quelques minutes ? Regardez dans vos indésirables.
member-kind = Communauté de pratique · votre lien privé
member-standing-applied = En attente de la décision des coordinateur·rices
member-standing-applied-note = Vous recevrez un courriel dès que la coordination aura décidé.
member-standing-member = Vous êtes membre
member-standing-declined = Votre demande n’a pas été retenue, ou votre adhésion a pris fin.
member-sent = Ce que vous avez envoyé
member-on-behalf = Demande
member-on-behalf-individual = À titre individuel
member-on-behalf-organisation = Au nom de « { $organisation } »
member-criteria = Critères remplis
member-languages = Langues de participation
member-applied-at = Demande envoyée le
member-resources = Ressources réservées aux membres
member-resources-none = La coordination n’a encore partagé aucune ressource réservée aux membres.
member-resources-later = Les ressources réservées aux membres s’afficheront ici quand la coordination aura accepté votre demande.
member-leave = Quitter la communauté et effacer mes données
member-leave-confirm = Quitter la communauté et effacer vos données ? Votre demande, vos réponses et ce lien sont supprimés ; pour revenir, il faudra refaire une demande.
member-leave-yes = Oui, quitter et effacer
member-stay = Non, rester
member-left = Vous avez quitté la communauté « { $network } » : vos données sont effacées et ce lien ne fonctionne plus.
member-back = Retour à votre page de membre
member-editions = Rencontres réservées aux membres
member-editions-none = Aucune rencontre réservée aux membres n’est annoncée pour l’instant.

## News of what is coming: asking to be told, the link to confirm, stopping.
follow-title-offering-dates = Être prévenu·e des prochaines dates de « { $subject } »
follow-title-network-news = Recevoir les nouvelles dates de « { $subject } »
follow-lead-offering-dates = Laissez votre adresse : nous vous écrirons quand de nouvelles dates seront annoncées, avec leurs horaires à votre heure. Rien d’autre.
follow-lead-network-news = Laissez votre adresse : nous vous écrirons quand ce réseau annoncera de nouvelles dates, avec leurs horaires à votre heure. Rien d’autre.
follow-consent-offering-dates = J’accepte que mon adresse serve uniquement à me prévenir des dates de cette activité. Chaque message permet d’arrêter en un clic, ce qui efface mon adresse.
follow-consent-network-news = J’accepte que mon adresse serve uniquement à m’envoyer les nouvelles dates de ce réseau. Chaque message permet d’arrêter en un clic, ce qui efface mon adresse.
follow-submit = Me prévenir
follow-sent = Vérifiez vos courriels pour confirmer
follow-sent-note = Un lien de confirmation part vers { $email }. Tant que vous ne l’avez pas ouvert pour confirmer, nous ne vous écrirons rien.
follow-link-title = Être prévenu·e des dates
follow-what-offering-dates = Vous avez demandé à être prévenu·e des prochaines dates de « { $subject } ».
follow-what-network-news = Vous avez demandé à recevoir les nouvelles dates du réseau « { $subject } ».
follow-to = Les messages partent vers { $email }.
follow-confirm = Confirmer
follow-stop = Ne plus recevoir ces messages
follow-is-confirmed = C’est confirmé : vous recevrez un message à chaque nouvelle date.
follow-confirmed = Confirmé ! Vous recevrez un message quand de nouvelles dates seront annoncées.
follow-stopped = C’est fait : vous ne recevrez plus ces messages, et votre adresse est effacée.

## Coaching on request: an organisation registering, and its private link.
coaching-kind = Accompagnement sur demande
coaching-ask-title = Demander un accompagnement à « { $network } »
coaching-ask-lead = Votre organisation s’inscrit une fois auprès de « { $network } ». Un lien privé est envoyé par courriel à la personne contact : depuis cette page, vous faites vos demandes, suivez où elles en sont et voyez les heures qu’il vous reste. Le lien appartient à l’organisation : vous pouvez le transmettre à qui reprend le dossier.
coaching-ask-again = Déjà inscrite ? Le lien est dans le courriel reçu. Pour le recevoir de nouveau, remplissez ce formulaire avec le même nom d’organisation et la même adresse.
coaching-back-offering = Retour à l’offre
coaching-about-organisation = Votre organisation
coaching-organisation = Nom de l’organisation
coaching-organisation-kind = Votre organisation est
coaching-kind-neighbourhood = Une initiative de quartier
coaching-kind-collective = Un collectif
coaching-kind-association = Une association
coaching-area = Quartier ou territoire
coaching-area-hint = Par exemple « Saint-Michel » ou « Montréal-Nord ».
coaching-about-contact = La personne contact
coaching-email-hint = Le lien privé de l’organisation y sera envoyé.
coaching-consent = J’accepte que ces informations servent uniquement aux demandes d’accompagnement de notre organisation.
coaching-submit = Recevoir le lien de notre organisation
coaching-received = Merci ! Le lien de votre organisation part par courriel.
coaching-received-note = Il part vers { $email }. Depuis ce lien, vous pourrez demander un accompagnement à « { $network } » et voir les heures de votre organisation.
coaching-hours-title = Vos heures en { $year }
coaching-left = d’accompagnement disponibles
coaching-granted = Accordées cette année
coaching-carried-in = Reportées de l’an dernier
coaching-used = Utilisées
coaching-booked = Réservées (séances à venir)
coaching-paid = Payées par l’organisation
coaching-expired = Expirées
coaching-carried-out = Reportées à l’an prochain
coaching-expiring = Dont reportées, qui expirent le 31 décembre { $year }
coaching-pool = Enveloppe complémentaire
coaching-pool-places = { $left ->
    [0] Les { $places } places de cette année sont prises.
    [one] Encore 1 place libre sur { $places } cette année, premier arrivé, premier servi.
   *[other] Encore { $left } places libres sur { $places } cette année, premier arrivé, premier servi.
}
coaching-pool-held = Votre organisation a une place cette année : il reste { $hours }.
coaching-requests = Vos demandes
coaching-no-requests = Aucune demande pour l’instant.
coaching-stage-received = Reçue
coaching-stage-ready = Prête : une ou un partenaire sera bientôt désigné·e
coaching-stage-assigned = Partenaire désigné·e
coaching-stage-booked = Séances fixées
coaching-stage-closed = Terminée
coaching-stage-declined = Refusée
coaching-stage-withdrawn = Retirée
coaching-partner-named = Partenaire : { $name }
coaching-session-booked = Séance prévue :
coaching-session-given = Séance donnée :
coaching-session-cancelled = Séance annulée :
coaching-ask = Faire une demande
coaching-which-offer = L’accompagnement demandé
coaching-subject = Le sujet
coaching-subject-hint = En quelques mots, par exemple « Mobiliser les familles du quartier ».
coaching-question = La question au cœur de votre initiative
coaching-question-hint = Ce que vous cherchez à comprendre ou à changer.
coaching-preferred-partner = Partenaire souhaité·e
coaching-no-preference = Pas de préférence
coaching-availability = Vos disponibilités
coaching-availability-hint = Par exemple « Les mardis en soirée, à partir de février ».
coaching-languages = Langues dans lesquelles l’accompagnement peut se faire
coaching-send = Envoyer la demande
coaching-asked = Votre demande est envoyée.
coaching-asked-note = La coordination la lit et vous écrit ; elle apparaît dans vos demandes avec l’étape où elle en est.
coaching-asked-pool = Votre demande est envoyée, et votre organisation a une place dans l’enveloppe complémentaire cette année.
coaching-see-request = Voir mes demandes et mes heures
coaching-poster-link = L’affiche à imprimer, avec son code QR
coaching-poster-by = proposé par « { $network } »
coaching-poster-call = Votre initiative de quartier, votre collectif ou votre association aimerait un accompagnement ? Scannez le code pour faire une demande.
coaching-poster-qr = Code QR vers le formulaire de demande
coaching-poster-print = Imprimer l’affiche
coaching-contacts = Les personnes contact de l’organisation
coaching-withdraw = Retirer cette demande
coaching-withdraw-ask = Retirer cette demande ? Elle restera dans la liste, marquée « Retirée ».
coaching-withdraw-yes = Oui, la retirer
coaching-withdrawn = La demande « { $subject } » est retirée.
coaching-contact-remove = Retirer { $name }
coaching-contact-remove-ask = Retirer { $name } des contacts ? Les liens reçus par cette personne ne fonctionneront plus.
coaching-contact-remove-yes = Oui, retirer
coaching-contact-remove-no = Annuler
coaching-contact-removed = { $name } ne fait plus partie des contacts de l’organisation.
coaching-contact-offline = Vous semblez hors ligne : rien n’a changé. Réessayez quand la connexion revient.
coaching-contact-add = Ajouter une personne contact
coaching-contact-add-hint = Elle recevra par courriel son propre lien vers cette page. Tous les champs sont obligatoires.
coaching-contact-consent = Cette personne accepte que ces informations servent uniquement aux demandes d’accompagnement de l’organisation.
coaching-contact-add-submit = Ajouter cette personne
coaching-contact-added = { $name } fait maintenant partie des contacts : son lien part par courriel.

## Registering on behalf of the organisation, from its page.
coaching-on-behalf = Inscriptions au nom de l’organisation
coaching-on-behalf-none = Personne ne s’est encore inscrit·e au nom de l’organisation depuis cette page.
coaching-on-behalf-open = Formations ouvertes aux inscriptions au nom d’une organisation
coaching-on-behalf-open-hint = Chaque personne s’inscrit avec son nom et son adresse courriel ; son nom et où en est son inscription figurent ensuite sur cette page.
coaching-on-behalf-back = Retour à la page de l’organisation
coaching-on-behalf-form-hint = Vous vous inscrivez depuis le lien de l’organisation : votre nom et où en est votre inscription figureront sur sa page.
coaching-on-behalf-status-held = Place réservée, à confirmer
coaching-on-behalf-status-confirmed = A une place
coaching-on-behalf-status-waitlisted = Sur la liste d’attente
coaching-on-behalf-status-applied = Candidature en attente de décision
coaching-on-behalf-status-accepted = Candidature acceptée, a une place
coaching-on-behalf-status-declined = Candidature non retenue
coaching-on-behalf-status-cancelled = Inscription annulée
coaching-on-behalf-status-removed = Inscription retirée par l’équipe
coaching-on-behalf-status-attended = A participé
coaching-on-behalf-status-absent = Absent·e
