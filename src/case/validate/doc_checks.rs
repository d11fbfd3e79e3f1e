//! Checks on the facts the documents are built from: who signs them (the
//! investigator, and the Housing Ombudsman's adjudicator in a joint case
//! with it), the case's dates in order, the people a finding of injustice
//! names, each escalation view on the event that issues its document, the
//! remit of a health body, one determination per defined complaint of a
//! landlord, a landlord's own reference. The checks of what a case may ask
//! for are the plan's (run beside the lint); these are the ones about the
//! text.

use crate::case::outcome::outcome_detail;
use crate::case::tree::Seg;
use crate::case::types::{
    BodyKind, Case, EventKind, Investigator, Jurisdiction, OutcomeDetail, Stage,
};
use crate::diag::Diagnostic;

type Found = Vec<(Vec<Seg>, Diagnostic)>;

fn at(parts: &[&str]) -> Vec<Seg> {
    parts.iter().map(|p| Seg::Key((*p).into())).collect()
}

fn at_index(list: &str, i: usize, field: &str) -> Vec<Seg> {
    let mut path = list
        .split('.')
        .map(|p| Seg::Key(p.into()))
        .collect::<Vec<_>>();
    path.push(Seg::Index(i));
    path.push(Seg::Key(field.into()));
    path
}

/// Every problem, with the path of the value it is about.
pub(crate) fn problems(case: &Case) -> Found {
    let mut out = Found::new();
    signatories(case, &mut out);
    case_dates(case, &mut out);
    injustice_people(case, &mut out);
    legacy_view(case, &mut out);
    event_views(case, &mut out);
    remits(case, &mut out);
    determinations(case, &mut out);
    landlord_references(case, &mut out);
    out
}

/// A decision and its letters are signed by the investigator, by name; a
/// joint decision with the Housing Ombudsman also by its adjudicator.
fn signatories(case: &Case, out: &mut Found) {
    let unnamed =
        |who: &Option<Investigator>| who.as_ref().is_none_or(|i| i.name.trim().is_empty());
    if unnamed(&case.case.investigator) {
        out.push((
            at(&["case", "investigator"]),
            Diagnostic::error(
                "missing-investigator",
                "the decision and its letters are signed by the investigator, and the case names none",
            )
            .hint("add `investigator = { name = \"…\", phone = \"…\", email = \"…\" }` under [case]: the office's line and mailbox, never a party's"),
        ));
    }
    if case.case.jurisdiction == Jurisdiction::LgscoHos && unnamed(&case.case.adjudicator) {
        out.push((
            at(&["case", "adjudicator"]),
            Diagnostic::error(
                "missing-adjudicator",
                "a joint decision with the Housing Ombudsman is signed by its adjudicator too, and the case names none",
            )
            .hint("add `adjudicator = { name = \"…\", phone = \"…\", email = \"…\" }` under [case]"),
        ));
    } else if case.case.jurisdiction != Jurisdiction::LgscoHos && case.case.adjudicator.is_some() {
        out.push((
            at(&["case", "adjudicator"]),
            Diagnostic::warning(
                "adjudicator-without-hos",
                "an adjudicator signs only with the Housing Ombudsman, and this case is not joint with it",
            )
            .hint("remove `adjudicator`, or set `jurisdiction = \"lgsco_hos\"`"),
        ));
    }
}

/// The case's dates in order: received, the draft sent, the decision.
/// (Events after the decision, and in order, are the plan's.)
fn case_dates(case: &Case, out: &mut Found) {
    let info = &case.case;
    if let Some(received) = info.received
        && received > info.decision_date
    {
        out.push((
            at(&["case", "received"]),
            Diagnostic::error(
                "decision-before-complaint",
                format!(
                    "the complaint was received on {}, after the decision of {}",
                    received.long(),
                    info.decision_date.long()
                ),
            )
            .hint("check `received` and `decision_date`: a decision follows the complaint"),
        ));
    }
    let Some(draft) = info.draft_sent else {
        return;
    };
    if info.stage == Stage::Draft {
        out.push((
            at(&["case", "draft_sent"]),
            Diagnostic::error(
                "draft-sent-on-draft",
                "`draft_sent` dates the draft a final decision follows, but this case is the draft",
            )
            .hint("a draft is dated `decision_date`; remove `draft_sent`"),
        ));
    } else if draft >= info.decision_date {
        out.push((
            at(&["case", "draft_sent"]),
            Diagnostic::error(
                "draft-after-decision",
                "the draft decision is dated on or after the final decision",
            )
            .hint("the draft goes to the parties for comment before the final decision: check the dates"),
        ));
    }
    if let Some(received) = info.received
        && draft < received
    {
        out.push((
            at(&["case", "draft_sent"]),
            Diagnostic::error(
                "draft-before-complaint",
                "the draft decision is dated before the complaint was received",
            )
            .hint("check `draft_sent` and `received`"),
        ));
    }
}

/// `injustice_to` names people in the case, on a finding of injustice;
/// a finding of injustice with nothing recommended needs the outcome that
/// says it was already remedied.
fn injustice_people(case: &Case, out: &mut Found) {
    for (i, f) in case.findings.iter().enumerate() {
        for (j, id) in f.injustice_to.iter().enumerate() {
            let mut path = at_index("findings", i, "injustice_to");
            path.push(Seg::Index(j));
            if case.person(id).is_none() {
                out.push((
                    path,
                    Diagnostic::error(
                        "unknown-person",
                        format!("this finding names the person `{id}`, who is not in the case"),
                    )
                    .hint("use the `id` of someone under [[people]]"),
                ));
            } else if !f.injustice {
                out.push((
                    path,
                    Diagnostic::error(
                        "injustice-to-without-injustice",
                        "this finding names who suffered injustice, but finds none",
                    )
                    .hint("set `injustice = true`, or remove `injustice_to`"),
                ));
            }
        }
    }
    if case.case.stage == Stage::Draft {
        return;
    }
    for body in &case.bodies {
        let injustice = case
            .findings
            .iter()
            .any(|f| f.body == body.id && f.injustice);
        let recommended = case
            .recommendations
            .iter()
            .any(|r| r.body_ids().contains(&body.id.as_str()));
        let remedied =
            outcome_detail(case, &body.id) == Some(OutcomeDetail::FaultInjusticeRemediedBefore);
        if injustice && !recommended && !remedied {
            let i = case
                .findings
                .iter()
                .position(|f| f.body == body.id && f.injustice)
                .expect("found above");
            out.push((
                at_index("findings", i, "injustice"),
                Diagnostic::warning(
                    "injustice-without-remedy",
                    format!("`{}` caused injustice, but nothing is recommended to remedy it", body.id),
                )
                .hint(format!("add a recommendation, or, if it had already put things right, set `per_body_detail = {{ {} = \"upheld.fault_injustice_remedied_before\" }}` under [outcome]", body.id)),
            ));
        }
    }
}

/// The single `escalation.view` of older files leaked a view written after
/// the last event into the first report: it is refused with the way out.
fn legacy_view(case: &Case, out: &mut Found) {
    if case.escalation.view.is_some() {
        out.push((
            at(&["escalation", "view"]),
            Diagnostic::error(
                "escalation-view-moved",
                "`escalation.view` is no longer read: each escalation document now has its own view, as of its date",
            )
            .hint("move the text to `view` on the event that issues the document (the `[[escalation.events]]` entry with `kind = \"report\"`, `\"further_report\"`, `\"joint_report\"`, `\"special_report\"` or `\"notice_required\"`), and keep in each view only what was known on that event's date")
            .hint("a later document gets its own `view` on its own event; delete `view` from `[escalation]`"),
        ));
    }
}

/// The kinds of event that issue a document, and so may carry its view.
pub(crate) fn issues_document(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Report
            | EventKind::FurtherReport
            | EventKind::JointReport
            | EventKind::SpecialReport
            | EventKind::NoticeRequired
            | EventKind::StatementRequired
    )
}

fn event_views(case: &Case, out: &mut Found) {
    for (i, e) in case.escalation.events.iter().enumerate() {
        if e.view.is_some() && !issues_document(e.kind) {
            out.push((
                at_index("escalation.events", i, "view"),
                Diagnostic::error("view-on-event", "only an event that issues a document carries a view")
                    .hint("put the view on the `report`, `further_report`, `joint_report`, `special_report` or `notice_required` event whose document gives it"),
            ));
        }
    }
}

fn remits(case: &Case, out: &mut Found) {
    for (i, b) in case.bodies.iter().enumerate() {
        if b.remit.is_some() && b.kind != BodyKind::HealthBody {
            out.push((
                at_index("bodies", i, "remit"),
                Diagnostic::error(
                    "remit-not-health",
                    "`remit` says how a health body comes within the PHSO's remit; this body is not a health body",
                )
                .hint("remove `remit`, or set `kind = \"health_body\"`"),
            ));
        }
    }
}

/// The Housing Ombudsman: "each defined complaint must have its own
/// determination" (its guidance on outcomes).
fn determinations(case: &Case, out: &mut Found) {
    let mut seen: Vec<(&str, Option<String>)> = Vec::new();
    let determined: Vec<usize> = (0..case.findings.len())
        .filter(|&i| case.findings[i].determination.is_some())
        .collect();
    for &i in &determined {
        let f = &case.findings[i];
        let several = determined
            .iter()
            .filter(|&&j| case.findings[j].body == f.body)
            .count()
            > 1;
        let subject = f.complaint.as_ref().map(|c| c.trim().to_lowercase());
        if several && subject.is_none() {
            out.push((
                at_index("findings", i, "complaint"),
                Diagnostic::error(
                    "determination-without-complaint",
                    "this landlord has several determinations, and this one does not say which complaint it decides",
                )
                .hint("add `complaint = \"its handling of …\"`: each defined complaint has its own determination"),
            ));
        }
        if seen
            .iter()
            .any(|(body, c)| *body == f.body.as_str() && *c == subject && subject.is_some())
        {
            out.push((
                at_index("findings", i, "complaint"),
                Diagnostic::error(
                    "determination-twice",
                    "two determinations decide the same complaint",
                )
                .hint("give each defined complaint one determination"),
            ));
        }
        seen.push((f.body.as_str(), subject));
        if f.complaint.is_some() && f.determination.is_none() {
            out.push((
                at_index("findings", i, "complaint"),
                Diagnostic::warning(
                    "complaint-without-determination",
                    "`complaint` names the complaint a determination decides, but this finding has none",
                )
                .hint("add `determination`, or remove `complaint`"),
            ));
        }
    }
}

/// A landlord's record is the Housing Ombudsman's, under its own reference.
fn landlord_references(case: &Case, out: &mut Found) {
    for (i, b) in case.bodies.iter().enumerate() {
        let lgsco_shaped = b.reference.contains(' ');
        if b.kind == BodyKind::HousingLandlord && lgsco_shaped {
            let hint = match &case.case.hos_reference {
                Some(h) => format!("use the Housing Ombudsman's reference: `reference = \"{h}\"`"),
                None => "use the Housing Ombudsman's nine-digit reference, e.g. `reference = \"202312647\"`".to_string(),
            };
            out.push((
                at_index("bodies", i, "reference"),
                Diagnostic::warning(
                    "landlord-reference",
                    "a housing landlord is given a Local Government and Social Care Ombudsman reference",
                )
                .hint(hint),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::case::tests_support::MINIMAL;
    use crate::case::{Coverage, load_str};

    fn codes(extra: &str) -> Vec<&'static str> {
        let text = MINIMAL.to_string() + extra;
        load_str("t.toml", &text, &Coverage::all())
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn an_old_single_view_is_refused_with_the_way_to_convert_it() {
        let loaded = load_str(
            "t.toml",
            &(MINIMAL.to_string() + "\n[escalation]\nview = \"We remain concerned.\"\n"),
            &Coverage::all(),
        );
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == "escalation-view-moved")
            .expect("an error");
        assert!(d.is_error());
        assert_eq!(d.path.as_deref(), Some("escalation.view"));
        assert!(d.hints.iter().any(|h| h.contains("kind = \"report\"")));
    }

    #[test]
    fn a_view_belongs_to_an_event_that_issues_a_document() {
        let event = "\n[[escalation.events]]\ndate = 2024-04-01\nkind = \"refusal\"\nbody = \"council\"\ntext = \"x\"\nview = \"y\"\n";
        assert!(codes(event).contains(&"view-on-event"));
    }
}
