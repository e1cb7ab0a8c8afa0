//! Registering on behalf of the organisation from its page: the registrations made through
//! its link, each with the person, the edition and where it stands, and the editions whose
//! people register on behalf of an organisation that take registrations now, each a link to
//! its form under the organisation's link.

use leptos::prelude::*;
use relais_domain::coaching::organisation::{OnBehalfEdition, OrganisationRegistration};
use relais_domain::schedule::format_date;

use crate::api;
use crate::i18n::use_i18n;
use crate::time::viewer_local;

#[component]
pub fn OnBehalf(
    registrations: Vec<OrganisationRegistration>,
    editions: Vec<OnBehalfEdition>,
    token: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move |id: &str| i18n.t(id);
    // Nothing made and nothing open: nothing to say.
    if registrations.is_empty() && editions.is_empty() {
        return ().into_any();
    }
    let date = move |starts_at: Option<chrono::DateTime<chrono::Utc>>| {
        starts_at.map(|at| {
            let datetime = at.to_rfc3339();
            view! {
                " · " <time datetime=datetime>{move || i18n.with(|m| format_date(viewer_local(at).date(), m))}</time>
            }
        })
    };
    let made = if registrations.is_empty() {
        view! { <p class="none">{t("coaching-on-behalf-none")}</p> }.into_any()
    } else {
        view! {
            <ul class="registrations" role="list">
                {registrations
                    .into_iter()
                    .map(|r| {
                        let status = t(&format!("coaching-on-behalf-status-{}", r.status.as_str()));
                        view! {
                            <li data-status=r.status.as_str()>
                                <h3>{r.name}</h3>
                                <p class="hint">{r.offering_title} " · " {r.network_name} {date(r.starts_at)}</p>
                                <p><span class="status">{status}</span></p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let open = (!editions.is_empty()).then(|| {
        let links = editions
            .into_iter()
            .map(|e| {
                let href = format!(
                    "/{}/organisations/{}/register/{}",
                    i18n.code(),
                    api::encode(&token),
                    api::encode(&e.edition_id)
                );
                view! {
                    <li>
                        <a href=href>{e.offering_title}</a>
                        <span class="hint">" · " {e.network_name} {date(e.starts_at)}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t("coaching-on-behalf-open")}</h3>
            <p class="hint">{t("coaching-on-behalf-open-hint")}</p>
            <ul class="on-behalf-editions" role="list">{links}</ul>
        }
    });
    view! {
        <section aria-labelledby="on-behalf-title">
            <h2 id="on-behalf-title">{t("coaching-on-behalf")}</h2>
            {made}
            {open}
        </section>
    }
    .into_any()
}
