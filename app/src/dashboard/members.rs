//! A network's members, for its coordinators: who they are and their roles, a new role,
//! removing someone (confirmed first), the invitations still open, inviting an address to a
//! role, and leaving the network. The rules (who may, and the last coordinator who stays)
//! are the API's: its refusals are shown as it words them.

use std::sync::Arc;

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use relais_domain::account::joining::{
    InvitationRequest, Member, NetworkMembers, PendingInvitation, RoleChange, INVITATION_DAYS,
};
use relais_domain::account::Role;
use relais_domain::coaching::organisation::PartnerChoice;
use relais_domain::schedule::{format_date, format_datetime};
use relais_domain::Lang;

use super::{encode, failed, use_session, Problems};
use crate::api::{self, ApiError};
use crate::form::{focus, Control, Field, FormState, Submit, Values};
use crate::i18n::{use_i18n, I18n};
use crate::layout::Fetched;
use crate::time::viewer_local;

/// `/{lang}/dashboard/members?network=…`.
#[component]
pub fn MembersPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let network = Memo::new(move |_| session.chosen_network(query.read().get("network")));
    Effect::new(move |_| session.network.set(network.get()));
    // Bumped after each change: the list is read again.
    let version = RwSignal::new(0u32);
    let done = RwSignal::new(String::new());
    let changed = Callback::new(move |message: String| {
        done.set(message);
        version.update(|v| *v += 1);
        focus("members-done");
    });
    let url = Signal::derive(move || {
        format!(
            "/api/networks/{}/members?lang={}&v={}",
            encode(&network.get().unwrap_or_default()),
            i18n.lang.get(),
            version.get()
        )
    });
    let show = move |answer| -> Result<AnyView, ApiError> {
        let members: NetworkMembers = api::typed(answer)?;
        Ok(view! { <MembersView members changed/> }.into_any())
    };
    view! {
        <article class="dashboard members" aria-labelledby="members-title">
            <h1 id="members-title">{i18n.text("dash-members")}</h1>
            <p class="lead">{i18n.text("dash-members-lead")}</p>
            <p id="members-done" class="done" role="status" tabindex="-1">{move || done.get()}</p>
            {move || match network.get() {
                None => view! { <p class="none">{i18n.t("dash-no-network")}</p> }.into_any(),
                Some(_) => view! { <Fetched url show=Arc::new(show)/> }.into_any(),
            }}
        </article>
    }
}

/// A role as a member's line and the choices say it: « Coordination ».
fn role_name(i18n: I18n, role: Role) -> String {
    i18n.t(&format!("dash-role-{}", role.as_str()))
}

/// A role with the partner it is held for: « Partenaire d’accompagnement · Niska ».
fn role_held(i18n: I18n, role: Role, partner: Option<&str>) -> String {
    match partner {
        Some(partner) => format!("{} · {partner}", role_name(i18n, role)),
        None => role_name(i18n, role),
    }
}

#[component]
fn MembersView(members: NetworkMembers, changed: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let me = session.account.with_value(|a| a.id.clone());
    let state = FormState::new();
    // The member whose removal waits for a confirmation.
    let confirming = RwSignal::new(None::<String>);
    let network = StoredValue::new(members.network_id.clone());
    let network_name = StoredValue::new(members.network_name.clone());
    let invitations = members.invitations;
    let partners = members.partners;
    let mine = members.members.iter().any(|m| m.account_id == me);
    let lines = members
        .members
        .into_iter()
        .enumerate()
        .map(|(i, member)| {
            let own = member.account_id == me;
            view! { <MemberLine member index=i own state confirming network network_name changed/> }
        })
        .collect_view();
    view! {
        <h2 class="network-name">{members.network_name.clone()}</h2>
        <section aria-labelledby="members-list-title">
            <h2 id="members-list-title">{i18n.t("dash-members-list")}</h2>
            <Problems state id="members-summary"/>
            <ul class="dash-list members-list" role="list">{lines}</ul>
        </section>
        <Invitations invitations/>
        {mine.then(|| view! { <Leave network network_name/> })}
        <InviteForm network=network.get_value() partners changed/>
    }
}

/// One member: name, address, role and since when; a new role, and removing them.
#[component]
fn MemberLine(
    member: Member,
    index: usize,
    own: bool,
    state: FormState,
    confirming: RwSignal<Option<String>>,
    network: StoredValue<String>,
    network_name: StoredValue<String>,
    changed: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = StoredValue::new(member.account_id.clone());
    let name = StoredValue::new(member.name.clone());
    let select_id = format!("member-role-{index}");
    let path = move || {
        format!(
            "/api/networks/{}/members/{}",
            encode(&network.get_value()),
            encode(&id.get_value())
        )
    };
    let chosen = RwSignal::new(member.role);
    let change_role = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let role = chosen.get_untracked();
        let body = api::json_text(&RoleChange {
            role: Some(role.as_str().to_owned()),
        });
        let lang = i18n.lang.get_untracked();
        state.sending.set(true);
        spawn_local(async move {
            let answer = session.send(Method::PUT, &path(), Some(body), lang).await;
            state.sending.set(false);
            match answer {
                // No longer a coordinator: the dashboard again, with the account's new roles.
                Ok(_) if own && role != Role::Coordinator => {
                    let _ = window()
                        .location()
                        .assign(&format!("/{}/dashboard", lang.code()));
                }
                Ok(_) => {
                    state.clear();
                    let args = [
                        ("name", name.get_value().into()),
                        ("role", role_name(i18n, role).into()),
                    ];
                    changed.run(i18n.with(|m| m.format("dash-member-role-changed", &args)));
                }
                Err(error) => failed(i18n, state, "", "members-summary", error),
            }
        });
    };
    let remove = move |_| {
        let lang = i18n.lang.get_untracked();
        state.sending.set(true);
        spawn_local(async move {
            let answer = session.send(Method::DELETE, &path(), None, lang).await;
            state.sending.set(false);
            confirming.set(None);
            match answer {
                Ok(_) => {
                    state.clear();
                    let args = [
                        ("name", name.get_value().into()),
                        ("network", network_name.get_value().into()),
                    ];
                    changed.run(i18n.with(|m| m.format("dash-member-removed", &args)));
                }
                Err(error) => failed(i18n, state, "", "members-summary", error),
            }
        });
    };
    let asking = move || confirming.with(|c| c.as_deref() == Some(id.get_value().as_str()));
    let since = i18n.with(|m| {
        let date = format_date(viewer_local(member.joined_at).date(), m);
        m.format("dash-member-since", &[("date", date.into())])
    });
    let label = i18n.with(|m| {
        m.format(
            "dash-member-role-of",
            &[("name", member.name.clone().into())],
        )
    });
    // A partner's role names its partner: it is offered by invitation only.
    let options = Role::ALL
        .into_iter()
        .filter(|r| !r.for_a_partner() || *r == member.role)
        .map(|r| {
            let selected = r == member.role;
            view! { <option value=r.as_str() selected=selected>{role_name(i18n, r)}</option> }
        })
        .collect_view();
    let busy = move || state.sending.get();
    let removal = (!own).then(|| {
        view! {
            <Show
                when=asking
                fallback=move || view! {
                    <button type="button" class="button secondary" disabled=busy
                        on:click=move |_| confirming.set(Some(id.get_value()))>
                        {i18n.t("dash-member-remove")}
                    </button>
                }
            >
                <div class="confirm" role="group" aria-label=i18n.t("dash-member-remove")>
                    <p>{i18n.with(|m| m.format("dash-member-remove-confirm", &[
                        ("name", name.get_value().into()),
                        ("network", network_name.get_value().into()),
                    ]))}</p>
                    <button type="button" class="button primary" disabled=busy on:click=remove>
                        {i18n.t("dash-member-remove-yes")}
                    </button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(None)>
                        {i18n.t("dash-keep")}
                    </button>
                </div>
            </Show>
        }
    });
    view! {
        <li class="card dash-card member">
            <h3>
                {member.name.clone()}
                {own.then(|| view! { " " <span class="you">{i18n.t("dash-member-you")}</span> })}
            </h3>
            <p class="facts-line">{member.email.clone()}</p>
            <p class="state-line">
                <span class="badge" data-role=member.role.as_str()>
                    {role_held(i18n, member.role, member.partner.as_deref())}
                </span>
                {member.disabled.then(|| view! { " " <span class="badge" data-state="archived">{i18n.t("dash-member-disabled")}</span> })}
                " " <span class="facts-line">{since}</span>
            </p>
            <form class="member-role" on:submit=change_role>
                <label for=select_id.clone()>{label}</label>
                <select id=select_id on:change=move |ev| {
                    if let Some(role) = Role::parse(&event_target_value(&ev)) {
                        chosen.set(role);
                    }
                }>{options}</select>
                <button type="submit" class="button secondary" disabled=busy>{i18n.t("dash-member-change-role")}</button>
            </form>
            {removal}
        </li>
    }
}

/// The invitations still open, soonest to expire first.
#[component]
fn Invitations(invitations: Vec<PendingInvitation>) -> impl IntoView {
    let i18n = use_i18n();
    if invitations.is_empty() {
        return ().into_any();
    }
    view! {
        <section aria-labelledby="invitations-title">
            <h2 id="invitations-title">{i18n.t("dash-invitations")}</h2>
            <ul class="invitations" role="list">
                {invitations
                    .into_iter()
                    .map(|invitation| {
                        let until = i18n.with(|m| format_datetime(viewer_local(invitation.expires_at), m));
                        let by = invitation.invited_by.clone().unwrap_or_default();
                        let facts = i18n.with(|m| {
                            let args = [("by", by.into()), ("until", until.into())];
                            match invitation.invited_by {
                                Some(_) => m.format("dash-invitation-by", &args),
                                None => m.format("dash-invitation-until", &args),
                            }
                        });
                        view! {
                            <li class="card">
                                <p>
                                    <strong>{invitation.email}</strong> " · "
                                    {role_held(i18n, invitation.role, invitation.partner.as_deref())}
                                </p>
                                <p class="facts-line">{facts}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// Inviting an address to a role: the link goes by email, in the language chosen.
#[component]
fn InviteForm(
    network: String,
    partners: Vec<PartnerChoice>,
    changed: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let state = FormState::new();
    let path = StoredValue::new(format!("/api/networks/{}/invitations", encode(&network)));
    // The role chosen: the partner field is shown for a partner's role only.
    let role = RwSignal::new(Role::Facilitator.as_str().to_owned());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(values) = Values::of(&ev) else {
            return;
        };
        let form = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlFormElement>(t).ok());
        let request = InvitationRequest {
            email: values.text("email"),
            role: values.text("role"),
            partner: values.text("partner"),
            lang: values.text("lang"),
        };
        let email = request.email.clone().unwrap_or_default();
        let body = api::json_text(&request);
        let lang = i18n.lang.get_untracked();
        state.sending.set(true);
        spawn_local(async move {
            let answer = session
                .send(Method::POST, &path.get_value(), Some(body), lang)
                .await;
            state.sending.set(false);
            match answer {
                Ok(_) => {
                    state.clear();
                    if let Some(form) = form {
                        form.reset();
                    }
                    role.set(Role::Facilitator.as_str().to_owned());
                    changed.run(
                        i18n.with(|m| m.format("dash-invitation-sent", &[("email", email.into())])),
                    );
                }
                Err(error) => failed(i18n, state, "", "invite-summary", error),
            }
        });
    };
    let roles = Role::ALL
        .into_iter()
        .map(|r| (r.as_str().to_owned(), role_name(i18n, r)))
        .collect();
    // Asked of the partner role only, and shown once that role is chosen; the others ignore it.
    let role_changed = move |ev: leptos::ev::Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok())
        else {
            return;
        };
        if select.name() == "role" {
            role.set(select.value());
        }
    };
    let partners = std::iter::once((String::new(), "—".to_owned()))
        .chain(partners.into_iter().map(|p| (p.id, p.name)))
        .collect();
    let languages = Lang::all()
        .map(|l| {
            let name = i18n.with_lang(l, |m| m.get("language-name"));
            (l.code().to_owned(), name)
        })
        .collect();
    let t = move |id: &str| i18n.t(id);
    view! {
        <section class="invite" aria-labelledby="invite-title">
            <h2 id="invite-title">{t("dash-invite")}</h2>
            <p class="hint">{i18n.with(|m| m.format("dash-invite-hint", &[("days", INVITATION_DAYS.into())]))}</p>
            <form class="dash-form" on:submit=submit on:change=role_changed novalidate>
                <Problems state id="invite-summary"/>
                <Field name="email".into() label=t("dash-invite-email") required=true
                    control=Control::Input { kind: "email", autocomplete: "off", value: String::new() } state/>
                <Field name="role".into() label=t("dash-invite-role") required=true
                    control=Control::Select { options: roles, value: Role::Facilitator.as_str().to_owned() } state/>
                <div hidden=move || !Role::parse(&role.get()).is_some_and(Role::for_a_partner)>
                    <Field name="partner".into() label=t("dash-invite-partner") hint=t("dash-invite-partner-hint")
                        control=Control::Select { options: partners, value: String::new() } state/>
                </div>
                <Field name="lang".into() label=t("dash-invite-lang") hint=t("dash-invite-lang-hint") required=true
                    control=Control::Select { options: languages, value: i18n.code().to_owned() } state/>
                <Submit label=t("dash-invite-send") state/>
            </form>
        </section>
    }
}

/// Leaving the network, confirmed first. The network's last coordinator is refused by the
/// API, in its words. Once gone, the dashboard is loaded again: the account's networks
/// changed.
#[component]
fn Leave(network: StoredValue<String>, network_name: StoredValue<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let state = FormState::new();
    let asking = RwSignal::new(false);
    let leave = move |_| {
        let me = session.account.with_value(|a| a.id.clone());
        let path = format!(
            "/api/networks/{}/members/{}",
            encode(&network.get_value()),
            encode(&me)
        );
        let lang = i18n.lang.get_untracked();
        state.sending.set(true);
        spawn_local(async move {
            let answer = session.send(Method::DELETE, &path, None, lang).await;
            state.sending.set(false);
            asking.set(false);
            match answer {
                Ok(_) => {
                    let _ = window()
                        .location()
                        .assign(&format!("/{}/dashboard", lang.code()));
                }
                Err(error) => failed(i18n, state, "", "leave-summary", error),
            }
        });
    };
    let name = move || network_name.get_value();
    let busy = move || state.sending.get();
    view! {
        <section class="leave" aria-labelledby="leave-title">
            <h2 id="leave-title">{i18n.t("dash-leave")}</h2>
            <p class="hint">{i18n.t("dash-leave-hint")}</p>
            <Problems state id="leave-summary"/>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button secondary" disabled=busy on:click=move |_| asking.set(true)>
                        {i18n.with(|m| m.format("dash-leave-button", &[("network", name().into())]))}
                    </button>
                }
            >
                <div class="confirm" role="group" aria-labelledby="leave-title">
                    <p>{i18n.with(|m| m.format("dash-leave-confirm", &[("network", name().into())]))}</p>
                    <button type="button" class="button primary" disabled=busy on:click=leave>
                        {i18n.t("dash-leave-yes")}
                    </button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| asking.set(false)>
                        {i18n.t("dash-stay")}
                    </button>
                </div>
            </Show>
        </section>
    }
}
