//! The bodies as a document shows them: their names and references, what we
//! found about each (fault, injustice) and whether each accepted what we
//! recommended. Those two facts decide the powers and the wording of every
//! final paragraph; the templates say them.

use serde::Serialize;

use super::english::{and_join, capitalise};
use super::people::lines;
use super::prose::{Block, blocks};
use super::rules::remit_key;
use crate::case::{
    Answer, Body, BodyKind, BodyOutcome, Case, Compliance, Determination, OutcomeDetail,
};
use crate::plan::Variant;

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
    /// From its outcome ([`BodyOutcome`], as its website record has it):
    /// `injustice` (fault causing injustice), `remedied` (fault causing
    /// injustice it had already remedied), `fault` (fault, no significant
    /// injustice), `no_fault`, `closed` (after initial enquiries),
    /// `premature` or `out_of_jurisdiction`.
    pub outcome: &'static str,
    /// Its answer to what we recommended, as of the decision: `accepted`,
    /// `refused`, `partly` (some but not all), `not_responded`, or `none`
    /// (nothing was recommended to it).
    pub acceptance: &'static str,
    /// Refused, or did not carry out, a remedy, after a finding of fault
    /// (as the case stands now: escalation follows it).
    pub non_compliant: bool,
    /// At fault and, as of the decision, had not agreed to everything we
    /// recommended (refused, agreed in part, or not answered): we cannot be
    /// satisfied with its action.
    pub not_agreed: bool,
    /// Its record's `Decision`: "Upheld", or for a landlord the Housing
    /// Ombudsman's determination ("Maladministration").
    pub decision: &'static str,
    /// Its record's category.
    pub category: Option<String>,
    /// The people its fault caused injustice to, as this variant names
    /// them: "Mrs Y and Mrs X".
    pub injured: String,
    /// The same people, by id.
    pub injured_ids: Vec<String>,
    /// For a landlord: each determination and the complaint it decides.
    pub determinations: Vec<DeterminationView>,
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
pub(super) struct DeterminationView {
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
    let outcome = BodyOutcome::of(case, b);
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
    let acceptance = match outcome.answer {
        Answer::NothingRecommended => "none",
        Answer::Agreed => "accepted",
        Answer::AgreedInPart => "partly",
        Answer::Refused => "refused",
        Answer::NotResponded => "not_responded",
    };
    let non_compliant = at_fault
        && case
            .recommendations
            .iter()
            .any(|r| r.body_ids().contains(&b.id.as_str()) && r.status.is_non_compliance());
    let injured = and_join(
        outcome
            .injustice_to
            .iter()
            .filter_map(|id| case.person(id))
            .map(|p| super::people::display(p, variant))
            .collect(),
    );
    let health = b.kind == BodyKind::HealthBody;
    let remit = b.remit.unwrap_or_default();
    BodyView {
        not_agreed: at_fault && matches!(acceptance, "refused" | "partly" | "not_responded"),
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
        outcome: outcome_word(outcome.detail.as_ref(), at_fault, injustice),
        acceptance,
        decision: outcome.label(),
        category: outcome.category.clone(),
        injured,
        injured_ids: outcome.injustice_to.clone(),
        determinations: findings
            .iter()
            .filter_map(|f| {
                f.determination.map(|d| DeterminationView {
                    kind: d,
                    phrase: d.phrase(),
                    complaint: f.complaint.as_deref().map(String::from),
                })
            })
            .collect(),
        addressee,
        remit_key: health.then(|| remit_key(remit)),
        report_key: health.then_some(match remit {
            crate::case::HealthRemit::HealthServiceBody => "hsca_report",
            _ => "hsca_report_other",
        }),
    }
}

/// The word the templates decide a body's sentences by, from its outcome
/// (or, where the case gives none, its findings).
fn outcome_word(detail: Option<&OutcomeDetail>, at_fault: bool, injustice: bool) -> &'static str {
    match detail {
        Some(OutcomeDetail::FaultInjustice) => "injustice",
        Some(OutcomeDetail::FaultInjusticeRemediedBefore) => "remedied",
        Some(OutcomeDetail::FaultNoInjustice) => "fault",
        Some(OutcomeDetail::NoFault) => "no_fault",
        Some(OutcomeDetail::ClosedInitialEnquiries(_)) => "closed",
        Some(OutcomeDetail::Premature) => "premature",
        Some(OutcomeDetail::OutOfJurisdiction(_)) => "out_of_jurisdiction",
        None if injustice => "injustice",
        None if at_fault => "fault",
        None => "no_fault",
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
            points: super::prose::punctuate_list(
                &case
                    .complaint
                    .points
                    .iter()
                    .filter(|p| p.body == b.id)
                    .map(|p| super::prose::money(&p.text))
                    .collect::<Vec<_>>(),
            ),
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
                        complaint: f.complaint.as_deref().map(String::from),
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
