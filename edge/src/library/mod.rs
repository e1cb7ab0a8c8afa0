//! The knowledge library's API (`domain::library` states its rules).

pub mod search;
