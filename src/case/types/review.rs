//! What publication staff have reviewed: the findings they accepted, and
//! who signed the review off.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::texts::texts;
use crate::case::date::Date;

/// Findings that publication staff have reviewed: in the case file's
/// `[review]` table, and in the review file `redress review` keeps beside
/// the case file (merged in when the case is loaded).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Finding ids accepted as they are.
    #[serde(default)]
    pub accepted: Vec<String>,
    /// Who signed the review off, and when: `--require-review` needs it.
    #[serde(default)]
    pub signed_off: Option<SignOff>,
    /// Who accepted which finding, and when, as the review file records
    /// it (its ids are also in `accepted`).
    #[serde(skip)]
    #[schemars(skip)]
    pub recorded: Vec<Acceptance>,
}

/// A finding accepted by a member of publication staff, as the review file
/// records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acceptance {
    /// The finding's id.
    pub id: String,
    /// Who accepted it.
    pub by: String,
    /// When.
    pub on: Date,
}

/// A review signed off by a member of publication staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// Their name (internal: the review sheet is never published).
    pub by: String,
    /// The date they signed it off.
    pub on: Date,
}

texts!(Review {
    accepted,
    signed_off,
    recorded,
});

texts!(Acceptance { id, by, on });

texts!(SignOff { by, on });
