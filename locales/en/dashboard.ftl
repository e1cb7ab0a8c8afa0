## The dashboard: a network writes its catalog, in both languages.

dash-title = Dashboard
dash-sign-in-lead = Sign in to write and publish your network’s catalog.
dash-nav = Dashboard
dash-desk = Network catalog
dash-audit = History
dash-audit-lead = Who changed what in the network’s catalog, and when: most recent first.
dash-registrations = Registrations
dash-members = Members
dash-members-lead = The people of the network and their roles: coordinators write the catalog, decide on registrations and manage members; facilitators see the registrations of the editions they facilitate; librarians keep the network’s library; coaching partners take on the coaching requests assigned to their partner.
dash-members-list = Members and roles
dash-facilitator-only = You take part in your networks as a facilitator: their catalogs are written by their coordinators. The registrations of the editions you facilitate are on the Registrations page.
dash-role-coordinator = Coordinator
dash-role-facilitator = Facilitator
dash-member-you = (you)
dash-member-since = Member since { $date }
dash-member-disabled = Account disabled
dash-member-role-of = Role of { $name }
dash-member-change-role = Change the role
dash-member-role-changed = { $name } is now: { $role }.
dash-member-remove = Remove from the network
dash-member-remove-confirm = Remove { $name } from “{ $network }”? Their access to the network ends at once.
dash-member-remove-yes = Yes, remove
dash-member-removed = { $name } is no longer a member of “{ $network }”.
dash-invitations = Invitations waiting for an answer
dash-invitation-by = Invited by { $by }; the link works until { $until }.
dash-invitation-until = The link works until { $until }.
dash-invite = Invite someone
dash-invite-hint = They receive a link by email, valid { $days } days, on which they choose their own password. Inviting the same address again replaces the earlier link.
dash-invite-email = Their email address
dash-invite-role = Role
dash-invite-lang = Language of the invitation
dash-invite-lang-hint = The message and the page it opens are written in it.
dash-invite-send = Send the invitation
dash-invitation-sent = Invitation sent to { $email }.
dash-leave = Leave the network
dash-leave-hint = You will no longer reach its catalog, its registrations or its members. A network keeps at least one coordinator: its last one cannot leave.
dash-leave-button = Leave “{ $network }”
dash-leave-confirm = Leave “{ $network }”? To come back, someone will have to invite you again.
dash-leave-yes = Yes, leave
dash-stay = No, stay
dash-welcome-title = Welcome to Relais
dash-welcome-network-by = { $inviter } invites you to join the network “{ $network }” on Relais, as { $role }.
dash-welcome-network = You are invited to join the network “{ $network }” on Relais, as { $role }.
dash-welcome-administrator-by = { $inviter } invites you to administer Relais.
dash-welcome-administrator = You are invited to administer Relais.
dash-link-for = For { $email }. This link works until { $until }, once.
dash-your-name = Your name
dash-your-name-hint = As the network’s members will see it.
dash-choose-password = Choose a password
dash-new-password = New password
dash-password-rule = { $count } characters at least. A few words that only you would put together make a strong password.
dash-confirm-password = The same password again
dash-password-mismatch = The two passwords differ: type the same one twice.
dash-existing-account = An account already exists with this address: give its password to accept the invitation.
dash-welcome-join = Create my account and join
dash-welcome-accept = Accept the invitation
dash-welcome-gone = This invitation link does not work: it works once, for { $days } days, and a newer invitation to the same address replaces it.
dash-welcome-gone-joined = Already accepted?
dash-sign-in-link = Sign in to the dashboard
dash-welcome-gone-again = Otherwise, ask the person who invited you to send a new invitation.
dash-new-password-title = Choose a new password
dash-new-password-save = Save my new password
dash-new-password-gone = This link to choose a new password does not work: it works once, for { $minutes } minutes, and asking for another link ends the earlier ones.
dash-new-password-again = Ask for a new link
dash-offline = You seem to be offline: nothing was saved. Your changes stay on the page; try again when the connection is back.
dash-no-network = Your account coordinates no network: ask a Relais administrator to invite you to one.
dash-network = Network
dash-network-show = Show
dash-network-completeness = Network texts
dash-completeness-label = Texts
dash-completeness = { $filled } / { $required } texts
dash-new-offering = New offering
dash-offerings = Offerings
dash-no-offerings = No offerings yet: start with “New offering”.
dash-editions = Editions
dash-no-editions = No editions yet.
dash-people = Facilitators
dash-partners = Partner organisations
dash-untitled = (untitled)
dash-edition = Edition
dash-edition-of = Edition of { $date }
dash-edition-undated = Undated edition
dash-registrations-count = { $count ->
    [0] no registrations
    [one] { $count } registration
   *[other] { $count } registrations
}
dash-state-draft = Draft
dash-state-published = Published
dash-state-archived = Archived
dash-action-publish = Publish
dash-action-unpublish = Unpublish
dash-action-archive = Archive
dash-action-restore = Restore
dash-done-publish = Published: the page is in the catalog.
dash-done-unpublish = Unpublished: the page is no longer visible and stays a draft.
dash-done-archive = Archived.
dash-done-restore = Restored as a draft: read it again before publishing.
dash-publication = Publication
dash-publication-hint = Publishing saves your changes first. A draft is only visible here.
dash-before-publishing = Before publishing, still missing:
dash-save = Save
dash-saved = Saved.
dash-choose = — Choose —
dash-back-offering = Back to the offering
dash-offering-what = The offering
dash-kind = Kind of offering
dash-format = Format
dash-texts = Texts
dash-texts-hint = Each text is written in French and in English. A name or a text that does not translate can be marked “Same in both languages”.
dash-same = Same in both languages
dash-label-every-language = { $label } — every language
dash-title-field = Title
dash-summary-field = Summary
dash-description-field = Description
dash-audience-field = Who it is for
dash-cost-text-field = Cost in general
dash-topics = Topics
dash-delivery-languages = Delivery languages (catalog)
dash-on-behalf = People register on behalf of an organisation
dash-on-behalf-hint = The registration form then asks for the organisation’s name (an association, a collective, a cooperative or a company), and refuses it empty.
dash-facilitators = Facilitators
dash-facilitator-role = Role of { $person }
dash-new-edition = New edition
dash-registration-mode = Registration mode
dash-written-in = Language of the edition
dash-written-in-hint = An edition given in one language needs its texts in that language only; readers of the other language see it said.
dash-written-in-all = In French and in English
dash-written-in-one = In { $language } only
dash-edition-title-field = Edition title
dash-edition-title-hint = Optional: otherwise the offering’s title is shown.
dash-location-field = Place
dash-private-field = Private details
dash-private-hint = Meeting link, exact address: shown only to people who have a place.
dash-instruction-languages = Languages of instruction
dash-instruction-languages-hint = Any language, by its BCP 47 code: fr, en, es, pt-BR, wo…
dash-other-language = Another language (code)
dash-add = Add
dash-remove = Remove
dash-registration = Registration
dash-registration-url = Where to register (address)
dash-capacity = Capacity (places)
dash-capacity-hint = Empty: no limit.
dash-confirm-within = Time to confirm (hours)
dash-confirm-within-hint = Optional: a held place waits this many hours for its person to confirm it by email.
dash-opens = Registration opens
dash-closes = Registration closes
dash-window-hint = Time in { $zone }, the organiser’s zone.
dash-questions = Application questions
dash-questions-hint = What the application asks. A yes/no question can put the people who answer “yes” in the priority group.
dash-question = Question { $number }
dash-question-required = Answer required
dash-question-priority = Priority question: “yes” puts the person in the priority group
dash-question-add = Add a question
dash-question-remove = Remove question { $number }
dash-cost = Cost of the edition
dash-cost-unset = Not said
dash-cost-free = Free
dash-cost-free_travel_paid = Free; travel and lodging paid by participants
dash-cost-fee = Fee
dash-cost-fee_with_bursary = Fee, with bursaries
dash-fee = Amount
dash-fee-hint = For example 5000 or 5000.50.
dash-currency = Currency
dash-currency-hint = Three-letter ISO code: EUR, CAD, USD, XOF…
dash-cost-note = About the cost
dash-delete = Delete the edition
dash-delete-confirm = Delete this edition and its sessions? Nobody is registered; it is gone for good.
dash-delete-yes = Yes, delete
dash-keep = No, keep it
dash-delete-archive-instead = { $count ->
    [one] One person is registered: archive the edition rather than delete it.
   *[other] { $count } people are registered: archive the edition rather than delete it.
}
dash-duplicate = Duplicate to a new cohort
dash-duplicate-hint = A copy of the edition, as a draft, with its sessions moved by whole weeks: same weekdays, same times on the organiser’s clock.
dash-duplicate-date = First session on or after
dash-duplicate-button = Duplicate
dash-sessions = Sessions
dash-no-sessions = No sessions yet: add one, or create them by a rule.
dash-session-number = Session { $number }
dash-session-undated = No date
dash-session-cancelled = Cancelled
dash-session-edit = Change
dash-session-save = Save the session
dash-session-cancel = Cancel the session
dash-session-cancel-confirm = Cancel this session? Registered people will be told by email.
dash-session-cancel-yes = Yes, cancel the session
dash-session-keep = No, keep it
dash-session-add = Add a session
dash-session-add-button = Add the session
dash-session-added = Session added.
dash-session-date = Date
dash-session-start = Start
dash-session-end = End
dash-session-title-field = Session title
dash-session-location-field = Session place
dash-zone = Organiser’s time zone
dash-zone-hint = IANA name, for example America/Toronto: times are this zone’s.
dash-zone-unknown = Unknown time zone: use an IANA name such as “Africa/Lagos”.
dash-rule = Create sessions by a rule
dash-rule-frequency = Repeats
dash-rule-weekly = Every week
dash-rule-monthly = Every month, on a set day (the 2nd Tuesday…)
dash-rule-daily = Every day
dash-rule-interval = Every (weeks, months or days)
dash-rule-interval-hint = 1: every week; 2: every other week…
dash-rule-weekdays = Days of the week
dash-rule-weekdays-hint = None ticked: the start date’s weekday.
dash-rule-nth = Which day of the month
dash-rule-nth-first = The first
dash-rule-nth-second = The second
dash-rule-nth-third = The third
dash-rule-nth-fourth = The fourth
dash-rule-nth-last = The last
dash-rule-weekday = Day of the week
dash-rule-start = Starting on
dash-rule-time = Start time
dash-rule-duration = Duration (minutes)
dash-rule-duration-hint = For example 90 for 1 h 30.
dash-rule-end = Until when
dash-rule-end-count = A number of sessions
dash-rule-end-until = Until a date
dash-rule-count = Number of sessions
dash-rule-until = Last possible date
dash-rule-exceptions = Dates without a session
dash-rule-exceptions-hint = Optional, as YYYY-MM-DD, separated by commas: 2026-12-24, 2026-12-31.
dash-rule-exceptions-invalid = One of the dates without a session is not a date: write them YYYY-MM-DD.
dash-rule-date-needed = Give a date.
dash-rule-time-needed = Give a time.
dash-preview-zones = Also show the times in…
dash-preview-zones-hint = Two or three zones where participants are: the preview shows each session on their clock.
dash-preview-zone = Other zone { $number }
dash-preview = Preview
dash-rule-create = Create the sessions
dash-rule-created = { $count ->
    [0] No sessions created.
    [one] { $count } session created.
   *[other] { $count } sessions created.
}
dash-preview-title = Preview: { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}
dash-preview-from = From { $date }, on the organiser’s clock, then elsewhere:
dash-day-month = { $month } { $day }
dash-midnight = midnight
dash-shift = From { $date }, { $now } in { $place } instead of { $before } (clock change).
dash-offset-change = From { $date }, the organiser’s clock is { $after } (instead of { $before }).
dash-audit-empty = No changes yet.
dash-audit-relais = Relais
dash-audit-line = { $who }: { $action } ({ $entity } { $id })
dash-audit-fields = Fields changed: { $fields }
dash-field-problem = { $field }: { $message }
dash-rule-title = Sessions’ title
dash-rule-texts-hint = Optional: the same for every session created.
dash-rule-location = Sessions’ place
dash-rule-replace = Replace the sessions still to come
dash-rule-replace-hint = Sessions already held stay. Possible while nobody is registered.

## The network's facilitators and partners.
dash-new-person = New facilitator
dash-new-partner = New partner
dash-no-people = No facilitators yet.
dash-no-partners = No partners yet.
dash-profile = Public profile
dash-name-field = Name
dash-name-hint = The same in both languages.
dash-bio-field = Biography
dash-url-field = Website
dash-facilitators-hint = Chosen among the network’s facilitators, they facilitate every edition of the offering.
dash-facilitator-pick = Add a facilitator
dash-facilitator-remove = Remove { $person }
dash-unsaved-leave = Your changes are not saved. Leave the page anyway?
dash-session-languages = This session’s languages
dash-session-languages-hint = Empty: the edition’s. Any language, by its BCP 47 code: fr, en, es, pt-BR, wo…
dash-session-languages-line = This session’s languages: { $languages }

## Scheduling assistant
dash-schedule-open = Plan fair hours
dash-schedule-back = ← Back to the edition
dash-schedule-title = Fair hours across time zones
dash-schedule-lead = When participants live on several continents, no hour suits everyone. Relais looks for the hours that spare most people the night and, for a series, rotates the hours so that the same regions are not always the ones up at night.
dash-schedule-who = Who takes part?
dash-schedule-source = Participants' time zones
dash-schedule-registrants = The people registered for this edition (the zone they gave)
dash-schedule-members = The members of the network’s community (the zone they gave when they joined)
dash-schedule-typed = Zones I type
dash-schedule-typed-label = Zones and number of people
dash-schedule-typed-hint = One line per zone: its IANA name, the number of people and, if you wish, the region. For example "Africa/Lagos, 3" or "Asia/Dubai, 2, asia".
dash-schedule-line = This line is not "zone, number of people": "{ $line }".
dash-schedule-parts = What counts as working hours, evening and night
dash-schedule-parts-hint = On each participant's clock. By default: night until 7:00 AM, early morning until 9:00 AM, work until 5:00 PM, evening until 10:00 PM.
dash-part-night-ends = Night ends
dash-part-work-starts = Working hours start
dash-part-work-ends = Working hours end
dash-part-evening-ends = Evening ends (night starts)
dash-part-working = working hours
dash-part-evening = evening
dash-part-early = early morning
dash-part-night = night
dash-schedule-series = A series of meetings
dash-schedule-series-hint = For example a meeting every two months for a year. Relais proposes a time for each session that shares the hard hours between regions, and compares it with the best single fixed time.
dash-schedule-first = First date
dash-schedule-every = Every
dash-schedule-unit = Unit
dash-schedule-months = months (same weekday)
dash-schedule-weeks = weeks
dash-schedule-count = Number of sessions
dash-schedule-earliest = Not before (organiser's time)
dash-schedule-latest = Not after (organiser's time)
dash-schedule-cap = Most nights per region
dash-schedule-cap-hint = No region gets more night sessions than this, where the hours allow it. Leave empty for no cap.
dash-schedule-pinned-count = { $count ->
    [one] One session keeps the time you set.
   *[other] { $count } sessions keep the time you set.
}
dash-schedule-unpin-all = Release all
dash-schedule-propose = Propose a rotation
dash-schedule-result = The proposed rotation
dash-schedule-summary = Over { $sessions } sessions, no region has more than { $rotation ->
    [one] { $rotation } night session
   *[other] { $rotation } night sessions
} with the rotation. With any single fixed time, some region has at least { $floor }; with the best one ({ $time }), { $fixed }.
dash-schedule-burden-caption = Night sessions and early or late sessions, per region, over { $sessions } sessions
dash-schedule-rotation = Rotation
dash-schedule-fixed = Fixed time: { $time }
dash-schedule-region = Region
dash-schedule-people = People
dash-schedule-nights = Nights
dash-schedule-early-late = Early or late
dash-schedule-reading = { $place }: { $when } ({ $part })
dash-schedule-sessions = The sessions, on every clock
dash-schedule-pinned = time set
dash-schedule-pin = Keep this time
dash-schedule-unpin = Release this time
dash-schedule-apply = { $count ->
    [one] Create this session
   *[other] Create these { $count } sessions
}
dash-schedule-meeting = A single meeting
dash-schedule-meeting-hint = The best slots between two dates, and each zone's time at every hour of the organiser's day.
dash-schedule-from = From
dash-schedule-to = To (14 days at most)
dash-schedule-find = Find the best slots
dash-schedule-slots = The best slots
dash-schedule-slot-counts = { $night ->
    [0] Nobody at night
    [one] One person at night ({ $regions })
   *[other] { $night } people at night ({ $regions })
}, { $outside } outside working hours.
dash-schedule-day-caption = Each zone's time at every hour of { $date } ({ $zone })
dash-schedule-zone = Zone (people)
## Writing to the people of an edition.
dash-write-to-people = Write to the people registered
dash-back-edition = Back to the edition
dash-message-title = Write to the people registered
dash-message-lead = One message, written in French and in English: each person receives it in their own language, for
dash-message-recipients = Recipients
dash-audience-active = Everyone registered (with a place, waiting, or waiting for a decision)
dash-audience-with_place = Those with a place
dash-audience-waiting = Those on the waiting list
dash-message-counting = Counting the recipients…
dash-message-count = { $count ->
    [0] Nobody would receive this message for now.
    [one] { $count } person will receive this message.
   *[other] { $count } people will receive this message.
}
dash-message-texts = The message
dash-message-texts-hint = Write it in both languages: each person reads the one they chose when registering.
dash-message-subject = Subject
dash-message-body = Text
dash-message-sessions = Include the sessions' times
dash-message-sessions-hint = Each person reads them on their own clock, in their time zone; only the sessions still to come are listed.
dash-message-review = Review before sending
dash-message-confirm-title = Send this message?
dash-message-confirm = { $count ->
    [0] Nobody would receive this message: choose other recipients.
    [one] The message will go to { $count } person, in their language.
   *[other] The message will go to { $count } people, each in their language.
}
dash-message-send = Send now
dash-message-edit = Back to the message
dash-message-sent = { $count ->
    [one] Message sent to { $count } person.
   *[other] Message sent to { $count } people.
}

## A network's messages.
dash-outbox = Messages
dash-outbox-lead = The messages sent to the network's registrants and to its organisations' contacts, newest first, with where each stands. Times are on your clock.
dash-outbox-empty = No messages yet: they will show here as soon as a registration or a message to the people registered sends one.
dash-outbox-caption = The network's messages
dash-outbox-when = Created
dash-outbox-to = To
dash-outbox-about = About
dash-outbox-subject = Subject
dash-outbox-state = State
dash-outbox-sent-at = Sent
dash-outbox-next-at = Next try
dash-outbox-erased = (data erased)
dash-outbox-retry = Try sending again
dash-outbox-follow = Follow the messages
dash-delivery-queued = Waiting
dash-delivery-sent = Sent
dash-delivery-retrying = Will try again
dash-delivery-failed = Failed
dash-delivery-dropped = Not sent (no longer relevant)
dash-outbox-kind-confirmed = Place confirmed
dash-outbox-kind-held = Place held
dash-outbox-kind-waitlisted = Waiting list
dash-outbox-kind-applied = Application received
dash-outbox-kind-promoted = A place opened up
dash-outbox-kind-released = Held place released
dash-outbox-kind-accepted = Application accepted
dash-outbox-kind-declined = Application declined
dash-outbox-kind-cancelled = Registration cancelled
dash-outbox-kind-cancelled_by_coordinator = Cancelled by the team
dash-outbox-kind-removed = Removed
dash-outbox-kind-link_sent = Link sent again
dash-outbox-kind-links = Private links
dash-outbox-kind-reminder = Reminder
dash-outbox-kind-session_changed = Session changed
dash-outbox-kind-session_cancelled = Session cancelled
dash-outbox-kind-announcement = Message from the team
dash-outbox-kind-organisation_link = Organisation's link

## What waits for a network's coordinators, at the top of the desk.
dash-summary = What needs you
dash-summary-applications = Applications to decide
dash-summary-no-applications = No application is waiting for an answer: you are all caught up.
dash-summary-applications-count = { $count ->
    [one] { $count } application waiting
   *[other] { $count } applications waiting
}
dash-summary-sessions = This week's sessions
dash-summary-no-sessions = No sessions in the next seven days.
dash-summary-your-clock = Times on your clock.
dash-summary-translations = Translations to finish
dash-summary-no-translations = Every edition has its texts in every language. Thank you!
dash-summary-failed = Messages that failed
dash-summary-no-failed = No message failed: everything went out.
dash-summary-failed-count = { $count ->
    [one] { $count } message could not be sent: see it
   *[other] { $count } messages could not be sent: see them
}
## The people behind an edition: registrations, attendance, export.
people-open = People and attendance
people-title = People registered
people-back = Back to the edition
people-list = Registrations
people-shown = { $shown ->
    [one] { $shown } person shown
   *[other] { $shown } people shown
} of { $total }
people-filters = Filter
people-any = All
people-status = Status
people-region = Country or region
people-region-none = Not given
people-zone = Time zone
people-language = Language of messages
people-priority-in = In the priority group
people-priority-out = Outside the priority group
people-search = Search the answers
people-apply = Apply the filters
people-counts = Breakdown
people-by-status = By status
people-by-region = By country or region
people-by-zone = By time zone
people-by-language = By language
people-attendance = Attendance by session
people-attendance-total = All sessions:
people-figures = { $present } present, { $absent } absent, { $excused } excused, { $unmarked } to mark
people-session-cancelled = (session cancelled)
people-take-attendance = Take attendance
people-no-sessions = This edition has no sessions yet.
people-download = Download the list (CSV)
people-download-hint = The people shown, with only the details the privacy notice names. Keep the file safe and delete it once used.
people-separator = Separator
people-separator-comma = Comma (,)
people-separator-semicolon = Semicolon (;)
people-download-clock = Time zone of the dates
people-download-link = Download the CSV file
people-accessibility = Accessibility needs:
people-decide = Decide
people-decision = Decision
people-decide-send = Save the decision
attendance-title = Attendance
attendance-nobody = Nobody has a place in this edition yet.
attendance-present = Present
attendance-absent = Absent
attendance-excused = Excused

## Moving someone on the waiting list.
people-line-position = Waiting list: position { $position } of { $waiting }
people-move-up = Move up
people-move-down = Move down
people-moved = { $name } is now in position { $position } on the waiting list.

## Writing to the list a filter keeps.
people-write = Write to the people on this list
people-filter-part = { $label }: { $value }
people-filter-quoted = “{ $text }”
dash-message-filtered = Only the people on the filtered list ({ $filter })

## The network's community of practice: its applications and the decisions.
dash-community = Community
dash-community-lead = The people asking to join the network’s community of practice, those waiting for a decision first. Each decision is written to them by email.
dash-community-counts = { $applied } waiting · { $members ->
        [one] { $members } member
       *[other] { $members } members
    } · { $declined } declined
dash-community-none = Nobody has asked to join the community yet.
dash-community-not-open = This network has not opened a community of practice: nobody can ask to join it.
dash-community-standing-applied = Waiting
dash-community-standing-member = Member
dash-community-standing-declined = Declined
dash-community-applied-on = Applied on { $date }
dash-community-decided-on = decided on { $date }
dash-community-accept = Accept
dash-community-decline = Decline
dash-community-remove = Remove
dash-community-remove-confirm = Remove { $name } from the community? Their access to the members’ resources ends at once, and an email tells them so.
dash-community-remove-yes = Yes, remove
dash-community-remove-no = No, keep
dash-community-accepted = { $name } is now a member; an email tells them so.
dash-community-declined = { $name }’s request is declined; an email tells them so.
dash-community-removed = { $name } is removed from the community; an email tells them so.

## The network's library: its librarians and coordinators write, translate and publish it.
dash-library = Library
dash-library-title = Network library
dash-library-lead = The resources the network shares: guides, articles, podcasts, videos, templates, book chapters and summary sheets, each in the languages it actually exists in. A translation names who made it.
dash-library-of = Library of “{ $network }”
dash-librarian-lead = You keep your network’s library: you write, translate, link and publish its resources.
dash-coaching-of = Coaching: “{ $network }”
dash-partner-lead = You give coaching for one of the network’s partners: you see the requests assigned to you, book their sessions and record the hours given.
dash-no-library = You keep no network’s library.
dash-role-librarian = Librarian
dash-role-partner = Coaching partner
dash-invite-partner = For which partner
dash-invite-partner-hint = For a coaching partner only: they will see the requests assigned to this partner, book sessions on them and record the hours given.
dash-member-partner = Partner: { $partner }
dash-new-resource = New resource
dash-resources = Resources
dash-no-resources = No resources yet.
dash-resource-no-kind = Kind to choose
dash-resource-no-language = Untitled so far
dash-visibility = Visibility
dash-visibility-hint = A members-only resource is read only by the people accepted into the network’s community of practice.
dash-visibility-public = Public
dash-visibility-members = Community members only
dash-edition-visibility-hint = A members-only edition is on no public page: the people accepted into the network’s community find it on their member link and register there.
dash-resource-what = The resource
dash-resource-kind = Kind of resource
dash-original = Original language
dash-original-hint = The language it was written in; the others are translations.
dash-resource-texts-hint = A resource exists in each language it has a title in. To publish it, each of these languages has its summary, and each translation the name of who made it.
dash-body-field = Text
dash-body-hint = The text of the resource itself, when it is not behind its link.
dash-translator-field = Translated by
dash-translator-hint = Only for the language or languages it was translated into, never for its original language.
dash-resource-where = Where it comes from, where to find it
dash-resource-url = Link to the resource
dash-resource-url-hint = A page, a recording. Without a link or a file, its text is enough.
dash-file-field = Attached file
dash-file-hint = A PDF, a PNG or JPEG image, or an ODT or DOCX document, up to 1.5 MB. Longer media (podcasts, videos) go by link. Readers download it under its name.
dash-file-attach = Attach this file
dash-file-remove = Remove the file
dash-file-current = Attached: { $name } ({ $type }, { $size })
dash-file-none-chosen = Choose a file first.
dash-file-too-large = This file is over 1.5 MB: share it by link instead.
dash-file-sending = Sending the file…
dash-file-attached = File attached.
dash-file-removed = File removed.
dash-source-field = Source
dash-source-hint = The organisation, book or person it comes from.
dash-licence-field = Licence
dash-resource-offerings = Offerings it goes with
dash-resource-offerings-hint = It is shown on these offerings’ pages.
dash-resource-editions = Editions it goes with
dash-resource-editions-hint = The participants of these editions find it on their registration’s manage link.
dash-links-failed = The network’s offerings and editions could not be loaded: reload the page to link the resource.

## The network's news: a short message of its coming activities to the people who follow it.
dash-news = News
dash-news-title = Network news
dash-news-lead = A short message listing the network’s coming activities, sent to the people who asked to hear its new dates and confirmed. Each message lets them stop in one click. It goes out a round at a time: { $per_round } messages every { $minutes } minutes.
dash-news-followers = { $count ->
    [0] Nobody follows the network’s news yet: there is no one to write to for now.
    [one] { $count } person follows the network’s news and will receive this message.
   *[other] { $count } people follow the network’s news and will receive this message.
}
dash-news-follow-hint = People sign up from a public page, to share around you:
dash-news-follow-page = Hear the network’s new dates
dash-news-coming = What the message will list
dash-news-nothing-coming = The network has nothing published to come: there is nothing to announce, so nothing to send. Publish an edition with sessions to come to send news.
dash-news-note = A few words before the list
dash-news-note-label = Note
dash-news-note-hint = Optional: write it in French and in English, or leave it empty in both. Each person reads it in their own language.
dash-news-review = Review before sending
dash-news-confirm-title = { $count ->
    [one] Send to { $count } person?
   *[other] Send to { $count } people?
}
dash-news-confirm = Each person receives it in their own language, with the dates on their clock and a link to stop receiving them.
dash-news-send = Send now
dash-news-edit = Back to the message
dash-news-queued = { $count ->
    [0] No message went out: nobody follows the network’s news.
    [one] { $count } message is on its way.
   *[other] { $count } messages are on their way.
}
dash-news-queued-rounds = { $minutes ->
    [one] They go out a round at a time: the last in { $minutes } minute.
   *[other] They go out a round at a time: the last in { $minutes } minutes.
}

## Coaching on request: the requests, the organisations' hours, the yearly report.
dash-coaching = Coaching
dash-coaching-lead = The organisations’ requests, those waiting for a step first, and each one’s hours this year. Each step is written in the organisation’s ledger of hours, which it sees from its link.
dash-coaching-none = This network offers no coaching on request.
dash-coaching-report-link = The yearly report, by neighbourhood and by partner
dash-coaching-pool-places = { $programme }: { $taken } of { $places } { $places ->
    [one] place
   *[other] places
} taken in the additional pool in { $year }.
dash-coaching-requests = Requests
dash-coaching-no-open = No request is waiting for a step.
dash-coaching-over = { $count ->
    [one] One request closed, declined or withdrawn
   *[other] { $count } requests closed, declined or withdrawn
}
dash-coaching-hours = The organisations’ hours in { $year }
dash-coaching-no-organisation = No organisation has registered yet.
dash-coaching-organisation = Organisation
dash-coaching-available = Granted and carried over
dash-coaching-used = Used
dash-coaching-booked = Booked
dash-coaching-left = Left
dash-coaching-expiring = Of which expiring
dash-coaching-paid = Paid by the organisation
dash-coaching-pool = Additional pool
dash-coaching-pool-balance = { $used } used, { $left } left
dash-coaching-asked-on = Asked on { $date }
dash-coaching-languages = Languages
dash-coaching-partner = Partner
dash-coaching-checks = Before a partner is assigned
dash-coaching-check-done = confirmed
dash-coaching-check-waiting = to confirm
dash-coaching-confirm = Confirm
dash-coaching-assign = Assign
dash-coaching-when = Session date and time
dash-coaching-on-clock = On { $zone }’s clock.
dash-coaching-length = Length, in hours
dash-coaching-book = Book the session
dash-coaching-sessions = Sessions
dash-coaching-booking-booked = booked
dash-coaching-booking-given = given
dash-coaching-booking-cancelled = cancelled
dash-coaching-session = Session
dash-coaching-no-booking = Outside a booked session
dash-coaching-given = Hours given
dash-coaching-hours-hint = For example “3”, “1.5” or “1 h 30”.
dash-coaching-travel = Travel time, in hours
dash-coaching-record = Record the hours
dash-coaching-close = Close the coaching
dash-coaching-decline = Decline the request
dash-coaching-confirmed = Check confirmed for { $organisation }.
dash-coaching-assigned = Partner assigned for { $organisation }.
dash-coaching-booked-done = Session booked with { $organisation }; its hours are held.
dash-coaching-recorded = Hours recorded for { $organisation }.
dash-coaching-closed = { $organisation }’s coaching is closed.
dash-coaching-declined = { $organisation }’s request is declined.
dash-coaching-report = Coaching report for { $year }
dash-coaching-report-lead = Each organisation’s and each partner’s hours over the year, computed from the ledger of hours, as the organisations see them.
dash-coaching-report-partner-lead = The hours you gave over the year, and the balances of the organisations you coach, computed from the ledger of hours, as the organisations see them.
dash-coaching-back = Back to the requests
dash-coaching-years = Years
dash-coaching-csv-neighbourhoods = Download by neighbourhood (CSV)
dash-coaching-csv-partners = Download by partner (CSV)
dash-coaching-by-neighbourhood = By neighbourhood
dash-coaching-by-partner = By partner
dash-coaching-organisations = Organisations coached
dash-coaching-given-hours = Hours given
dash-coaching-no-hours = No hours given this year.
