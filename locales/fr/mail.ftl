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

## A registration's other changes, and a link sent again.
mail-subject-held = Une place vous attend, à confirmer : { $offering }
mail-subject-released = Place non confirmée, passée à la personne suivante : { $offering }
mail-subject-cancelled_by_coordinator = Inscription annulée par l’équipe : { $offering }
mail-subject-removed = Inscription retirée par l’équipe : { $offering }
mail-subject-link_sent = Votre lien privé : { $offering }
mail-body-held = Une place vous est réservée pour « { $offering } » jusqu’au { $deadline } (à votre heure). Confirmez-la avec votre lien privé ; sans confirmation, elle passera à la personne suivante.
mail-body-released = Votre place pour « { $offering } » n’a pas été confirmée à temps : elle est passée à la personne suivante. Vous pouvez vous inscrire de nouveau, en fin de liste.
mail-body-cancelled_by_coordinator = L’équipe a annulé votre inscription à « { $offering } ». Vous pouvez vous inscrire de nouveau si cela vous convient.
mail-body-removed = L’équipe a retiré votre inscription à « { $offering } ».
mail-body-link_sent = Quelqu’un (sans doute vous) a demandé votre lien privé pour « { $offering } ». Le voici ; si ce n’était pas vous, vous n’avez rien à faire : votre inscription n’a pas changé.
mail-reason = Motif : { $reason }
mail-note = Un mot de l’équipe : { $note }
reason-edition_cancelled = l’activité est annulée.
reason-their_request = à votre demande.
reason-duplicate = vous étiez inscrit·e deux fois.
reason-conduct = le code de conduite du réseau n’a pas été respecté.
reason-other = autre motif.
mail-subject-links = Vos liens privés Relais
mail-body-links = Voici le lien privé de chacune de vos inscriptions avec cette adresse. Chaque lien permet de voir, modifier ou annuler l’inscription ; les liens reçus avant restent valables. Si vous n’avez rien demandé, vous n’avez rien à faire.

# A session changed or cancelled by its network ({ $when }: the session's start, on their clock).
mail-subject-session_changed = Changement : { $offering }, { $when }
mail-body-session_changed = Une séance de « { $offering } » a changé (horaire, lieu ou lien). Voici les séances à jour, et le fichier de calendrier joint remplace l’ancien.
mail-subject-session_cancelled = Séance annulée : { $offering }, { $when }
mail-body-session_cancelled = La séance de « { $offering } » du { $when } est annulée. Le fichier de calendrier joint la retire de votre agenda ; les autres séances restent prévues.
## Accounts: invitations and password resets. Nobody's password is ever in a message.
mail-hello = Bonjour,
mail-inviter-unknown = L’équipe de Relais
mail-role-coordinator = coordinateur·rice
mail-role-facilitator = animateur·rice
mail-role-librarian = bibliothécaire
mail-role-partner = partenaire d’accompagnement
mail-subject-invitation = Invitation à rejoindre « { $network } » sur Relais
mail-body-invitation = { $inviter } vous invite à rejoindre le réseau « { $network } » sur Relais, comme { $role }.
mail-subject-invitation-administrator = Invitation à administrer Relais
mail-body-invitation-administrator = { $inviter } vous invite à administrer Relais : créer les réseaux et gérer les comptes.
mail-invitation-link = Pour accepter, choisissez votre mot de passe sur cette page (si vous avez déjà un compte Relais avec cette adresse, confirmez avec son mot de passe) : { $url }
mail-invitation-once = Ce lien ne sert qu’une fois et reste valable { $days } jours. Personne ne choisit votre mot de passe à votre place, et Relais ne l’envoie jamais par courriel.
mail-invitation-unexpected = Si vous ne vous attendiez pas à cette invitation, ignorez ce message : rien ne se passera.
mail-subject-password_reset = Nouveau mot de passe pour Relais
mail-body-password_reset = Quelqu’un (sans doute vous) a demandé un nouveau mot de passe pour votre compte Relais. Choisissez-le sur cette page : { $url }
mail-reset-once = Ce lien ne sert qu’une fois et reste valable { $minutes } minutes. Une fois le mot de passe changé, toutes les sessions ouvertes avec l’ancien sont fermées.
mail-reset-unexpected = Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.

## A coordinator's message to the people of an edition.
mail-announcement-about = Ce message vous est écrit par les coordinateur·ices de « { $offering } », pour lequel vous êtes inscrit·e.

## A network's community of practice: an application, its link, the coordinators' decision.
mail-subject-community-applied = Votre demande pour rejoindre « { $network } »
mail-body-community-applied = Nous avons bien reçu votre demande pour rejoindre la communauté de pratique « { $network } ». Ses coordinateur·rices la liront et vous écriront leur décision.
mail-subject-community-link = Votre lien pour la communauté « { $network } »
mail-body-community-link = Une demande pour rejoindre « { $network } » a été faite avec cette adresse, qui en avait déjà une : nous ne l’avons pas enregistrée deux fois. Voici un nouveau lien ; ceux reçus avant restent valables. Si vous n’avez rien demandé, vous n’avez rien à faire.
mail-subject-community-accepted = Bienvenue dans la communauté « { $network } »
mail-body-community-accepted = Les coordinateur·rices de « { $network } » ont accepté votre demande : vous êtes maintenant membre. Les ressources réservées aux membres sont sur votre page.
mail-subject-community-declined = Votre demande pour rejoindre « { $network } »
mail-body-community-declined = Les coordinateur·rices de « { $network } » n’ont pas retenu votre demande, ou ont mis fin à votre adhésion. Vous pouvez leur écrire pour en parler.
mail-community-link = Votre page, où voir où en est votre demande, lire les ressources des membres et quitter la communauté en effaçant vos données : { $url }
mail-community-link-kept = Le lien reçu avec votre demande reste valable : il permet de quitter la communauté et d’effacer vos données à tout moment.

## News of what is coming: the confirmation (double opt-in) and new dates.
mail-subject-follow-confirm = Confirmez : être prévenu·e pour « { $subject } »
mail-body-follow-confirm-offering-dates = Quelqu’un (sans doute vous) a demandé à être prévenu·e par courriel quand des dates seront annoncées pour « { $subject } ».
mail-body-follow-confirm-network-news = Quelqu’un (sans doute vous) a demandé à recevoir par courriel les nouvelles dates du réseau « { $subject } ».
mail-follow-confirm-link = Pour confirmer, ouvrez ce lien et choisissez « Confirmer » : { $url }
mail-follow-unexpected = Sans confirmation, nous ne vous écrirons pas, et votre adresse sera oubliée. Si vous n’avez rien demandé, ignorez ce message.
mail-subject-new-dates = Nouvelles dates : { $offering }
mail-body-new-dates = De nouvelles dates sont annoncées pour « { $offering } ».
mail-new-dates-page = Tous les détails et l’inscription : { $page }
mail-subject-digest = Prochaines activités : { $subject }
mail-body-digest = Les prochaines activités du réseau « { $subject } », à votre heure ({ $zone }) :
mail-follow-stop-offering-dates = Vous recevez ce message parce que vous avez demandé à être prévenu·e des dates de « { $subject } ». Pour ne plus en recevoir, en un clic : { $url }
mail-follow-stop-network-news = Vous recevez ce message parce que vous suivez les nouvelles dates du réseau « { $subject } ». Pour ne plus en recevoir, en un clic : { $url }

## Les organismes et leurs demandes d’accompagnement.
mail-subject-organisation-link = La page de « { $organisation } » sur Relais
mail-body-organisation-link = Voici la page de « { $organisation } » pour l’accompagnement offert par « { $network } » : vous pouvez y faire une demande, suivre vos demandes, voir les heures qui vous restent et ajouter ou retirer les personnes contacts. Ce lien est celui de l’organisme : gardez-le, et ne le transmettez qu’aux personnes de votre équipe. Si vous n’avez rien demandé, vous n’avez rien à faire.
mail-organisation-link = La page de l’organisme : { $url }
