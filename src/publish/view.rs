//! The case as the site shows it on one day (`--as-of`): an embargo on
//! everything. Which documents are out, where each body stands on its
//! remedies, which escalation steps have been taken and what Parliament has
//! been told are all read from the facts dated on or before that day, never
//! from later ones. A body that refused on 4 April 2024 has "agreed" on
//! 1 April; a report issued on 14 June 2024 is no part of the record on
//! 13 June.
//!
//! Every date the view compares with the day is one of the case's
//! [`change_dates`]: between two of them the site shows a case exactly
//! alike, which is what lets `publish` keep a case's pages from an earlier
//! run ([`Span`]).

use serde::{Deserialize, Serialize};

use super::decision::{PublicationDecision, always_published};
use crate::case::{Case, Compliance, Date, EventKind, Parliament, Recommendation, Stage};
use crate::plan::{DocKind, DocumentPlan};

/// A case as the site shows it on `date`.
pub struct AsOf<'a> {
    case: &'a Case,
    plans: &'a [DocumentPlan],
    decision: &'a PublicationDecision,
    /// The day.
    pub date: Date,
}

/// A remedy's state as known on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownStatus {
    /// What the body had done, as far as the Ombudsman knew on the day.
    pub status: Compliance,
    /// The day that became known (`None` for a remedy simply agreed).
    pub since: Option<Date>,
}

impl<'a> AsOf<'a> {
    /// The view of `case` on `date`.
    pub fn new(
        case: &'a Case,
        plans: &'a [DocumentPlan],
        decision: &'a PublicationDecision,
        date: Date,
    ) -> Self {
        Self {
            case,
            plans,
            decision,
            date,
        }
    }

    /// The documents on the website on the day, in plan order.
    pub fn documents(&self) -> Vec<&'a DocumentPlan> {
        self.plans
            .iter()
            .filter(|p| self.decision.on_website(&p.file, self.date))
            .collect()
    }

    /// The escalation documents (reports, notices) issued about `body` by
    /// the day, in order.
    pub fn escalation(&self, body: &str) -> Vec<&'a DocumentPlan> {
        self.plans
            .iter()
            .filter(|p| always_published(p.kind) && p.about.as_deref() == Some(body))
            .filter(|p| p.date <= self.date)
            .collect()
    }

    /// The parliamentary details of a special report, once the House has
    /// ordered it printed.
    pub fn parliament(&self) -> Option<&'a Parliament> {
        self.case
            .escalation
            .parliament
            .as_ref()
            .filter(|p| p.ordered_printed <= self.date)
    }

    /// What `body` had done about remedy `r` as known on the day: the state
    /// the case file records, from the day it became known; "agreed" before.
    pub fn remedy(&self, r: &Recommendation, body: &str) -> KnownStatus {
        match known_from(self.case, r, body) {
            Some(since) if since <= self.date => KnownStatus {
                status: r.status,
                since: Some(since),
            },
            _ => KnownStatus {
                status: Compliance::Agreed,
                since: None,
            },
        }
    }

    /// Where `body` stands on its remedies on the day (docs/domain.md §6): the
    /// last escalation step taken by then, else its remedies' state taken
    /// together (the worst of them); `None` without remedies.
    pub fn compliance(&self, body: &str) -> Option<&'static str> {
        if let Some(last) = self.escalation(body).last() {
            return Some(escalation_code(last.kind));
        }
        let statuses: Vec<Compliance> = self
            .case
            .recommendations
            .iter()
            .filter(|r| r.body_ids().contains(&body))
            .map(|r| self.remedy(r, body).status)
            .collect();
        worst(&statuses)
    }
}

/// The compliance code of an escalation document.
pub fn escalation_code(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Report => "escalated.s30",
        DocKind::FurtherReport => "escalated.s31_2A",
        DocKind::JointReport => "escalated.s18ZA_report",
        DocKind::SpecialReport => "escalated.s14_3",
        _ => "escalated.afn",
    }
}

/// The state of several remedies taken together: the worst of them.
pub fn worst(statuses: &[Compliance]) -> Option<&'static str> {
    let any = |s: Compliance| statuses.contains(&s);
    Some(if statuses.is_empty() {
        return None;
    } else if any(Compliance::Refused) {
        "refused"
    } else if any(Compliance::NotResponded) {
        "not_responded"
    } else if any(Compliance::PartiallyComplied) {
        "partially_complied"
    } else if any(Compliance::Agreed) {
        "agreed"
    } else if any(Compliance::CompliedLate) {
        "complied_late"
    } else {
        "complied_on_time"
    })
}

/// The day a remedy's recorded state became known: for a refusal, the
/// body's first refusal after the decision (else its first response); for
/// a remedy done in part, its first answer of either kind; for one done,
/// its first response (else its last word of any kind); failing those,
/// and for a body that never answered, the day the remedy fell due. A
/// remedy simply agreed is known at once.
fn known_from(case: &Case, r: &Recommendation, body: &str) -> Option<Date> {
    let due = due_date(case, r);
    let events = || {
        case.escalation
            .events
            .iter()
            .filter(|e| e.body.as_deref() == Some(body) && e.date >= case.case.decision_date)
    };
    let first = |kinds: &[EventKind]| {
        events()
            .filter(|e| kinds.contains(&e.kind))
            .map(|e| e.date)
            .min()
    };
    let (refusal, response) = (EventKind::Refusal, EventKind::Response);
    match r.status {
        Compliance::Agreed => None,
        Compliance::NotResponded => Some(due),
        Compliance::Refused => Some(
            first(&[refusal])
                .or_else(|| first(&[response]))
                .unwrap_or(due),
        ),
        Compliance::PartiallyComplied => Some(first(&[refusal, response]).unwrap_or(due)),
        Compliance::Complied | Compliance::CompliedLate => Some(
            first(&[response])
                .or_else(|| events().map(|e| e.date).max())
                .unwrap_or(due),
        ),
    }
}

/// The day a remedy falls due, counted from the final decision.
pub fn due_date(case: &Case, r: &Recommendation) -> Date {
    r.deadline
        .due(case.case.decision_date, &crate::calendar::is_bank_holiday)
}

/// Every day on which what the site shows of a case may change: the
/// decision's and each document's first day on the website, every event,
/// every due date and every day a remedy's state became known, and the day
/// Parliament ordered a special report printed. A superset is harmless (a
/// case is made again when it need not be); a date missing here would let
/// an old page stand, so the view reads no date that is not here.
pub fn change_dates(
    case: &Case,
    plans: &[DocumentPlan],
    decision: &PublicationDecision,
) -> Vec<Date> {
    let mut dates: Vec<Date> = vec![case.case.decision_date];
    dates.extend(decision.earliest_publication_date);
    dates.extend(plans.iter().map(|p| p.date));
    dates.extend(
        decision
            .documents
            .iter()
            .filter_map(|d| d.earliest_publication_date),
    );
    dates.extend(case.escalation.events.iter().map(|e| e.date));
    dates.extend(case.escalation.parliament.iter().map(|p| p.ordered_printed));
    if case.case.stage == Stage::Final {
        for r in &case.recommendations {
            dates.push(due_date(case, r));
            for body in r.body_ids() {
                dates.extend(known_from(case, r, body));
            }
        }
    }
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// The days on which the site shows a case as it does on a given day:
/// from the last change on or before it, until (not including) the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The last change on or before the day (`None`: none yet).
    pub from: Option<Date>,
    /// The next change after it (`None`: nothing more will change).
    pub until: Option<Date>,
}

impl Span {
    /// The span of `date` among `changes` (sorted).
    pub fn of(changes: &[Date], date: Date) -> Self {
        let after = changes.partition_point(|d| *d <= date);
        Self {
            from: after.checked_sub(1).map(|i| changes[i]),
            until: changes.get(after).copied(),
        }
    }

    /// Whether `date` falls in the span.
    pub fn holds(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date < u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::EscalationEvent;
    use crate::case::tests_support::minimal_case;

    #[test]
    fn a_span_holds_the_days_between_two_changes() {
        let d = |m, day| Date::from_ymd(2024, m, day).unwrap();
        let changes = [d(3, 5), d(4, 16), d(6, 14)];
        let span = Span::of(&changes, d(5, 1));
        assert_eq!(span.from, Some(d(4, 16)));
        assert_eq!(span.until, Some(d(6, 14)));
        assert!(span.holds(d(4, 16)) && span.holds(d(6, 13)));
        assert!(!span.holds(d(6, 14)) && !span.holds(d(4, 15)));
        assert_eq!(Span::of(&changes, d(1, 1)).from, None);
        assert_eq!(Span::of(&changes, d(12, 1)).until, None);
    }

    #[test]
    fn a_remedy_is_agreed_until_the_body_says_otherwise() {
        let mut case = minimal_case();
        let decided = case.case.decision_date;
        case.recommendations.push(Recommendation {
            body: Some("council".into()),
            bodies: Vec::new(),
            kind: crate::case::RemedyKind::Apology,
            text: "apologise".into(),
            amount: None,
            beneficiary: None,
            split: Default::default(),
            deadline: crate::case::Deadline::Months(1),
            instrument: crate::case::Instrument::Recommendation,
            status: Compliance::Refused,
        });
        case.escalation.events.push(EscalationEvent {
            date: decided.plus_days(20),
            kind: EventKind::Refusal,
            body: Some("council".into()),
            text: "Refused.".into(),
            view: None,
            joint: false,
        });
        let plans = crate::plan::plan(&case, crate::plan::bundled_words());
        let decision = crate::publish::decide(&case, &plans, 6, crate::plan::bundled_words());
        let r = case.recommendations[0].clone();
        let before = AsOf::new(&case, &plans, &decision, decided.plus_days(19));
        assert_eq!(before.remedy(&r, "council").status, Compliance::Agreed);
        let after = AsOf::new(&case, &plans, &decision, decided.plus_days(20));
        assert_eq!(after.remedy(&r, "council").status, Compliance::Refused);
        assert!(change_dates(&case, &plans, &decision).contains(&decided.plus_days(20)));
    }
}
