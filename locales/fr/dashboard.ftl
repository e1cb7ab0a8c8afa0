## Le tableau de bord : un réseau écrit son catalogue, dans les deux langues.

dash-title = Tableau de bord
dash-sign-in-lead = Connectez-vous pour écrire et publier le catalogue de votre réseau.
dash-nav = Tableau de bord
dash-desk = Catalogue du réseau
dash-audit = Historique
dash-audit-lead = Qui a changé quoi dans le catalogue du réseau, et quand : les changements les plus récents d’abord.
dash-registrations = Inscriptions
dash-members = Membres
dash-members-lead = Les personnes du réseau et leurs rôles : la coordination écrit le catalogue, décide des inscriptions et gère les membres ; les personnes animatrices voient les inscriptions des éditions qu’elles animent ; les bibliothécaires tiennent la bibliothèque du réseau ; les partenaires d’accompagnement prennent en charge les demandes confiées à leur partenaire.
dash-members-list = Membres et rôles
dash-facilitator-only = Vous faites partie de vos réseaux comme personne animatrice : leurs catalogues sont écrits par leur coordination. Les inscriptions des éditions que vous animez sont sur la page Inscriptions.
dash-role-coordinator = Coordination
dash-role-facilitator = Animation
dash-member-you = (vous)
dash-member-since = Membre depuis le { $date }
dash-member-disabled = Compte désactivé
dash-member-role-of = Rôle de { $name }
dash-member-change-role = Changer le rôle
dash-member-role-changed = Nouveau rôle de { $name } : { $role }.
dash-member-remove = Retirer du réseau
dash-member-remove-confirm = Retirer { $name } du réseau « { $network } » ? Son accès au réseau prend fin aussitôt.
dash-member-remove-yes = Oui, retirer
dash-member-removed = { $name } ne fait plus partie du réseau « { $network } ».
dash-invitations = Invitations en attente de réponse
dash-invitation-by = Invitation de { $by } ; le lien fonctionne jusqu’au { $until }.
dash-invitation-until = Le lien fonctionne jusqu’au { $until }.
dash-invite = Inviter une personne
dash-invite-hint = Elle reçoit par courriel un lien valable { $days } jours, sur lequel elle choisit elle-même son mot de passe. Inviter à nouveau la même adresse remplace le lien précédent.
dash-invite-email = Son adresse courriel
dash-invite-role = Rôle
dash-invite-lang = Langue de l’invitation
dash-invite-lang-hint = Le message et la page qu’il ouvre sont écrits dans cette langue.
dash-invite-send = Envoyer l’invitation
dash-invitation-sent = Invitation envoyée à { $email }.
dash-leave = Quitter le réseau
dash-leave-hint = Vous n’aurez plus accès à son catalogue, à ses inscriptions ni à ses membres. Un réseau garde au moins une personne à la coordination : la dernière ne peut pas le quitter.
dash-leave-button = Quitter « { $network } »
dash-leave-confirm = Quitter « { $network } » ? Pour revenir, il faudra qu’on vous invite à nouveau.
dash-leave-yes = Oui, quitter
dash-stay = Non, rester
dash-welcome-title = Bienvenue sur Relais
dash-welcome-network-by = { $inviter } vous invite à rejoindre le réseau « { $network } » sur Relais, rôle : { $role }.
dash-welcome-network = Vous êtes invité·e à rejoindre le réseau « { $network } » sur Relais, rôle : { $role }.
dash-welcome-administrator-by = { $inviter } vous invite à administrer Relais.
dash-welcome-administrator = Vous êtes invité·e à administrer Relais.
dash-link-for = Pour { $email }. Ce lien fonctionne une seule fois, jusqu’au { $until }.
dash-your-name = Votre nom
dash-your-name-hint = Tel que les membres du réseau le verront.
dash-choose-password = Choisissez un mot de passe
dash-new-password = Nouveau mot de passe
dash-password-rule = { $count } caractères au moins. Quelques mots que vous seul·e associeriez font un mot de passe solide.
dash-confirm-password = Le même mot de passe, à nouveau
dash-password-mismatch = Les deux mots de passe diffèrent : tapez deux fois le même.
dash-existing-account = Un compte existe déjà avec cette adresse : donnez son mot de passe pour accepter l’invitation.
dash-welcome-join = Créer mon compte et rejoindre le réseau
dash-welcome-accept = Accepter l’invitation
dash-welcome-gone = Ce lien d’invitation ne fonctionne pas : il sert une seule fois, pendant { $days } jours, et une invitation plus récente à la même adresse le remplace.
dash-welcome-gone-joined = Déjà acceptée ?
dash-sign-in-link = Se connecter au tableau de bord
dash-welcome-gone-again = Sinon, demandez à la personne qui vous a invité·e de vous envoyer une nouvelle invitation.
dash-new-password-title = Choisir un nouveau mot de passe
dash-new-password-save = Enregistrer mon nouveau mot de passe
dash-new-password-gone = Ce lien pour choisir un nouveau mot de passe ne fonctionne pas : il sert une seule fois, pendant { $minutes } minutes, et demander un autre lien met fin aux précédents.
dash-new-password-again = Demander un nouveau lien
dash-offline = Vous semblez hors ligne : rien n’est enregistré. Vos changements restent sur la page ; réessayez quand la connexion revient.
dash-no-network = Votre compte ne coordonne aucun réseau : demandez à une personne qui administre Relais de vous y inviter.
dash-network = Réseau
dash-network-show = Afficher
dash-network-completeness = Textes du réseau
dash-completeness-label = Textes
dash-completeness = { $filled } / { $required } textes
dash-new-offering = Nouvelle offre
dash-offerings = Offres
dash-no-offerings = Aucune offre pour l’instant : commencez par « Nouvelle offre ».
dash-editions = Éditions
dash-no-editions = Aucune édition pour l’instant.
dash-people = Personnes animatrices
dash-partners = Organisations partenaires
dash-untitled = (sans titre)
dash-edition = Édition
dash-edition-of = Édition du { $date }
dash-edition-undated = Édition sans date
dash-registrations-count = { $count ->
    [0] aucune inscription
    [one] { $count } inscription
   *[other] { $count } inscriptions
}
dash-state-draft = Brouillon
dash-state-published = Publié
dash-state-archived = Archivé
dash-action-publish = Publier
dash-action-unpublish = Dépublier
dash-action-archive = Archiver
dash-action-restore = Restaurer
dash-done-publish = C’est publié : la page est visible dans le catalogue.
dash-done-unpublish = Dépublié : la page n’est plus visible, elle reste en brouillon.
dash-done-archive = Archivé.
dash-done-restore = Restauré en brouillon : relisez-le avant de le publier.
dash-publication = Publication
dash-publication-hint = Publier enregistre d’abord vos changements. Un brouillon n’est visible que d’ici.
dash-before-publishing = Avant de publier, il manque :
dash-save = Enregistrer
dash-saved = Enregistré.
dash-choose = — Choisir —
dash-back-offering = Retour à l’offre
dash-offering-what = L’offre
dash-kind = Type d’offre
dash-format = Format
dash-texts = Textes
dash-texts-hint = Chaque texte s’écrit en français et en anglais. Un nom propre ou un texte qui ne se traduit pas peut être marqué « Identique dans les deux langues ».
dash-same = Identique dans les deux langues
dash-label-every-language = { $label } — toutes les langues
dash-title-field = Titre
dash-summary-field = Résumé
dash-description-field = Description
dash-audience-field = Pour qui
dash-cost-text-field = Coût en général
dash-topics = Thèmes
dash-delivery-languages = Langues d’animation (catalogue)
dash-on-behalf = On s’y inscrit au nom d’une structure
dash-on-behalf-hint = Le formulaire d’inscription demande alors le nom de la structure (association, collectif, coopérative ou entreprise), et le refuse vide.
dash-facilitators = Équipe d’animation
dash-facilitator-role = Rôle de { $person }
dash-new-edition = Nouvelle édition
dash-registration-mode = Mode d’inscription
dash-written-in = Langue de l’édition
dash-written-in-hint = Une édition donnée dans une seule langue n’a besoin de ses textes que dans cette langue ; les personnes qui lisent l’autre langue le voient indiqué.
dash-written-in-all = En français et en anglais
dash-written-in-one = En { $language } seulement
dash-edition-title-field = Titre de l’édition
dash-edition-title-hint = Facultatif : le titre de l’offre s’affiche sinon.
dash-location-field = Lieu
dash-private-field = Informations privées
dash-private-hint = Lien de la rencontre, adresse exacte : montrées seulement aux personnes qui ont une place.
dash-instruction-languages = Langues d’enseignement
dash-instruction-languages-hint = Toute langue, par son code BCP 47 : fr, en, es, pt-BR, wo…
dash-other-language = Autre langue (code)
dash-add = Ajouter
dash-remove = Retirer
dash-registration = Inscription
dash-registration-url = Adresse où s’inscrire
dash-capacity = Capacité (places)
dash-capacity-hint = Vide : aucune limite.
dash-confirm-within = Délai de confirmation (heures)
dash-confirm-within-hint = Facultatif : une place réservée attend ce nombre d’heures que la personne la confirme par courriel.
dash-opens = Ouverture des inscriptions
dash-closes = Fermeture des inscriptions
dash-window-hint = Heure de { $zone }, le fuseau de l’organisation.
dash-questions = Questions de candidature
dash-questions-hint = Ce que la candidature demande. Une question oui ou non peut placer les personnes qui répondent « oui » dans le groupe prioritaire.
dash-question = Question { $number }
dash-question-required = Réponse obligatoire
dash-question-priority = Question prioritaire : « oui » place la personne dans le groupe prioritaire
dash-question-add = Ajouter une question
dash-question-remove = Retirer la question { $number }
dash-cost = Coût de l’édition
dash-cost-unset = Non précisé
dash-cost-free = Gratuit
dash-cost-free_travel_paid = Gratuit ; voyage et hébergement à la charge des participant·es
dash-cost-fee = Payant
dash-cost-fee_with_bursary = Payant, avec des bourses
dash-fee = Montant
dash-fee-hint = Par exemple 5000 ou 5000,50.
dash-currency = Devise
dash-currency-hint = Code ISO à trois lettres : EUR, CAD, USD, XOF…
dash-cost-note = Précisions sur le coût
dash-delete = Supprimer l’édition
dash-delete-confirm = Supprimer cette édition et ses séances ? Personne n’y est inscrit ; elle disparaît pour de bon.
dash-delete-yes = Oui, supprimer
dash-keep = Non, la garder
dash-delete-archive-instead = { $count ->
    [one] Une personne est inscrite : archivez l’édition plutôt que de la supprimer.
   *[other] { $count } personnes sont inscrites : archivez l’édition plutôt que de la supprimer.
}
dash-duplicate = Dupliquer vers une nouvelle cohorte
dash-duplicate-hint = Une copie de l’édition, en brouillon, dont les séances sont décalées de semaines entières : mêmes jours, mêmes heures chez l’organisation.
dash-duplicate-date = Première séance le ou après le
dash-duplicate-button = Dupliquer
dash-sessions = Séances
dash-no-sessions = Aucune séance pour l’instant : ajoutez-en une ou créez-les selon une règle.
dash-session-number = Séance { $number }
dash-session-undated = Sans date
dash-session-cancelled = Annulée
dash-session-edit = Modifier
dash-session-save = Enregistrer la séance
dash-session-cancel = Annuler la séance
dash-session-cancel-confirm = Annuler cette séance ? Les personnes inscrites en seront averties par courriel.
dash-session-cancel-yes = Oui, annuler la séance
dash-session-keep = Non, la garder
dash-session-add = Ajouter une séance
dash-session-add-button = Ajouter la séance
dash-session-added = Séance ajoutée.
dash-session-date = Date
dash-session-start = Début
dash-session-end = Fin
dash-session-title-field = Titre de la séance
dash-session-location-field = Lieu de la séance
dash-zone = Fuseau horaire de l’organisation
dash-zone-hint = Nom IANA, par exemple America/Toronto : les heures sont celles de ce fuseau.
dash-zone-unknown = Fuseau horaire inconnu : choisissez un nom IANA comme « Africa/Lagos ».
dash-rule = Créer des séances selon une règle
dash-rule-frequency = Répétition
dash-rule-weekly = Chaque semaine
dash-rule-monthly = Chaque mois, un jour donné (le 2e mardi…)
dash-rule-daily = Chaque jour
dash-rule-interval = Toutes les (semaines, mois ou jours)
dash-rule-interval-hint = 1 : chaque semaine ; 2 : une semaine sur deux…
dash-rule-weekdays = Jours de la semaine
dash-rule-weekdays-hint = Aucun coché : le jour de la date de début.
dash-rule-nth = Quel jour du mois
dash-rule-nth-first = Le premier
dash-rule-nth-second = Le deuxième
dash-rule-nth-third = Le troisième
dash-rule-nth-fourth = Le quatrième
dash-rule-nth-last = Le dernier
dash-rule-weekday = Jour de la semaine
dash-rule-start = À partir du
dash-rule-time = Heure de début
dash-rule-duration = Durée (minutes)
dash-rule-duration-hint = Par exemple 90 pour 1 h 30.
dash-rule-end = Jusqu’à quand
dash-rule-end-count = Un nombre de séances
dash-rule-end-until = Jusqu’à une date
dash-rule-count = Nombre de séances
dash-rule-until = Dernière date possible
dash-rule-exceptions = Dates sans séance
dash-rule-exceptions-hint = Facultatif, sous la forme AAAA-MM-JJ, séparées par des virgules : 2026-12-24, 2026-12-31.
dash-rule-exceptions-invalid = Une des dates sans séance n’est pas une date : écrivez-les AAAA-MM-JJ.
dash-rule-date-needed = Indiquez une date.
dash-rule-time-needed = Indiquez une heure.
dash-preview-zones = Voir aussi les heures à…
dash-preview-zones-hint = Deux ou trois fuseaux où sont les participant·es : l’aperçu montre chaque séance à leur heure.
dash-preview-zone = Autre fuseau { $number }
dash-preview = Aperçu
dash-rule-create = Créer les séances
dash-rule-created = { $count ->
    [0] Aucune séance créée.
    [one] { $count } séance créée.
   *[other] { $count } séances créées.
}
dash-preview-title = Aperçu : { $count ->
    [one] { $count } séance
   *[other] { $count } séances
}
dash-preview-from = À partir du { $date }, à l’heure de l’organisation, puis ailleurs :
dash-day-month = { $day ->
    [1] 1er
   *[other] { $day }
} { $month }
dash-midnight = minuit
dash-shift = À partir du { $date }, { $now } à { $place } au lieu de { $before } (changement d’heure).
dash-offset-change = À partir du { $date }, l’organisation passe à { $after } (au lieu de { $before }).
dash-audit-empty = Aucun changement pour l’instant.
dash-audit-relais = Relais
dash-audit-line = { $who } : { $action } ({ $entity } { $id })
dash-audit-fields = Champs modifiés : { $fields }
dash-field-problem = { $field } : { $message }
dash-rule-title = Titre des séances
dash-rule-texts-hint = Facultatif : le même pour chacune des séances créées.
dash-rule-location = Lieu des séances
dash-rule-replace = Remplacer les séances à venir
dash-rule-replace-hint = Les séances déjà passées restent. Possible tant que personne n’est inscrit·e.

## Les personnes animatrices et les organisations partenaires du réseau.
dash-new-person = Nouvelle personne animatrice
dash-new-partner = Nouvelle organisation partenaire
dash-no-people = Aucune personne animatrice pour l’instant.
dash-no-partners = Aucune organisation partenaire pour l’instant.
dash-profile = Profil public
dash-name-field = Nom
dash-name-hint = Le même dans les deux langues.
dash-bio-field = Présentation
dash-url-field = Site web
dash-facilitators-hint = Choisies parmi les personnes animatrices du réseau, elles animent toutes les éditions de l’offre.
dash-facilitator-pick = Ajouter une personne animatrice
dash-facilitator-remove = Retirer { $person }
dash-unsaved-leave = Vos changements ne sont pas enregistrés. Quitter la page quand même ?
dash-session-languages = Langues de cette séance
dash-session-languages-hint = Vide : celles de l’édition. Toute langue, par son code BCP 47 : fr, en, es, pt-BR, wo…
dash-session-languages-line = Langues de cette séance : { $languages }

## Scheduling assistant
dash-schedule-open = Planifier des horaires équitables
dash-schedule-back = ← Retour à l’édition
dash-schedule-title = Des horaires équitables entre fuseaux
dash-schedule-lead = Quand les participant·es vivent sur plusieurs continents, aucune heure ne convient à tout le monde. Relais cherche les heures qui épargnent la nuit au plus grand nombre et, pour une série, fait tourner les heures pour que ce ne soient pas toujours les mêmes régions qui se lèvent la nuit.
dash-schedule-who = Qui participe ?
dash-schedule-source = Fuseaux horaires des participant·es
dash-schedule-registrants = Les personnes inscrites à cette édition (le fuseau qu’elles ont donné)
dash-schedule-members = Les membres de la communauté du réseau (le fuseau donné en adhérant)
dash-schedule-typed = Des fuseaux que je saisis
dash-schedule-typed-label = Fuseaux et nombre de personnes
dash-schedule-typed-hint = Une ligne par fuseau : nom IANA, nombre de personnes et, si vous voulez, la région. Par exemple « Africa/Lagos, 3 » ou « Asia/Dubai, 2, asia ».
dash-schedule-line = Cette ligne n’est pas « fuseau, nombre de personnes » : « { $line } ».
dash-schedule-parts = Ce qui compte comme heures de travail, soirée et nuit
dash-schedule-parts-hint = Sur l’horloge de chaque participant·e. Par défaut : nuit jusqu’à 7 h, tôt le matin jusqu’à 9 h, travail jusqu’à 17 h, soirée jusqu’à 22 h.
dash-part-night-ends = Fin de la nuit
dash-part-work-starts = Début des heures de travail
dash-part-work-ends = Fin des heures de travail
dash-part-evening-ends = Fin de la soirée (début de la nuit)
dash-part-working = heures de travail
dash-part-evening = soirée
dash-part-early = tôt le matin
dash-part-night = nuit
dash-schedule-series = Une série de rencontres
dash-schedule-series-hint = Par exemple une rencontre tous les deux mois pendant un an. Relais propose une heure pour chaque séance, qui partage les heures difficiles entre les régions, et la compare avec la meilleure heure fixe.
dash-schedule-first = Première date
dash-schedule-every = Toutes les
dash-schedule-unit = Unité
dash-schedule-months = mois (même jour de la semaine)
dash-schedule-weeks = semaines
dash-schedule-count = Nombre de séances
dash-schedule-earliest = Pas avant (heure de l’organisation)
dash-schedule-latest = Pas après (heure de l’organisation)
dash-schedule-cap = Nuits au plus par région
dash-schedule-cap-hint = Aucune région n’aura plus de séances de nuit que ce nombre, si les heures le permettent. Laissez vide pour ne pas plafonner.
dash-schedule-pinned-count = { $count ->
    [one] Une séance garde l’heure que vous avez fixée.
   *[other] { $count } séances gardent l’heure que vous avez fixée.
}
dash-schedule-unpin-all = Tout libérer
dash-schedule-propose = Proposer une rotation
dash-schedule-result = La rotation proposée
dash-schedule-summary = Sur { $sessions } séances, aucune région n’a plus de { $rotation ->
    [one] { $rotation } séance
   *[other] { $rotation } séances
} de nuit avec la rotation. Avec une heure fixe, quelle qu’elle soit, une région en a au moins { $floor } ; avec la meilleure ({ $time }), { $fixed }.
dash-schedule-burden-caption = Séances de nuit et séances tôt ou tard, par région, sur { $sessions } séances
dash-schedule-rotation = Rotation
dash-schedule-fixed = Heure fixe : { $time }
dash-schedule-region = Région
dash-schedule-people = Personnes
dash-schedule-nights = Nuits
dash-schedule-early-late = Tôt ou tard
dash-schedule-reading = { $place } : { $when } ({ $part })
dash-schedule-sessions = Les séances, sur chaque horloge
dash-schedule-pinned = heure fixée
dash-schedule-pin = Garder cette heure
dash-schedule-unpin = Libérer cette heure
dash-schedule-apply = { $count ->
    [one] Créer cette séance
   *[other] Créer ces { $count } séances
}
dash-schedule-meeting = Une seule rencontre
dash-schedule-meeting-hint = Les meilleurs créneaux entre deux dates, et l’heure de chaque fuseau à chaque heure de la journée de l’organisation.
dash-schedule-from = Du
dash-schedule-to = Au (14 jours au plus)
dash-schedule-find = Trouver les meilleurs créneaux
dash-schedule-slots = Les meilleurs créneaux
dash-schedule-slot-counts = { $night ->
    [0] Personne la nuit
    [one] Une personne la nuit ({ $regions })
   *[other] { $night } personnes la nuit ({ $regions })
}, { $outside } hors des heures de travail.
dash-schedule-day-caption = L’heure de chaque fuseau à chaque heure du { $date } ({ $zone })
dash-schedule-zone = Fuseau (personnes)
## Writing to the people of an edition.
dash-write-to-people = Écrire aux inscrit·es
dash-back-edition = Retour à l’édition
dash-message-title = Écrire aux inscrit·es
dash-message-lead = Un message, écrit en français et en anglais : chaque personne le reçoit dans sa langue, pour
dash-message-recipients = Destinataires
dash-audience-active = Toutes les personnes inscrites (avec une place, en attente ou en attente de décision)
dash-audience-with_place = Les personnes qui ont une place
dash-audience-waiting = Les personnes sur la liste d’attente
dash-message-counting = Calcul du nombre de destinataires…
dash-message-count = { $count ->
    [0] Personne ne recevrait ce message pour l’instant.
    [one] { $count } personne recevra ce message.
   *[other] { $count } personnes recevront ce message.
}
dash-message-texts = Le message
dash-message-texts-hint = Écrivez-le dans les deux langues : chaque personne lit celle qu’elle a choisie en s’inscrivant.
dash-message-subject = Objet
dash-message-body = Texte
dash-message-sessions = Ajouter les horaires des séances
dash-message-sessions-hint = Chaque personne les lit à son heure, dans son fuseau horaire ; seules les séances à venir sont listées.
dash-message-review = Relire avant l’envoi
dash-message-confirm-title = Envoyer ce message ?
dash-message-confirm = { $count ->
    [0] Personne ne recevrait ce message : choisissez d’autres destinataires.
    [one] Le message partira vers { $count } personne, dans sa langue.
   *[other] Le message partira vers { $count } personnes, chacune dans sa langue.
}
dash-message-send = Envoyer maintenant
dash-message-edit = Revenir au message
dash-message-sent = { $count ->
    [one] Message envoyé à { $count } personne.
   *[other] Message envoyé à { $count } personnes.
}

## A network's messages.
dash-outbox = Messages
dash-outbox-lead = Les messages envoyés aux inscrit·es du réseau et aux contacts de ses organisations, les plus récents d’abord, avec leur état. Les heures sont à la vôtre.
dash-outbox-empty = Aucun message pour l’instant : ils apparaîtront ici dès qu’une inscription ou un message aux inscrit·es en enverra.
dash-outbox-caption = Messages du réseau
dash-outbox-when = Créé
dash-outbox-to = Pour
dash-outbox-about = À propos de
dash-outbox-subject = Objet
dash-outbox-state = État
dash-outbox-sent-at = Envoyé
dash-outbox-next-at = Nouvel essai
dash-outbox-erased = (données effacées)
dash-outbox-retry = Réessayer l’envoi
dash-outbox-follow = Suivre les messages
dash-delivery-queued = En attente
dash-delivery-sent = Envoyé
dash-delivery-retrying = Nouvel essai prévu
dash-delivery-failed = Échec
dash-delivery-dropped = Non envoyé (plus d’actualité)
dash-outbox-kind-confirmed = Place confirmée
dash-outbox-kind-held = Place réservée
dash-outbox-kind-waitlisted = Liste d’attente
dash-outbox-kind-applied = Candidature reçue
dash-outbox-kind-promoted = Place libérée
dash-outbox-kind-released = Place réservée libérée
dash-outbox-kind-accepted = Candidature acceptée
dash-outbox-kind-declined = Candidature déclinée
dash-outbox-kind-cancelled = Inscription annulée
dash-outbox-kind-cancelled_by_coordinator = Annulée par l’équipe
dash-outbox-kind-removed = Retrait
dash-outbox-kind-link_sent = Lien renvoyé
dash-outbox-kind-links = Liens privés
dash-outbox-kind-reminder = Rappel
dash-outbox-kind-session_changed = Séance modifiée
dash-outbox-kind-session_cancelled = Séance annulée
dash-outbox-kind-announcement = Message de l’équipe
dash-outbox-kind-organisation_link = Lien de l’organisation

## What waits for a network's coordinators, at the top of the desk.
dash-summary = À suivre
dash-summary-applications = Candidatures à décider
dash-summary-no-applications = Aucune candidature n’attend de réponse : tout est à jour.
dash-summary-applications-count = { $count ->
    [one] { $count } candidature en attente
   *[other] { $count } candidatures en attente
}
dash-summary-sessions = Séances de la semaine
dash-summary-no-sessions = Pas de séance dans les sept prochains jours.
dash-summary-your-clock = Horaires à votre heure.
dash-summary-translations = Traductions à compléter
dash-summary-no-translations = Toutes les éditions ont leurs textes dans chaque langue. Merci !
dash-summary-failed = Messages en échec
dash-summary-no-failed = Aucun message en échec : tout est parti.
dash-summary-failed-count = { $count ->
    [one] { $count } message n’a pas pu partir : le voir
   *[other] { $count } messages n’ont pas pu partir : les voir
}
## Les personnes d’une édition : inscriptions, présences, export.
people-open = Personnes et présences
people-title = Personnes inscrites
people-back = Retour à l’édition
people-list = Inscriptions
people-shown = { $shown ->
    [one] { $shown } personne affichée
   *[other] { $shown } personnes affichées
} sur { $total }
people-filters = Filtrer
people-any = Tous
people-status = Statut
people-region = Pays ou région
people-region-none = Non précisé
people-zone = Fuseau horaire
people-language = Langue des messages
people-priority-in = Dans le groupe prioritaire
people-priority-out = Hors du groupe prioritaire
people-search = Rechercher dans les réponses
people-apply = Appliquer les filtres
people-counts = Répartition
people-by-status = Par statut
people-by-region = Par pays ou région
people-by-zone = Par fuseau horaire
people-by-language = Par langue
people-attendance = Présences par séance
people-attendance-total = Toutes séances :
people-figures = { $present ->
    [one] { $present } présent·e
   *[other] { $present } présent·es
}, { $absent ->
    [one] { $absent } absent·e
   *[other] { $absent } absent·es
}, { $excused ->
    [one] { $excused } excusé·e
   *[other] { $excused } excusé·es
}, { $unmarked } à noter
people-session-cancelled = (séance annulée)
people-take-attendance = Noter les présences
people-no-sessions = Cette édition n’a pas encore de séance.
people-download = Télécharger la liste (CSV)
people-download-hint = Les personnes affichées, avec les seuls renseignements que nomme l’avis de confidentialité. Gardez le fichier en lieu sûr et supprimez-le après usage.
people-separator = Séparateur
people-separator-comma = Virgule (,)
people-separator-semicolon = Point-virgule (;)
people-download-clock = Fuseau horaire des dates
people-download-link = Télécharger le fichier CSV
people-accessibility = Besoins d’accessibilité :
people-decide = Décider
people-decision = Décision
people-decide-send = Enregistrer la décision
attendance-title = Présences
attendance-nobody = Personne n’a encore de place dans cette édition.
attendance-present = Présent·e
attendance-absent = Absent·e
attendance-excused = Excusé·e

## Déplacer une personne sur la liste d’attente.
people-line-position = Liste d’attente : position { $position } sur { $waiting }
people-move-up = Monter
people-move-down = Descendre
people-moved = { $name } est maintenant en position { $position } sur la liste d’attente.

## Écrire à la liste que garde un filtre.
people-write = Écrire aux personnes de cette liste
people-filter-part = { $label } : { $value }
people-filter-quoted = « { $text } »
dash-message-filtered = Seulement les personnes de la liste filtrée ({ $filter })

## La communauté de pratique du réseau : les demandes et les décisions.
dash-community = Communauté
dash-community-lead = Les personnes qui demandent à rejoindre la communauté de pratique du réseau, celles qui attendent une décision d’abord. Chaque décision leur est écrite par courriel.
dash-community-counts = { $applied } en attente · { $members ->
        [one] { $members } membre
       *[other] { $members } membres
    } · { $declined ->
        [one] { $declined } non retenue
       *[other] { $declined } non retenues
    }
dash-community-none = Personne n’a encore demandé à rejoindre la communauté.
dash-community-not-open = Ce réseau n’a pas ouvert de communauté de pratique : personne ne peut demander à la rejoindre.
dash-community-standing-applied = En attente
dash-community-standing-member = Membre
dash-community-standing-declined = Non retenue
dash-community-applied-on = Demande du { $date }
dash-community-decided-on = décision du { $date }
dash-community-accept = Accepter
dash-community-decline = Refuser
dash-community-remove = Retirer
dash-community-remove-confirm = Retirer { $name } de la communauté ? Son accès aux ressources des membres prend fin tout de suite, et un courriel le lui dit.
dash-community-remove-yes = Oui, retirer
dash-community-remove-no = Non, garder
dash-community-accepted = { $name } est maintenant membre ; un courriel le lui dit.
dash-community-declined = La demande de { $name } est refusée ; un courriel le lui dit.
dash-community-removed = { $name } est retiré·e de la communauté ; un courriel le lui dit.

## La bibliothèque du réseau : ses bibliothécaires et sa coordination l’écrivent, la traduisent et la publient.
dash-library = Bibliothèque
dash-library-title = Bibliothèque du réseau
dash-library-lead = Les ressources que le réseau partage : guides, articles, balados, vidéos, modèles, chapitres de livres et fiches de résumé, chacune dans les langues où elle existe vraiment. Une traduction nomme qui l’a faite.
dash-library-of = Bibliothèque de « { $network } »
dash-librarian-lead = Vous tenez la bibliothèque de votre réseau : vous y écrivez, traduisez, reliez et publiez ses ressources.
dash-coaching-of = Accompagnement : « { $network } »
dash-partner-lead = Vous accompagnez pour un partenaire du réseau : vous voyez les demandes qui vous sont confiées, y réservez des séances et y notez les heures données.
dash-no-library = Vous ne tenez la bibliothèque d’aucun réseau.
dash-role-librarian = Bibliothèque
dash-role-partner = Partenaire d’accompagnement
dash-invite-partner = Pour quel partenaire
dash-invite-partner-hint = Pour une ou un partenaire d’accompagnement seulement : la personne verra les demandes confiées à ce partenaire, y réservera des séances et y notera les heures données.
dash-member-partner = Partenaire : { $partner }
dash-new-resource = Nouvelle ressource
dash-resources = Ressources
dash-no-resources = Aucune ressource pour l’instant.
dash-resource-no-kind = Type à choisir
dash-resource-no-language = Sans titre pour l’instant
dash-visibility = Visibilité
dash-visibility-hint = Une ressource réservée aux membres n’est lue que par les personnes acceptées dans la communauté de pratique du réseau.
dash-visibility-public = Publique
dash-visibility-members = Réservée aux membres de la communauté
dash-edition-visibility-hint = Une édition réservée aux membres n’apparaît sur aucune page publique : les personnes acceptées dans la communauté du réseau la trouvent sur leur lien de membre et s’y inscrivent.
dash-resource-what = La ressource
dash-resource-kind = Type de ressource
dash-original = Langue d’origine
dash-original-hint = La langue dans laquelle elle a été écrite ; les autres sont des traductions.
dash-resource-texts-hint = Une ressource existe dans chaque langue où elle a un titre. Pour la publier, chacune de ces langues a son résumé, et chaque traduction le nom de qui l’a faite.
dash-body-field = Texte
dash-body-hint = Le texte de la ressource elle-même, quand il n’est pas derrière son lien.
dash-translator-field = Traduction par
dash-translator-hint = Seulement pour la ou les langues dans lesquelles elle a été traduite, jamais pour sa langue d’origine.
dash-resource-where = D’où elle vient, où la trouver
dash-resource-url = Lien vers la ressource
dash-resource-url-hint = Une page, un enregistrement. Sans lien ni fichier, son texte suffit.
dash-file-field = Fichier joint
dash-file-hint = Un PDF, une image PNG ou JPEG, ou un document ODT ou DOCX, de 1,5 Mo au plus. Les médias plus longs (balados, vidéos) passent par un lien. Les lecteur·rices le téléchargent sous son nom.
dash-file-attach = Joindre ce fichier
dash-file-remove = Retirer le fichier
dash-file-current = Joint : { $name } ({ $type }, { $size })
dash-file-none-chosen = Choisissez d’abord un fichier.
dash-file-too-large = Ce fichier dépasse 1,5 Mo : partagez-le plutôt par un lien.
dash-file-sending = Envoi du fichier…
dash-file-attached = Fichier joint.
dash-file-removed = Fichier retiré.
dash-source-field = Source
dash-source-hint = L’organisation, le livre ou la personne d’où elle vient.
dash-licence-field = Licence
dash-resource-offerings = Offres avec lesquelles elle va
dash-resource-offerings-hint = Elle est proposée sur la page de ces offres.
dash-resource-editions = Éditions avec lesquelles elle va
dash-resource-editions-hint = Les participant·es de ces éditions la trouvent sur le lien de gestion de leur inscription.
dash-links-failed = Les offres et les éditions du réseau n’ont pas pu être chargées : rechargez la page pour relier la ressource.

## Les nouvelles du réseau : un court message de ses prochaines activités aux personnes qui le suivent.
dash-news = Nouvelles
dash-news-title = Nouvelles du réseau
dash-news-lead = Un court message qui liste les prochaines activités du réseau, envoyé aux personnes qui ont demandé à recevoir ses nouvelles dates et l’ont confirmé. Chaque message permet d’arrêter en un clic. Il part par vagues : { $per_round } messages toutes les { $minutes } minutes.
dash-news-followers = { $count ->
    [0] Personne ne suit encore les nouvelles du réseau : il n’y a personne à qui écrire pour l’instant.
    [one] { $count } personne suit les nouvelles du réseau et recevra ce message.
   *[other] { $count } personnes suivent les nouvelles du réseau et recevront ce message.
}
dash-news-follow-hint = Les personnes s’abonnent depuis une page publique, à partager autour de vous :
dash-news-follow-page = Recevoir les nouvelles dates du réseau
dash-news-coming = Ce que le message annoncera
dash-news-nothing-coming = Le réseau n’a rien de publié à venir : il n’y a rien à annoncer, et donc rien à envoyer. Publiez une édition avec des séances à venir pour donner des nouvelles.
dash-news-note = Un mot avant la liste
dash-news-note-label = Mot d’introduction
dash-news-note-hint = Facultatif : écrivez-le en français et en anglais, ou laissez-le vide dans les deux langues. Chaque personne le lit dans sa langue.
dash-news-review = Relire avant l’envoi
dash-news-confirm-title = { $count ->
    [one] Envoyer à { $count } personne ?
   *[other] Envoyer à { $count } personnes ?
}
dash-news-confirm = Chaque personne le reçoit dans sa langue, avec les dates à son heure et un lien pour ne plus en recevoir.
dash-news-send = Envoyer maintenant
dash-news-edit = Revenir au message
dash-news-queued = { $count ->
    [0] Aucun message n’est parti : personne ne suit les nouvelles du réseau.
    [one] { $count } message est en route.
   *[other] { $count } messages sont en route.
}
dash-news-queued-rounds = { $minutes ->
    [one] Ils partent par vagues : le dernier dans { $minutes } minute.
   *[other] Ils partent par vagues : le dernier dans { $minutes } minutes.
}

## L’accompagnement sur demande : les demandes, les heures des organisations, le rapport annuel.
dash-coaching = Accompagnement
dash-coaching-lead = Les demandes des organisations, celles qui attendent une étape d’abord, et les heures de chacune cette année. Chaque étape est notée dans le registre des heures de l’organisation, qui la voit depuis son lien.
dash-coaching-none = Ce réseau n’offre pas d’accompagnement sur demande.
dash-coaching-report-link = Le rapport annuel, par quartier et par partenaire
dash-coaching-pool-places = { $programme } : { $taken } { $taken ->
    [one] place prise
   *[other] places prises
} sur { $places } dans l’enveloppe complémentaire en { $year }.
dash-coaching-requests = Les demandes
dash-coaching-no-open = Aucune demande n’attend d’étape.
dash-coaching-over = { $count ->
    [one] Une demande terminée, refusée ou retirée
   *[other] { $count } demandes terminées, refusées ou retirées
}
dash-coaching-hours = Les heures des organisations en { $year }
dash-coaching-no-organisation = Aucune organisation ne s’est encore inscrite.
dash-coaching-organisation = Organisation
dash-coaching-available = Accordées et reportées
dash-coaching-used = Utilisées
dash-coaching-booked = Réservées
dash-coaching-left = Restantes
dash-coaching-expiring = Dont expirent
dash-coaching-paid = Payées par l’organisation
dash-coaching-pool = Enveloppe complémentaire
dash-coaching-pool-balance = { $used } utilisées, { $left } restantes
dash-coaching-asked-on = Demande du { $date }
dash-coaching-languages = Langues
dash-coaching-partner = Partenaire
dash-coaching-checks = Avant de désigner une ou un partenaire
dash-coaching-check-done = confirmé
dash-coaching-check-waiting = à confirmer
dash-coaching-confirm = Confirmer
dash-coaching-assign = Désigner
dash-coaching-when = Date et heure de la séance
dash-coaching-on-clock = À l’heure de { $zone }.
dash-coaching-length = Durée, en heures
dash-coaching-book = Réserver la séance
dash-coaching-sessions = Séances
dash-coaching-booking-booked = réservée
dash-coaching-booking-given = donnée
dash-coaching-booking-cancelled = annulée
dash-coaching-session = Séance
dash-coaching-no-booking = Hors séance réservée
dash-coaching-given = Heures données
dash-coaching-hours-hint = Par exemple « 3 », « 1,5 » ou « 1 h 30 ».
dash-coaching-travel = Temps de déplacement, en heures
dash-coaching-record = Noter les heures
dash-coaching-close = Terminer l’accompagnement
dash-coaching-decline = Refuser la demande
dash-coaching-confirmed = Vérification confirmée pour { $organisation }.
dash-coaching-assigned = Partenaire désigné·e pour { $organisation }.
dash-coaching-booked-done = Séance réservée avec { $organisation } ; ses heures sont retenues.
dash-coaching-recorded = Heures notées pour { $organisation }.
dash-coaching-closed = L’accompagnement de { $organisation } est terminé.
dash-coaching-declined = La demande de { $organisation } est refusée.
dash-coaching-report = Le rapport de l’accompagnement en { $year }
dash-coaching-report-lead = Les heures de chaque organisation et de chaque partenaire pendant l’année, calculées du registre des heures, comme les organisations les voient.
dash-coaching-report-partner-lead = Les heures que vous avez données pendant l’année et les soldes des organisations que vous accompagnez, calculés du registre des heures, comme les organisations les voient.
dash-coaching-back = Retour aux demandes
dash-coaching-years = Années
dash-coaching-csv-neighbourhoods = Télécharger par quartier (CSV)
dash-coaching-csv-partners = Télécharger par partenaire (CSV)
dash-coaching-by-neighbourhood = Par quartier
dash-coaching-by-partner = Par partenaire
dash-coaching-organisations = Organisations accompagnées
dash-coaching-given-hours = Heures données
dash-coaching-no-hours = Aucune heure donnée cette année.
