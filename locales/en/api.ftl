## API errors (application/problem+json).

problem-not-found = Not found
problem-invalid-query = Invalid request parameters
problem-method-not-allowed = Method not allowed for this address
problem-internal = Internal error: please try again in a moment
problem-unavailable = Service temporarily unavailable
field-unknown-language = Unsupported language: choose "fr" or "en".
field-invalid-cursor = Invalid pagination cursor: start again from the first page.
field-invalid-limit = Page size must be a whole number between 1 and 50.
field-unknown-kind = Unknown kind of offering.
field-text-too-long = Search text is too long: 100 characters at most.
field-unknown-format = Unknown format: choose "online", "in_person" or "hybrid".
field-unknown-topic = Unknown topic.
field-unknown-network = Unknown network: use a network's id, such as "ggsn".
field-unknown-language-code = Unknown language: use a two- or three-letter code such as "fr" or "es".
field-invalid-date = Invalid date: write it as YYYY-MM-DD, e.g. 2026-12-08.
field-invalid-flag = Invalid value: use 1 (yes) or 0 (no).
field-to-before-from = The end date comes before the start date.
field-daytime-needs-zone = To keep to your daytime, also give your time zone (tz).
field-unknown-zone = Unknown time zone: use an IANA name such as "Africa/Lagos".
problem-invalid-body = Invalid request body
problem-payload-too-large = Request too large
problem-unsupported-media-type = Send the body as JSON (Content-Type: application/json)
problem-too-many-requests = Too many requests: try again in a minute
problem-registration-closed = This edition does not take registrations here at the moment
registration-not-here = Registration for this edition happens elsewhere, or is not needed.
registration-not-yet-open = Registration is not open yet.
registration-over = Registration is closed.
field-required = This field is required.
field-too-long = This text is too long.
field-invalid-text = This text contains invisible or control characters (a line break in a name, a writing-direction override…): remove them.
field-invalid-email = Invalid email address: write it as name@example.org.
field-unknown-question = This edition has no such question.
field-yes-or-no = Answer "yes" or "no".
field-consent-required = To register, agree to the use of your data described in the privacy notice.
field-consent-to-purpose = Tick this box to agree to the use of this information for this purpose only, as the privacy notice describes.
field-malformed-json = The body is not valid JSON, or a field has the wrong type.
field-invalid-idempotency-key = Invalid Idempotency-Key header: 1 to 200 characters.
field-idempotency-key-reused = This Idempotency-Key was already used for another request.
problem-in-progress = A request with this Idempotency-Key is still being answered: send it again in a moment
problem-unauthorized = Sign-in required, or wrong credentials
problem-forbidden = You do not have access to this action
problem-conflict = This action is no longer possible in the current state
field-password-too-short = Password too short: 12 characters at least.
field-csrf = Anti-forgery token (X-CSRF-Token) missing or wrong.
field-unknown-role = Unknown role: "coordinator", "facilitator", "librarian" or "partner".
field-partner-by-invitation = A partner's role is given by invitation, for one of the network's partners.
field-unknown-partner-of-network = This partner is not one of the network's.
field-unknown-link = Not one of this network's offerings or editions.
field-no-community = This network has no community: an activity for its members only would be seen by nobody.
field-unknown-decision = Unknown decision: "accept", "waitlist", "decline", "cancel_by_coordinator", "remove", "mark_attended" or "mark_absent".
conflict-no-place = No free place left, or this registration does not allow this decision.
conflict-account-exists = An account with this email already exists.
calendar-name = Relais: workshops, trainings and meetings

## Registrations' life: coordinators' decisions and capacity.
conflict-not-allowed = This registration's status does not allow this decision (any more).
field-unknown-reason = Unknown reason: "edition_cancelled", "their_request", "duplicate", "conduct" or "other".
field-capacity-positive = The capacity is a whole number of places, 1 or more (or null for no limit).
field-below-places-held = More places are already held: the capacity cannot go below them.
## Request bodies read by the Worker.
field-invalid-utf8 = The body is not valid UTF-8 text.
## The dashboard: publication, deletion, recurrence rules.
conflict-publication-not-allowed = This item's state does not allow this action (publish a draft, unpublish or archive what is published, restore what is archived).
conflict-nothing-coming = This network has no published activity to come: there is nothing to announce.
conflict-has-registrations = People have registered for this edition: archive it instead of deleting it, and leave its sessions in place.
field-unknown-action = Unknown action: "publish", "unpublish", "archive" or "restore".
field-interval-out-of-range = The interval is out of range: every 1 to 31 days, 1 to 52 weeks or 1 to 12 months.
field-start-out-of-range = The start date must be between the years 2000 and 2100.
field-time-not-whole-minutes = Give the time in whole minutes, such as 18:00.
field-duration-out-of-range = A session lasts from 1 minute to 24 hours.
field-count-out-of-range = A rule makes from 1 to 200 sessions.
field-until-before-start = The end date comes before the start date.
field-end-too-far = A rule reaches at most 3 years after its start.
field-too-many-occurrences = This rule makes more than 200 sessions.
field-no-occurrence = This rule makes no session.
field-too-many-exceptions = Too many dates skipped: 200 at most.
field-exception-not-in-rule = This skipped date is not a date of the series.
field-too-many-zones = Preview at most 10 time zones.
field-no-people = Nobody to schedule for: this edition has no registrants yet, or type the zones and how many people are in each.
field-no-time = No start time of the ones allowed exists for this session (a clock change skips it): choose another.
## Sign-in, accounts and the messages administrators send again.

field-unknown-outbox-state = Unknown state: "failed" or "waiting".
conflict-own-account = You cannot disable your own account.
conflict-message-sent = This message has already been sent.
## Authoring the catalog: drafts and publication.
field-invalid-url = Invalid web address: write it in full, such as https://example.org/page.
field-unknown-partner = This partner does not offer this coaching: choose one from the list, or none.
field-unsupported-file-type = This kind of file is not accepted: attach a PDF, a PNG or JPEG image, or an ODT or DOCX document.
field-empty-file = This file is empty.
field-not-its-type = This file is not what its type says: check that it opens, then attach it again.
field-invalid-file-name = A file name cannot hold a slash, a colon, quotes or invisible characters.
field-invalid-identifier = Invalid identifier: lower-case letters, digits and hyphens only, 64 characters at most.
field-out-of-range = This number is outside what is allowed (a capacity of 1 place or more, for example).
field-too-many = Too many items in this list.
field-duplicate = This value is already in the list.
field-unknown-currency = Unknown currency: use its three-letter code, such as "EUR" or "CAD".
field-unknown-field = This field cannot be marked "same in every language".
field-texts-differ = This field is marked "same in every language", but its texts differ: keep one.
field-not-expected = This field does not apply here: leave it empty.
field-closes-before-opens = Registration closes before it opens.
field-ends-before-starts = The session ends before it starts.
field-too-many-priority-questions = An edition can have only one priority question.

## Accounts: invitations, one-time links, members and networks.
field-must-be-true = Send true: this invitation gives every right over the site.
field-wrong-password = This is not the password of the account with this address.
field-invalid-slug = Invalid identifier: 2 to 60 lower-case unaccented letters, digits and single hyphens, like "my-network".
conflict-already-member = This person is already a member of this network: change their role instead of inviting them.
conflict-already-administrator = This person already administers Relais.
conflict-last-coordinator = This is the network's last coordinator: first name or invite another coordinator (or ask an administrator of Relais).
conflict-network-exists = A network with this identifier already exists.
conflict-account-created-meanwhile = An account was just created with this address: open the link again and confirm with that account's password.

## An edition in words, as the public pages show it (catalog::words).
taught-in = Taught in { $languages }
taught-in-language = { $language }
list-and = { $first } and { $last }
written-in-only = This edition is presented in { $language } only
places-total = { $count ->
    [one] { $count } place
   *[other] { $count } places
}
cost-free = Free
cost-free-travel-paid = Free — travel and lodging paid by participants
cost-fee-with-bursary = { $amount } — bursaries available
field-no-recipients = Nobody would receive this message: choose other recipients.
field-unknown-audience = Unknown recipients: "active", "with_place" or "waiting".
conflict-message-not-failed = This message has not failed: it was sent, or it is still waiting to be sent.

## The people behind an edition: filters, attendance and the CSV export.
field-unknown-status = Unknown status: "held", "confirmed", "waitlisted", "applied", "accepted", "declined", "cancelled", "removed", "attended" or "absent".
field-unknown-priority = Unknown priority group filter: "true" or "false".
field-unknown-mark = Unknown mark: "present", "absent" or "excused".
field-unknown-separator = Unknown separator: "comma" or "semicolon".
conflict-attendance = Attendance is marked only for people with a place, at sessions not cancelled.
csv-name = Name
csv-email = Email
csv-language = Language of messages
csv-zone = Time zone
csv-region = Country or region
csv-organisation = Organisation
csv-accessibility = Accessibility needs
csv-priority = Priority group
csv-status = Status
csv-registered-at = Registered at
csv-attendance = Attendance
csv-yes = yes
csv-no = no
csv-mark-present = present
csv-mark-absent = absent
csv-mark-excused = excused
csv-status-held = place held, to confirm
csv-status-confirmed = confirmed
csv-status-waitlisted = waiting list
csv-status-applied = applied
csv-status-accepted = accepted
csv-status-declined = declined
csv-status-cancelled = cancelled
csv-status-removed = removed
csv-status-attended = attended
csv-status-absent = absent

## Moving someone on the waiting list.
field-unknown-direction = Say "up" or "down".
conflict-move-not-waiting = This person is not on the waiting list (any more).
conflict-move-at-the-end = This person is already at that end of the waiting list.
conflict-line-changed = The waiting list changed meanwhile: reload it and try again.

# A network community's applications.
conflict-membership-decided = This application already has this decision, or its standing no longer allows it: reload the list.

## Coaching on request.
field-unknown-organisation-kind = Unknown kind of organisation: "neighbourhood" (a neighbourhood initiative), "collective" or "association".
field-not-on-request = This offering is not asked for: choose coaching this network offers on request.
conflict-pool-full = Every place of this pool is taken for this year: your request was not recorded. Your yearly hours are still there, and you can ask the coordinators whether a place comes free.
conflict-pool-held = Your organisation already holds a place in this pool this year: your request was not recorded twice.
field-unknown-coaching-action = Unknown step: "confirm", "assign", "book", "record", "close" or "decline".
field-unknown-check = This offering does not ask for this check.
field-unknown-booking = This session is not booked for this request, or its hours are already recorded.
field-contact-exists = This person is already one of the organisation’s contacts.
conflict-last-contact = This is the organisation’s last contact: first add the person who takes over.
conflict-request-stage = This request is not (or no longer) at the step that allows this: reload it to see where it stands.
conflict-no-budget = This offering draws on no programme: no hours can be booked or recorded for it.
conflict-ledger-busy = Other hours of this organisation are being recorded at the same moment: try again in a moment.
field-unknown-year = Unknown year: a year from 2000 to this one, for example 2026.
field-unknown-report = Unknown report: "neighbourhoods" or "partners".
csv-year = Year
csv-programme = Programme
csv-area = Neighbourhood or area
csv-granted = Hours granted
csv-carried-in = Hours carried over
csv-used = Hours used
csv-paid-by-organisation = Hours paid by the organisation
csv-booked = Hours booked
csv-left = Hours left
csv-expiring = Of which expiring
csv-pool-used = Additional pool: hours used
csv-pool-left = Additional pool: hours left
csv-partner = Partner
csv-organisations = Organisations coached
csv-given = Hours given
