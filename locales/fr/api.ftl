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
field-malformed-json = Le contenu n’est pas du JSON valide, ou un champ n’a pas le bon type.
field-invalid-idempotency-key = En-tête Idempotency-Key invalide : de 1 à 200 caractères.
field-idempotency-key-reused = Cette clé Idempotency-Key a déjà servi pour une autre demande.
problem-unauthorized = Connexion requise, ou identifiants incorrects
problem-forbidden = Vous n’avez pas accès à cette action
problem-conflict = Cette action n’est plus possible dans l’état actuel
field-password-too-short = Mot de passe trop court : 12 caractères au moins.
field-csrf = Jeton anti-falsification (X-CSRF-Token) absent ou incorrect.
field-unknown-role = Rôle inconnu : « administrator », « coordinator » ou « facilitator ».
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
## Connexion, comptes et messages que les administrateurs renvoient.

field-unknown-outbox-state = État inconnu : « failed » ou « waiting ».
conflict-own-account = Vous ne pouvez pas désactiver votre propre compte.
conflict-message-sent = Ce message a déjà été envoyé.
