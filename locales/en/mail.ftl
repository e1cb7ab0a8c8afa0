## Emails to registrants. Times on the recipient's clock.

mail-subject-confirmed = Registration confirmed: { $offering }
mail-subject-waitlisted = Waiting list, position { $position }: { $offering }
mail-subject-applied = Application received: { $offering }
mail-subject-promoted = A place opened up for you: { $offering }
mail-subject-accepted = Application accepted: { $offering }
mail-subject-declined = Application not accepted: { $offering }
mail-subject-cancelled = Registration cancelled: { $offering }
mail-subject-reminder = Reminder: { $offering }, { $when }
mail-greeting = Hello { $name },
mail-body-confirmed = Your place in "{ $offering }" is confirmed. Your registration covers every session below.
mail-body-waitlisted = "{ $offering }" is full: you are number { $position } on the waiting list. We will write as soon as a place opens up for you.
mail-body-applied = We have received your application for "{ $offering }". The team will answer once it has reviewed the applications.
mail-body-promoted = A place opened up: your registration for "{ $offering }" is now confirmed.
mail-body-accepted = Your application for "{ $offering }" is accepted: your place is confirmed.
mail-body-declined = Your application for "{ $offering }" was not accepted this time. Thank you for your interest.
mail-body-cancelled = Your registration for "{ $offering }" is cancelled.
mail-body-reminder = "{ $offering }" takes place in less than 24 hours.
mail-sessions = Sessions, on your clock ({ $zone }):
mail-private = To take part: { $details }
mail-calendar = The sessions are also in the attached calendar file (.ics).
mail-manage = See, cancel or change your registration, or delete your data: { $url }
mail-manage-kept = To see, cancel or change your registration, use the private link in the email you received when you registered.
mail-signature = The Relais team

## A registration's other changes, and a link sent again.
mail-subject-held = A place is waiting for you, please confirm: { $offering }
mail-subject-released = Place not confirmed, passed to the next person: { $offering }
mail-subject-cancelled_by_coordinator = Registration cancelled by the team: { $offering }
mail-subject-removed = Registration removed by the team: { $offering }
mail-subject-link_sent = Your private link: { $offering }
mail-body-held = A place is kept for you in "{ $offering }" until { $deadline } (your time). Confirm it with your private link; without confirmation it will go to the next person.
mail-body-released = Your place in "{ $offering }" was not confirmed in time: it went to the next person. You may register again, at the end of the line.
mail-body-cancelled_by_coordinator = The team cancelled your registration for "{ $offering }". You may register again if that suits you.
mail-body-removed = The team removed your registration for "{ $offering }".
mail-body-link_sent = Someone (probably you) asked for your private link for "{ $offering }". Here it is; if it was not you, there is nothing to do: your registration has not changed.
mail-reason = Reason: { $reason }
mail-note = A message from the team: { $note }
reason-edition_cancelled = the activity is cancelled.
reason-their_request = at your request.
reason-duplicate = you were registered twice.
reason-conduct = the network's code of conduct was not respected.
reason-other = another reason.
mail-subject-links = Your private Relais links
mail-body-links = Here is the private link of each of your registrations with this address. Each link lets you see, change or cancel the registration; links you received before still work. If you did not ask for this, there is nothing to do.

# A session changed or cancelled by its network ({ $when }: the session's start, on their clock).
mail-subject-session_changed = Change: { $offering }, { $when }
mail-body-session_changed = A session of "{ $offering }" has changed (time, place or link). Here are the sessions as they are now; the attached calendar file replaces the old one.
mail-subject-session_cancelled = Session cancelled: { $offering }, { $when }
mail-body-session_cancelled = The session of "{ $offering }" on { $when } is cancelled. The attached calendar file removes it from your calendar; the other sessions still take place.
## Accounts: invitations and password resets. Nobody's password is ever in a message.
mail-hello = Hello,
mail-inviter-unknown = The Relais team
mail-role-coordinator = coordinator
mail-role-facilitator = facilitator
mail-role-librarian = librarian
mail-role-partner = coaching partner
mail-subject-invitation = Invitation to join "{ $network }" on Relais
mail-body-invitation = { $inviter } invites you to join the network "{ $network }" on Relais, as a { $role }.
mail-subject-invitation-administrator = Invitation to administer Relais
mail-body-invitation-administrator = { $inviter } invites you to administer Relais: creating networks and managing accounts.
mail-invitation-link = To accept, choose your password on this page (if you already have a Relais account with this address, confirm with its password): { $url }
mail-invitation-once = This link works once and for { $days } days. Nobody chooses your password for you, and Relais never sends it by email.
mail-invitation-unexpected = If you did not expect this invitation, ignore this message: nothing will happen.
mail-subject-password_reset = A new password for Relais
mail-body-password_reset = Someone (probably you) asked for a new password for your Relais account. Choose it on this page: { $url }
mail-reset-once = This link works once and for { $minutes } minutes. Once the password is changed, every session opened with the old one is closed.
mail-reset-unexpected = If you did not ask for this, ignore this message: your password does not change.

## A coordinator's message to the people of an edition.
mail-announcement-about = The coordinators of "{ $offering }", which you registered for, wrote you this message.

## A network's community of practice: an application, its link, the coordinators' decision.
mail-subject-community-applied = Your request to join "{ $network }"
mail-body-community-applied = We have received your request to join the community of practice "{ $network }". Its coordinators will read it and write to you with their decision.
mail-subject-community-link = Your link for the community "{ $network }"
mail-body-community-link = Someone asked to join "{ $network }" with this address, which had already asked: we did not record it twice. Here is a new link; the links you received before still work. If you did not ask for this, there is nothing to do.
mail-subject-community-accepted = Welcome to the community "{ $network }"
mail-body-community-accepted = The coordinators of "{ $network }" have accepted your request: you are now a member. The members' resources are on your page.
mail-subject-community-declined = Your request to join "{ $network }"
mail-body-community-declined = The coordinators of "{ $network }" have not accepted your request, or have ended your membership. You can write to them to talk about it.
mail-community-link = Your page, to see where your request stands, read the members' resources and leave the community, erasing your data: { $url }
mail-community-link-kept = The link you received with your request still works: with it you can leave the community and erase your data at any time.

## News of what is coming: the confirmation (double opt-in) and new dates.
mail-subject-follow-confirm = Please confirm: news of "{ $subject }"
mail-body-follow-confirm-offering-dates = Someone (probably you) asked to be told by email when dates are announced for "{ $subject }".
mail-body-follow-confirm-network-news = Someone (probably you) asked to hear by email of the network "{ $subject }"'s new dates.
mail-follow-confirm-link = To confirm, open this link and choose "Confirm": { $url }
mail-follow-unexpected = Without your confirmation we will not write to you, and your address will be forgotten. If you did not ask for this, ignore this message.
mail-subject-new-dates = New dates: { $offering }
mail-body-new-dates = New dates are announced for "{ $offering }".
mail-new-dates-page = Every detail, and registering: { $page }
mail-subject-digest = Coming up: { $subject }
mail-body-digest = What the network "{ $subject }" has coming, on your clock ({ $zone }):
mail-follow-stop-offering-dates = You receive this message because you asked to be told of the dates of "{ $subject }". To stop receiving them, in one click: { $url }
mail-follow-stop-network-news = You receive this message because you follow the network "{ $subject }"'s new dates. To stop receiving them, in one click: { $url }

## Organisations and their coaching requests.
mail-subject-organisation-link = The page of "{ $organisation }" on Relais
mail-body-organisation-link = Here is the page of "{ $organisation }" for the coaching "{ $network }" offers: there you can ask for coaching, follow your requests, see the hours you have left, and add or remove contact people. This link is the organisation's: keep it, and share it only with your team. If you did not ask for this, there is nothing to do.
mail-organisation-link = The organisation's page: { $url }
