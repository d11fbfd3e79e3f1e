//! Each body's own outcome, worked out from the case's facts: its website
//! decision, its fine-grained outcome, the Housing Ombudsman's
//! determinations on a landlord, its answer to what we recommended, and
//! who its fault caused injustice to.

use serde::Serialize;

use super::date::Date;
use super::types::{
    Body, BodyKind, Case, Compliance, Determination, EventKind, Exception, OutcomeDetail, Person,
    Role, WebsiteDecision,
};

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
            category: body
                .category
                .as_deref()
                .or(case.case.category.as_deref())
                .map(String::from),
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
                complaint: f.complaint.as_deref().map(String::from),
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
    let chosen = |p: &&Person| {
        if !named.is_empty() {
            return named.contains(&p.id.as_str());
        }
        matches!(p.role, Role::PersonAffected | Role::Complainant)
            || case.recommendations.iter().any(|r| {
                r.body_ids().contains(&body) && r.beneficiary.as_deref() == Some(p.id.as_str())
            })
    };
    // The people affected first, then the complainant, then the others.
    let rank = |p: &Person| match p.role {
        Role::PersonAffected => 0,
        Role::Complainant => 1,
        _ => 2,
    };
    let mut people: Vec<&Person> = case.people.iter().filter(chosen).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
