//! Registration without an account: what an edition's form shows (`form`), registering
//! (`create`) and what the private manage link allows (`manage`): seeing the registration,
//! cancelling, confirming a held place, changing language or time zone, deleting one's data.
//! Every statement that changes where a registration stands is built in `transitions`.

pub mod create;
pub mod form;
pub mod holds;
pub mod idempotency;
pub mod links;
pub mod manage;
pub mod transitions;
