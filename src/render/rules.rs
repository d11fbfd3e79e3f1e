//! Configuration the documents depend on (`templates/rules.toml`): periods,
//! citations and signatories that DOMAIN.md marks unverified, kept out of
//! the code so that they can be checked and changed.

use serde::{Deserialize, Serialize};

/// The values of `rules.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Weeks after a final decision before it is published.
    pub publication_delay_weeks: u32,
    /// Working days allowed for comments on a draft decision.
    pub draft_comment_working_days: u32,
    /// Weeks a council has to give public notice of a report.
    pub report_notice_weeks: u32,
    /// Weeks a report must be available for inspection.
    pub report_inspection_weeks: u32,
    /// Where the publicity and consideration duties are cited.
    pub report_duties_citation: String,
    /// Months a council has to respond to a report (s31(2)).
    pub report_response_months: u32,
    /// Months a care provider has to respond to a statement (s34I).
    pub notice_response_months: u32,
    /// Who signs.
    pub signatories: Signatories,
    /// Who a special report is addressed to besides the parties.
    pub special_report: SpecialReport,
    /// Public lines and mailboxes the detectors leave alone.
    pub allow: Allow,
}

/// Organisations' public phone lines and mailboxes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    /// Phone numbers, any format.
    pub phones: Vec<String>,
    /// Email addresses, or local parts ending in `@`.
    pub emails: Vec<String>,
}

/// Who signs reports and notices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatories {
    /// For the Local Government and Social Care Ombudsman.
    pub lgsco: String,
    /// For the Parliamentary and Health Service Ombudsman.
    pub phso: String,
    /// For the Housing Ombudsman.
    pub hos: String,
}

/// Who a special report is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialReport {
    /// The select committee asked to consider it.
    pub committee: String,
    /// The government department asked to act.
    pub department: String,
}

impl Rules {
    /// Parses `rules.toml`.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_rules_parse() {
        let rules = Rules::parse(include_str!("../../templates/rules.toml")).unwrap();
        assert_eq!(rules.report_response_months, 3);
    }
}
