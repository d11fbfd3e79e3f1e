//! The bodies as a document shows them: their names and references, what we
//! found about each (fault, injustice) and whether each accepted what we
//! recommended. Those two facts decide the powers and the wording of every
//! final paragraph; the templates say them.

use serde::Serialize;

use super::context::{Variant, and_join, capitalise, remit_key};
use super::people::lines;
use super::prose::{Block, blocks};
use crate::case::{Body, BodyKind, Case, Compliance, Determination};

/// A body, with what was found about it and where it stands.
#[derive(Debug, Clone, Serialize)]
pub(super) struct BodyView {
    pub id: String,
    pub name: String,
    pub short: String,
    /// The short name at the start of a sentence.
    pub short_cap: String,
    /// "Calderbrook Metropolitan Borough Council (the Council)".
    pub defined: String,
    /// Trading names.
    pub other_names: Vec<String>,
    pub kind: BodyKind,
    pub reference: String,
    pub at_fault: bool,
    pub injustice: bool,
    /// `injustice` (fault causing injustice), `fault` (fault, no
    /// significant injustice) or `no_fault`.
    pub outcome: &'static str,
    /// Whether it accepted our recommendations: `accepted`, `refused`,
    /// `partly` (some but not all), `not_responded`, or `none` (nothing was
    /// recommended to it).
    pub acceptance: &'static str,
    /// Refused, or did not carry out, a remedy, after a finding of fault.
    pub non_compliant: bool,
    pub decision: &'static str,
    pub addressee: Option<AddresseeView>,
    /// For a health body: the citation key of its PHSO remit.
    pub remit_key: Option<&'static str>,
    /// For a health body: the citation key of the report the decision is to
    /// it (HSCA 1993 s14(1) for a health service body).
    pub report_key: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct AddresseeView {
    pub name: String,
    pub position: String,
    pub address: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct ComplaintView {
    bodies_defined: String,
    by_body: Vec<PointsView>,
    injustice: Vec<Block>,
    outcome_sought: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
struct PointsView {
    short: String,
    points: Vec<String>,
}

/// The findings about one body.
#[derive(Debug, Clone, Serialize)]
pub(super) struct FindingsView {
    id: String,
    short: String,
    short_cap: String,
    landlord: bool,
    items: Vec<FindingItem>,
}

/// One finding, and the Housing Ombudsman's determination on it.
#[derive(Debug, Clone, Serialize)]
struct FindingItem {
    blocks: Vec<Block>,
    determination: Option<DeterminationView>,
}

#[derive(Debug, Clone, Serialize)]
struct DeterminationView {
    kind: Determination,
    /// "maladministration", "reasonable redress".
    phrase: &'static str,
    /// The defined complaint it decides.
    complaint: Option<String>,
}

/// Whether a recommendation's status means the body accepted it.
pub(super) fn accepted(status: Compliance) -> bool {
    matches!(
        status,
        Compliance::Agreed | Compliance::Complied | Compliance::CompliedLate
    )
}

pub(super) fn body(case: &Case, b: &Body, variant: Variant) -> BodyView {
    let findings: Vec<_> = case.findings.iter().filter(|f| f.body == b.id).collect();
    let decision = case
        .outcome
        .per_body
        .get(&b.id)
        .copied()
        .unwrap_or(case.outcome.decision);
    let addressee = b.addressee.as_ref().map(|a| AddresseeView {
        name: match variant {
            Variant::Redacted => format!("The {}", a.position.trim_start_matches("the ")),
            Variant::Unredacted => a.name.clone(),
        },
        position: a.position.clone(),
        address: a.address.as_deref().map(lines).unwrap_or_default(),
    });
    let at_fault = findings.iter().any(|f| f.fault);
    let injustice = findings.iter().any(|f| f.injustice);
    let statuses: Vec<Compliance> = case
        .recommendations
        .iter()
        .filter(|r| r.body_ids().contains(&b.id.as_str()))
        .map(|r| r.status)
        .collect();
    let yes = statuses.iter().filter(|s| accepted(**s)).count();
    let acceptance = if statuses.is_empty() {
        "none"
    } else if yes == statuses.len() {
        "accepted"
    } else if statuses.iter().all(|s| *s == Compliance::NotResponded) {
        "not_responded"
    } else if yes == 0 {
        "refused"
    } else {
        "partly"
    };
    let non_compliant = at_fault && statuses.iter().any(|s| s.is_non_compliance());
    let health = b.kind == BodyKind::HealthBody;
    let remit = b.remit.unwrap_or_default();
    BodyView {
        non_compliant,
        id: b.id.clone(),
        name: b.name.clone(),
        short: b.short_name.clone(),
        short_cap: capitalise(&b.short_name),
        defined: format!("{} ({})", b.name, b.short_name),
        other_names: b.other_names.clone(),
        kind: b.kind,
        reference: b.reference.clone(),
        at_fault,
        injustice,
        outcome: if injustice {
            "injustice"
        } else if at_fault {
            "fault"
        } else {
            "no_fault"
        },
        acceptance,
        decision: decision.label(),
        addressee,
        remit_key: health.then(|| remit_key(remit)),
        report_key: health.then_some(match remit {
            crate::case::HealthRemit::HealthServiceBody => "hsca_report",
            _ => "hsca_report_other",
        }),
    }
}

pub(super) fn complaint(case: &Case, bodies: &[BodyView]) -> ComplaintView {
    let complained_of: Vec<&BodyView> = bodies
        .iter()
        .filter(|b| case.complaint.points.iter().any(|p| p.body == b.id))
        .collect();
    let by_body = complained_of
        .iter()
        .map(|b| PointsView {
            short: b.short.clone(),
            points: case
                .complaint
                .points
                .iter()
                .filter(|p| p.body == b.id)
                .map(|p| p.text.clone())
                .collect(),
        })
        .collect();
    ComplaintView {
        bodies_defined: and_join(complained_of.iter().map(|b| b.defined.clone()).collect()),
        by_body,
        injustice: blocks(&case.complaint.injustice),
        outcome_sought: case
            .complaint
            .outcome_sought
            .as_deref()
            .map(blocks)
            .unwrap_or_default(),
    }
}

/// The findings, body by body, each with its determination (one per
/// defined complaint, printed once, after the finding it decides).
pub(super) fn findings(
    case: &Case,
    bodies: &[BodyView],
    prose: &dyn Fn(&str) -> Vec<Block>,
) -> Vec<FindingsView> {
    bodies
        .iter()
        .filter_map(|b| {
            let items: Vec<FindingItem> = case
                .findings
                .iter()
                .filter(|f| f.body == b.id)
                .map(|f| FindingItem {
                    blocks: prose(&f.text),
                    determination: f.determination.map(|d| DeterminationView {
                        kind: d,
                        phrase: d.phrase(),
                        complaint: f.complaint.clone(),
                    }),
                })
                .filter(|i| !i.blocks.is_empty() || i.determination.is_some())
                .collect();
            (!items.is_empty()).then(|| FindingsView {
                id: b.id.clone(),
                short: b.short.clone(),
                short_cap: b.short_cap.clone(),
                landlord: b.kind == BodyKind::HousingLandlord,
                items,
            })
        })
        .collect()
}
