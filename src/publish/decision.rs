//! The publication decision, which the plan stage makes
//! ([`crate::plan::publication`]): re-exported here, where the website
//! reads it.

pub use crate::plan::publication::*;
