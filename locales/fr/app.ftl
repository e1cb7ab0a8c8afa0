## L'application des bénévoles.

language-name = Français
app-name = Relais
skip-to-content = Aller au contenu
switch-language = Langue
catalog-title = Catalogue
catalog-intro = Ateliers, séries de formation, coaching et rencontres de communautés de pratique, à l’heure de chez vous.
catalog-empty = Aucune offre pour le moment. Revenez bientôt !
catalog-more = Afficher plus d’offres
loading = Chargement…
error-load = Impossible de charger ces informations.
error-offline = Vous semblez hors ligne.
retry = Réessayer
not-translated = Pas encore traduit
kind-workshop = Atelier
kind-training_series = Série de formation
kind-coaching = Accompagnement-conseil
kind-community_meeting = Rencontre de communauté de pratique
kind-collective_event = Activité collective
kind-course_module = Module de cours
kind-resource_library = Bibliothèque de ressources
format-online = En ligne
format-in_person = En présentiel
format-hybrid = Hybride
registration-open = Inscription ouverte
registration-application = Sur candidature
registration-external = Inscription sur un autre site
registration-none = Sans inscription
next-session = Prochaine séance
next-session-label = Prochaine séance :
no-upcoming = Pas de date prévue pour le moment
sessions-count = { $count ->
    [one] { $count } séance
   *[other] { $count } séances
}
your-time = Chez vous
organiser-time = Chez l’organisation ({ $zone }) : { $span }
offering-back = Retour au catalogue
offering-description = Description
offering-audience = Pour qui ?
offering-cost = Coût
offering-languages = Langues
offering-topics = Thèmes
offering-facilitators = Équipe d’animation
offering-partner = Organisation partenaire
offering-network = Réseau
offering-upcoming = Prochaines éditions
offering-past = Éditions passées
offering-location = Lieu
offering-resources = Ses ressources dans la bibliothèque
offering-follow = Être prévenu·e des prochaines dates
offering-ask = Demander un accompagnement
not-found-title = Page introuvable
not-found-body = Cette page n’existe pas ou plus.
lang-fr = français
lang-en = anglais
lang-es = espagnol
lang-pt = portugais
topic-group-structure = Structure de groupe
topic-collaborative-strategy = Stratégie collaborative
topic-digital-organizing = Organisation numérique
topic-community-care = Soins communautaires
topic-burnout = Rupture du cycle d’épuisement
topic-transformative-justice = Justice transformatrice
topic-evaluation = Évaluation
topic-collective-decision-making = Prise de décision collective
topic-decentralized-movements = Mouvements décentralisés
topic-strategy = Stratégie
topic-coalition-work = Travail en coalition
topic-knowledge-sharing = Partage de connaissances
topic-digital-inclusion = Inclusion numérique
topic-free-software = Numérique libre
topic-territorial-innovation = Innovation territoriale
topic-collective-impact = Impact collectif
topic-learning-capture = Captation des apprentissages
topic-nonprofit-support = Accompagnement associatif
topic-mentoring = Coaching et mentorat
zone-shown = Heures affichées pour
zone-device = fuseau de cet appareil
zone-change = Changer
zone-search = Chercher un fuseau horaire (ville ou région, en anglais : « Lagos », « Kolkata »)
zone-apply = Utiliser ce fuseau
zone-unknown = Fuseau horaire inconnu : choisissez-en un dans la liste.
zone-use-device = Revenir au fuseau de cet appareil
night-for-you = De nuit pour vous
series-nights = { $nights ->
    [0] Aucune de ses { $count } séances ne tombe pendant votre nuit ({ $from } – { $to }).
    [one] Une de ses { $count } séances tombe pendant votre nuit ({ $from } – { $to }).
   *[other] { $nights } de ses { $count } séances tombent pendant votre nuit ({ $from } – { $to }).
}
filters-title = Rechercher et filtrer
filter-text = Mots à chercher
filter-network = Réseau
filter-kind = Type d’offre
filter-topic = Thème
filter-language = Langue d’animation
filter-format = Format
filter-from = À partir du
filter-to = Jusqu’au
filter-any = Tous
filter-daytime = Seulement pendant ma journée (de 7 h à 22 h chez moi)
filters-apply = Afficher les offres
filters-clear = Effacer les filtres
catalog-no-match = Aucune offre ne correspond à ces filtres.
catalog-count = { $count ->
    [one] { $count } offre affichée
   *[other] { $count } offres affichées
}
zone-organiser = Heures affichées : celles de l’organisation
clock-shift = Changement d’heure : à partir du { $date }, cette séance est à { $now } pour vous, et non plus à { $before }.
calendar-edition = Ajouter ces séances à mon agenda (.ics)
calendar-subscribe = Toutes les séances à venir dans votre agenda (abonnement iCalendar)
profile-person = Personne animatrice
profile-partner = Organisation partenaire
profile-network = Réseau
profile-offerings = Ses offres
profile-none = Aucune offre pour le moment.
profile-site = Site web
archive-title = Archives
archive-intro = Les éditions passées de toutes les offres, des plus récentes aux plus anciennes, à l’heure de chez vous.
archive-empty = Aucune édition passée pour le moment.
archive-older = Éditions plus anciennes
archive-newer = Les plus récentes
archive-link = Éditions passées (archives)
edition-action-open = S’inscrire
edition-action-application = Poser sa candidature
edition-action-external = S’inscrire sur le site de l’organisation
