//! Relais's Worker: the JSON API under `/api`, on the same origin as the app's static files.
//! Wrangler serves the app's hashed files itself (see `run_worker_first` in wrangler.toml);
//! page addresses come here so that catalog pages arrive with their first page in them.

mod archive;
mod auth;
mod cache;
mod calendar;
mod catalog;
mod coaching;
mod community;
mod coordinator;
mod crypto;
mod dashboard;
mod health;
mod http;
mod library;
mod news;
mod openapi;
mod outbox;
mod profile;
mod rate_limit;
mod registration;
mod rows;
mod scope;
mod shell;
#[cfg(test)]
mod test_sqlite;

use relais_domain::authoring::{PartnerDraft, PersonDraft};
use relais_domain::pages;
use relais_domain::problem::ProblemKind;
use worker::{
    console_error, console_log, event, Context, Env, Method, Request, Response, Result,
    ScheduleContext, ScheduledEvent,
};

use crate::calendar::Feed;
use crate::catalog::visible::EditionReader;
use crate::http::{ApiError, Caller};
use crate::library::resource::Part;

#[event(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    // Every answer, whichever part wrote it, leaves with the same security headers.
    let api = req.path().starts_with("/api/");
    http::secure(answer(req, &env, &ctx).await?, api)
}

async fn answer(req: Request, env: &Env, ctx: &Context) -> Result<Response> {
    let path = req.path();
    if !path.starts_with("/api/") {
        let page = match (shell::catalog_lang(&path), pages::page_build(&path)) {
            _ if raw_method(&req) != "GET" => return shell::asset(req, env).await,
            (Some(lang), _) => shell::catalog_page(req, env, lang)
                .await
                .map_err(|e| (e, lang)),
            (_, Some((build, lang))) => shell::build_page(req, env, build, lang)
                .await
                .map_err(|e| (e, lang)),
            _ => return shell::asset(req, env).await,
        };
        return match page {
            Ok(response) => Ok(response),
            Err((error, lang)) => http::problem_response(error, lang),
        };
    }
    let outcome = match Caller::from_request(&req) {
        Ok(caller) => route(&req, env, ctx, &caller)
            .await
            .map_err(|e| (e, caller.lang)),
        Err(refusal) => Err(refusal),
    };
    match outcome {
        Ok(response) => Ok(response),
        Err((error, lang)) => {
            let mut response = http::problem_response(error, lang)?;
            if response.status_code() == ProblemKind::MethodNotAllowed.status() {
                // RFC 9110: a 405 says which methods the address does take.
                let allow = allowed_methods(&path).join(", ");
                response.headers_mut().set("Allow", &allow)?;
            }
            Ok(response)
        }
    }
}

/// The method as the client sent it: workers-rs reads a method it does not know (`QUERY`,
/// say) as `GET`, which would answer it as one.
fn raw_method(req: &Request) -> String {
    req.inner().method()
}

/// Every few minutes: queue the reminders due within 24 hours, and send what is due
/// (including retries of what failed before, after their backoff).
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let work = async {
        let db = env.d1("DB")?;
        registration::idempotency::forget_old_keys(&db, catalog::now()).await?;
        rate_limit::forget_expired(&db).await?;
        registration::holds::release_expired(&db, catalog::now()).await?;
        let queued = outbox::queue_reminders(&db, catalog::now()).await?;
        let dispatched = outbox::dispatch(&env, outbox::Only::All).await?;
        Ok::<_, ApiError>((queued, dispatched))
    };
    match work.await {
        Ok((queued, dispatched)) => {
            console_log!(
                "cron: {queued} reminders queued, {} messages sent",
                dispatched.sent
            );
            if let Some(why) = dispatched.waiting {
                console_error!("cron: messages are not being sent: {why}");
            }
        }
        Err(error) => console_error!("cron: {error:?}"),
    }
}

/// Every route, as `(method, path template)`. `openapi.json` describes exactly these (a host
/// test holds the two together) and `route` has a handler for each (the API tests call them).
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/api/health"),
    ("GET", "/api/ping"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/offerings"),
    ("GET", "/api/offerings/{id}"),
    ("GET", "/api/people/{id}"),
    ("GET", "/api/partners/{id}"),
    ("GET", "/api/networks"),
    ("GET", "/api/networks/{id}"),
    ("GET", "/api/archive"),
    ("GET", "/api/library"),
    ("GET", "/api/library/{id}"),
    ("GET", "/api/library/{id}/file"),
    ("GET", "/api/networks/{id}/community"),
    ("POST", "/api/networks/{id}/community/applications"),
    ("POST", "/api/networks/{id}/organisations"),
    ("GET", "/api/offerings/{id}/request-qr.svg"),
    ("GET", "/api/organisations/{token}"),
    ("POST", "/api/organisations/{token}/requests"),
    ("POST", "/api/organisations/{token}/requests/{id}/withdraw"),
    ("POST", "/api/organisations/{token}/contacts"),
    ("DELETE", "/api/organisations/{token}/contacts/{id}"),
    (
        "GET",
        "/api/organisations/{token}/editions/{id}/registration-form",
    ),
    (
        "POST",
        "/api/organisations/{token}/editions/{id}/registrations",
    ),
    ("GET", "/api/members/{token}"),
    ("DELETE", "/api/members/{token}"),
    ("GET", "/api/members/{token}/library/{id}"),
    ("GET", "/api/members/{token}/library/{id}/file"),
    (
        "GET",
        "/api/members/{token}/editions/{id}/registration-form",
    ),
    ("POST", "/api/members/{token}/editions/{id}/registrations"),
    ("POST", "/api/follows"),
    ("GET", "/api/follows/{token}"),
    ("DELETE", "/api/follows/{token}"),
    ("POST", "/api/follows/{token}/confirm"),
    ("GET", "/api/calendar.ics"),
    ("GET", "/api/editions/{id}/calendar.ics"),
    ("GET", "/api/sessions/{id}/calendar.ics"),
    ("GET", "/api/editions/{id}/registration-form"),
    ("POST", "/api/editions/{id}/registrations"),
    ("GET", "/api/registrations/{token}"),
    ("PATCH", "/api/registrations/{token}"),
    ("DELETE", "/api/registrations/{token}"),
    ("POST", "/api/registrations/{token}/cancel"),
    ("POST", "/api/registrations/{token}/confirm"),
    ("GET", "/api/registrations/{token}/calendar.ics"),
    ("GET", "/api/registrations/{token}/library/{id}"),
    ("GET", "/api/registrations/{token}/library/{id}/file"),
    ("POST", "/api/manage-links"),
    ("POST", "/api/auth/login"),
    ("POST", "/api/auth/logout"),
    ("GET", "/api/auth/me"),
    ("POST", "/api/auth/password-reset"),
    ("GET", "/api/account-links/{token}"),
    ("POST", "/api/account-links/{token}"),
    ("GET", "/api/networks/{network}/members"),
    ("PUT", "/api/networks/{network}/members/{account}"),
    ("DELETE", "/api/networks/{network}/members/{account}"),
    ("POST", "/api/networks/{network}/invitations"),
    ("GET", "/api/admin/networks"),
    ("POST", "/api/admin/networks"),
    ("POST", "/api/admin/invitations"),
    ("POST", "/api/admin/accounts/{id}/disable"),
    ("POST", "/api/admin/accounts/{id}/enable"),
    ("GET", "/api/admin/outbox"),
    ("POST", "/api/admin/outbox/{id}/retry"),
    ("GET", "/api/coordinator/editions"),
    ("GET", "/api/coordinator/editions/{id}/registrations"),
    ("POST", "/api/coordinator/registrations/{id}/decision"),
    ("PUT", "/api/coordinator/editions/{id}/capacity"),
    ("GET", "/api/coordinator/outbox"),
    ("GET", "/api/dashboard/networks/{id}"),
    ("POST", "/api/dashboard/networks/{id}/offerings"),
    ("GET", "/api/dashboard/networks/{id}/audit"),
    ("GET", "/api/dashboard/networks/{id}/summary"),
    ("GET", "/api/dashboard/networks/{id}/outbox"),
    (
        "POST",
        "/api/dashboard/networks/{id}/outbox/{message}/retry",
    ),
    ("GET", "/api/dashboard/offerings/{id}"),
    ("PUT", "/api/dashboard/offerings/{id}"),
    ("POST", "/api/dashboard/offerings/{id}/state"),
    ("POST", "/api/dashboard/offerings/{id}/editions"),
    ("GET", "/api/dashboard/editions/{id}"),
    ("PUT", "/api/dashboard/editions/{id}"),
    ("DELETE", "/api/dashboard/editions/{id}"),
    ("POST", "/api/dashboard/editions/{id}/state"),
    ("POST", "/api/dashboard/editions/{id}/duplicate"),
    ("GET", "/api/dashboard/editions/{id}/recipients"),
    ("POST", "/api/dashboard/editions/{id}/announcements"),
    ("POST", "/api/dashboard/editions/{id}/sessions"),
    ("POST", "/api/dashboard/editions/{id}/sessions/by-rule"),
    ("POST", "/api/dashboard/editions/{id}/sessions/planned"),
    ("POST", "/api/dashboard/editions/{id}/schedule/meeting"),
    ("POST", "/api/dashboard/editions/{id}/schedule/series"),
    ("PUT", "/api/dashboard/sessions/{id}"),
    ("GET", "/api/dashboard/editions/{id}/registrations"),
    ("GET", "/api/dashboard/editions/{id}/registrations.csv"),
    ("POST", "/api/dashboard/registrations/{id}/decision"),
    ("POST", "/api/dashboard/registrations/{id}/move"),
    ("GET", "/api/dashboard/sessions/{id}/attendance"),
    (
        "PUT",
        "/api/dashboard/sessions/{id}/attendance/{registration}",
    ),
    ("POST", "/api/dashboard/recurrence-preview"),
    ("POST", "/api/dashboard/networks/{id}/people"),
    ("GET", "/api/dashboard/people/{id}"),
    ("PUT", "/api/dashboard/people/{id}"),
    ("POST", "/api/dashboard/people/{id}/state"),
    ("POST", "/api/dashboard/networks/{id}/partners"),
    ("GET", "/api/dashboard/networks/{id}/community"),
    ("GET", "/api/dashboard/networks/{id}/coaching"),
    ("GET", "/api/dashboard/networks/{id}/coaching/report"),
    ("GET", "/api/dashboard/networks/{id}/coaching/report.csv"),
    ("POST", "/api/dashboard/coaching-requests/{id}/steps"),
    ("POST", "/api/dashboard/community-members/{id}/decision"),
    ("GET", "/api/dashboard/partners/{id}"),
    ("PUT", "/api/dashboard/partners/{id}"),
    ("POST", "/api/dashboard/partners/{id}/state"),
    ("GET", "/api/dashboard/networks/{id}/library"),
    ("POST", "/api/dashboard/networks/{id}/library"),
    ("GET", "/api/dashboard/library/{id}"),
    ("PUT", "/api/dashboard/library/{id}"),
    ("POST", "/api/dashboard/library/{id}/state"),
    ("PUT", "/api/dashboard/library/{id}/file"),
    ("DELETE", "/api/dashboard/library/{id}/file"),
    ("GET", "/api/dashboard/networks/{id}/digest"),
    ("POST", "/api/dashboard/networks/{id}/digest"),
];

async fn route(
    req: &Request,
    env: &Env,
    ctx: &Context,
    caller: &Caller,
) -> std::result::Result<Response, ApiError> {
    let path = req.path();
    let (template, params) =
        find_route(&raw_method(req), &path).map_err(|kind| ApiError::Problem(kind, vec![]))?;
    match (template, params.as_slice()) {
        ("/api/health", []) => health::get(env).await,
        ("/api/ping", []) => health::ping(),
        ("/api/openapi.json", []) => openapi::get(),
        ("/api/offerings", []) => catalog::list(env, caller).await,
        ("/api/offerings/{id}", [id]) => catalog::detail(env, caller, id).await,
        ("/api/people/{id}", [id]) => profile::person(env, caller, id).await,
        ("/api/partners/{id}", [id]) => profile::partner(env, caller, id).await,
        ("/api/networks", []) => profile::networks(env, caller).await,
        ("/api/networks/{id}", [id]) => profile::network(env, caller, id).await,
        ("/api/archive", []) => archive::list(env, caller).await,
        ("/api/library", []) => library::search::get(env, caller).await,
        ("/api/library/{id}", [id]) => library::resource::get(env, caller, id, Part::Detail).await,
        ("/api/library/{id}/file", [id]) => {
            library::resource::get(env, caller, id, Part::File).await
        }
        ("/api/networks/{id}/community", [id]) => community::apply::form(env, caller, id).await,
        ("/api/networks/{id}/community/applications", [id]) => {
            community::apply::apply(req, env, ctx, id).await
        }
        ("/api/networks/{id}/organisations", [id]) => {
            coaching::organisation::register(req, env, ctx, id).await
        }
        ("/api/offerings/{id}/request-qr.svg", [id]) => {
            coaching::poster::request_qr(req, env, caller, id).await
        }
        ("/api/organisations/{token}", [token]) => {
            coaching::organisation::view(env, caller, token).await
        }
        ("/api/organisations/{token}/requests", [token]) => {
            coaching::organisation::ask(req, env, token).await
        }
        ("/api/organisations/{token}/requests/{id}/withdraw", [token, id]) => {
            coaching::withdraw::withdraw(env, token, id).await
        }
        ("/api/organisations/{token}/contacts", [token]) => {
            coaching::contacts::add(req, env, ctx, token).await
        }
        ("/api/organisations/{token}/contacts/{id}", [token, id]) => {
            coaching::contacts::remove(env, token, id).await
        }
        ("/api/organisations/{token}/editions/{id}/registration-form", [token, id]) => {
            coaching::on_behalf::registration_form(env, caller, token, id).await
        }
        ("/api/organisations/{token}/editions/{id}/registrations", [token, id]) => {
            coaching::on_behalf::register(req, env, ctx, token, id).await
        }
        ("/api/members/{token}", [token]) => match req.method() {
            Method::Delete => community::member::leave(env, token).await,
            _ => community::member::view(env, caller, token).await,
        },
        ("/api/members/{token}/library/{id}", [token, id]) => {
            community::member::resource(env, caller, token, id, Part::Detail).await
        }
        ("/api/members/{token}/library/{id}/file", [token, id]) => {
            community::member::resource(env, caller, token, id, Part::File).await
        }
        ("/api/members/{token}/editions/{id}/registration-form", [token, id]) => {
            community::member::registration_form(env, caller, token, id).await
        }
        ("/api/members/{token}/editions/{id}/registrations", [token, id]) => {
            community::member::register(req, env, ctx, token, id).await
        }
        ("/api/follows", []) => news::follow::follow(req, env, ctx).await,
        ("/api/follows/{token}", [token]) => match req.method() {
            Method::Delete => news::link::stop(env, token).await,
            _ => news::link::view(env, caller, token).await,
        },
        ("/api/follows/{token}/confirm", [token]) => news::link::confirm(env, caller, token).await,
        ("/api/dashboard/networks/{id}/coaching", [id]) => {
            coaching::desk::desk(req, env, caller, id).await
        }
        ("/api/dashboard/networks/{id}/coaching/report", [id]) => {
            coaching::report::report(req, env, caller, id).await
        }
        ("/api/dashboard/networks/{id}/coaching/report.csv", [id]) => {
            coaching::report::export(req, env, caller, id).await
        }
        ("/api/dashboard/coaching-requests/{id}/steps", [id]) => {
            coaching::desk::step(req, env, id).await
        }
        ("/api/dashboard/networks/{id}/community", [id]) => {
            community::decisions::list(req, env, caller, id).await
        }
        ("/api/dashboard/community-members/{id}/decision", [id]) => {
            community::decisions::decide(req, env, ctx, id).await
        }
        ("/api/calendar.ics", []) => calendar::get(req, env, caller, Feed::Catalog).await,
        ("/api/editions/{id}/calendar.ics", [id]) => {
            calendar::get(req, env, caller, Feed::Edition(id)).await
        }
        ("/api/sessions/{id}/calendar.ics", [id]) => {
            calendar::get(req, env, caller, Feed::Session(id)).await
        }
        ("/api/editions/{id}/registration-form", [id]) => {
            registration::form::get(env, caller, id, EditionReader::Public).await
        }
        ("/api/editions/{id}/registrations", [id]) => {
            registration::create::create(req, env, ctx, id, EditionReader::Public).await
        }
        ("/api/registrations/{token}", [token]) => match req.method() {
            Method::Get => registration::manage::view(env, token).await,
            Method::Patch => registration::manage::update(req, env, token).await,
            Method::Delete => registration::manage::delete(env, ctx, token).await,
            _ => Err(ApiError::Problem(ProblemKind::MethodNotAllowed, vec![])),
        },
        ("/api/registrations/{token}/cancel", [token]) => {
            registration::manage::cancel(env, ctx, token).await
        }
        ("/api/registrations/{token}/confirm", [token]) => {
            registration::manage::confirm(env, ctx, token).await
        }
        ("/api/registrations/{token}/calendar.ics", [token]) => {
            registration::manage::calendar(req, env, token).await
        }
        ("/api/registrations/{token}/library/{id}", [token, id]) => {
            registration::manage::resource(env, caller, token, id, Part::Detail).await
        }
        ("/api/registrations/{token}/library/{id}/file", [token, id]) => {
            registration::manage::resource(env, caller, token, id, Part::File).await
        }
        ("/api/manage-links", []) => registration::links::send(req, env, ctx).await,
        ("/api/auth/login", []) => auth::login(req, env).await,
        ("/api/auth/logout", []) => auth::logout(req, env).await,
        ("/api/auth/me", []) => auth::me(req, env).await,
        ("/api/auth/password-reset", []) => auth::links::ask_reset(req, env, ctx, caller).await,
        ("/api/account-links/{token}", [token]) => match req.method() {
            Method::Get => auth::links::view(env, token).await,
            _ => auth::links::accept(req, env, token).await,
        },
        ("/api/networks/{network}/members", [network]) => {
            auth::members::list(req, env, network).await
        }
        ("/api/networks/{network}/members/{account}", [network, account]) => match req.method() {
            Method::Put => auth::members::change_role(req, env, network, account).await,
            _ => auth::members::remove(req, env, network, account).await,
        },
        ("/api/networks/{network}/invitations", [network]) => {
            auth::invitations::invite(req, env, ctx, caller, network).await
        }
        ("/api/admin/networks", []) => match req.method() {
            Method::Get => auth::networks::list(req, env).await,
            _ => auth::networks::create(req, env).await,
        },
        ("/api/admin/invitations", []) => {
            auth::invitations::invite_administrator(req, env, ctx, caller).await
        }
        ("/api/admin/accounts/{id}/disable", [id]) => auth::disable_account(req, env, id).await,
        ("/api/admin/accounts/{id}/enable", [id]) => auth::enable_account(req, env, id).await,
        ("/api/admin/outbox", []) => outbox::unsent(req, env, caller).await,
        ("/api/admin/outbox/{id}/retry", [id]) => outbox::retry(req, env, ctx, id).await,
        ("/api/coordinator/editions", []) => coordinator::editions(req, env, caller).await,
        ("/api/coordinator/editions/{id}/registrations", [id]) => {
            coordinator::registrations(req, env, id).await
        }
        ("/api/coordinator/registrations/{id}/decision", [id]) => {
            coordinator::decide(req, env, ctx, id).await
        }
        ("/api/coordinator/editions/{id}/capacity", [id]) => {
            coordinator::set_capacity(req, env, ctx, id).await
        }
        ("/api/coordinator/outbox", []) => coordinator::outbox(req, env).await,
        ("/api/dashboard/networks/{id}", [id]) => dashboard::desk::get(req, env, id).await,
        ("/api/dashboard/networks/{id}/offerings", [id]) => {
            dashboard::offerings::create(req, env, id).await
        }
        ("/api/dashboard/networks/{id}/audit", [id]) => dashboard::audit::list(req, env, id).await,
        ("/api/dashboard/networks/{id}/summary", [id]) => {
            dashboard::messages::summary(req, env, id).await
        }
        ("/api/dashboard/networks/{id}/outbox", [id]) => {
            dashboard::messages::list(req, env, caller, id).await
        }
        ("/api/dashboard/networks/{id}/outbox/{message}/retry", [id, message]) => {
            dashboard::messages::retry(req, env, ctx, caller, (id, message)).await
        }
        ("/api/dashboard/offerings/{id}", [id]) => match req.method() {
            Method::Get => dashboard::offerings::get(req, env, caller, id).await,
            _ => dashboard::offerings::save(req, env, caller, id).await,
        },
        ("/api/dashboard/offerings/{id}/state", [id]) => {
            dashboard::publication::change_state::<dashboard::offerings::LoadedOffering>(
                req, env, ctx, caller, id,
            )
            .await
        }
        ("/api/dashboard/offerings/{id}/editions", [id]) => {
            dashboard::editions::create(req, env, id).await
        }
        ("/api/dashboard/editions/{id}", [id]) => match req.method() {
            Method::Get => dashboard::editions::get(req, env, caller, id).await,
            Method::Delete => dashboard::editions::delete(req, env, id).await,
            _ => dashboard::editions::save(req, env, caller, id).await,
        },
        ("/api/dashboard/editions/{id}/state", [id]) => {
            dashboard::publication::change_state::<dashboard::editions::Loaded>(
                req, env, ctx, caller, id,
            )
            .await
        }
        ("/api/dashboard/editions/{id}/duplicate", [id]) => {
            dashboard::editions::duplicate(req, env, id).await
        }
        ("/api/dashboard/editions/{id}/recipients", [id]) => {
            dashboard::announcements::recipients(req, env, caller, id).await
        }
        ("/api/dashboard/editions/{id}/announcements", [id]) => {
            dashboard::announcements::send(req, env, ctx, id).await
        }
        ("/api/dashboard/editions/{id}/sessions", [id]) => {
            dashboard::sessions::create(req, env, id).await
        }
        ("/api/dashboard/editions/{id}/sessions/by-rule", [id]) => {
            dashboard::sessions::by_rule(req, env, caller, id).await
        }
        ("/api/dashboard/editions/{id}/sessions/planned", [id]) => {
            dashboard::schedule::apply(req, env, caller, id).await
        }
        ("/api/dashboard/editions/{id}/schedule/meeting", [id]) => {
            dashboard::schedule::meeting(req, env, caller, id).await
        }
        ("/api/dashboard/editions/{id}/schedule/series", [id]) => {
            dashboard::schedule::series(req, env, caller, id).await
        }
        ("/api/dashboard/sessions/{id}", [id]) => {
            dashboard::sessions::save(req, env, ctx, id).await
        }
        ("/api/dashboard/editions/{id}/registrations", [id]) => {
            dashboard::people::list(req, env, caller, id).await
        }
        ("/api/dashboard/editions/{id}/registrations.csv", [id]) => {
            dashboard::people::export(req, env, caller, id).await
        }
        // The coordinators' one decision handler: the same rules, messages and scope.
        ("/api/dashboard/registrations/{id}/decision", [id]) => {
            coordinator::decide(req, env, ctx, id).await
        }
        ("/api/dashboard/registrations/{id}/move", [id]) => {
            dashboard::waitlist::move_on_line(req, env, id).await
        }
        ("/api/dashboard/sessions/{id}/attendance", [id]) => {
            dashboard::attendance::get(req, env, caller, id).await
        }
        ("/api/dashboard/sessions/{id}/attendance/{registration}", [id, registration]) => {
            dashboard::attendance::put(req, env, id, registration).await
        }
        ("/api/dashboard/recurrence-preview", []) => dashboard::sessions::preview(req, env).await,
        ("/api/dashboard/networks/{id}/people", [id]) => {
            dashboard::profiles::create::<PersonDraft>(req, env, id).await
        }
        ("/api/dashboard/people/{id}", [id]) => match req.method() {
            Method::Get => dashboard::profiles::get::<PersonDraft>(req, env, caller, id).await,
            _ => dashboard::profiles::save::<PersonDraft>(req, env, caller, id).await,
        },
        ("/api/dashboard/people/{id}/state", [id]) => {
            dashboard::publication::change_state::<dashboard::profiles::LoadedProfile<PersonDraft>>(
                req, env, ctx, caller, id,
            )
            .await
        }
        ("/api/dashboard/networks/{id}/partners", [id]) => {
            dashboard::profiles::create::<PartnerDraft>(req, env, id).await
        }
        ("/api/dashboard/partners/{id}", [id]) => match req.method() {
            Method::Get => dashboard::profiles::get::<PartnerDraft>(req, env, caller, id).await,
            _ => dashboard::profiles::save::<PartnerDraft>(req, env, caller, id).await,
        },
        ("/api/dashboard/partners/{id}/state", [id]) => dashboard::publication::change_state::<
            dashboard::profiles::LoadedProfile<PartnerDraft>,
        >(req, env, ctx, caller, id)
        .await,
        ("/api/dashboard/networks/{id}/library", [id]) => match req.method() {
            Method::Get => library::curate::shelf(req, env, caller, id).await,
            _ => library::curate::create(req, env, caller, id).await,
        },
        ("/api/dashboard/library/{id}", [id]) => match req.method() {
            Method::Get => library::curate::get(req, env, caller, id).await,
            _ => library::curate::save(req, env, caller, id).await,
        },
        ("/api/dashboard/networks/{id}/digest", [id]) => match req.method() {
            Method::Get => news::digest::preview(req, env, caller, id).await,
            _ => news::digest::send(req, env, ctx, id).await,
        },
        ("/api/dashboard/library/{id}/state", [id]) => {
            dashboard::publication::change_state::<library::curate::LoadedResource>(
                req, env, ctx, caller, id,
            )
            .await
        }
        ("/api/dashboard/library/{id}/file", [id]) => match req.method() {
            Method::Delete => library::file::remove(req, env, caller, id).await,
            _ => library::file::attach(req, env, caller, id).await,
        },
        _ => Err(ApiError::Internal(format!("no handler for {template}"))),
    }
}

/// The template `path` matches and its parameters; a known path with another method is
/// "method not allowed", anything else "not found".
fn find_route<'p>(
    method: &str,
    path: &'p str,
) -> std::result::Result<(&'static str, Vec<&'p str>), ProblemKind> {
    let segments = path_segments(path);
    let mut path_known = false;
    for (route_method, template) in ROUTES {
        if let Some(params) = template_params(template, &segments) {
            path_known = true;
            if *route_method == method {
                return Ok((template, params));
            }
        }
    }
    Err(if path_known {
        ProblemKind::MethodNotAllowed
    } else {
        ProblemKind::NotFound
    })
}

/// The methods `ROUTES` declares for `path`, in table order (a 405's `Allow`).
fn allowed_methods(path: &str) -> Vec<&'static str> {
    let segments = path_segments(path);
    ROUTES
        .iter()
        .filter(|(_, template)| template_params(template, &segments).is_some())
        .map(|(method, _)| *method)
        .collect()
}

fn path_segments(path: &str) -> Vec<&str> {
    path.trim_end_matches('/').split('/').collect()
}

/// The parameters of `template` in `segments`, if they match (no parameter empty).
fn template_params<'p>(template: &str, segments: &[&'p str]) -> Option<Vec<&'p str>> {
    let parts: Vec<&str> = template.split('/').collect();
    if parts.len() != segments.len() {
        return None;
    }
    let mut params = vec![];
    for (part, segment) in parts.iter().zip(segments) {
        if part.starts_with('{') {
            if segment.is_empty() {
                return None;
            }
            params.push(*segment);
        } else if part != segment {
            return None;
        }
    }
    Some(params)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn the_openapi_document_describes_exactly_the_routes() {
        let doc: serde_json::Value = serde_json::from_str(include_str!("../openapi.json")).unwrap();
        let documented: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, ops)| {
                ops.as_object()
                    .unwrap()
                    .keys()
                    .map(|m| (m.to_uppercase(), path.clone()))
            })
            .collect();
        let routed: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|(m, p)| (m.to_string(), p.to_string()))
            .collect();
        assert_eq!(documented, routed);
    }

    #[test]
    fn finds_routes_and_their_parameters() {
        assert_eq!(
            find_route("GET", "/api/health"),
            Ok(("/api/health", vec![]))
        );
        assert_eq!(
            find_route("GET", "/api/offerings/"),
            Ok(("/api/offerings", vec![]))
        );
        assert_eq!(
            find_route("GET", "/api/offerings/abc"),
            Ok(("/api/offerings/{id}", vec!["abc"]))
        );
        assert_eq!(
            find_route("POST", "/api/offerings"),
            Err(ProblemKind::MethodNotAllowed)
        );
        assert_eq!(
            find_route("GET", "/api/offerings/a/b"),
            Err(ProblemKind::NotFound)
        );
        assert_eq!(
            find_route("GET", "/api/nothing"),
            Err(ProblemKind::NotFound)
        );
    }

    #[test]
    fn a_known_path_with_another_method_lists_the_methods_it_takes() {
        for method in ["TRACE", "PUT", "OPTIONS", "HEAD"] {
            assert_eq!(
                find_route(method, "/api/offerings"),
                Err(ProblemKind::MethodNotAllowed),
                "{method}"
            );
        }
        assert_eq!(allowed_methods("/api/offerings"), ["GET"]);
        assert_eq!(allowed_methods("/api/offerings/"), ["GET"]);
        assert_eq!(
            allowed_methods("/api/registrations/abc"),
            ["GET", "PATCH", "DELETE"]
        );
        assert_eq!(allowed_methods("/api/auth/login"), ["POST"]);
        assert_eq!(
            find_route("PUT", "/api/registrations/abc"),
            Err(ProblemKind::MethodNotAllowed)
        );
        // An unknown path, or a parameter left empty, is not found, whatever the method.
        assert!(allowed_methods("/api/nothing").is_empty());
        assert!(allowed_methods("/api/registrations//cancel").is_empty());
        assert_eq!(
            find_route("TRACE", "/api/nothing"),
            Err(ProblemKind::NotFound)
        );
    }
}
