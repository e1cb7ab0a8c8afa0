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
