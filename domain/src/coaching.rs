//! Coaching on request, for neighbourhoods and organisations: the hours each may draw on.
//! PIC's « Menu des possibles » grants each neighbourhood initiative 31 hours a year, unused
//! hours carried over for at most one year or up to 62 hours in all, and Dynamo's extra
//! pool gives up to 30 hours to 9 neighbourhoods a year, first come, first served; beyond
//! either, the neighbourhood pays. `budget` states those rules as data and the ledger as the
//! truth: every grant, booking, use, carry-over and expiry is an entry, and balances are
//! computed from the entries alone.

pub mod budget;
pub mod desk;
pub mod organisation;
pub mod report;
pub mod request;
