//! API errors as RFC 9457 problem details, written in the caller's language.

use serde::{Deserialize, Serialize};

use crate::i18n::Messages;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// Every kind of failure the API reports. Each has a status, a stable `type` URI and a
/// message id (`problem-<slug>`) in every locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    NotFound,
    InvalidQuery,
    MethodNotAllowed,
    Internal,
    Unavailable,
    InvalidBody,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyRequests,
    RegistrationClosed,
    Unauthorized,
    Forbidden,
    Conflict,
    /// A request with the same `Idempotency-Key` is still being answered: send it again.
    InProgress,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 14] = [
        ProblemKind::NotFound,
        ProblemKind::InvalidQuery,
        ProblemKind::MethodNotAllowed,
        ProblemKind::Internal,
        ProblemKind::Unavailable,
        ProblemKind::InvalidBody,
        ProblemKind::PayloadTooLarge,
        ProblemKind::UnsupportedMediaType,
        ProblemKind::TooManyRequests,
        ProblemKind::RegistrationClosed,
        ProblemKind::Unauthorized,
        ProblemKind::Forbidden,
        ProblemKind::Conflict,
        ProblemKind::InProgress,
    ];

    pub fn status(self) -> u16 {
        match self {
            ProblemKind::NotFound => 404,
            ProblemKind::InvalidQuery => 400,
            ProblemKind::MethodNotAllowed => 405,
            ProblemKind::Internal => 500,
            ProblemKind::Unavailable => 503,
            ProblemKind::InvalidBody => 400,
            ProblemKind::PayloadTooLarge => 413,
            ProblemKind::UnsupportedMediaType => 415,
            ProblemKind::TooManyRequests => 429,
            ProblemKind::RegistrationClosed => 409,
            ProblemKind::Unauthorized => 401,
            ProblemKind::Forbidden => 403,
            ProblemKind::Conflict => 409,
            ProblemKind::InProgress => 409,
        }
    }

    /// Seconds after which the same request may be sent again (`Retry-After`), for the
    /// problems that pass.
    pub fn retry_after(self) -> Option<u32> {
        match self {
            ProblemKind::TooManyRequests => Some(60),
            ProblemKind::InProgress => Some(2),
            _ => None,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            ProblemKind::NotFound => "not-found",
            ProblemKind::InvalidQuery => "invalid-query",
            ProblemKind::MethodNotAllowed => "method-not-allowed",
            ProblemKind::Internal => "internal",
            ProblemKind::Unavailable => "unavailable",
            ProblemKind::InvalidBody => "invalid-body",
            ProblemKind::PayloadTooLarge => "payload-too-large",
            ProblemKind::UnsupportedMediaType => "unsupported-media-type",
            ProblemKind::TooManyRequests => "too-many-requests",
            ProblemKind::RegistrationClosed => "registration-closed",
            ProblemKind::Unauthorized => "unauthorized",
            ProblemKind::Forbidden => "forbidden",
            ProblemKind::Conflict => "conflict",
            ProblemKind::InProgress => "in-progress",
        }
    }
}

/// A field that was refused, and why, in the caller's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    /// Stable, language-neutral reason, for programs.
    pub code: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The language the texts above are written in.
    pub lang: String,
}

impl Problem {
    pub fn new(kind: ProblemKind, messages: &Messages) -> Problem {
        Problem {
            type_uri: format!("/api/problems/{}", kind.slug()),
            title: messages.get(&format!("problem-{}", kind.slug())),
            status: kind.status(),
            detail: None,
            errors: vec![],
            lang: messages.lang().code().to_owned(),
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Problem {
        self.detail = Some(detail.into());
        self
    }

    /// Adds a refused field; `code` names the reason and its message id (`field-<code>`).
    pub fn with_field(mut self, field: &str, code: &str, messages: &Messages) -> Problem {
        self.errors.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: messages.get(&format!("field-{code}")),
        });
        self
    }
}

// Both tests read the API's messages, which only the `server-messages` feature embeds.
#[cfg(all(test, feature = "server-messages"))]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn every_problem_has_its_title_in_every_language() {
        for lang in Lang::all() {
            let m = Messages::new(lang).unwrap();
            let ids = crate::i18n::message_ids(lang).unwrap();
            for kind in ProblemKind::ALL {
                let id = format!("problem-{}", kind.slug());
                assert!(ids.contains(&id), "{lang}: {id}");
                assert!(!Problem::new(kind, &m).title.is_empty());
            }
        }
    }

    #[test]
    fn problems_are_written_in_the_callers_language() {
        for (code, expected) in [("fr", "Introuvable"), ("en", "Not found")] {
            let m = Messages::new(Lang::parse(code).unwrap()).unwrap();
            let p =
                Problem::new(ProblemKind::NotFound, &m).with_field("lang", "unknown-language", &m);
            assert_eq!(p.title, expected);
            assert_eq!(p.status, 404);
            assert_eq!(p.lang, code);
            assert!(!p.errors[0].message.starts_with("field-"), "{:?}", p.errors);
            let json = serde_json::to_value(&p).unwrap();
            assert_eq!(json["type"], "/api/problems/not-found");
        }
    }
}
