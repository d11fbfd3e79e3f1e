//! The remedies: what each body is recommended (or ordered) to do, by
//! when, and whether it has done it.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prose::Prose;
use super::texts::{no_text, texts};
use crate::case::date::{Deadline, Money};

/// A remedy for one body (or a joint remedy for several).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The body that must act.
    #[serde(default)]
    pub body: Option<String>,
    /// For a joint remedy: the bodies that act together.
    #[serde(default)]
    pub bodies: Vec<String>,
    /// What kind of remedy.
    pub kind: RemedyKind,
    /// The action, completing "the Council has agreed to …".
    pub text: Prose,
    /// For payments: the amount in pounds.
    #[serde(default)]
    pub amount: Option<Money>,
    /// For payments: the person paid (a person id).
    #[serde(default)]
    pub beneficiary: Option<String>,
    /// For a joint payment: each body's share in pounds. Absent: the bodies
    /// agree the split between them.
    #[serde(default)]
    pub split: BTreeMap<String, Money>,
    /// How long the body has, from the final decision.
    pub deadline: Deadline,
    /// A recommendation (LGSCO, PHSO) or an order (Housing Ombudsman).
    #[serde(default)]
    pub instrument: Instrument,
    /// Whether the body has done it.
    #[serde(default)]
    pub status: Compliance,
}

impl Recommendation {
    /// The bodies that must act.
    pub fn body_ids(&self) -> Vec<&str> {
        self.body
            .iter()
            .chain(&self.bodies)
            .map(String::as_str)
            .collect()
    }
}

/// Kinds of remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    /// An apology.
    Apology,
    /// A payment.
    Payment,
    /// A refund.
    Refund,
    /// Waiving a charge.
    WaiveCharge,
    /// A new assessment or review of a person's needs.
    Reassessment,
    /// A review of policy or procedure.
    ReviewPolicy,
    /// Training or guidance for staff.
    Training,
    /// Writing to others who may have been affected.
    WriteToOthers,
    /// An action plan.
    ActionPlan,
    /// Anything else.
    Other,
}

impl RemedyKind {
    /// Whether the remedy is a sum of money.
    pub fn is_financial(self) -> bool {
        matches!(self, Self::Payment | Self::Refund | Self::WaiveCharge)
    }
}

/// Recommendation or order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// A recommendation.
    #[default]
    Recommendation,
    /// A Housing Ombudsman order.
    Order,
}

/// Whether a body has carried out a remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// The body agreed; not yet due.
    #[default]
    Agreed,
    /// Done on time.
    Complied,
    /// Done after the deadline.
    CompliedLate,
    /// Done in part.
    PartiallyComplied,
    /// The body refused.
    Refused,
    /// The body did not respond.
    NotResponded,
}

impl Compliance {
    /// Whether the body will not (or did not) put things right.
    pub fn is_non_compliance(self) -> bool {
        matches!(
            self,
            Self::Refused | Self::NotResponded | Self::PartiallyComplied
        )
    }
}

texts!(Recommendation {
    body,
    bodies,
    kind,
    text,
    amount,
    beneficiary,
    split,
    deadline,
    instrument,
    status,
});

no_text!(RemedyKind, Instrument, Compliance);
