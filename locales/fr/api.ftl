## Erreurs de l'API (application/problem+json).

problem-not-found = Introuvable
problem-invalid-query = Paramètres de la demande invalides
problem-method-not-allowed = Méthode non permise pour cette adresse
problem-internal = Erreur interne : réessayez dans un instant
problem-unavailable = Service momentanément indisponible
field-unknown-language = Langue non prise en charge : choisissez « fr » ou « en ».
field-invalid-cursor = Curseur de pagination invalide : reprenez depuis la première page.
field-invalid-limit = La taille de page doit être un nombre entier entre 1 et 50.
field-unknown-kind = Type d’offre inconnu.
field-text-too-long = Texte de recherche trop long : 100 caractères au plus.
field-unknown-format = Format inconnu : choisissez « online », « in_person » ou « hybrid ».
field-unknown-topic = Thème inconnu.
field-unknown-network = Réseau inconnu : donnez l’identifiant d’un réseau, par exemple « ggsn ».
field-unknown-language-code = Langue inconnue : utilisez un code de deux ou trois lettres, comme « fr » ou « es ».
field-invalid-date = Date invalide : écrivez-la AAAA-MM-JJ, par exemple 2026-12-08.
field-invalid-flag = Valeur invalide : utilisez 1 (oui) ou 0 (non).
field-to-before-from = La date de fin précède la date de début.
field-daytime-needs-zone = Pour rester dans vos heures de jour, indiquez aussi votre fuseau horaire (tz).
field-unknown-zone = Fuseau horaire inconnu : utilisez un nom IANA comme « Africa/Lagos ».
problem-invalid-body = Contenu de la demande invalide
problem-payload-too-large = Demande trop volumineuse
problem-unsupported-media-type = Envoyez le contenu en JSON (Content-Type: application/json)
problem-too-many-requests = Trop de demandes : réessayez dans une minute
problem-registration-closed = Cette édition ne prend pas d’inscription ici en ce moment
registration-not-here = L’inscription à cette édition se fait ailleurs, ou n’est pas nécessaire.
registration-not-yet-open = Les inscriptions ne sont pas encore ouvertes.
registration-over = Les inscriptions sont closes.
field-required = Ce champ est obligatoire.
field-too-long = Ce texte est trop long.
field-invalid-text = Ce texte contient des caractères invisibles ou de contrôle (retour à la ligne dans un nom, inversion du sens d’écriture…) : retirez-les.
field-invalid-email = Adresse courriel invalide : écrivez-la comme nom@exemple.org.
field-unknown-question = Cette question n’existe pas pour cette édition.
field-yes-or-no = Répondez « yes » (oui) ou « no » (non).
field-consent-required = Pour vous inscrire, acceptez l’utilisation de vos données décrite dans l’avis de confidentialité.
field-consent-to-purpose = Cochez cette case pour accepter que ces informations servent uniquement à cette fin, comme le décrit l’avis de confidentialité.
field-malformed-json = Le contenu n’est pas du JSON valide, ou un champ n’a pas le bon type.
field-invalid-idempotency-key = En-tête Idempotency-Key invalide : de 1 à 200 caractères.
field-idempotency-key-reused = Cette clé Idempotency-Key a déjà servi pour une autre demande.
problem-in-progress = Une demande avec cette clé Idempotency-Key est en cours de traitement : renvoyez-la dans un instant
problem-unauthorized = Connexion requise, ou identifiants incorrects
problem-forbidden = Vous n’avez pas accès à cette action
problem-conflict = Cette action n’est plus possible dans l’état actuel
field-password-too-short = Mot de passe trop court : 12 caractères au moins.
field-csrf = Jeton anti-falsification (X-CSRF-Token) absent ou incorrect.
field-unknown-role = Rôle inconnu : « coordinator », « facilitator », « librarian » ou « partner ».
field-partner-by-invitation = Le rôle de partenaire se donne par invitation, pour l’un des partenaires du réseau.
field-unknown-partner-of-network = Ce partenaire n’est pas l’un de ceux du réseau.
field-unknown-link = Ce n’est pas une offre ou une édition de ce réseau.
field-no-community = Ce réseau n’a pas de communauté : une activité réservée à ses membres ne serait vue par personne.
field-unknown-decision = Décision inconnue : « accept », « waitlist », « decline », « cancel_by_coordinator », « remove », « mark_attended » ou « mark_absent ».
conflict-no-place = Plus de place libre, ou cette inscription ne se prête pas à cette décision.
conflict-account-exists = Un compte existe déjà avec ce courriel.
calendar-name = Relais : ateliers, formations et rencontres

## Vie des inscriptions : décisions des coordinations et capacité.
conflict-not-allowed = Le statut de cette inscription ne permet pas (ou plus) cette décision.
field-unknown-reason = Motif inconnu : « edition_cancelled », « their_request », « duplicate », « conduct » ou « other ».
field-capacity-positive = La capacité est un nombre entier de places, 1 ou plus (ou null pour aucune limite).
field-below-places-held = Plus de places sont déjà attribuées : la capacité ne peut pas descendre en dessous.
## Corps des requêtes lus par le Worker.
field-invalid-utf8 = Le corps de la requête n’est pas du texte UTF-8 valide.
## Le tableau de bord : publication, suppression, règles de récurrence.
conflict-publication-not-allowed = L’état de cet élément ne permet pas cette action (publier un brouillon, dépublier ou archiver ce qui est publié, restaurer ce qui est archivé).
conflict-nothing-coming = Ce réseau n’a aucune activité publiée à venir : il n’y a rien à annoncer.
conflict-has-registrations = Des personnes sont inscrites à cette édition : archivez-la plutôt que de la supprimer, et laissez ses séances en place.
field-unknown-action = Action inconnue : « publish », « unpublish », « archive » ou « restore ».
field-interval-out-of-range = Intervalle hors limites : tous les 1 à 31 jours, 1 à 52 semaines ou 1 à 12 mois.
field-start-out-of-range = La date de début doit se situer entre les années 2000 et 2100.
field-time-not-whole-minutes = Indiquez l’heure en minutes entières, par exemple 18:00.
field-duration-out-of-range = Une séance dure de 1 minute à 24 heures.
field-count-out-of-range = Une règle crée de 1 à 200 séances.
field-until-before-start = La date de fin précède la date de début.
field-end-too-far = Une règle s’étend sur 3 ans au plus après son début.
field-too-many-occurrences = Cette règle crée plus de 200 séances.
field-no-occurrence = Cette règle ne crée aucune séance.
field-too-many-exceptions = Trop de dates sautées : 200 au plus.
field-exception-not-in-rule = Cette date sautée n’est pas une date de la série.
field-too-many-zones = Prévisualisez 10 fuseaux horaires au plus.
field-no-people = Personne pour qui planifier : cette édition n’a pas encore d’inscrit·es ; sinon, saisissez les fuseaux et le nombre de personnes dans chacun.
field-no-time = Aucune des heures permises n’existe pour cette séance (un changement d’heure la saute) : choisissez-en une autre.
## Connexion, comptes et messages que les administrateurs renvoient.

field-unknown-outbox-state = État inconnu : « failed » ou « waiting ».
conflict-own-account = Vous ne pouvez pas désactiver votre propre compte.
conflict-message-sent = Ce message a déjà été envoyé.
## Rédaction du catalogue : brouillons et publication.
field-invalid-url = Adresse web invalide : écrivez-la en entier, par exemple https://exemple.org/page.
field-unknown-partner = Ce partenaire n’offre pas cet accompagnement : choisissez-en un dans la liste, ou aucun.
field-unsupported-file-type = Ce type de fichier n’est pas accepté : joignez un PDF, une image PNG ou JPEG, ou un document ODT ou DOCX.
field-empty-file = Ce fichier est vide.
field-not-its-type = Ce fichier n’est pas de son type annoncé : vérifiez qu’il s’ouvre, puis joignez-le de nouveau.
field-invalid-file-name = Un nom de fichier ne peut contenir ni barre oblique, ni deux-points, ni guillemets, ni caractères invisibles.
field-invalid-identifier = Identifiant invalide : lettres minuscules, chiffres et traits d’union seulement, 64 caractères au plus.
field-out-of-range = Ce nombre sort des limites permises (une capacité d’une place au moins, par exemple).
field-too-many = Trop d’éléments dans cette liste.
field-duplicate = Cette valeur figure déjà dans la liste.
field-unknown-currency = Devise inconnue : utilisez son code de trois lettres, comme « EUR » ou « CAD ».
field-unknown-field = Ce champ ne peut pas être marqué « identique dans toutes les langues ».
field-texts-differ = Ce champ est marqué « identique dans toutes les langues », mais ses textes diffèrent : gardez-en un seul.
field-not-expected = Ce champ ne s’applique pas ici : laissez-le vide.
field-closes-before-opens = Les inscriptions ferment avant d’ouvrir.
field-ends-before-starts = La séance se termine avant de commencer.
field-too-many-priority-questions = Une édition ne peut avoir qu’une seule question prioritaire.

## Accounts: invitations, one-time links, members and networks.
field-must-be-true = Indiquez true : cette invitation donne tous les droits sur le site.
field-wrong-password = Ce n’est pas le mot de passe du compte qui a cette adresse.
field-invalid-slug = Identifiant invalide : de 2 à 60 lettres minuscules non accentuées, chiffres et tirets simples, comme « mon-reseau ».
conflict-already-member = Cette personne est déjà membre de ce réseau : changez son rôle plutôt que de l’inviter.
conflict-already-administrator = Cette personne administre déjà Relais.
conflict-last-coordinator = C’est la dernière personne qui coordonne ce réseau : nommez ou invitez d’abord une autre personne coordinatrice (ou demandez-le à une personne qui administre Relais).
conflict-network-exists = Un réseau existe déjà avec cet identifiant.
conflict-account-created-meanwhile = Un compte vient d’être créé avec cette adresse : rouvrez le lien et confirmez avec le mot de passe de ce compte.

## Une édition en mots, telle que les pages publiques la montrent (catalog::words).
taught-in = Donnée { $languages }
taught-in-language = en { $language }
list-and = { $first } et { $last }
written-in-only = Cette édition est présentée en { $language } seulement
places-total = { $count ->
    [one] { $count } place
   *[other] { $count } places
}
cost-free = Gratuit
cost-free-travel-paid = Gratuit — déplacement et hébergement à la charge des participant·es
cost-fee-with-bursary = { $amount } — bourses possibles
field-no-recipients = Personne ne recevrait ce message : choisissez d’autres destinataires.
field-unknown-audience = Destinataires inconnus : « active », « with_place » ou « waiting ».
conflict-message-not-failed = Ce message n’a pas échoué : il a été envoyé, ou il attend encore son envoi.

## Les personnes d’une édition : filtres, présences et export CSV.
field-unknown-status = Statut inconnu : « held », « confirmed », « waitlisted », « applied », « accepted », « declined », « cancelled », « removed », « attended » ou « absent ».
field-unknown-priority = Filtre de groupe prioritaire inconnu : « true » ou « false ».
field-unknown-mark = Marque inconnue : « present », « absent » ou « excused ».
field-unknown-separator = Séparateur inconnu : « comma » ou « semicolon ».
conflict-attendance = La présence se note seulement pour les personnes qui ont une place, aux séances non annulées.
csv-name = Nom
csv-email = Courriel
csv-language = Langue des messages
csv-zone = Fuseau horaire
csv-region = Pays ou région
csv-organisation = Organisation
csv-accessibility = Besoins d’accessibilité
csv-priority = Groupe prioritaire
csv-status = Statut
csv-registered-at = Inscription le
csv-attendance = Présence
csv-yes = oui
csv-no = non
csv-mark-present = présent·e
csv-mark-absent = absent·e
csv-mark-excused = excusé·e
csv-status-held = place réservée, à confirmer
csv-status-confirmed = confirmée
csv-status-waitlisted = liste d’attente
csv-status-applied = candidature
csv-status-accepted = acceptée
csv-status-declined = refusée
csv-status-cancelled = annulée
csv-status-removed = retirée
csv-status-attended = présente
csv-status-absent = absente

## Déplacer une personne sur la liste d’attente.
field-unknown-direction = Indiquez « up » (vers le haut) ou « down » (vers le bas).
conflict-move-not-waiting = Cette personne n’est pas (ou plus) sur la liste d’attente.
conflict-move-at-the-end = Cette personne est déjà à ce bout de la liste d’attente.
conflict-line-changed = La liste d’attente a changé entre-temps : rechargez-la et réessayez.

# A network community's applications.
conflict-membership-decided = Cette demande a déjà reçu cette décision, ou son état ne la permet plus : rechargez la liste.

## L’accompagnement sur demande.
field-unknown-organisation-kind = Type d’organisme inconnu : « neighbourhood » (initiative de quartier), « collective » ou « association ».
field-not-on-request = Cette offre ne se demande pas : choisissez un accompagnement offert sur demande par ce réseau.
conflict-pool-full = Toutes les places de cette enveloppe sont prises pour cette année : votre demande n’a pas été enregistrée. Vos heures annuelles restent disponibles, et vous pouvez demander à la coordination si une place se libère.
conflict-pool-held = Votre organisme a déjà une place dans cette enveloppe cette année : votre demande n’a pas été enregistrée une seconde fois.
field-unknown-coaching-action = Étape inconnue : « confirm », « assign », « book », « record », « close » ou « decline ».
field-unknown-check = Cette vérification n’est pas demandée pour cette offre.
field-unknown-booking = Cette séance n’est pas réservée pour cette demande, ou ses heures sont déjà notées.
field-contact-exists = Cette personne fait déjà partie des contacts de l’organisation.
conflict-last-contact = C’est le dernier contact de l’organisation : ajoutez d’abord la personne qui prend le relais.
conflict-request-stage = Cette demande n’en est pas (ou plus) à l’étape qui permet cela : rechargez-la pour voir où elle en est.
conflict-no-budget = Cette offre n’est liée à aucun programme : aucune heure ne peut y être réservée ni notée.
conflict-ledger-busy = D’autres heures de cet organisme sont notées au même moment : réessayez dans un instant.
field-unknown-year = Année inconnue : une année de 2000 à cette année, par exemple 2026.
field-unknown-report = Rapport inconnu : « neighbourhoods » (par quartier) ou « partners » (par partenaire).
csv-year = Année
csv-programme = Programme
csv-area = Quartier ou territoire
csv-granted = Heures accordées
csv-carried-in = Heures reportées
csv-used = Heures utilisées
csv-paid-by-organisation = Heures payées par l’organisme
csv-booked = Heures réservées
csv-left = Heures restantes
csv-expiring = Dont heures qui expirent
csv-pool-used = Enveloppe complémentaire : heures utilisées
csv-pool-left = Enveloppe complémentaire : heures restantes
csv-partner = Partenaire
csv-organisations = Organismes accompagnés
csv-given = Heures données
