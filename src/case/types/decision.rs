//! The decision: the website's three-valued `Decision` for the case and
//! each body, and under it the fine-grained outcome (docs/domain.md §6),
//! written in a case file as a code such as `upheld.fault_injustice` or
//! `closed.initial_enquiries.late`.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::prose::Prose;
use super::texts::no_text;

/// The decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The website decision for the case as a whole.
    pub decision: WebsiteDecision,
    /// Words the investigator adds to the final paragraph, printed after
    /// the sentences redress writes from each body's outcome and answer
    /// ("We cannot say the outcome would have been different."). Not a
    /// place to restate the outcome: `check` warns where it contradicts it.
    #[serde(default)]
    pub final_decision: Option<Prose>,
    /// Decisions per body record, where they differ from `decision`.
    #[serde(default)]
    pub per_body: BTreeMap<String, WebsiteDecision>,
    /// The outcome code of the case, finer than the website's decision:
    /// `upheld.fault_injustice`, `not_upheld.no_fault`,
    /// `closed.initial_enquiries.late` …; worked out from the findings if
    /// absent.
    #[serde(default)]
    pub detail: Option<OutcomeDetail>,
    /// Fine-grained outcomes per body record, where the findings alone do
    /// not say it (`not_upheld.no_fault`, `closed.initial_enquiries.late`).
    #[serde(default)]
    pub per_body_detail: BTreeMap<String, OutcomeDetail>,
}

/// The `Decision` shown on the website.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum WebsiteDecision {
    /// Upheld.
    Upheld,
    /// Not upheld.
    NotUpheld,
    /// Closed after initial enquiries.
    ClosedAfterInitialEnquiries,
}

impl WebsiteDecision {
    /// As shown on the website.
    pub fn label(self) -> &'static str {
        match self {
            Self::Upheld => "Upheld",
            Self::NotUpheld => "Not upheld",
            Self::ClosedAfterInitialEnquiries => "Closed after initial enquiries",
        }
    }

    /// As a case file writes it: `not_upheld`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Upheld => "upheld",
            Self::NotUpheld => "not_upheld",
            Self::ClosedAfterInitialEnquiries => "closed_after_initial_enquiries",
        }
    }
}

/// A fine-grained outcome.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutcomeDetail {
    /// `upheld.fault_injustice`: fault causing injustice.
    FaultInjustice,
    /// `upheld.fault_no_injustice`: fault, but no injustice.
    FaultNoInjustice,
    /// `upheld.fault_injustice_remedied_before`: the body had already put
    /// things right, so no further remedy was needed.
    FaultInjusticeRemediedBefore,
    /// `not_upheld.no_fault`.
    NoFault,
    /// `closed.initial_enquiries[.reason]`: not investigated.
    ClosedInitialEnquiries(Option<ClosedReason>),
    /// `premature`: the body has not yet had the chance to deal with it.
    Premature,
    /// `out_of_jurisdiction[.reason]`, e.g. `out_of_jurisdiction.personnel_matter`.
    OutOfJurisdiction(Option<String>),
}

/// Why a complaint was closed after initial enquiries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClosedReason {
    /// The injustice does not warrant an investigation.
    NotWarrantedByInjustice,
    /// The complainant has another remedy (a tribunal, the courts).
    AlternativeRemedy,
    /// The complaint was made too late.
    Late,
    /// The matter is outside jurisdiction.
    OutsideJurisdiction,
    /// An investigation would not lead to a different outcome.
    NoWorthwhileOutcome,
}

impl ClosedReason {
    const ALL: [(ClosedReason, &'static str); 5] = [
        (Self::NotWarrantedByInjustice, "not_warranted_by_injustice"),
        (Self::AlternativeRemedy, "alternative_remedy"),
        (Self::Late, "late"),
        (Self::OutsideJurisdiction, "outside_jurisdiction"),
        (Self::NoWorthwhileOutcome, "no_worthwhile_outcome"),
    ];

    fn code(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(r, _)| *r == self)
            .map(|(_, c)| *c)
            .expect("every reason has a code")
    }
}

/// The outcome as the annual review and statistics count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Statistics {
    /// Investigated and upheld.
    InvestigatedUpheld,
    /// Investigated and not upheld.
    InvestigatedNotUpheld,
    /// Closed after initial enquiries.
    ClosedAfterInitialEnquiries,
    /// Referred back for local resolution (premature complaints).
    ReferredBackForLocalResolution,
}

impl Statistics {
    /// As the annual review writes it.
    pub fn label(self) -> &'static str {
        match self {
            Self::InvestigatedUpheld => "Investigated and upheld",
            Self::InvestigatedNotUpheld => "Investigated and not upheld",
            Self::ClosedAfterInitialEnquiries => "Closed after initial enquiries",
            Self::ReferredBackForLocalResolution => "Referred back for local resolution",
        }
    }
}

/// Every code without a reason, for messages.
const CODES: [&str; 7] = [
    "upheld.fault_injustice",
    "upheld.fault_no_injustice",
    "upheld.fault_injustice_remedied_before",
    "not_upheld.no_fault",
    "closed.initial_enquiries",
    "premature",
    "out_of_jurisdiction",
];

impl OutcomeDetail {
    /// Every code a case file may give, with the reasons for closing after
    /// initial enquiries (`out_of_jurisdiction.` takes any one word).
    pub(in crate::case) fn codes() -> Vec<String> {
        CODES
            .iter()
            .map(|c| c.to_string())
            .chain(
                ClosedReason::ALL
                    .iter()
                    .map(|(_, c)| format!("closed.initial_enquiries.{c}")),
            )
            .collect()
    }

    /// Parses a code, explaining what is allowed otherwise (without
    /// repeating the value given).
    pub fn parse(code: &str) -> Result<Self, String> {
        let code = code.trim();
        let simple = match code {
            "upheld.fault_injustice" => Some(Self::FaultInjustice),
            "upheld.fault_no_injustice" => Some(Self::FaultNoInjustice),
            "upheld.fault_injustice_remedied_before" => Some(Self::FaultInjusticeRemediedBefore),
            "not_upheld.no_fault" => Some(Self::NoFault),
            "closed.initial_enquiries" => Some(Self::ClosedInitialEnquiries(None)),
            "premature" => Some(Self::Premature),
            "out_of_jurisdiction" => Some(Self::OutOfJurisdiction(None)),
            _ => None,
        };
        if let Some(detail) = simple {
            return Ok(detail);
        }
        if let Some(reason) = code.strip_prefix("closed.initial_enquiries.") {
            return ClosedReason::ALL
                .iter()
                .find(|(_, c)| *c == reason)
                .map(|(r, _)| Self::ClosedInitialEnquiries(Some(*r)))
                .ok_or_else(|| {
                    let reasons: Vec<&str> = ClosedReason::ALL.iter().map(|(_, c)| *c).collect();
                    format!(
                        "not a reason for closing after initial enquiries: use one of `{}`",
                        reasons.join("`, `")
                    )
                });
        }
        if let Some(reason) = code.strip_prefix("out_of_jurisdiction.") {
            let word = !reason.is_empty()
                && reason.len() <= 60
                && reason
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            return if word {
                Ok(Self::OutOfJurisdiction(Some(reason.to_string())))
            } else {
                Err("the reason after `out_of_jurisdiction.` is one word in lower case with underscores, e.g. `out_of_jurisdiction.personnel_matter`".into())
            };
        }
        let hint = crate::diag::did_you_mean(code, CODES)
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        Err(format!(
            "not an outcome code: {hint}use one of `{}` (the last two may add a reason: `closed.initial_enquiries.late`)",
            CODES.join("`, `")
        ))
    }

    /// The website `Decision` this outcome is published under.
    pub fn website_decision(&self) -> WebsiteDecision {
        match self {
            Self::FaultInjustice | Self::FaultNoInjustice | Self::FaultInjusticeRemediedBefore => {
                WebsiteDecision::Upheld
            }
            Self::NoFault => WebsiteDecision::NotUpheld,
            Self::ClosedInitialEnquiries(_) | Self::Premature | Self::OutOfJurisdiction(_) => {
                WebsiteDecision::ClosedAfterInitialEnquiries
            }
        }
    }

    /// How the annual statistics count it.
    pub fn statistics(&self) -> Statistics {
        match self.website_decision() {
            WebsiteDecision::Upheld => Statistics::InvestigatedUpheld,
            WebsiteDecision::NotUpheld => Statistics::InvestigatedNotUpheld,
            WebsiteDecision::ClosedAfterInitialEnquiries if *self == Self::Premature => {
                Statistics::ReferredBackForLocalResolution
            }
            WebsiteDecision::ClosedAfterInitialEnquiries => Statistics::ClosedAfterInitialEnquiries,
        }
    }

    /// Whether the outcome says the body was at fault.
    pub fn finds_fault(&self) -> bool {
        self.website_decision() == WebsiteDecision::Upheld
    }
}

impl fmt::Display for OutcomeDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::FaultInjustice => f.write_str("upheld.fault_injustice"),
            Self::FaultNoInjustice => f.write_str("upheld.fault_no_injustice"),
            Self::FaultInjusticeRemediedBefore => {
                f.write_str("upheld.fault_injustice_remedied_before")
            }
            Self::NoFault => f.write_str("not_upheld.no_fault"),
            Self::ClosedInitialEnquiries(None) => f.write_str("closed.initial_enquiries"),
            Self::ClosedInitialEnquiries(Some(r)) => {
                write!(f, "closed.initial_enquiries.{}", r.code())
            }
            Self::Premature => f.write_str("premature"),
            Self::OutOfJurisdiction(None) => f.write_str("out_of_jurisdiction"),
            Self::OutOfJurisdiction(Some(r)) => write!(f, "out_of_jurisdiction.{r}"),
        }
    }
}

impl Serialize for OutcomeDetail {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for OutcomeDetail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DetailVisitor;
        impl Visitor<'_> for DetailVisitor {
            type Value = OutcomeDetail;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an outcome code such as \"upheld.fault_injustice\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OutcomeDetail, E> {
                OutcomeDetail::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(DetailVisitor)
    }
}

// `Outcome` is walked by the case itself, field by field.
no_text!(WebsiteDecision, OutcomeDetail);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for code in CODES.iter().copied().chain([
            "closed.initial_enquiries.late",
            "closed.initial_enquiries.no_worthwhile_outcome",
            "out_of_jurisdiction.personnel_matter",
        ]) {
            let detail = OutcomeDetail::parse(code).unwrap();
            assert_eq!(detail.to_string(), code);
        }
    }

    #[test]
    fn codes_map_to_the_website_and_the_statistics() {
        let parse = |c| OutcomeDetail::parse(c).unwrap();
        assert_eq!(
            parse("upheld.fault_no_injustice").website_decision(),
            WebsiteDecision::Upheld
        );
        assert_eq!(
            parse("not_upheld.no_fault").statistics(),
            Statistics::InvestigatedNotUpheld
        );
        assert_eq!(
            parse("premature").statistics(),
            Statistics::ReferredBackForLocalResolution
        );
        assert_eq!(
            parse("closed.initial_enquiries.late").website_decision(),
            WebsiteDecision::ClosedAfterInitialEnquiries
        );
    }

    #[test]
    fn wrong_codes_say_what_is_allowed_without_echoing_the_value() {
        let e = OutcomeDetail::parse("upheld.fault_injustise").unwrap_err();
        assert!(e.contains("did you mean `upheld.fault_injustice`?"), "{e}");
        assert!(!e.contains("injustise"), "{e}");
        let e = OutcomeDetail::parse("closed.initial_enquiries.bored").unwrap_err();
        assert!(e.contains("`late`"), "{e}");
        assert!(OutcomeDetail::parse("out_of_jurisdiction.Has Spaces").is_err());
    }
}
