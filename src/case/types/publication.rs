//! Whether and how the decision is published (docs/domain.md §5), and the
//! exceptions that hold it back.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::texts::{no_text, texts};

/// Whether and how the decision is published (docs/domain.md §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// Publish on the website (the default for every decision).
    #[serde(default = "yes")]
    pub publish: bool,
    /// Why not, when `publish` is false.
    #[serde(default)]
    pub exception: Option<Exception>,
    /// Body records withheld while the others are published, with the
    /// exception for each (a part found premature, or under review).
    #[serde(default)]
    pub per_body: BTreeMap<String, Exception>,
}

fn yes() -> bool {
    true
}

impl Default for Publication {
    fn default() -> Self {
        Self {
            publish: true,
            exception: None,
            per_body: BTreeMap::new(),
        }
    }
}

/// Reasons not to publish a decision. A case file may write either the
/// short name (`identifiable`) or its code (`NOT_IN_INTERESTS.IDENTIFIABLE`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Exception {
    /// The complaint is premature.
    #[serde(alias = "PREMATURE")]
    Premature,
    /// A review of the decision is under way.
    #[serde(alias = "REVIEW")]
    Review,
    /// Sensitive or unusual facts: someone could be identified.
    #[serde(alias = "NOT_IN_INTERESTS.IDENTIFIABLE")]
    Identifiable,
    /// The person affected asked us not to publish, and we agreed.
    #[serde(alias = "NOT_IN_INTERESTS.REQUEST")]
    Request,
    /// A Part 3A provider who is a sole trader.
    #[serde(alias = "SOLE_TRADER")]
    SoleTrader,
    /// An employment or personnel matter.
    #[serde(alias = "EMPLOYMENT")]
    Employment,
    /// Consent could not properly be given.
    #[serde(alias = "CONSENT")]
    Consent,
    /// Other specific grounds.
    #[serde(alias = "OTHER")]
    Other,
}

impl Exception {
    /// The exception's code: `NOT_IN_INTERESTS.IDENTIFIABLE`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Premature => "PREMATURE",
            Self::Review => "REVIEW",
            Self::Identifiable => "NOT_IN_INTERESTS.IDENTIFIABLE",
            Self::Request => "NOT_IN_INTERESTS.REQUEST",
            Self::SoleTrader => "SOLE_TRADER",
            Self::Employment => "EMPLOYMENT",
            Self::Consent => "CONSENT",
            Self::Other => "OTHER",
        }
    }

    /// Whether the decision may still be published later: only a review
    /// under way holds it back for a time; every other exception means it
    /// is never published.
    pub fn is_temporary(self) -> bool {
        matches!(self, Self::Review)
    }

    /// Whether the exception can hold back one body's record while the
    /// others are published. Those about the people in the case (or a
    /// sole trader's identity) cannot: the same statement is on every
    /// body's record.
    pub fn can_apply_to_one_body(self) -> bool {
        matches!(
            self,
            Self::Premature | Self::Review | Self::Employment | Self::Other
        )
    }
}

texts!(Publication {
    publish,
    exception,
    per_body,
});

no_text!(Exception);
