## Courriels aux personnes inscrites. Heures à l’heure de la personne destinataire.

mail-subject-confirmed = Inscription confirmée : { $offering }
mail-subject-waitlisted = Liste d’attente, position { $position } : { $offering }
mail-subject-applied = Candidature reçue : { $offering }
mail-subject-promoted = Une place s’est libérée pour vous : { $offering }
mail-subject-accepted = Candidature retenue : { $offering }
mail-subject-declined = Candidature non retenue : { $offering }
mail-subject-cancelled = Inscription annulée : { $offering }
mail-subject-reminder = Rappel : { $offering }, { $when }
mail-greeting = Bonjour { $name },
mail-body-confirmed = Votre place est confirmée pour « { $offering } ». Votre inscription couvre toutes les séances ci-dessous.
mail-body-waitlisted = « { $offering } » est complet : vous êtes en position { $position } sur la liste d’attente. Nous vous écrirons dès qu’une place se libère pour vous.
mail-body-applied = Nous avons bien reçu votre candidature pour « { $offering } ». L’équipe vous répondra après avoir examiné les candidatures.
mail-body-promoted = Une place s’est libérée : votre inscription à « { $offering } » est maintenant confirmée.
mail-body-accepted = Votre candidature pour « { $offering } » est retenue : votre place est confirmée.
mail-body-declined = Votre candidature pour « { $offering } » n’a pas été retenue cette fois-ci. Merci de l’intérêt que vous y portez.
mail-body-cancelled = Votre inscription à « { $offering } » est annulée.
mail-body-reminder = « { $offering } » a lieu dans moins de 24 heures.
mail-sessions = Séances, à votre heure ({ $zone }) :
mail-private = Pour participer : { $details }
mail-calendar = Les séances sont aussi dans le fichier d’agenda joint (.ics).
mail-manage = Voir, annuler ou modifier votre inscription, ou supprimer vos données : { $url }
mail-manage-kept = Pour voir, annuler ou modifier votre inscription, utilisez le lien privé reçu dans le courriel de votre inscription.
mail-signature = L’équipe de Relais
