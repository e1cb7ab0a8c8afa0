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
field-unknown-language-code = Langue inconnue : utilisez un code de deux ou trois lettres, comme « fr » ou « es ».
field-invalid-date = Date invalide : écrivez-la AAAA-MM-JJ, par exemple 2026-12-08.
field-invalid-flag = Valeur invalide : utilisez 1 (oui) ou 0 (non).
field-to-before-from = La date de fin précède la date de début.
field-daytime-needs-zone = Pour rester dans vos heures de jour, indiquez aussi votre fuseau horaire (tz).
field-unknown-zone = Fuseau horaire inconnu : utilisez un nom IANA comme « Africa/Lagos ».
calendar-name = Relais : ateliers, formations et rencontres
