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
field-malformed-json = The body is not valid JSON, or a field has the wrong type.
field-invalid-idempotency-key = Invalid Idempotency-Key header: 1 to 200 characters.
field-idempotency-key-reused = This Idempotency-Key was already used for another request.
problem-unauthorized = Sign-in required, or wrong credentials
problem-forbidden = You do not have access to this action
problem-conflict = This action is no longer possible in the current state
field-password-too-short = Password too short: 12 characters at least.
field-csrf = Anti-forgery token (X-CSRF-Token) missing or wrong.
field-unknown-role = Unknown role: "administrator", "coordinator" or "facilitator".
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
## Sign-in, accounts and the messages administrators send again.

field-unknown-outbox-state = Unknown state: "failed" or "waiting".
conflict-own-account = You cannot disable your own account.
conflict-message-sent = This message has already been sent.
