//! The fine-grained outcome of a decision (docs/domain.md §6): the layer the
//! data model keeps under the website's three-valued `Decision`, written in
//! a case file as a code such as `upheld.fault_injustice` or
//! `closed.initial_enquiries.late`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::{
    Body, BodyKind, Case, Compliance, Date, Determination, EventKind, Exception, Role,
    WebsiteDecision,
};

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
    pub(super) fn codes() -> Vec<String> {
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

/// One body's own outcome: what its website record shows and what every
/// document of the case says of that body (the front matter's line for the
/// body and its sentence in the final paragraph). Computed here, once, so
/// that a record and a document cannot differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyOutcome {
    /// The body's own website decision (`outcome.per_body`, else the case's).
    pub decision: WebsiteDecision,
    /// The fine-grained outcome: as the case gives it, or as the body's
    /// findings show it.
    pub detail: Option<OutcomeDetail>,
    /// The body's website category (`bodies[].category`, else the case's).
    pub category: Option<String>,
    /// For a landlord: the Housing Ombudsman's determinations, one per
    /// defined complaint, in the case's order (empty for other bodies).
    pub determinations: Vec<Determined>,
    /// The body's answer to what we recommended, as of the decision.
    pub answer: Answer,
    /// The people (ids, in the case's order) the body's fault caused
    /// injustice to; empty without a finding of injustice.
    pub injustice_to: Vec<String>,
}

/// A body's answer to what we recommended (or ordered), as of one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Nothing was recommended to it.
    NothingRecommended,
    /// It agreed to everything (or has done it).
    Agreed,
    /// It agreed to some of it and refused (or did not answer on) the rest.
    AgreedInPart,
    /// It agreed to none of it.
    Refused,
    /// It has not told us whether it will act.
    NotResponded,
}

/// One Housing Ombudsman determination on a landlord.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Determined {
    /// What the Housing Ombudsman determined.
    pub determination: Determination,
    /// The defined complaint it decides: "its handling of the resident's
    /// complaint".
    pub complaint: Option<String>,
}

impl BodyOutcome {
    /// The outcome of `body` in `case`.
    pub fn of(case: &Case, body: &Body) -> Self {
        Self {
            decision: website_decision(case, &body.id),
            detail: outcome_detail(case, &body.id),
            category: body.category.clone().or_else(|| case.case.category.clone()),
            determinations: determinations(case, body),
            answer: answer(case, &body.id, case.case.decision_date),
            injustice_to: injustice_to(case, &body.id),
        }
    }

    /// The `Decision` its record and every document show: the website's
    /// ("Upheld"), or for a landlord the Housing Ombudsman's own
    /// determination ("Maladministration").
    pub fn label(&self) -> &'static str {
        match self.gravest_determination() {
            Some(d) => d.label(),
            None => self.decision.label(),
        }
    }

    /// The Housing Ombudsman's gravest determination on a landlord: what
    /// its record shows as the decision, in the Ombudsman's own terms.
    pub fn gravest_determination(&self) -> Option<Determination> {
        self.determinations
            .iter()
            .map(|d| d.determination)
            .max_by_key(|d| d.severity())
    }
}

/// A landlord's determinations, from its findings.
fn determinations(case: &Case, body: &Body) -> Vec<Determined> {
    if body.kind != BodyKind::HousingLandlord {
        return Vec::new();
    }
    case.findings
        .iter()
        .filter(|f| f.body == body.id)
        .filter_map(|f| {
            Some(Determined {
                determination: f.determination?,
                complaint: f.complaint.clone(),
            })
        })
        .collect()
}

/// A recommendation's status as of `date`. A body's `refusal` event is its
/// answer to what we recommended, so before its first refusal event it had
/// not yet answered on any of it; without a refusal event the status is
/// the answer it gave to the draft decision.
pub fn status_as_of(case: &Case, body: &str, status: Compliance, date: Date) -> Compliance {
    let refusals = || {
        case.escalation
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Refusal && e.body.as_deref() == Some(body))
    };
    if refusals().next().is_some() && !refusals().any(|e| e.date <= date) {
        Compliance::NotResponded
    } else {
        status
    }
}

/// The body's answer to what it was asked, as of `date`.
pub fn answer(case: &Case, body: &str, date: Date) -> Answer {
    let statuses: Vec<Compliance> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&body))
        .map(|r| status_as_of(case, body, r.status, date))
        .collect();
    let yes = statuses.iter().filter(|s| !s.is_non_compliance()).count();
    if statuses.is_empty() {
        Answer::NothingRecommended
    } else if yes == statuses.len() {
        Answer::Agreed
    } else if yes > 0 {
        Answer::AgreedInPart
    } else if statuses.iter().all(|s| *s == Compliance::NotResponded) {
        Answer::NotResponded
    } else {
        Answer::Refused
    }
}

/// The people a body's fault caused injustice to, in the case's order:
/// those its findings name, or else the people affected, the complainant
/// and anyone it is asked to pay.
pub fn injustice_to(case: &Case, body: &str) -> Vec<String> {
    let findings: Vec<_> = case
        .findings
        .iter()
        .filter(|f| f.body == body && f.injustice)
        .collect();
    if findings.is_empty() {
        return Vec::new();
    }
    let named: Vec<&str> = findings
        .iter()
        .flat_map(|f| f.injustice_to.iter().map(String::as_str))
        .collect();
    let chosen = |p: &&crate::case::Person| {
        if !named.is_empty() {
            return named.contains(&p.id.as_str());
        }
        matches!(p.role, Role::PersonAffected | Role::Complainant)
            || case.recommendations.iter().any(|r| {
                r.body_ids().contains(&body) && r.beneficiary.as_deref() == Some(p.id.as_str())
            })
    };
    // The people affected first, then the complainant, then the others.
    let rank = |p: &crate::case::Person| match p.role {
        Role::PersonAffected => 0,
        Role::Complainant => 1,
        _ => 2,
    };
    let mut people: Vec<&crate::case::Person> = case.people.iter().filter(chosen).collect();
    people.sort_by_key(|p| rank(p));
    people.into_iter().map(|p| p.id.clone()).collect()
}

/// The body's own website decision.
pub fn website_decision(case: &Case, body: &str) -> WebsiteDecision {
    case.outcome
        .per_body
        .get(body)
        .copied()
        .unwrap_or(case.outcome.decision)
}

/// The body's fine-grained outcome: as the case gives it, or as its
/// findings show it.
pub fn outcome_detail(case: &Case, body: &str) -> Option<OutcomeDetail> {
    let website = website_decision(case, body);
    if let Some(detail) = case.outcome.per_body_detail.get(body) {
        return Some(detail.clone());
    }
    let given = case
        .outcome
        .detail
        .clone()
        .filter(|d| case.bodies.len() == 1 && d.website_decision() == website);
    if given.is_some() {
        return given;
    }
    let own = || case.findings.iter().filter(|f| f.body == body);
    match website {
        WebsiteDecision::Upheld if own().any(|f| f.fault && f.injustice) => {
            Some(OutcomeDetail::FaultInjustice)
        }
        WebsiteDecision::Upheld if own().any(|f| f.fault) => Some(OutcomeDetail::FaultNoInjustice),
        WebsiteDecision::NotUpheld if !own().any(|f| f.fault) => Some(OutcomeDetail::NoFault),
        WebsiteDecision::ClosedAfterInitialEnquiries
            if case.publication.exception == Some(Exception::Premature) =>
        {
            Some(OutcomeDetail::Premature)
        }
        WebsiteDecision::ClosedAfterInitialEnquiries => {
            Some(OutcomeDetail::ClosedInitialEnquiries(None))
        }
        _ => None,
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
    fn a_landlord_keeps_the_housing_ombudsman_terms_per_complaint() {
        let mut case = crate::case::tests_support::minimal_case();
        let mut landlord = case.bodies[0].clone();
        landlord.id = "landlord".into();
        landlord.kind = BodyKind::HousingLandlord;
        case.bodies.push(landlord);
        for (determination, complaint) in [
            (Determination::ServiceFailure, "its complaint handling"),
            (Determination::Maladministration, "its handling of repairs"),
        ] {
            case.findings.push(crate::case::Finding {
                body: "landlord".into(),
                fault: true,
                injustice: true,
                text: "Fault.".into(),
                determination: Some(determination),
                complaint: Some(complaint.into()),
                injustice_to: Vec::new(),
            });
        }
        let outcome = BodyOutcome::of(&case, &case.bodies[1]);
        assert_eq!(outcome.determinations.len(), 2);
        assert_eq!(
            outcome.determinations[0].complaint.as_deref(),
            Some("its complaint handling")
        );
        assert_eq!(
            outcome.gravest_determination(),
            Some(Determination::Maladministration)
        );
        let council = BodyOutcome::of(&case, &case.bodies[0]);
        assert!(council.determinations.is_empty());
        assert_eq!(council.gravest_determination(), None);
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
