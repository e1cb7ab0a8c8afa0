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
field-unknown-language-code = Unknown language: use a two- or three-letter code such as "fr" or "es".
field-invalid-date = Invalid date: write it as YYYY-MM-DD, e.g. 2026-12-08.
field-invalid-flag = Invalid value: use 1 (yes) or 0 (no).
field-to-before-from = The end date comes before the start date.
field-daytime-needs-zone = To keep to your daytime, also give your time zone (tz).
field-unknown-zone = Unknown time zone: use an IANA name such as "Africa/Lagos".
calendar-name = Relais: workshops, trainings and meetings
