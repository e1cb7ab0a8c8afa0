//! Requests in, JSON and problem details out: the caller's language, response headers,
//! and the mapping of every failure to `application/problem+json`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use relais_domain::i18n::Messages;
use relais_domain::problem::{Problem, ProblemKind, CONTENT_TYPE};
use relais_domain::Lang;
use serde::Serialize;
use worker::{console_error, Headers, Request, Response};

/// Who is asking, as far as answers depend on it.
pub struct Caller {
    pub lang: Lang,
    pub query: Vec<(String, String)>,
}

/// A refused field: its name and the reason code (message id `field-<code>`).
pub type FieldRefusal = (&'static str, &'static str);

#[derive(Debug)]
pub enum ApiError {
    Problem(ProblemKind, Vec<FieldRefusal>),
    /// Refused fields whose names are built, such as `answers.motivation`.
    Fields(ProblemKind, Vec<(String, &'static str)>),
    /// A problem with its explanation (`detail`, a message id).
    Detailed(ProblemKind, &'static str),
    /// Something below us failed; the caller gets a generic 500, the log gets the detail.
    Internal(String),
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        ApiError::Internal(e.to_string())
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        ApiError::Internal(format!("json: {e}"))
    }
}

impl From<worker::kv::KvError> for ApiError {
    fn from(e: worker::kv::KvError) -> Self {
        ApiError::Internal(format!("kv: {e}"))
    }
}

impl Caller {
    /// `?lang=` wins over `Accept-Language`. An unknown `lang` is refused rather than ignored,
    /// and the refusal is written in the `Accept-Language` choice.
    pub fn from_request(req: &Request) -> Result<Caller, (ApiError, Lang)> {
        let query: Vec<(String, String)> = req
            .url()
            .map(|u| {
                u.query_pairs()
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let negotiated = req
            .headers()
            .get("Accept-Language")
            .ok()
            .flatten()
            .map(|h| Lang::negotiate(&h))
            .unwrap_or_else(Lang::default_lang);
        let lang = match query.iter().find(|(k, _)| k == "lang") {
            Some((_, v)) => Lang::parse(v).ok_or((
                ApiError::Problem(
                    ProblemKind::InvalidQuery,
                    vec![("lang", "unknown-language")],
                ),
                negotiated,
            ))?,
            None => negotiated,
        };
        Ok(Caller { lang, query })
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A request body as text, refused (413) beyond `max` bytes: by its declared length before
/// reading, else as soon as the bytes read pass `max`, so that a chunked body (no
/// `Content-Length`) is never read whole. Bytes that are not UTF-8 are refused rather than
/// replaced: a name must not arrive with U+FFFD in it.
pub async fn body_text(req: &Request, max: usize) -> Result<String, ApiError> {
    utf8(body_bytes(req, max).await?)
}

/// A request body's bytes (a file), refused (413) beyond `max` bytes as `body_text` says.
pub async fn body_bytes(req: &Request, max: usize) -> Result<Vec<u8>, ApiError> {
    let too_large = || ApiError::Problem(ProblemKind::PayloadTooLarge, vec![]);
    let declared = req
        .headers()
        .get("Content-Length")?
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(too_large());
    }
    read_at_most(req, max).await?.ok_or_else(too_large)
}

fn utf8(bytes: Vec<u8>) -> Result<String, ApiError> {
    String::from_utf8(bytes)
        .map_err(|_| ApiError::Problem(ProblemKind::InvalidBody, vec![("body", "invalid-utf8")]))
}

/// The body's bytes, or `None` as soon as more than `max` have come: the stream is then
/// cancelled and the rest never read. worker's own `text()` would read it all first.
async fn read_at_most(req: &Request, max: usize) -> Result<Option<Vec<u8>>, ApiError> {
    use js_sys::{Function, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let js = |e: JsValue| ApiError::Internal(format!("reading the body: {e:?}"));
    let get = |target: &JsValue, name: &str| Reflect::get(target, &JsValue::from_str(name));
    let call = |target: &JsValue, name: &str| -> Result<JsValue, JsValue> {
        get(target, name)?.dyn_into::<Function>()?.call0(target)
    };
    let stream = get(req.inner(), "body").map_err(js)?;
    if stream.is_null() || stream.is_undefined() {
        return Ok(Some(vec![]));
    }
    let reader = call(&stream, "getReader").map_err(js)?;
    let mut bytes = vec![];
    loop {
        let next: Promise = call(&reader, "read").map_err(js)?.dyn_into().map_err(js)?;
        let chunk = JsFuture::from(next).await.map_err(js)?;
        if get(&chunk, "done").map_err(js)?.is_truthy() {
            return Ok(Some(bytes));
        }
        let value: Uint8Array = get(&chunk, "value").map_err(js)?.dyn_into().map_err(js)?;
        if bytes.len() + value.length() as usize > max {
            // The sender is told to stop; a failure to cancel changes nothing for the answer.
            if let Ok(Ok(done)) = call(&reader, "cancel").map(JsCast::dyn_into::<Promise>) {
                let _ = JsFuture::from(done).await;
            }
            return Ok(None);
        }
        bytes.extend(value.to_vec());
    }
}

/// A request body read as `T`: a JSON object, each field of its type (serde would also read
/// a struct from an array); anything else is refused as `body: malformed-json`.
pub fn json_object<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .filter(serde_json::Value::is_object)
        .and_then(|value| serde_json::from_value(value).ok())
        .ok_or(ApiError::Problem(
            ProblemKind::InvalidBody,
            vec![("body", "malformed-json")],
        ))
}

/// A JSON answer. `max_age` lets browsers and the edge cache public reads briefly.
pub fn json<T: Serialize>(value: &T, max_age: u32) -> Result<Response, ApiError> {
    json_text(serde_json::to_string(value)?, max_age)
}

/// A JSON answer for one person's eyes (a registrant, a coordinator): never cached.
pub fn private_json<T: Serialize>(value: &T) -> Result<Response, ApiError> {
    let mut response = json(value, 0)?;
    response
        .headers_mut()
        .set("Cache-Control", "private, no-store")?;
    Ok(response)
}

/// A JSON answer already serialized (from a cache).
pub fn json_text(body: String, max_age: u32) -> Result<Response, ApiError> {
    let headers = Headers::new();
    headers.set("Content-Type", "application/json; charset=utf-8")?;
    let cache = if max_age == 0 {
        "no-store".to_owned()
    } else {
        format!("public, max-age={max_age}")
    };
    headers.set("Cache-Control", &cache)?;
    headers.set("Vary", "Accept-Language")?;
    Ok(Response::ok(body)?.with_headers(headers))
}

/// A language's messages, built once per isolate: building them parses every `.ftl` file,
/// too much work to repeat for every page, feed and error.
pub fn messages(lang: Lang) -> Result<Rc<Messages>, ApiError> {
    thread_local! {
        static BUILT: RefCell<HashMap<Lang, Rc<Messages>>> = RefCell::new(HashMap::new());
    }
    if let Some(messages) = BUILT.with_borrow(|built| built.get(&lang).cloned()) {
        return Ok(messages);
    }
    let messages = Rc::new(Messages::new(lang).map_err(|e| ApiError::Internal(e.to_string()))?);
    BUILT.with_borrow_mut(|built| built.insert(lang, messages.clone()));
    Ok(messages)
}

/// The policy of answers that are not pages (JSON, problems, calendars): nothing in them
/// may load, run or be framed.
pub const API_POLICY: &str = "default-src 'none'; frame-ancestors 'none'";
/// Two years, subdomains included: browsers never try plain HTTP again.
const TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

/// Every answer with the security headers, applied once in `fetch`. Pages keep the policy
/// their static file came with (`dist/_headers`, which `scripts/build` writes with the
/// hashes of the pages' inline scripts); anything without one gets `API_POLICY`. A
/// `Referrer-Policy` already set (forms pages: `no-referrer`) is kept.
///
/// API answers also say which version of the API wrote them (`relais_domain::API_VERSION`),
/// so that an app kept on a device knows when it is older than the API.
pub fn secure(response: Response, api: bool) -> worker::Result<Response> {
    // A response fetched from the static files has immutable headers: copy them.
    let headers = Headers::new();
    for (name, value) in response.headers().entries() {
        headers.append(&name, &value)?;
    }
    if !headers.has("Content-Security-Policy")? {
        headers.set("Content-Security-Policy", API_POLICY)?;
    }
    if !headers.has("Referrer-Policy")? {
        headers.set("Referrer-Policy", "no-referrer")?;
    }
    headers.set("X-Content-Type-Options", "nosniff")?;
    headers.set("Strict-Transport-Security", TRANSPORT_SECURITY)?;
    if api {
        headers.set(
            relais_domain::API_VERSION_HEADER,
            &relais_domain::API_VERSION.to_string(),
        )?;
    }
    Ok(response.with_headers(headers))
}

pub fn problem_response(error: ApiError, lang: Lang) -> worker::Result<Response> {
    let messages = messages(lang).map_err(|e| worker::Error::RustError(format!("{e:?}")))?;
    let retry_after = match &error {
        ApiError::Problem(kind, _) | ApiError::Fields(kind, _) | ApiError::Detailed(kind, _) => {
            kind.retry_after()
        }
        ApiError::Internal(_) => None,
    };
    let problem = match error {
        ApiError::Problem(kind, fields) => fields
            .into_iter()
            .fold(Problem::new(kind, &messages), |p, (field, code)| {
                p.with_field(field, code, &messages)
            }),
        ApiError::Fields(kind, fields) => fields
            .into_iter()
            .fold(Problem::new(kind, &messages), |p, (field, code)| {
                p.with_field(&field, code, &messages)
            }),
        ApiError::Detailed(kind, detail) => {
            Problem::new(kind, &messages).with_detail(messages.get(detail))
        }
        ApiError::Internal(detail) => {
            console_error!("internal error: {detail}");
            Problem::new(ProblemKind::Internal, &messages)
        }
    };
    let headers = Headers::new();
    headers.set("Content-Type", CONTENT_TYPE)?;
    headers.set("Content-Language", lang.code())?;
    headers.set("Cache-Control", "no-store")?;
    if let Some(seconds) = retry_after {
        headers.set("Retry-After", &seconds.to_string())?;
    }
    let body =
        serde_json::to_string(&problem).map_err(|e| worker::Error::RustError(e.to_string()))?;
    Ok(Response::ok(body)?
        .with_status(problem.status)
        .with_headers(headers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_that_is_not_utf8_is_refused_not_patched() {
        assert_eq!(
            utf8("{\"name\":\"Zoé\"}".into()).ok().as_deref(),
            Some("{\"name\":\"Zoé\"}")
        );
        // "Zo\xe9", Latin-1: read lossily it would become "Zo\u{FFFD}".
        match utf8(b"{\"name\":\"Zo\xe9\"}".to_vec()) {
            Err(ApiError::Problem(ProblemKind::InvalidBody, fields)) => {
                assert_eq!(fields, [("body", "invalid-utf8")])
            }
            other => panic!("{other:?}"),
        }
    }
}
