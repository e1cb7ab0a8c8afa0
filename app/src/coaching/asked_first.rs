//! A change the organisation's page asks about first (a contact removed, a request
//! withdrawn): a button, then the question with « Oui » and « Annuler »; once done, the
//! page says so, reads itself again and puts the focus on the section's heading.

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::form::focus;
use crate::i18n::use_i18n;

/// What the button, the question and the answer say, already in the reader's language.
pub(super) struct Wording {
    pub action: String,
    pub question: String,
    pub yes: String,
    pub done: String,
}

/// `id` names the question, which takes the focus when asked; `heading` is the section's
/// heading, which takes it once done. `notice` outlives the page's reading again.
#[component]
pub(super) fn AskedFirst(
    id: String,
    method: Method,
    url: String,
    wording: Wording,
    heading: &'static str,
    version: RwSignal<u32>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let Wording {
        action,
        question,
        yes,
        done,
    } = wording;
    let ask = {
        let id = id.clone();
        move |_| {
            asking.set(true);
            focus(id.clone());
        }
    };
    let confirm = move |_| {
        let (method, url, done) = (method.clone(), url.clone(), done.clone());
        busy.set(true);
        spawn_local(async move {
            let answer = api::send(method, &url, None, &[]).await;
            busy.set(false);
            match answer {
                Ok(_) => {
                    problem.set(None);
                    notice.set(Some(done));
                    version.update(|v| *v += 1);
                    focus(heading);
                }
                Err(ApiError::Refused(p)) => problem.set(Some(p.detail.unwrap_or(p.title))),
                Err(_) => problem.set(Some(i18n.t("coaching-contact-offline"))),
            }
        });
    };
    view! {
        <span class="asked-first">
            <button type="button" class="link" on:click=ask hidden=move || asking.get()>{action}</button>
            <span hidden=move || !asking.get()>
                <span id=id tabindex="-1">{question}</span> " "
                <button type="button" class="button secondary" disabled=busy on:click=confirm>{yes}</button> " "
                <button type="button" class="button secondary" on:click=move |_| asking.set(false)>
                    {i18n.t("coaching-contact-remove-no")}
                </button>
            </span>
        </span>
        <p class="field-error" role="alert" hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
    }
}
