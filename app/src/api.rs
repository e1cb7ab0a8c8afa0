//! Every network read the app makes, as typed, serializable results: the one place a local
//! cache will later answer from when the network is gone.

use gloo_net::http::Request;
use js_sys::Reflect;
#[cfg(not(any(feature = "forms", feature = "dashboard")))]
use relais_domain::catalog::{query::CatalogQuery, CatalogPage};
use relais_domain::problem::{Problem, CONTENT_TYPE};
use relais_domain::Lang;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Debug)]
pub enum ApiError {
    /// No answer at all: offline, or the connection dropped.
    Offline,
    /// The API refused, and said why in the reader's language.
    Refused(Box<Problem>),
    /// An answer we could not read.
    Unexpected(String),
}

impl ApiError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ApiError::Refused(p) if p.status == 404)
    }
}

/// What `index.html` has for `url`, if anything: the catalog's first page the Worker wrote
/// into the page, or the answer to the request it made while the app was downloading.
/// Taken once: later reads go to the network.
async fn prefetched(url: &str) -> Option<Answer> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("relaisPrefetch");
    let entry = Reflect::get(&window, &key)
        .ok()
        .filter(JsValue::is_object)?;
    let _ = Reflect::delete_property(&window, &key);
    let field = |name: &str| Reflect::get(&entry, &JsValue::from_str(name)).ok();
    if field("url")?.as_string()? != url {
        return None;
    }
    if let Some(data) = field("data").filter(JsValue::is_object) {
        return Some(Ok(data));
    }
    let promise: js_sys::Promise = field("response")?.dyn_into().ok()?;
    let raw: web_sys::Response = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(answer(raw).await)
}

/// The body parsed by the browser's own `JSON.parse`: smaller wasm than a JSON parser of
/// our own.
async fn read_json(response: &web_sys::Response) -> Answer {
    let promise = response
        .json()
        .map_err(|_| ApiError::Unexpected("no body".into()))?;
    JsFuture::from(promise)
        .await
        .map_err(|_| ApiError::Unexpected("not JSON".into()))
}

/// An answer as the browser parsed it, before a page reads it as its own type (`typed`).
/// Pages hold their answers in this one type: each type a page resource holds costs a
/// phone kilobytes of wasm.
pub type Answer = Result<JsValue, ApiError>;

/// GETs `url` (or takes what `index.html` has for it) and parses its JSON.
pub async fn fetch(url: String) -> Answer {
    if let Some(answer) = prefetched(&url).await {
        return answer;
    }
    match Request::get(&url)
        .header("Accept", "application/json")
        .send()
        .await
    {
        Ok(response) => answer(response.into()).await,
        Err(_) => Err(ApiError::Offline),
    }
}

/// Sends `body` (a JSON text) to `url` with `method` and `headers`: a registration, a
/// change through a manage link, a coordinator's action. The session cookie goes with it
/// (same origin). An answer with no content is `null`.
#[cfg(any(feature = "forms", feature = "dashboard"))]
pub async fn send(
    method: gloo_net::http::Method,
    url: &str,
    body: Option<String>,
    headers: &[(&str, &str)],
) -> Answer {
    let mut request = gloo_net::http::RequestBuilder::new(url)
        .method(method)
        .header("Accept", "application/json");
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let request = match body {
        Some(body) => request
            .header("Content-Type", "application/json")
            .body(body),
        None => request.build(),
    };
    sent(request).await
}

/// PUTs `file` to `url` as its own type (a resource's attached file), with `headers`.
#[cfg(feature = "dashboard")]
pub async fn send_file(url: &str, file: &web_sys::File, headers: &[(&str, &str)]) -> Answer {
    let mut request = gloo_net::http::RequestBuilder::new(url)
        .method(gloo_net::http::Method::PUT)
        .header("Accept", "application/json")
        .header("Content-Type", &file.type_());
    for (name, value) in headers {
        request = request.header(name, value);
    }
    sent(request.body(JsValue::from(file.clone()))).await
}

#[cfg(any(feature = "forms", feature = "dashboard"))]
async fn sent(request: Result<gloo_net::http::Request, gloo_net::Error>) -> Answer {
    let Ok(request) = request else {
        return Err(ApiError::Unexpected("request not built".into()));
    };
    match request.send().await {
        Ok(response) if response.status() == 204 => Ok(JsValue::NULL),
        Ok(response) => answer(response.into()).await,
        Err(_) => Err(ApiError::Offline),
    }
}

/// `value` as a JSON text for `send`.
#[cfg(any(feature = "forms", feature = "dashboard"))]
pub fn json_text<T: serde::Serialize>(value: &T) -> String {
    // Maps as plain objects, as JSON has them (not as JS `Map`s).
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
        .and_then(|v| js_sys::JSON::stringify(&v).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A response's JSON, or the problem it reports.
async fn answer(response: web_sys::Response) -> Answer {
    if response.ok() {
        return read_json(&response).await;
    }
    let is_problem = response
        .headers()
        .get("Content-Type")
        .ok()
        .flatten()
        .is_some_and(|c| c.starts_with(CONTENT_TYPE));
    if is_problem {
        if let Ok(problem) = read_json(&response).await.and_then(typed::<Problem>) {
            return Err(ApiError::Refused(Box::new(problem)));
        }
    }
    Err(ApiError::Unexpected(format!("HTTP {}", response.status())))
}

/// An answer read as `T`.
pub fn typed<T: DeserializeOwned>(value: JsValue) -> Result<T, ApiError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| ApiError::Unexpected(e.to_string()))
}

/// `value` as one component of an address (`encodeURIComponent`).
pub fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
/// The catalog address for `query`, parameters in one order (`CatalogQuery::pairs`), so
/// the same view is always the same address: `index.html` asks for the unfiltered one
/// (`lang`, then `tz`) while the app downloads.
pub fn catalog_url(lang: Lang, query: &CatalogQuery, cursor: Option<&str>) -> String {
    let mut url = format!("/api/offerings?lang={lang}");
    for (key, value) in query.pairs() {
        url.push_str(&format!("&{key}={}", encode(&value)));
    }
    if let Some(cursor) = cursor {
        url.push_str(&format!("&cursor={}", encode(cursor)));
    }
    url
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
/// One page of the catalog; `cursor` is the previous page's `next_cursor`.
pub async fn catalog(
    lang: Lang,
    query: CatalogQuery,
    cursor: Option<String>,
) -> Result<CatalogPage, ApiError> {
    typed(fetch(catalog_url(lang, &query, cursor.as_deref())).await?)
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
/// One offering (`OfferingDetail`), with the reader's offsets for `zone`.
pub fn offering_url(lang: Lang, id: &str, zone: &str) -> String {
    format!(
        "/api/offerings/{}?lang={lang}&tz={}",
        encode(id),
        encode(zone)
    )
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
/// Whose page a profile is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ProfileKind {
    Facilitator,
    Partner,
    Network,
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
impl ProfileKind {
    /// The path segment, the same in the app's addresses and the API's.
    pub fn segment(self) -> &'static str {
        match self {
            ProfileKind::Facilitator => "people",
            ProfileKind::Partner => "partners",
            ProfileKind::Network => "networks",
        }
    }
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
/// Every network as `(id, name)`, in the site's order, for the catalog's filter; none when
/// the list cannot be had. Read field by field from `NetworkList`: a serde type of its own
/// would cost a phone more wasm than these few lines.
pub async fn networks(lang: Lang) -> Vec<(String, String)> {
    let Ok(list) = fetch(format!("/api/networks?lang={lang}")).await else {
        return vec![];
    };
    let field = |value: &JsValue, name: &str| {
        Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let items = Reflect::get(&list, &JsValue::from_str("items")).unwrap_or_default();
    js_sys::Array::from(&items)
        .iter()
        .filter_map(|n| Some((field(&n, "id")?, field(&n, "name")?)))
        .collect()
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
/// A facilitator's, a partner's or a network's page (`Profile`), their offerings with the
/// reader's offsets for `zone`.
pub fn profile_url(kind: ProfileKind, lang: Lang, id: &str, zone: &str) -> String {
    format!(
        "/api/{}/{}?lang={lang}&tz={}",
        kind.segment(),
        encode(id),
        encode(zone)
    )
}

#[cfg(not(any(feature = "forms", feature = "dashboard")))]
/// One page of past editions (`ArchivePage`), most recent first; `cursor` is the previous
/// page's `next_cursor`.
pub fn archive_url(lang: Lang, cursor: Option<&str>, zone: &str) -> String {
    let mut url = format!("/api/archive?lang={lang}&tz={}", encode(zone));
    if let Some(cursor) = cursor {
        url.push_str(&format!("&cursor={}", encode(cursor)));
    }
    url
}

/// Whose private link an edition is registered for through, if any.
#[cfg(feature = "forms")]
#[derive(Clone, Debug, PartialEq)]
pub enum Through {
    /// A community member's (which may also take their network's members-only editions).
    Member(String),
    /// An organisation's, on its behalf (editions whose people register for one).
    Organisation(String),
}

/// Where an edition is registered for: publicly, or through a private link.
#[cfg(feature = "forms")]
fn edition_base(edition: &str, through: Option<&Through>) -> String {
    match through {
        Some(Through::Member(token)) => format!(
            "/api/members/{}/editions/{}",
            encode(token),
            encode(edition)
        ),
        Some(Through::Organisation(token)) => format!(
            "/api/organisations/{}/editions/{}",
            encode(token),
            encode(edition)
        ),
        None => format!("/api/editions/{}", encode(edition)),
    }
}

/// An edition's registration form (`RegistrationForm`), with the reader's offsets for `zone`.
#[cfg(feature = "forms")]
pub fn registration_form_url(
    lang: Lang,
    edition: &str,
    through: Option<&Through>,
    zone: &str,
) -> String {
    format!(
        "{}/registration-form?lang={lang}&tz={}",
        edition_base(edition, through),
        encode(zone)
    )
}

/// Where a registration for `edition` is sent; problems come back in `lang`.
#[cfg(feature = "forms")]
pub fn registrations_url(lang: Lang, edition: &str, through: Option<&Through>) -> String {
    format!(
        "{}/registrations?lang={lang}",
        edition_base(edition, through)
    )
}

/// A registration through its manage token (`ManagedRegistration`); `action` is `""`,
/// `"/cancel"`, or a resource of its edition with `"/library/{id}"`.
#[cfg(feature = "forms")]
pub fn manage_url(lang: Lang, token: &str, action: &str) -> String {
    format!("/api/registrations/{}{action}?lang={lang}", encode(token))
}

/// A network's community: its application form (`CommunityForm`) with `action` `""`, where
/// an application is sent with `"/applications"`; problems come back in `lang`.
#[cfg(feature = "forms")]
pub fn community_url(lang: Lang, network: &str, action: &str) -> String {
    format!(
        "/api/networks/{}/community{action}?lang={lang}",
        encode(network)
    )
}

/// A community member through their private link (`MemberView`, leaving with `DELETE`) with
/// `rest` `""`, or a resource they may read with `"/library/{id}"`.
#[cfg(feature = "forms")]
pub fn member_url(lang: Lang, token: &str, rest: &str) -> String {
    format!("/api/members/{}{rest}?lang={lang}", encode(token))
}
