## The volunteers' app.

language-name = English
app-name = Relais
skip-to-content = Skip to content
switch-language = Language
catalog-title = Catalog
catalog-intro = Workshops, training series, coaching and community-of-practice meetings, in your own time zone.
catalog-empty = Nothing on offer yet. Come back soon!
catalog-more = Show more offerings
loading = Loading…
error-load = These details could not be loaded.
error-offline = You seem to be offline.
retry = Try again
not-translated = Not yet translated
kind-workshop = Workshop
kind-training_series = Training series
kind-coaching = Coaching
kind-community_meeting = Community of practice meeting
kind-collective_event = Collective event
kind-course_module = Course module
kind-resource_library = Resource library
format-online = Online
format-in_person = In person
format-hybrid = Hybrid
registration-open = Open registration
registration-application = By application
registration-external = Registration on another site
registration-none = No registration needed
next-session = Next session
next-session-label = Next session:
no-upcoming = No date planned yet
sessions-count = { $count ->
    [one] { $count } session
   *[other] { $count } sessions
}
your-time = Your time
organiser-time = Organiser's time ({ $zone }): { $span }
offering-back = Back to the catalog
offering-description = Description
offering-audience = Who is it for?
offering-cost = Cost
offering-languages = Languages
offering-topics = Topics
offering-facilitators = Facilitators
offering-partner = Partner organisation
offering-network = Network
offering-upcoming = Upcoming editions
offering-past = Past editions
offering-location = Where
offering-resources = Its resources in the library
offering-follow = Be told of the next dates
offering-ask = Ask for coaching
not-found-title = Page not found
not-found-body = This page does not exist, or no longer does.
lang-fr = French
lang-en = English
lang-es = Spanish
lang-pt = Portuguese
topic-group-structure = Group structure
topic-collaborative-strategy = Collaborative strategy
topic-digital-organizing = Digital organizing
topic-community-care = Community care
topic-burnout = Breaking the burnout cycle
topic-transformative-justice = Transformative justice
topic-evaluation = Evaluation
topic-collective-decision-making = Collective decision-making
topic-decentralized-movements = Decentralized movements
topic-strategy = Strategy
topic-coalition-work = Coalition work
topic-knowledge-sharing = Knowledge sharing
topic-digital-inclusion = Digital inclusion
topic-free-software = Free software
topic-territorial-innovation = Territorial innovation
topic-collective-impact = Collective impact
topic-learning-capture = Capturing learning
topic-nonprofit-support = Supporting nonprofits
topic-mentoring = Coaching and mentoring
zone-shown = Times shown for
zone-device = this device's zone
zone-change = Change
zone-search = Find a time zone (city or region: "Lagos", "Kolkata")
zone-apply = Use this zone
zone-unknown = Unknown time zone: pick one from the list.
zone-use-device = Back to this device's zone
night-for-you = At night for you
series-nights = { $nights ->
    [0] None of its { $count } sessions falls in your night ({ $from } – { $to }).
    [one] One of its { $count } sessions falls in your night ({ $from } – { $to }).
   *[other] { $nights } of its { $count } sessions fall in your night ({ $from } – { $to }).
}
filters-title = Search and filter
filter-text = Words to find
filter-network = Network
filter-kind = Kind of offering
filter-topic = Topic
filter-language = Language of delivery
filter-format = Format
filter-from = From
filter-to = Until
filter-any = Any
filter-daytime = Only during my day (7 AM to 10 PM where I am)
filters-apply = Show offerings
filters-clear = Clear filters
catalog-no-match = No offering matches these filters.
catalog-count = { $count ->
    [one] { $count } offering shown
   *[other] { $count } offerings shown
}
zone-organiser = Times shown: the organiser's
clock-shift = Clocks change: from { $date }, this session is at { $now } for you, not { $before }.
calendar-edition = Add these sessions to my calendar (.ics)
calendar-subscribe = Every coming session in your calendar (iCalendar subscription)
profile-person = Facilitator
profile-partner = Partner organisation
profile-network = Network
profile-offerings = Offerings
profile-none = No offerings for now.
profile-site = Website
archive-title = Archive
archive-intro = Past editions of every offering, most recent first, on your clock.
archive-empty = No past editions yet.
archive-older = Older editions
archive-newer = Most recent
archive-link = Past editions (archive)
edition-action-open = Register
edition-action-application = Apply
edition-action-external = Register on the organiser’s site
