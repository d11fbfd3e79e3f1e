//! What we recommended (or, for the Housing Ombudsman, ordered): each
//! remedy with its deadline, its status and, for a joint payment, the total
//! and each body's share. Whether a body "has agreed to", "should" or "has
//! not agreed to" take an action follows from the remedy's status; the
//! templates say it.

use serde::Serialize;

use super::bodies::{BodyView, accepted};
use super::english::{and_join, capitalise};
use crate::case::{
    Case, Compliance, Date, Deadline, Instrument, Recommendation, RemedyKind, Stage,
};

/// One remedy as one body sees it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ActionView {
    pub text: String,
    /// For a remedy shared with other bodies.
    pub joint: Option<JointView>,
    /// "one month".
    pub phrase: String,
    /// The date it falls due, counted from the final decision.
    pub due: String,
    /// Its status: `agreed`, `complied`, `complied_late`,
    /// `partially_complied`, `refused`, `not_responded`.
    pub status: Compliance,
    /// The body accepted it (agreed, or did it).
    pub accepted: bool,
    /// The body refused it, did not answer, or did it only in part.
    pub refused: bool,
    pub order: bool,
    /// What kind of remedy: `apology`, `payment`, `training`, …
    pub kind: RemedyKind,
    /// A remedy for the complainant or the person affected (an apology, a
    /// payment, putting things right for them), rather than a change to
    /// how the body works.
    pub personal: bool,
    /// A sum of money (a payment, a refund, a waived charge).
    pub financial: bool,
}

/// A remedy shared between bodies: one payment (or one action), not one
/// per body.
#[derive(Debug, Clone, Serialize)]
pub(super) struct JointView {
    /// The other bodies, by short name: "the Trust".
    pub with: String,
    /// All the bodies, by short name: "the Council and the Trust".
    pub all: String,
    /// The total of a joint payment, "£650".
    pub total: Option<String>,
    /// This body's share, when the case fixes the split.
    pub share: Option<String>,
    /// Every body's share, in case order: ("the Council", "£400").
    pub shares: Vec<(String, String)>,
}

/// The actions due within one period, by who must act and whether they
/// accepted.
#[derive(Debug, Clone, Serialize)]
pub(super) struct ActionGroup {
    /// "one month".
    phrase: String,
    /// The date the period ends (none for a draft, which has no date yet).
    due: Option<String>,
    sets: Vec<ActorSet>,
}

/// The actions of one body, or of bodies acting together, in one period.
#[derive(Debug, Clone, Serialize)]
struct ActorSet {
    /// "the Council", or "the Council and the Trust".
    who: String,
    /// The same at the start of a sentence.
    who_cap: String,
    /// More than one body: "have" rather than "has".
    plural: bool,
    /// `agreed`, `recommended` (a draft: the bodies have not answered yet),
    /// `refused` or `not_responded`.
    class: &'static str,
    items: Vec<ActionItem>,
}

#[derive(Debug, Clone, Serialize)]
struct ActionItem {
    text: String,
    /// A joint payment: its total and the shares, printed once.
    joint: Option<JointView>,
}

/// A body's remedies, kept apart by who makes them (the Housing
/// Ombudsman's joint working procedure: LGSCO recommendations, Housing
/// Ombudsman orders and recommendations).
#[derive(Debug, Clone, Serialize)]
pub(super) struct BodyRemedies {
    pub body: BodyView,
    pub orders: Vec<ActionView>,
    pub recommendations: Vec<ActionView>,
}

/// Actions grouped by deadline, then by who acts (a joint action once,
/// under all its bodies), then by whether they accepted.
pub(super) fn groups(case: &Case, bodies: &[BodyView]) -> Vec<ActionGroup> {
    let draft = case.case.stage == Stage::Draft;
    let mut deadlines: Vec<Deadline> = case.recommendations.iter().map(|r| r.deadline).collect();
    deadlines.sort_by_key(|d| d.due(case.case.decision_date, &|_| false));
    deadlines.dedup();
    deadlines
        .into_iter()
        .map(|deadline| {
            let in_group: Vec<&Recommendation> = case
                .recommendations
                .iter()
                .filter(|r| r.deadline == deadline)
                .collect();
            let mut sets: Vec<ActorSet> = Vec::new();
            for r in in_group {
                let ids = ordered_ids(r, bodies);
                let who = and_join(
                    ids.iter()
                        .filter_map(|id| bodies.iter().find(|b| &b.id == id))
                        .map(|b| b.short.clone())
                        .collect(),
                );
                let class = class(as_decided(case, r), draft);
                let item = ActionItem {
                    text: clean(&r.text),
                    joint: joint(r, None, bodies),
                };
                match sets.iter_mut().find(|s| s.who == who && s.class == class) {
                    Some(set) => set.items.push(item),
                    None => sets.push(ActorSet {
                        plural: ids.len() > 1,
                        who_cap: capitalise(&who),
                        who,
                        class,
                        items: vec![item],
                    }),
                }
            }
            sets.sort_by_key(|s| {
                let first = bodies
                    .iter()
                    .position(|b| s.who.starts_with(&b.short))
                    .unwrap_or(usize::MAX);
                (first, s.plural, class_rank(s.class))
            });
            ActionGroup {
                phrase: deadline.phrase(),
                due: (!draft).then(|| due(deadline, case.case.decision_date).long()),
                sets,
            }
        })
        .collect()
}

fn class(status: Compliance, draft: bool) -> &'static str {
    match status {
        _ if draft => "recommended",
        s if accepted(s) => "agreed",
        Compliance::NotResponded => "not_responded",
        _ => "refused",
    }
}

fn class_rank(class: &str) -> u8 {
    match class {
        "agreed" | "recommended" => 0,
        "refused" => 1,
        _ => 2,
    }
}

/// A recommendation's bodies in case order.
fn ordered_ids(r: &Recommendation, bodies: &[BodyView]) -> Vec<String> {
    let ids = r.body_ids();
    bodies
        .iter()
        .filter(|b| ids.contains(&b.id.as_str()))
        .map(|b| b.id.clone())
        .collect()
}

/// A recommendation's status as the decision knows it (see
/// [`crate::case::status_as_of`]).
pub(super) fn as_decided(case: &Case, r: &Recommendation) -> Compliance {
    let body = r.body_ids().first().copied().unwrap_or_default();
    crate::case::status_as_of(case, body, r.status, case.case.decision_date)
}

/// The date a deadline falls on, counted from `from`.
pub(super) fn due(deadline: Deadline, from: Date) -> Date {
    deadline.due(from, &crate::calendar::is_bank_holiday)
}

fn clean(text: &str) -> String {
    super::prose::money(text.trim().trim_end_matches('.'))
}

/// The joint facts of a remedy shared between bodies, as `me` sees it
/// (`None`: as everyone sees it).
fn joint(r: &Recommendation, me: Option<&BodyView>, bodies: &[BodyView]) -> Option<JointView> {
    let ids = ordered_ids(r, bodies);
    if ids.len() < 2 {
        return None;
    }
    let short = |id: &str| {
        bodies
            .iter()
            .find(|b| b.id == id)
            .map(|b| b.short.clone())
            .unwrap_or_default()
    };
    Some(JointView {
        with: and_join(
            ids.iter()
                .filter(|id| me.is_none_or(|m| m.id != **id))
                .map(|id| short(id))
                .collect(),
        ),
        all: and_join(ids.iter().map(|id| short(id)).collect()),
        total: r.amount.map(|a| a.to_string()),
        share: me.and_then(|m| r.split.get(&m.id)).map(|s| s.to_string()),
        shares: ids
            .iter()
            .filter_map(|id| r.split.get(id).map(|s| (short(id), s.to_string())))
            .collect(),
    })
}

/// One remedy as body `b` sees it, with its deadline counted from `from`
/// (the final decision, or the escalation document that restates it).
pub(super) fn action_view(
    r: &Recommendation,
    b: &BodyView,
    bodies: &[BodyView],
    from: Date,
) -> ActionView {
    ActionView {
        text: clean(&r.text),
        joint: joint(r, Some(b), bodies),
        phrase: r.deadline.phrase(),
        due: due(r.deadline, from).long(),
        status: r.status,
        accepted: accepted(r.status),
        refused: r.status.is_non_compliance(),
        order: r.instrument == Instrument::Order,
        kind: r.kind,
        personal: personal(r),
        financial: r.kind.is_financial(),
    }
}

/// Whether a remedy is for the people the complaint is about rather than
/// a change to how the body works.
fn personal(r: &Recommendation) -> bool {
    matches!(
        r.kind,
        RemedyKind::Apology
            | RemedyKind::Payment
            | RemedyKind::Refund
            | RemedyKind::WaiveCharge
            | RemedyKind::Reassessment
    ) || r.beneficiary.is_some()
}

/// Each body's remedies: orders apart from recommendations.
pub(super) fn remedies(case: &Case, bodies: &[BodyView], as_of: Date) -> Vec<BodyRemedies> {
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
            let view = |r: &&Recommendation| {
                let mut r = (*r).clone();
                r.status = crate::case::status_as_of(case, &b.id, r.status, as_of);
                action_view(&r, b, bodies, case.case.decision_date)
            };
            Some(BodyRemedies {
                body: b.clone(),
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
