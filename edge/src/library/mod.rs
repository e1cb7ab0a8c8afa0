//! The knowledge library's API (`domain::library` states its rules).

use relais_domain::library::Linked;
use relais_domain::{Lang, Localized};
use serde::Deserialize;

use crate::http::ApiError;

pub mod curate;
pub mod file;
pub mod resource;
pub mod search;

/// An offering a resource goes with, as read: its localized title as JSON.
#[derive(Deserialize)]
pub struct LinkedRow {
    id: String,
    title: String,
}

impl LinkedRow {
    /// Titled in `lang`, else in the language it has.
    pub fn linked(self, lang: Lang) -> Result<Linked, ApiError> {
        let title: Localized = serde_json::from_str(&self.title)?;
        let title = title
            .resolve(lang)
            .ok_or_else(|| ApiError::Internal(format!("offering {} has no title", self.id)))?;
        Ok(Linked { id: self.id, title })
    }
}
