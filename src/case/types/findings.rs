//! What was complained about, how it was investigated, the law that
//! applies, and what was found about each body.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prose::Prose;
use super::texts::{no_text, texts};

/// What the complainant complained about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// The points of complaint, each against one body.
    pub points: Vec<ComplaintPoint>,
    /// The injustice the complainant says it caused.
    pub injustice: Prose,
    /// What the complainant wanted to happen.
    #[serde(default)]
    pub outcome_sought: Option<Prose>,
}

/// One point of complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintPoint {
    /// The body it is about.
    pub body: String,
    /// The point, completing "complained that the Council …".
    pub text: Prose,
}

/// The scope of the investigation, the evidence considered and the facts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Investigation {
    /// What was and was not investigated, and why.
    #[serde(default)]
    pub scope: Prose,
    /// How the complaint was considered: evidence, advice, comments.
    #[serde(default)]
    pub considered: Prose,
    /// The facts found, as prose in date order.
    #[serde(default)]
    pub what_happened: Prose,
}

/// A piece of law or guidance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawItem {
    /// Its name: "Care Act 2014".
    pub title: Prose,
    /// What it says that matters here.
    pub text: Prose,
}

/// A finding about one body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The body.
    pub body: String,
    /// Whether there was fault (maladministration or service failure).
    pub fault: bool,
    /// Whether the fault caused injustice.
    #[serde(default)]
    pub injustice: bool,
    /// The reasoning.
    pub text: Prose,
    /// The people (ids) this fault caused injustice to. When empty, a
    /// finding of injustice names the people affected, the complainant and
    /// anyone the body is asked to pay.
    #[serde(default)]
    pub injustice_to: Vec<String>,
    /// For the Housing Ombudsman: the determination on this finding.
    #[serde(default)]
    pub determination: Option<Determination>,
    /// For the Housing Ombudsman: the defined complaint the determination
    /// decides, completing "… by the landlord in respect of": "its handling
    /// of the resident's reports of antisocial behaviour".
    #[serde(default)]
    pub complaint: Option<Prose>,
}

/// The Housing Ombudsman's determinations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Determination {
    /// Severe maladministration.
    SevereMaladministration,
    /// Maladministration.
    Maladministration,
    /// Service failure.
    ServiceFailure,
    /// No maladministration.
    NoMaladministration,
    /// Reasonable redress.
    ReasonableRedress,
}

impl Determination {
    /// How serious, for choosing a landlord's overall determination: severe
    /// maladministration first.
    pub fn severity(self) -> u8 {
        match self {
            Self::SevereMaladministration => 4,
            Self::Maladministration => 3,
            Self::ServiceFailure => 2,
            Self::ReasonableRedress => 1,
            Self::NoMaladministration => 0,
        }
    }

    /// As a record's `Decision` shows it: "Maladministration".
    pub fn label(self) -> &'static str {
        match self {
            Self::SevereMaladministration => "Severe maladministration",
            Self::Maladministration => "Maladministration",
            Self::ServiceFailure => "Service failure",
            Self::NoMaladministration => "No maladministration",
            Self::ReasonableRedress => "Reasonable redress",
        }
    }

    /// The wording used in the determination.
    pub fn phrase(self) -> &'static str {
        match self {
            Self::SevereMaladministration => "severe maladministration",
            Self::Maladministration => "maladministration",
            Self::ServiceFailure => "service failure",
            Self::NoMaladministration => "no maladministration",
            Self::ReasonableRedress => "reasonable redress",
        }
    }
}

// `Complaint` and `Investigation` are walked by the case itself, field by
// field, in the order the anonymiser's log has always had.

texts!(ComplaintPoint { body, text });

texts!(LawItem { title, text });

texts!(Finding {
    body,
    fault,
    injustice,
    text,
    injustice_to,
    determination,
    complaint,
});

no_text!(Determination);
