//! Relais's domain: the types and rules shared by the volunteer's app and the edge API.
//!
//! Plain functions over plain types, no I/O, so every rule is tested on the host.

pub mod account;
pub mod announcement;
pub mod authoring;
pub mod catalog;
pub mod coordination;
pub mod dashboard;
pub mod html;
pub mod i18n;
pub mod locale;
pub mod pages;
pub mod people;
pub mod problem;
pub mod registration;
pub mod schedule;

pub use locale::{Lang, Localized, Text};
