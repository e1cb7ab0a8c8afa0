//! Registration without an account: registering (`create`) and what the private manage
//! link allows (`manage`): seeing the registration, cancelling, changing language or time
//! zone, deleting one's data.

pub mod create;
pub mod manage;
