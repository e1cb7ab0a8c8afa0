//! A network's desk: the network switch, its offerings with their editions, facilitators
//! and partners, each with its publication state and how complete its writing is. An
//! account that only curates libraries is shown the way to them instead.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use relais_domain::dashboard::{EditionLine, ItemLine, NetworkDesk, OfferingLine};

use super::{encode, title_of, use_session, Completion, StateBadge};
use crate::api::{self, ApiError};
use crate::i18n::use_i18n;
use crate::layout::Fetched;

#[component]
pub fn DeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    view! {
        <article class="dashboard desk" aria-labelledby="dash-title">
            <h1 id="dash-title">{i18n.text("dash-title")}</h1>
            {move || match network.get() {
                // A librarian or a partner who coordinates nowhere: the library is theirs to
                // curate, the coaching requests assigned to them theirs to take on.
                None if session.librarian_or_partner_only() => view! { <OwnDesk/> }.into_any(),
                // A member who coordinates nowhere: the catalog is its coordinators' to write.
                None if session.account.with_value(|a| !a.networks.is_empty()) => {
                    view! { <p class="none">{i18n.t("dash-facilitator-only")}</p> }.into_any()
                }
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(network) => view! { <NetworkSwitch current=network.clone()/> <Desk network/> }.into_any(),
            }}
        </article>
    }
}

/// Where a librarian or a partner goes: the library of each network they curate, the
/// coaching of each network they give it for.
#[component]
fn OwnDesk() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let code = i18n.code();
    let links = |networks: Vec<(String, String)>, page: &'static str, label: &'static str| {
        networks
            .into_iter()
            .map(|(id, name)| {
                let href = format!("/{code}/dashboard/{page}?network={}", encode(&id));
                let label = i18n.with(|m| m.format(label, &[("network", name.into())]));
                view! { <li><a class="button primary" href=href>{label}</a></li> }
            })
            .collect_view()
    };
    let library = session.library_networks();
    let coaching = session.coaching_networks();
    let lead = if library.is_empty() {
        "dash-partner-lead"
    } else {
        "dash-librarian-lead"
    };
    view! {
        <p class="lead">{i18n.text(lead)}</p>
        <ul class="actions" role="list">
            {links(library, "library", "dash-library-of")}
            {links(coaching, "coaching", "dash-coaching-of")}
        </ul>
    }
}

/// The account's networks, when it has several: the chosen one goes in the address.
#[component]
fn NetworkSwitch(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let networks = session.networks();
    if networks.len() < 2 {
        return ().into_any();
    }
    let navigate = use_navigate();
    let chosen = RwSignal::new(current.clone());
    let go = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let url = format!(
            "/{}/dashboard?network={}",
            i18n.code(),
            encode(&chosen.get_untracked())
        );
        navigate(&url, Default::default());
    };
    view! {
        <form class="network-switch" on:submit=go>
            <label for="network">{i18n.text("dash-network")}</label>
            <select id="network" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {networks
                    .into_iter()
                    .map(|(id, name)| {
                        let selected = id == current;
                        view! { <option value=id selected=selected>{name}</option> }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button secondary">{i18n.text("dash-network-show")}</button>
        </form>
    }
    .into_any()
}

#[component]
fn Desk(network: String) -> impl IntoView {
    let i18n = use_i18n();
    let path = format!("/api/dashboard/networks/{}", encode(&network));
    let url = Signal::derive(move || format!("{path}?lang={}", i18n.lang.get()));
    let show = move |answer| -> Result<AnyView, ApiError> {
        let desk: NetworkDesk = api::typed(answer)?;
        Ok(view! { <DeskView desk/> }.into_any())
    };
    view! { <Fetched url show=Arc::new(show)/> }
}

#[component]
fn DeskView(desk: NetworkDesk) -> impl IntoView {
    let i18n = use_i18n();
    let code = i18n.code();
    let network = encode(&desk.network.id);
    let new_offering = format!("/{code}/dashboard/offerings/new?network={network}");
    let audit = format!("/{code}/dashboard/audit?network={network}");
    let members = format!("/{code}/dashboard/members?network={network}");
    let summary = desk.clone();
    let offerings = if desk.offerings.is_empty() {
        view! { <p class="none">{i18n.t("dash-no-offerings")}</p> }.into_any()
    } else {
        view! {
            <ul class="dash-list" role="list">
                {desk.offerings.into_iter().map(|o| view! { <OfferingCard offering=o/> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2 class="network-name">{desk.network.name.clone()}</h2>
        <super::home::Summary desk=summary/>
        <Completion completeness=desk.completeness label=i18n.t("dash-network-completeness")/>
        <p class="actions">
            <a class="button primary" href=new_offering>{i18n.t("dash-new-offering")}</a>
            <a class="button secondary" href=audit>{i18n.t("dash-audit")}</a>
            <a class="button secondary" href=members>{i18n.t("dash-members")}</a>
        </p>
        <section aria-labelledby="offerings-title">
            <h2 id="offerings-title">{i18n.t("dash-offerings")}</h2>
            {offerings}
        </section>
        <People kind="people" title=i18n.t("dash-people") new=i18n.t("dash-new-person")
            none=i18n.t("dash-no-people") network=network.clone() items=desk.people/>
        <People kind="partners" title=i18n.t("dash-partners") new=i18n.t("dash-new-partner")
            none=i18n.t("dash-no-partners") network=network.clone() items=desk.partners/>
    }
}

#[component]
fn OfferingCard(offering: OfferingLine) -> impl IntoView {
    let i18n = use_i18n();
    let code = i18n.code();
    let href = format!("/{code}/dashboard/offerings/{}", encode(&offering.id));
    let heading = format!("offering-{}", offering.id);
    let editions = (!offering.editions.is_empty()).then(|| {
        view! {
            <ul class="dash-editions" role="list" aria-label=i18n.t("dash-editions")>
                {offering.editions.into_iter().map(|e| view! { <EditionRow edition=e/> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class="card dash-card">
            <h3 id=heading.clone()><a href=href>{title_of(i18n, &offering.title)}</a></h3>
            <p class="state-line"><StateBadge state=offering.state/></p>
            <Completion completeness=offering.completeness label=i18n.t("dash-completeness-label")/>
            {editions}
        </li>
    }
}

/// An edition under its offering: its title (or its first date), state, sessions and people.
#[component]
fn EditionRow(edition: EditionLine) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!(
        "/{}/dashboard/editions/{}",
        i18n.code(),
        encode(&edition.id)
    );
    let name = if edition.title.is_empty() {
        let date = edition.starts_at.map(|at| {
            i18n.with(|m| {
                relais_domain::schedule::format_date(crate::time::viewer_local(at).date(), m)
            })
        });
        match date {
            Some(date) => i18n.with(|m| m.format("dash-edition-of", &[("date", date.into())])),
            None => i18n.t("dash-edition-undated"),
        }
        .into_any()
    } else {
        title_of(i18n, &edition.title)
    };
    let facts = i18n.with(|m| {
        format!(
            "{} · {}",
            m.format("sessions-count", &[("count", edition.sessions.into())]),
            m.format(
                "dash-registrations-count",
                &[("count", edition.registrations.into())]
            )
        )
    });
    view! {
        <li class="dash-edition">
            <a href=href>{name}</a> " " <StateBadge state=edition.state/>
            <span class="facts-line">{facts}</span>
            <Completion completeness=edition.completeness label=i18n.t("dash-completeness-label")/>
        </li>
    }
}

/// Facilitators or partners, as the desk lists them (`kind`: `people` or `partners`, the
/// path of their editor), and a new one.
#[component]
fn People(
    kind: &'static str,
    title: String,
    new: String,
    none: String,
    network: String,
    items: Vec<ItemLine>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = i18n.code();
    let title_id = format!("{kind}-title");
    let labelled = title_id.clone();
    let new_href = format!("/{code}/dashboard/{kind}/new?network={network}");
    let list = if items.is_empty() {
        view! { <p class="none">{none}</p> }.into_any()
    } else {
        view! {
            <ul class="dash-list" role="list">
                {items
                    .into_iter()
                    .map(|item| {
                        let href = format!("/{code}/dashboard/{kind}/{}", encode(&item.id));
                        view! {
                            <li class="card dash-card">
                                <h3><a href=href>{item.name}</a></h3>
                                <p class="state-line"><StateBadge state=item.state/></p>
                                <Completion completeness=item.completeness label=i18n.t("dash-completeness-label")/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=labelled>
            <h2 id=title_id>{title}</h2>
            <p class="actions"><a class="button secondary" href=new_href>{new}</a></p>
            {list}
        </section>
    }
}
