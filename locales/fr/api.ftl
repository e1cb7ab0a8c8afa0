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
