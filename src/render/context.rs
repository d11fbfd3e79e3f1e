//! The typed input of every template: everything a document shows, worked
//! out in Rust (labels or names, defined short names, deadlines as dates,
//! money with thousands separators, prose split into blocks), so templates
//! only lay it out.
//!
//! The same builder serves both variants; only the names differ. The
//! redacted variant is built from an [`AnonymisedCase`](crate::anonymise::AnonymisedCase),
//! whose people are already their labels and whose prose is already clean.

use serde::Serialize;

use super::escalation::{self, EscalationView};
use super::prose::{Block, blocks};
use super::rules::Rules;
use crate::case::{
    Body, BodyKind, Case, Compliance, Date, Deadline, Instrument, Jurisdiction, Person,
    Recommendation, Stage,
};
use crate::plan::{DocKind, DocumentPlan, Recipient};

/// Which variant of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// For publication: labels, no personal details, verified clean.
    Redacted,
    /// The internal file copy, with real names: NOT FOR PUBLICATION.
    Unredacted,
}

impl Variant {
    /// The word used in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Redacted => "redacted",
            Self::Unredacted => "unredacted",
        }
    }
}

/// Everything a template can print.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    doc: DocView,
    complainant: PersonView,
    people: Vec<PersonView>,
    bodies: Vec<BodyView>,
    summary: Vec<Block>,
    complaint: ComplaintView,
    scope: Vec<Block>,
    considered: Vec<Block>,
    law: Vec<LawView>,
    what_happened: Vec<Block>,
    findings: Vec<FindingsView>,
    actions: Vec<ActionGroup>,
    evidence: String,
    final_decision: Vec<Block>,
    remedies: Vec<BodyRemedies>,
    key: Vec<KeyRow>,
    letter: Option<LetterView>,
    escalation: Option<EscalationView>,
    rules: Rules,
}

/// One row of the key to names.
#[derive(Debug, Clone, Serialize)]
pub(super) struct KeyRow {
    label: String,
    description: String,
}

/// A body's remedies, kept apart by who makes them (DOMAIN.md §4.3).
#[derive(Debug, Clone, Serialize)]
pub(super) struct BodyRemedies {
    pub body: BodyView,
    /// "recommendations of the Local Government and Social Care Ombudsman".
    pub maker: String,
    pub orders: Vec<ActionView>,
    pub recommendations: Vec<ActionView>,
}

/// One remedy, with its deadline and whether it was done.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ActionView {
    pub text: String,
    /// "Within one month of … (by 1 April 2024)".
    pub deadline: String,
    /// "by 1 April 2024" (or the deadline in words, for a draft).
    pub by: String,
    pub status: &'static str,
    pub refused: bool,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct DocView {
    kind: DocKind,
    /// The short running header: "Final decision", "Report".
    running: &'static str,
    decision_date: String,
    file: String,
    title: String,
    meta_title: String,
    authors: Vec<&'static str>,
    keywords: Vec<String>,
    reference: String,
    references: Vec<RefView>,
    hos_reference: Option<String>,
    date: String,
    date_short: String,
    draft: bool,
    redacted: bool,
    jurisdiction: Jurisdiction,
    joint: bool,
    phso: bool,
    hos: bool,
    /// "the Ombudsmen" or "the Ombudsman".
    ombudsmen: &'static str,
    /// "Ombudsmen's" or "Ombudsman's".
    ombudsmen_s: &'static str,
    ombudsmen_names: Vec<&'static str>,
    signature: String,
    category: Option<String>,
    decision: &'static str,
    publish: bool,
    exception: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
struct RefView {
    reference: String,
    body: String,
}

#[derive(Debug, Clone, Serialize)]
struct PersonView {
    id: String,
    /// As printed in this variant: the label, or the real name.
    name: String,
    label: String,
    role: &'static str,
    relation: Option<String>,
    child: bool,
    staff: bool,
    address: Vec<String>,
}

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
    /// Refused, or did not carry out, a remedy.
    pub non_compliant: bool,
    pub decision: &'static str,
    pub addressee: Option<AddresseeView>,
}

#[derive(Debug, Clone, Serialize)]
pub(super) struct AddresseeView {
    name: String,
    position: String,
    address: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct ComplaintView {
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

#[derive(Debug, Clone, Serialize)]
struct LawView {
    title: String,
    blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
struct FindingsView {
    short: String,
    short_cap: String,
    landlord: bool,
    blocks: Vec<Block>,
    /// The Housing Ombudsman's determinations on a landlord, as sentences.
    determinations: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct ActionGroup {
    heading: String,
    bodies: Vec<BodyActions>,
}

#[derive(Debug, Clone, Serialize)]
struct BodyActions {
    lead: String,
    items: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
struct LetterView {
    code: &'static str,
    to_complainant: bool,
    to_all: bool,
    body: Option<BodyView>,
    name: String,
    salutation: String,
    address: Vec<String>,
    subject: String,
    powers: Vec<String>,
    /// The escalation document the letter covers.
    covers: Option<String>,
    /// For a draft: the date comments are due.
    comments_due: Option<String>,
}

/// Builds the context of one document.
pub(crate) fn build(case: &Case, plan: &DocumentPlan, variant: Variant, rules: &Rules) -> Context {
    let people: Vec<PersonView> = case
        .people
        .iter()
        .map(|p| person(case, p, variant))
        .collect();
    let complainant = case
        .people
        .iter()
        .position(|p| p.role == crate::case::Role::Complainant)
        .map_or_else(|| people[0].clone(), |i| people[i].clone());
    let bodies: Vec<BodyView> = case.bodies.iter().map(|b| body(case, b, variant)).collect();
    let doc = doc_view(case, plan, variant);
    let letter = plan
        .recipient
        .as_ref()
        .map(|r| letter(case, plan, r, &complainant, &bodies, &doc, rules));
    let escalation = plan
        .about
        .as_ref()
        .and_then(|id| escalation::build(case, id, &bodies, rules));
    Context {
        remedies: remedies(case, &bodies),
        key: key_to_names(case, &people),
        escalation,
        rules: rules.clone(),
        summary: blocks(&case.case.summary),
        complaint: complaint(case, &bodies),
        scope: blocks(&case.investigation.scope),
        considered: blocks(&case.investigation.considered),
        law: case
            .law
            .iter()
            .map(|l| LawView {
                title: l.title.clone(),
                blocks: blocks(&l.text),
            })
            .collect(),
        what_happened: blocks(&case.investigation.what_happened),
        findings: findings(case, &bodies),
        actions: actions(case, &bodies),
        evidence: evidence(case, &bodies),
        final_decision: final_decision(case, &bodies, &complainant),
        doc,
        complainant,
        people,
        bodies,
        letter,
    }
}

fn doc_view(case: &Case, plan: &DocumentPlan, variant: Variant) -> DocView {
    let info = &case.case;
    let joint = info.jurisdiction.is_joint();
    let mut authors = vec!["Local Government and Social Care Ombudsman"];
    match info.jurisdiction {
        Jurisdiction::LgscoPhso => authors.push("Parliamentary and Health Service Ombudsman"),
        Jurisdiction::LgscoHos => authors.push("Housing Ombudsman"),
        Jurisdiction::Lgsco => {}
    }
    let redacted = variant == Variant::Redacted;
    let meta_title = match variant {
        Variant::Redacted => format!("{} {}", plan.title, info.reference),
        Variant::Unredacted => format!("NOT FOR PUBLICATION: {} {}", plan.title, info.reference),
    };
    let mut keywords = vec![info.reference.clone()];
    if !redacted {
        keywords.push("not for publication".into());
    }
    let ombudsmen = if joint {
        "the Ombudsmen"
    } else {
        "the Ombudsman"
    };
    DocView {
        kind: plan.kind,
        file: plan.file.clone(),
        title: plan.title.clone(),
        meta_title,
        authors: authors.clone(),
        keywords,
        reference: info.reference.clone(),
        references: case
            .bodies
            .iter()
            .map(|b| RefView {
                reference: b.reference.clone(),
                body: b.name.clone(),
            })
            .collect(),
        hos_reference: info.hos_reference.clone(),
        running: running_title(plan.kind, info.stage),
        date: plan.date.long(),
        date_short: plan.date.short(),
        decision_date: info.decision_date.long(),
        draft: info.stage == Stage::Draft,
        redacted,
        jurisdiction: info.jurisdiction,
        joint,
        phso: info.jurisdiction == Jurisdiction::LgscoPhso,
        hos: info.jurisdiction == Jurisdiction::LgscoHos,
        ombudsmen,
        ombudsmen_s: if joint { "Ombudsmen's" } else { "Ombudsman's" },
        ombudsmen_names: authors,
        signature: format!("Investigator's decision on behalf of {ombudsmen}"),
        category: info.category.clone(),
        decision: case.outcome.decision.label(),
        publish: case.publication.publish,
        exception: case.publication.exception.map(|e| e.describe()),
    }
}

/// A person as printed in `variant`: their label, or title and real name.
fn display(p: &Person, variant: Variant) -> String {
    match (variant, p.title) {
        (Variant::Redacted, _) => p.label.clone().unwrap_or_else(|| p.name.clone()),
        (Variant::Unredacted, Some(t)) if !p.role.is_staff() => {
            format!("{} {}", t.as_str(), p.name)
        }
        (Variant::Unredacted, _) => p.name.clone(),
    }
}

fn person(case: &Case, p: &Person, variant: Variant) -> PersonView {
    let label = p.label.clone().unwrap_or_else(|| p.name.clone());
    let name = display(p, variant);
    let relation = p.relationship.as_ref().and_then(|r| {
        let other = case.person(&r.to)?;
        Some(format!("{}'s {}", display(other, variant), r.relation))
    });
    let address = match variant {
        Variant::Redacted => Vec::new(),
        Variant::Unredacted => p.addresses.first().map(|a| lines(a)).unwrap_or_default(),
    };
    PersonView {
        id: p.id.clone(),
        name,
        label,
        role: p.role.describe(),
        relation,
        child: p.child,
        staff: p.role.is_staff(),
        address,
    }
}

fn lines(address: &str) -> Vec<String> {
    address
        .split(',')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn body(case: &Case, b: &Body, variant: Variant) -> BodyView {
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
    let non_compliant = findings.iter().any(|f| f.fault)
        && case
            .recommendations
            .iter()
            .any(|r| r.body_ids().contains(&b.id.as_str()) && r.status.is_non_compliance());
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
        at_fault: findings.iter().any(|f| f.fault),
        injustice: findings.iter().any(|f| f.injustice),
        decision: decision.label(),
        addressee,
    }
}

fn complaint(case: &Case, bodies: &[BodyView]) -> ComplaintView {
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

fn findings(case: &Case, bodies: &[BodyView]) -> Vec<FindingsView> {
    bodies
        .iter()
        .filter_map(|b| {
            let own: Vec<_> = case.findings.iter().filter(|f| f.body == b.id).collect();
            let blocks: Vec<Block> = own.iter().flat_map(|f| blocks(&f.text)).collect();
            let determinations = own
                .iter()
                .filter_map(|f| f.determination)
                .map(|d| d.sentence(&b.short))
                .collect();
            (!blocks.is_empty()).then(|| FindingsView {
                short: b.short.clone(),
                short_cap: b.short_cap.clone(),
                landlord: b.kind == BodyKind::HousingLandlord,
                blocks,
                determinations,
            })
        })
        .collect()
}

/// Actions grouped by deadline, then by body in case order. A joint action
/// appears under every body that shares it, with that body's share.
fn actions(case: &Case, bodies: &[BodyView]) -> Vec<ActionGroup> {
    let mut deadlines: Vec<_> = case.recommendations.iter().map(|r| r.deadline).collect();
    deadlines.sort_by_key(|d| d.due(case.case.decision_date, &|_| false));
    deadlines.dedup();
    let draft = case.case.stage == Stage::Draft;
    deadlines
        .into_iter()
        .map(|deadline| {
            let due = deadline.due(case.case.decision_date, &crate::calendar::is_bank_holiday);
            let heading = deadline_heading(deadline.phrase(), (!draft).then_some(due));
            let bodies = bodies
                .iter()
                .filter_map(|b| {
                    let items: Vec<String> = case
                        .recommendations
                        .iter()
                        .filter(|r| r.deadline == deadline && r.body_ids().contains(&b.id.as_str()))
                        .map(|r| action_text(r, b, bodies))
                        .collect();
                    (!items.is_empty()).then(|| BodyActions {
                        lead: action_lead(case, b, draft),
                        items,
                    })
                })
                .collect();
            ActionGroup { heading, bodies }
        })
        .collect()
}

pub(super) fn deadline_heading(phrase: String, due: Option<Date>) -> String {
    match due {
        Some(due) => format!(
            "Within {phrase} of the date of the final decision (by {})",
            due.long()
        ),
        None => format!("Within {phrase} of the date of the final decision"),
    }
}

fn action_lead(case: &Case, b: &BodyView, draft: bool) -> String {
    let orders = case
        .recommendations
        .iter()
        .any(|r| r.instrument == Instrument::Order && r.body_ids().contains(&b.id.as_str()));
    match (draft, orders) {
        (_, true) => format!("the Housing Ombudsman orders {} to:", b.short),
        (true, false) => format!("{} should:", b.short),
        (false, false) => format!("{} has agreed to:", b.short),
    }
}

pub(super) fn action_text(r: &Recommendation, b: &BodyView, bodies: &[BodyView]) -> String {
    let text = r.text.trim().trim_end_matches('.').to_string();
    let others: Vec<String> = r
        .body_ids()
        .into_iter()
        .filter(|id| *id != b.id)
        .filter_map(|id| bodies.iter().find(|v| v.id == id).map(|v| v.short.clone()))
        .collect();
    if others.is_empty() {
        return text;
    }
    let with = and_join(others);
    match (r.amount, r.split.get(&b.id)) {
        (Some(total), Some(share)) => {
            format!(
                "{text} (a joint payment of {total} with {with}: {}'s share is {share})",
                b.short
            )
        }
        (Some(total), None) => {
            format!("{text} (a joint payment of {total} with {with}, shared as the bodies agree)")
        }
        (None, _) => format!("{text} (jointly with {with})"),
    }
}

fn evidence(case: &Case, bodies: &[BodyView]) -> String {
    let acting: Vec<String> = bodies
        .iter()
        .filter(|b| {
            case.recommendations
                .iter()
                .any(|r| r.body_ids().contains(&b.id.as_str()))
        })
        .map(|b| b.short.clone())
        .collect();
    if acting.is_empty() {
        return String::new();
    }
    let they = if acting.len() == 1 {
        "it has"
    } else {
        "they have"
    };
    format!(
        "{} should provide us with evidence {they} complied with the above actions.",
        capitalise(&and_join(acting))
    )
}

/// The Final decision paragraph: the case's own words, or one written from
/// the findings body by body.
fn final_decision(case: &Case, bodies: &[BodyView], complainant: &PersonView) -> Vec<Block> {
    if let Some(text) = &case.outcome.final_decision {
        return blocks(text);
    }
    let draft = case.case.stage == Stage::Draft;
    let mut sentences = vec![if draft {
        "This is my provisional view, subject to the comments I receive on this draft.".to_string()
    } else {
        "I have completed my investigation.".to_string()
    }];
    for b in bodies {
        sentences.push(if b.injustice {
            format!(
                "There was fault by {} which caused injustice to {}.",
                b.short, complainant.name
            )
        } else if b.at_fault {
            format!(
                "There was fault by {}, but it did not cause {} an injustice.",
                b.short, complainant.name
            )
        } else {
            format!("There was no fault by {}.", b.short)
        });
    }
    let acting: Vec<String> = bodies
        .iter()
        .filter(|b| {
            case.recommendations
                .iter()
                .any(|r| r.body_ids().contains(&b.id.as_str()) && r.status != Compliance::Refused)
        })
        .map(|b| b.short.clone())
        .collect();
    if !acting.is_empty() {
        let verb = if acting.len() == 1 { "has" } else { "have" };
        let agreed = if draft { "been asked" } else { "agreed" };
        sentences.push(format!(
            "{} {verb} {agreed} to take action to remedy that injustice.",
            capitalise(&and_join(acting))
        ));
    }
    vec![Block {
        text: sentences.join(" "),
        items: Vec::new(),
    }]
}

fn letter(
    case: &Case,
    plan: &DocumentPlan,
    to: &Recipient,
    complainant: &PersonView,
    bodies: &[BodyView],
    doc: &DocView,
    rules: &Rules,
) -> LetterView {
    let body = match to {
        Recipient::Body(id) => bodies.iter().find(|b| &b.id == id).cloned(),
        _ => None,
    };
    let (name, salutation, address) = match (to, &body) {
        (Recipient::Body(_), Some(b)) => match &b.addressee {
            // Redacted, the addressee is their position alone.
            Some(a) if a.name.eq_ignore_ascii_case(&format!("the {}", a.position)) => {
                let position = capitalise(&a.position);
                (
                    position.clone(),
                    format!("Dear {position}"),
                    vec![b.name.clone()],
                )
            }
            Some(a) => {
                let mut address = vec![a.position.clone(), b.name.clone()];
                address.extend(a.address.iter().cloned());
                (
                    a.name.clone(),
                    format!("Dear {}", salutation(&a.name)),
                    address,
                )
            }
            None => (b.name.clone(), "Dear Sir or Madam".into(), Vec::new()),
        },
        _ => (
            complainant.name.clone(),
            format!("Dear {}", salutation(&complainant.name)),
            complainant.address.clone(),
        ),
    };
    let names = and_join(bodies.iter().map(|b| b.name.clone()).collect());
    let subject = match to {
        Recipient::Body(_) => format!(
            "Complaint by {} (our reference {})",
            complainant.name,
            body.as_ref().map_or(&doc.reference, |b| &b.reference)
        ),
        _ => format!("Your complaint about {names}"),
    };
    LetterView {
        code: match doc.kind {
            DocKind::Letter(code) => code.code(),
            _ => "",
        },
        to_complainant: matches!(to, Recipient::Complainant),
        to_all: matches!(to, Recipient::All),
        powers: powers(case, bodies, body.as_ref()),
        covers: plan.covers.map(|_| plan_title_of_covered(case, plan)),
        comments_due: (case.case.stage == Stage::Draft).then(|| {
            Deadline::WorkingDays(rules.draft_comment_working_days)
                .due(case.case.decision_date, &crate::calendar::is_bank_holiday)
                .long()
        }),
        body,
        name,
        salutation,
        address,
        subject,
    }
}

/// The title of the escalation document a letter covers.
fn plan_title_of_covered(case: &Case, letter: &DocumentPlan) -> String {
    crate::plan::plan(case)
        .into_iter()
        .find(|d| Some(d.kind) == letter.covers && d.about == letter.about && d.recipient.is_none())
        .map_or_else(String::new, |d| d.title)
}

/// Each body's remedies: orders apart from recommendations.
fn remedies(case: &Case, bodies: &[BodyView]) -> Vec<BodyRemedies> {
    bodies
        .iter()
        .filter_map(|b| {
            let own: Vec<&Recommendation> = case
                .recommendations
                .iter()
                .filter(|r| r.body_ids().contains(&b.id.as_str()))
                .collect();
            if own.is_empty() {
                return None;
            }
            let view = |r: &&Recommendation| action_view(case, r, b, bodies);
            let maker = match b.kind {
                BodyKind::HousingLandlord => "orders and recommendations of the Housing Ombudsman",
                BodyKind::HealthBody => {
                    "recommendations of the Parliamentary and Health Service Ombudsman"
                }
                _ => "recommendations of the Local Government and Social Care Ombudsman",
            };
            Some(BodyRemedies {
                body: b.clone(),
                maker: maker.into(),
                orders: own
                    .iter()
                    .filter(|r| r.instrument == Instrument::Order)
                    .map(view)
                    .collect(),
                recommendations: own
                    .iter()
                    .filter(|r| r.instrument == Instrument::Recommendation)
                    .map(view)
                    .collect(),
            })
        })
        .collect()
}

/// How compliance is described in reports.
pub(super) fn status_phrase(status: Compliance) -> &'static str {
    match status {
        Compliance::Agreed => "agreed",
        Compliance::Complied => "done",
        Compliance::CompliedLate => "done, late",
        Compliance::PartiallyComplied => "done in part",
        Compliance::Refused => "refused",
        Compliance::NotResponded => "no response",
    }
}

/// The key to names: every person's label and who they are.
fn key_to_names(case: &Case, people: &[PersonView]) -> Vec<KeyRow> {
    let mut rows: Vec<(u8, KeyRow)> = case
        .people
        .iter()
        .zip(people)
        .map(|(p, view)| {
            let rank = match p.role {
                crate::case::Role::Complainant => 0,
                crate::case::Role::PersonAffected => 1,
                _ if p.role.is_staff() => 3,
                _ => 2,
            };
            let employer = p
                .body
                .as_deref()
                .and_then(|b| case.body(b))
                .map(|b| b.short_name.clone());
            let description = match (&view.relation, employer) {
                (Some(rel), _) if p.role != crate::case::Role::Complainant => rel.clone(),
                (_, Some(employer)) => format!("{} of {}", p.role.describe(), employer),
                _ => p.role.describe().to_string(),
            };
            let label = if view.staff {
                capitalise(&view.label)
            } else {
                view.label.clone()
            };
            (
                rank,
                KeyRow {
                    label,
                    description: capitalise(&description),
                },
            )
        })
        .collect();
    rows.sort_by_key(|(rank, _)| *rank);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The short title printed at the top of every page.
fn running_title(kind: DocKind, stage: Stage) -> &'static str {
    match kind {
        DocKind::Decision if stage == Stage::Draft => "Draft decision",
        DocKind::Decision => "Final decision",
        DocKind::Report => "Report",
        DocKind::FurtherReport => "Further report",
        DocKind::JointReport => "Joint report",
        DocKind::SpecialReport => "Special report",
        DocKind::Notice => "Adverse findings notice",
        DocKind::Letter(_) => "Covering letter",
    }
}

/// "Mrs Deborah Tranter-Wilde" → "Mrs Tranter-Wilde"; labels and
/// positions ("Mrs X", "The Chief Executive") stay as they are.
fn salutation(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let titled = words
        .first()
        .is_some_and(|w| crate::case::Title::ALL.iter().any(|t| t.as_str() == *w));
    match words.as_slice() {
        [title, .., family] if titled && words.len() > 2 => format!("{title} {family}"),
        _ => name.to_string(),
    }
}

/// The powers each body's copy of the decision is issued under (CL-STD-FINAL).
fn powers(case: &Case, bodies: &[BodyView], to: Option<&BodyView>) -> Vec<String> {
    let mut out = Vec::new();
    if case.case.jurisdiction == Jurisdiction::LgscoPhso {
        out.push("The Local Government and Social Care Ombudsman and the Parliamentary and Health Service Ombudsman investigated this complaint jointly, with the complainant's consent (Local Government Act 1974, section 33ZA, and Health Service Commissioners Act 1993, section 18ZA).".to_string());
    }
    let relevant: Vec<&BodyView> = match to {
        Some(b) => vec![b],
        None => bodies.iter().collect(),
    };
    for b in relevant {
        out.push(match b.kind {
            BodyKind::Council if !b.at_fault => format!("For {}, the decision is a statement of reasons: we found no fault by {}, so we have completed the investigation without issuing a report (Local Government Act 1974, section 30(1B)).", b.short, b.short),
            BodyKind::Council => format!("For {}, the decision is a statement of reasons: we are satisfied with the action {} has taken or agreed to take, so we have completed the investigation without issuing a report (Local Government Act 1974, section 30(1B)).", b.short, b.short),
            BodyKind::CareProvider => format!("For {}, the decision is a written statement of our reasons and conclusions under Part 3A of the Local Government Act 1974 (section 34H).", b.short),
            BodyKind::HealthBody => format!("For {}, the decision is the report of the results of the investigation (Health Service Commissioners Act 1993, section 14(1)).", b.short),
            BodyKind::HousingLandlord => format!("For {}, the decision includes the Housing Ombudsman's determination under the Housing Ombudsman Scheme; orders must be complied with, and the Housing Ombudsman monitors them separately.", b.short),
        });
    }
    out
}

/// "a", "a and b", "a, b and c".
pub(crate) fn and_join(items: Vec<String>) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One remedy as body `b` sees it: its text (with the share of a joint
/// payment), deadline, due date and compliance.
pub(super) fn action_view(
    case: &Case,
    r: &Recommendation,
    b: &BodyView,
    bodies: &[BodyView],
) -> ActionView {
    let draft = case.case.stage == Stage::Draft;
    let due = r
        .deadline
        .due(case.case.decision_date, &crate::calendar::is_bank_holiday);
    ActionView {
        text: action_text(r, b, bodies),
        deadline: deadline_heading(r.deadline.phrase(), (!draft).then_some(due)),
        by: by_date(r.deadline, due, draft),
        status: status_phrase(r.status),
        refused: r.status.is_non_compliance(),
    }
}

/// "by 1 April 2024", or for a draft "within one month of the final decision".
pub(super) fn by_date(deadline: Deadline, due: Date, draft: bool) -> String {
    if draft {
        format!("within {} of the final decision", deadline.phrase())
    } else {
        format!("by {}", due.long())
    }
}

/// Upper-cases the first letter.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_in_english() {
        assert_eq!(and_join(vec![]), "");
        assert_eq!(and_join(vec!["the Council".into()]), "the Council");
        assert_eq!(
            and_join(vec!["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
