## The pages where people write: registering, managing a registration, the privacy notice, coordinating.

back-to-offering = Back to the offering
register-title = Register
apply-title = Apply
form-places-left = { $count ->
    [0] Full: you will be on the waiting list.
    [one] { $count } place left.
   *[other] { $count } places left.
}
form-waiting = { $count ->
    [one] { $count } person is already waiting for a place.
   *[other] { $count } people are already waiting for a place.
}
form-closes = Registration is open until { $date }, { $time } (your time).
form-not-yet-open = Registration opens on { $date }, { $time } (your time).
form-over = Registration for this edition is closed.
form-none = No need to register: just come.
form-elsewhere = Registration is on the organiser’s site.
form-elsewhere-link = Register on the organiser’s site
form-application-note = Places are limited: the team chooses among applications and answers each person by email.
form-commitment = By registering, you commit to attending every session.
form-required-note = Fields marked with an asterisk (*) are required.
form-about-you = About you
form-name = Name
form-email = Email
form-email-hint = Your confirmation and your manage link will be sent there.
form-lang = Language of your messages
form-zone = Time zone
form-zone-hint = Times in your messages will be written in it. An IANA name, such as Africa/Lagos.
form-region = Country or region
form-organisation = Organisation or collective
form-organisation-on-behalf = Organisation you are registering on behalf of
form-organisation-on-behalf-hint = This offering is for organisations (an association, a collective, a cooperative or a company): give the name of yours.
form-optional = (optional)
form-questions = Your application
form-yes = Yes
form-no = No
form-accessibility = Accessibility needs
form-accessibility-hint = Interpretation, captions, wheelchair access, breaks… Tell us what would help you take part.
form-consent = I agree that Relais and the organisers of this offering use this information to manage my registration and write to me about it.
form-privacy-link = Read the privacy notice
form-submit-register = Register
form-submit-apply = Send my application
form-sending = Sending…
form-errors-title = { $count ->
    [one] One field needs correcting:
   *[other] { $count } fields need correcting:
}
form-offline = You seem to be offline: your registration has not been sent yet. Your answers are kept; try again when you are back online.
form-failed = Sending did not work. Your answers are kept; try again in a moment.
result-confirmed = Confirmed: you have a place.
result-waitlisted = You are on the waiting list, at position { $position }.
result-waitlisted-note = If a place frees up, it goes to the next person in order of arrival, and you get an email.
result-applied = Application received.
result-applied-note = The team will answer you by email.
result-sent = A confirmation email is on its way to { $email }.
result-manage = Manage my registration
result-manage-note = This link is personal: keep it, it lets you see, change or cancel your registration. It is also in your email.
manage-title = Your registration
manage-status-confirmed = You have a place.
manage-status-accepted = Your application is accepted: you have a place.
manage-status-waitlisted = You are on the waiting list, at position { $position }.
manage-status-applied = Your application is waiting for the team’s decision.
manage-status-declined = Your application was not selected.
manage-status-cancelled = This registration is cancelled.
manage-private = For participants
manage-sessions = Sessions
manage-preferences = Your preferences
manage-save = Save
manage-saved = Preferences saved.
manage-cancel = Cancel my registration
manage-cancel-confirm = Cancel your registration? Your place will go to the next person waiting.
manage-cancel-yes = Yes, cancel
manage-keep = No, keep my registration
manage-cancelled = Your registration is cancelled.
manage-delete = Delete my data
manage-delete-confirm = Delete your name, email and answers? The registration will be cancelled and this link will stop working.
manage-delete-yes = Yes, delete
manage-deleted = Your data is deleted. All that remains of this registration is an anonymous record of what happened.
manage-resources = Documents for participants
manage-back = Back to your registration
manage-history = History
history-registered = Registered
history-waitlisted = Waiting list
history-applied = Applied
history-promoted = Got a place
history-accepted = Application accepted
history-declined = Application not selected
history-cancelled = Cancelled
history-deleted = Data deleted
history-updated = Preferences changed
privacy-title = Privacy notice
privacy-intro = Relais collects the least information needed to register you for an activity and write to you about it. This notice follows the spirit of Québec’s Law 25 and the European GDPR.
privacy-what-title = What we collect
privacy-what = Your name, your email, the language and time zone of your messages; if you give them, your country or region, your organisation, your accessibility needs and your answers to an application’s questions. No account, no password, no advertising trackers.
privacy-why-title = Why
privacy-why = To keep the list of places and the waiting list, consider applications, send you the confirmation, reminders and meeting links, and adapt the activity to your needs. Nothing else: your information is neither sold nor passed on to third parties.
privacy-who-title = Who sees it
privacy-who = The people who coordinate the activity, through a protected account. Meeting links and private addresses are shown only to people who have a place, through their manage link. A registration made from an organisation’s link, on its behalf, also shows on that organisation’s page (your name, the activity and where your registration stands), which the organisation’s contact people see.
privacy-rights-title = Your rights
privacy-rights = Your manage link, sent by email, lets you at any time see your registration, change the language or time zone of your messages, cancel it and delete your data. What remains then is an anonymous record of what happened (registered, cancelled), with no name or email.
privacy-keep-title = How long
privacy-keep = While the activity runs, then as long as the organisers need to review it. You can have it deleted sooner with your manage link.
privacy-contact-title = Contact
privacy-contact = For any question about your data, write to the activity’s organisers, whose address is in your confirmation email.
coord-title = Coordination
coord-sign-in = Sign in
coord-email = Email
coord-password = Password
coord-sign-in-button = Sign in
coord-signed-in-as = Signed in: { $name } ({ $role })
coord-sign-out = Sign out
coord-forgot = Forgot your password?
coord-forgot-title = Choose a new password
coord-forgot-lead = Give the email address of your account: a link to choose a new password is sent there. It works once, for { $minutes } minutes.
coord-forgot-send = Send me a link
coord-forgot-sent = Thank you. If this address has an account on Relais, a message with a link to choose a new password is on its way: it works once, for { $minutes } minutes. Nothing arrived? Check your spam folder, then ask again.
coord-forgot-back = Back to sign-in
coord-editions = Editions taking registrations
coord-no-editions = No edition is taking registrations at the moment.
coord-edition-counts = { $taken } / { $capacity } places · { $waiting } waiting · { $applied } applications to consider
coord-edition-counts-unlimited = { $taken } places taken · { $waiting } waiting · { $applied } applications to consider
coord-open = See registrations
coord-registrations = Registrations
coord-no-registrations = No registrations yet.
coord-priority = Priority group
coord-arrival = Arrival no. { $arrival }
coord-answers = Answers
coord-status-confirmed = Place confirmed
coord-status-accepted = Accepted
coord-status-waitlisted = Waiting
coord-status-applied = Application to consider
coord-status-declined = Not selected
coord-status-cancelled = Cancelled
decision-accept = Accept
decision-decline = Decline
decision-waitlist = Put on waiting list

coord-decided = Decision saved; the person is told by email.
coord-outbox = Messages sent
coord-outbox-empty = No messages for this edition.
coord-sent = Sent
coord-pending = Waiting to be sent
coord-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
role-administrator = administrator
role-coordinator = coordinator
role-facilitator = facilitator
role-librarian = librarian
role-partner = coaching partner
role-partner-for = coaching partner for { $partner }

## A registration's whole life.
result-held = A place is kept for you: confirm it by email.
result-held-note = The email holds your private link: confirm your place before the time it gives, or it will go to the next person.
result-link-sent = Your private link has been sent.
result-link-sent-note = If { $email } is already registered for this edition, an email with the link to manage that registration is on its way to that address. Nothing else is said here: only the person who reads those emails can see the registration.
manage-status-held = A place is kept for you: confirm it to keep it.
manage-status-removed = This registration was removed by the team.
manage-status-attended = You took part.
manage-status-absent = You were absent.
manage-confirm = Confirm my place
history-held = Place kept, to confirm
history-confirmed = Place confirmed
history-released = Place not confirmed, passed to the next person
history-cancelled_by_coordinator = Cancelled by the team
history-removed = Removed by the team
history-attended = Attended
history-absent = Absent
history-link_sent = Private link sent again
history-moved = Moved on the waiting list by the team
coord-status-held = Place to confirm
coord-status-removed = Removed
coord-status-attended = Attended
coord-status-absent = Absent
decision-cancel_by_coordinator = Cancel registration
decision-remove = Remove
decision-mark_attended = Mark attended
decision-mark_absent = Mark absent
coord-reason = Reason, told to the person
coord-note = Note for the person (optional)
coord-reason-edition_cancelled = The activity is cancelled
coord-reason-their_request = At their request
coord-reason-duplicate = Registered twice
coord-reason-conduct = Code of conduct
coord-reason-other = Another reason
links-title = Find my private links
links-intro = Lost the email with your link? Give the address you registered with: we send to it, in a single email, the private link of each of your registrations.
links-send = Send me my links
links-sent = Sent.
links-sent-note = If there are registrations with { $email }, an email with all their links is on its way to that address. To protect everyone's privacy, this page does not say whether there are any.
links-ask = Find all my private links
manage-confirmed = Your place is confirmed.
coord-capacity = Capacity (places)
coord-capacity-hint = { $taken ->
    [one] { $taken } place taken
   *[other] { $taken } places taken
}, { $waiting ->
    [one] { $waiting } person waiting
   *[other] { $waiting } people waiting
}. Raising the capacity gives the new places to the people waiting, in arrival order; empty: no limit.
coord-capacity-save = Save the capacity
pending-title = Waiting to be sent
pending-note = The network is not answering right now: your registration is kept on this device. It will go by itself as soon as the network is back, even if you close this page; open Relais again to see the answer and your private link.
pending-rules = Places and the deadline will be checked when it arrives: the answer will tell you where you stand.
pending-sending = Sending…
pending-attempts = { $count } attempts so far: another will be made by itself.
pending-cancel = Cancel sending
pending-cancel-late = Too late to cancel: the registration is already on its way.
pending-refused-title = Your registration arrived, but it could not be accepted
pending-again = Start the registration again

## The networks' knowledge library.
library-title = Library
library-intro = Guides, podcasts, videos and summary sheets the networks share, in the languages they exist in.
library-search = Search the library
library-search-hint = Accents and capitals do not matter: “strategie” finds “stratégie”.
library-search-submit = Search
library-search-empty = Write at least one word of two letters or more.
library-newest = Newest
library-found = { $count ->
    [0] No resource matches “{ $q }”.
    [one] One resource matches “{ $q }”.
   *[other] { $count } resources match “{ $q }”.
}
library-none = The library has nothing in English yet.
library-kind-guide = Guide
library-kind-article = Article
library-kind-podcast = Podcast
library-kind-video = Video
library-kind-template = Template
library-kind-book_chapter = Book chapter
library-kind-summary_sheet = Summary sheet
library-back = Back to the library
library-by = Shared by
library-languages = Available in
library-original = Original language
library-translator = Translation
library-source = Source
library-licence = Licence
library-topics = Topics
library-with = Goes with
library-only-in = This resource is not in English yet: here it is in { $language }.
library-open = Open the resource
library-download = Download the file ({ $type }, { $size })
library-keep = Keep on this device
library-kept = Kept on this device: you can read it with no network.
library-unkept = It is no longer kept on this device.
library-keep-failed = It could not be kept on this device: its storage may be full, or the network gone.
library-kept-here = Kept on this device
library-of-offering = Resources for “{ $title }”

## A network's community of practice: applying to join it, and each member's private link.
community-kind = Community of practice
community-title = Join { $network }’s community of practice
community-lead = The coordinators of { $network } read each request and write to you with their decision. A private link is sent to you by email: it shows where your request stands and lets you leave the community at any time.
community-back = Back to the network’s page
community-or-follow = Only hear of new dates from { $network }, without joining the community
community-criteria-at_least_one = The community’s criteria: tick those you meet (at least one)
community-criteria-all = The community’s criteria: tick them; all of them must be met
community-on-behalf = You join the community
community-on-behalf-individual = As an individual
community-on-behalf-organisation = On behalf of an organisation
community-organisation = Name of the organisation
community-email-hint = Your private link will be sent there.
community-languages = Languages you can take part in
community-languages-other = Other languages
community-languages-other-hint = Their codes, separated by commas, for example “wo, ar, sw”.
community-language-refused = “{ $tag }” — { $message }
community-consent = I agree that this information is used only for this community. I can leave it and erase it at any time from my private link.
community-submit = Send my request
community-received = Thank you! We have sent you a link by email.
community-received-note = It is on its way to { $email }. The coordinators of { $network } consider each request and will write to you with their decision. The link shows where your request stands; it also lets you leave the community and erase your data.
community-received-spam = Nothing after a few minutes? Look in your spam folder.
member-kind = Community of practice · your private link
member-standing-applied = Waiting for the coordinators’ decision
member-standing-applied-note = You will get an email as soon as the coordinators have decided.
member-standing-member = You are a member
member-standing-declined = Your request was not accepted, or your membership has ended.
member-sent = What you sent
member-on-behalf = Request
member-on-behalf-individual = As an individual
member-on-behalf-organisation = On behalf of “{ $organisation }”
member-criteria = Criteria met
member-languages = Languages for taking part
member-applied-at = Request sent on
member-resources = Members-only resources
member-resources-none = The coordinators have not shared any members-only resource yet.
member-resources-later = Members-only resources will show here once the coordinators have accepted your request.
member-leave = Leave the community and erase my data
member-leave-confirm = Leave the community and erase your data? Your request, your answers and this link are deleted; to come back, you will need to apply again.
member-leave-yes = Yes, leave and erase
member-stay = No, stay
member-left = You have left the { $network } community: your data is erased and this link no longer works.
member-back = Back to your member page
member-editions = Meetings for members
member-editions-none = No meeting for members is announced yet.

## News of what is coming: asking to be told, the link to confirm, stopping.
follow-title-offering-dates = Be told of the next dates of "{ $subject }"
follow-title-network-news = Hear of "{ $subject }"'s new dates
follow-lead-offering-dates = Leave your address: we will write to you when new dates are announced, with their times on your clock. Nothing else.
follow-lead-network-news = Leave your address: we will write to you when this network announces new dates, with their times on your clock. Nothing else.
follow-consent-offering-dates = I agree that my address is used only to tell me of this activity's dates. Every message lets me stop in one click, which erases my address.
follow-consent-network-news = I agree that my address is used only to send me this network's new dates. Every message lets me stop in one click, which erases my address.
follow-submit = Tell me
follow-sent = Check your email to confirm
follow-sent-note = A confirmation link is on its way to { $email }. Until you open it to confirm, we will not write to you.
follow-link-title = Being told of dates
follow-what-offering-dates = You asked to be told of the next dates of "{ $subject }".
follow-what-network-news = You asked to hear of the network "{ $subject }"'s new dates.
follow-to = Messages go to { $email }.
follow-confirm = Confirm
follow-stop = Stop these messages
follow-is-confirmed = Confirmed: you will get a message for each new date.
follow-confirmed = Confirmed! You will get a message when new dates are announced.
follow-stopped = Done: you will not receive these messages any more, and your address is erased.

## Coaching on request: an organisation registering, and its private link.
coaching-kind = Coaching on request
coaching-ask-title = Ask “{ $network }” for coaching
coaching-ask-lead = Your organisation registers once with “{ $network }”. A private link is emailed to its contact person: from that page you ask for coaching, follow where each request stands and see the hours you have left. The link belongs to the organisation: pass it on to whoever takes over.
coaching-ask-again = Registered already? The link is in the email you received. To get it again, fill in this form with the same organisation name and the same address.
coaching-back-offering = Back to the offering
coaching-about-organisation = Your organisation
coaching-organisation = Name of the organisation
coaching-organisation-kind = Your organisation is
coaching-kind-neighbourhood = A neighbourhood initiative
coaching-kind-collective = A collective
coaching-kind-association = An association
coaching-area = Neighbourhood or area
coaching-area-hint = For example “Saint-Michel” or “Montréal-Nord”.
coaching-about-contact = The contact person
coaching-email-hint = The organisation’s private link will be sent there.
coaching-consent = I agree that this information is used only for our organisation’s coaching requests.
coaching-submit = Get our organisation’s link
coaching-received = Thank you! Your organisation’s link is on its way by email.
coaching-received-note = It is going to { $email }. From that link you can ask “{ $network }” for coaching and see your organisation’s hours.
coaching-hours-title = Your hours in { $year }
coaching-left = of coaching available
coaching-granted = Granted this year
coaching-carried-in = Carried over from last year
coaching-used = Used
coaching-booked = Booked (sessions to come)
coaching-paid = Paid by the organisation
coaching-expired = Expired
coaching-carried-out = Carried over to next year
coaching-expiring = Of which carried over, expiring on 31 December { $year }
coaching-pool = Additional pool
coaching-pool-places = { $left ->
    [0] All { $places } places for this year are taken.
    [one] 1 place of { $places } still free this year, first come, first served.
   *[other] { $left } places of { $places } still free this year, first come, first served.
}
coaching-pool-held = Your organisation has a place this year: { $hours } left.
coaching-requests = Your requests
coaching-no-requests = No request yet.
coaching-stage-received = Received
coaching-stage-ready = Ready: a partner will be assigned soon
coaching-stage-assigned = Partner assigned
coaching-stage-booked = Sessions set
coaching-stage-closed = Closed
coaching-stage-declined = Declined
coaching-stage-withdrawn = Withdrawn
coaching-partner-named = Partner: { $name }
coaching-session-booked = Session booked:
coaching-session-given = Session given:
coaching-session-cancelled = Session cancelled:
coaching-ask = Ask for coaching
coaching-which-offer = The coaching asked for
coaching-subject = Subject
coaching-subject-hint = In a few words, for example “Bringing the neighbourhood’s families together”.
coaching-question = The question at the heart of your initiative
coaching-question-hint = What you are trying to understand or change.
coaching-preferred-partner = Preferred partner
coaching-no-preference = No preference
coaching-availability = When you are available
coaching-availability-hint = For example “Tuesday evenings, from February”.
coaching-languages = Languages the coaching can be given in
coaching-send = Send the request
coaching-asked = Your request is sent.
coaching-asked-note = The coordinators read it and write to you; it shows in your requests with the step it has reached.
coaching-asked-pool = Your request is sent, and your organisation has a place in the additional pool this year.
coaching-see-request = See my requests and hours
coaching-poster-link = The poster to print, with its QR code
coaching-poster-by = offered by “{ $network }”
coaching-poster-call = Would your neighbourhood initiative, collective or association like coaching? Scan the code to ask.
coaching-poster-qr = QR code to the request form
coaching-poster-print = Print the poster
coaching-contacts = The organisation’s contact people
coaching-withdraw = Withdraw this request
coaching-withdraw-ask = Withdraw this request? It stays in the list, marked “Withdrawn”.
coaching-withdraw-yes = Yes, withdraw it
coaching-withdrawn = The request “{ $subject }” is withdrawn.
coaching-contact-remove = Remove { $name }
coaching-contact-remove-ask = Remove { $name } from the contacts? The links this person received will stop working.
coaching-contact-remove-yes = Yes, remove
coaching-contact-remove-no = Cancel
coaching-contact-removed = { $name } is no longer one of the organisation’s contacts.
coaching-contact-offline = You seem to be offline: nothing changed. Try again when the connection is back.
coaching-contact-add = Add a contact person
coaching-contact-add-hint = They will receive their own link to this page by email. Every field is required.
coaching-contact-consent = This person agrees that this information is used only for the organisation’s coaching requests.
coaching-contact-add-submit = Add this person
coaching-contact-added = { $name } is now one of the contacts: their link is on its way by email.

## Registering on behalf of the organisation, from its page.
coaching-on-behalf = Registrations on behalf of the organisation
coaching-on-behalf-none = Nobody has registered on behalf of the organisation from this page yet.
coaching-on-behalf-open = Trainings open to registrations on behalf of an organisation
coaching-on-behalf-open-hint = Each person registers with their own name and email address; their name and where their registration stands then show on this page.
coaching-on-behalf-back = Back to the organisation’s page
coaching-on-behalf-form-hint = You are registering from the organisation’s link: your name and where your registration stands will show on its page.
coaching-on-behalf-status-held = Place held, to be confirmed
coaching-on-behalf-status-confirmed = Has a place
coaching-on-behalf-status-waitlisted = On the waiting list
coaching-on-behalf-status-applied = Application awaiting a decision
coaching-on-behalf-status-accepted = Application accepted, has a place
coaching-on-behalf-status-declined = Application not accepted
coaching-on-behalf-status-cancelled = Registration cancelled
coaching-on-behalf-status-removed = Registration removed by the team
coaching-on-behalf-status-attended = Attended
coaching-on-behalf-status-absent = Absent
