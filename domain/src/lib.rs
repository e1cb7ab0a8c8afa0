//! Relais's domain: the types and rules shared by the volunteer's app and the edge API.
//!
//! Plain functions over plain types, no I/O, so every rule is tested on the host.

pub mod account;
pub mod announcement;
pub mod authoring;
pub mod catalog;
pub mod coaching;
pub mod community;
pub mod coordination;
pub mod dashboard;
pub mod html;
pub mod i18n;
pub mod library;
pub mod locale;
pub mod news;
pub mod pages;
pub mod people;
pub mod problem;
pub mod registration;
pub mod schedule;

pub use locale::{Lang, Localized, Text};

/// The version of the API's answers, sent by the edge with every one of them
/// (`API_VERSION_HEADER`). Raised whenever an answer changes shape. The service worker is
/// built with the version it was made for (`scripts/build-sw.mjs` reads it here): a device
/// holding an older app in its caches sees a newer API answer and offers the new version as
/// a reload, rather than run an old page against answers it cannot read.
pub const API_VERSION: u32 = 1;

/// The header that carries `API_VERSION`.
pub const API_VERSION_HEADER: &str = "X-Relais-Api";
