//! Coaching on request: organisations as participants, programmes whose budgets are data,
//! and an organisation's hours as an append-only ledger (`ledger`), whose statements are
//! built from `relais_domain::coaching::budget`.

pub mod contacts;
pub mod desk;
pub mod ending;
pub mod ledger;
pub mod on_behalf;
pub mod organisation;
pub mod poster;
pub mod programme;
pub mod reach;
pub mod report;
pub mod withdraw;
