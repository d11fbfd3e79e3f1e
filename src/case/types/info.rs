//! The case's own details: its references, its dates, the summary, who
//! investigated and who signs.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prose::Prose;
use super::texts::{no_text, texts};
use crate::case::date::Date;

/// References, dates and the summary of the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseInfo {
    /// The Ombudsman's reference, `YY NNN NNN`.
    pub reference: String,
    /// Which Ombudsmen investigated.
    pub jurisdiction: Jurisdiction,
    /// Draft (for comment) or final.
    #[serde(default)]
    pub stage: Stage,
    /// Website category, e.g. "Adult care services > Assessment and care plan".
    #[serde(default)]
    pub category: Option<Prose>,
    /// When the complaint was received.
    #[serde(default)]
    pub received: Option<Date>,
    /// The date of this decision (draft or final); also the PDF's date.
    pub decision_date: Date,
    /// The Housing Ombudsman's complaint reference, for joint housing cases.
    #[serde(default)]
    pub hos_reference: Option<String>,
    /// The Summary: one paragraph, in "we".
    pub summary: Prose,
    /// When the draft decision was sent to the parties for comment (a
    /// final decision follows it; a draft is dated `decision_date`).
    #[serde(default)]
    pub draft_sent: Option<Date>,
    /// The investigator who signs the decision and the letters, with the
    /// office's contact details (never anonymised: they are the office's,
    /// not a party's). Required: an unsigned decision or letter is an error.
    #[serde(default)]
    pub investigator: Option<Investigator>,
    /// In a joint case with the Housing Ombudsman: its adjudicator, who
    /// signs the decision and the joint letter with the investigator.
    #[serde(default)]
    pub adjudicator: Option<Investigator>,
}

impl CaseInfo {
    /// The names the documents print as the office's own: the investigator
    /// and, in a joint housing case, the adjudicator. They are allowed to
    /// print even where a listed person shares a word of them ("Jordan
    /// Whitlow" signs; the complainant Jordan Hallworth is "Ms X").
    pub fn office_names(&self) -> Vec<String> {
        [&self.investigator, &self.adjudicator]
            .into_iter()
            .flatten()
            .map(|i| i.name.clone())
            .collect()
    }
}

/// The investigator named in letters, and how to reach them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Investigator {
    /// Their name, as they sign: "Aisha Thorne".
    pub name: String,
    /// Their job title; "Investigator" when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// Their office telephone line.
    #[serde(default)]
    pub phone: Option<String>,
    /// Their office email address.
    #[serde(default)]
    pub email: Option<String>,
}

/// Which Ombudsmen investigated the complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// The Local Government and Social Care Ombudsman alone.
    Lgsco,
    /// LGSCO and the Parliamentary and Health Service Ombudsman jointly.
    LgscoPhso,
    /// LGSCO and the Housing Ombudsman jointly.
    LgscoHos,
}

impl Jurisdiction {
    /// Whether two Ombudsmen are involved.
    pub fn is_joint(self) -> bool {
        !matches!(self, Self::Lgsco)
    }
}

/// Draft or final decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Sent to the parties for comment.
    Draft,
    /// The decision.
    #[default]
    Final,
}

texts!(Investigator {
    name,
    title,
    phone,
    email,
});

no_text!(Jurisdiction, Stage);
