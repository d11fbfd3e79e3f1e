//! Prose that contradicts the case's own facts, or the offices' style, as
//! warnings at the line and column of the case file:
//!
//! - a decision's prose that states compliance ("has paid", "has
//!   apologised", "done what we asked") that the case's events date after
//!   the decision (`compliance-after-decision`);
//! - a body's response in the prose ("has accepted our findings", "has
//!   refused", "has not responded") that its recommendations' statuses, as
//!   of the decision, contradict (`response-contradicts-status`);
//! - a date written with numbers ("04.02.2023"), where the offices write
//!   "4 February 2023" (`date-style`);
//! - a paragraph of Schedule 5 or 5A to the Local Government Act 1974
//!   cited for court proceedings that is not the one about them
//!   (`schedule-paragraph`).
//!
//! Only the decision's own words are read for responses and compliance
//! (its summary and the words added to its final paragraph): findings and
//! escalation views speak as of their own dates.

use std::sync::LazyLock;

use regex::Regex;

use crate::case::{Answer, Case, Date, EventKind, Loaded, Stage, answer};
use crate::diag::Diagnostic;

/// The warnings for a case's prose.
pub(super) fn check(loaded: &Loaded, case: &Case) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut place = |field: &str, start: usize, end: usize, diag: Diagnostic| {
        let diag = diag.at(field.to_string());
        out.push(diag.placed(loaded.locate_in_field(field, start, end)));
    };
    if case.case.stage == Stage::Final {
        let mut decision = vec![("case.summary".to_string(), case.case.summary.clone())];
        if let Some(text) = &case.outcome.final_decision {
            decision.push(("outcome.final_decision".into(), text.clone()));
        }
        for (field, text) in &decision {
            for (start, end, diag) in responses(case, text) {
                place(field, start, end, diag);
            }
        }
    }
    for (field, text) in case.prose() {
        for (start, end, diag) in dates(case, &text) {
            place(&field, start, end, diag);
        }
        for (start, end, diag) in schedules(&text) {
            place(&field, start, end, diag);
        }
    }
    out
}

/// A clause of a sentence, with where it starts in the text.
struct Clause<'a> {
    start: usize,
    text: &'a str,
}

/// Sentences split into clauses at ", but", "; " and " but ".
fn clauses(text: &str) -> Vec<Vec<Clause<'_>>> {
    static SENTENCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[^.!?]+[.!?]?").expect("a valid pattern"));
    static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:,? but |; |, while |, whereas )").expect("a valid pattern")
    });
    SENTENCE
        .find_iter(text)
        .map(|s| {
            let mut out = Vec::new();
            let mut at = 0;
            for m in CLAUSE.find_iter(s.as_str()) {
                out.push(Clause {
                    start: s.start() + at,
                    text: &s.as_str()[at..m.start()],
                });
                at = m.end();
            }
            out.push(Clause {
                start: s.start() + at,
                text: &s.as_str()[at..],
            });
            out
        })
        .collect()
}

/// The bodies a clause names, by short name, name or other name.
fn bodies_named<'a>(case: &'a Case, clause: &str) -> Vec<&'a str> {
    let lower = clause.to_lowercase();
    case.bodies
        .iter()
        .filter(|b| {
            std::iter::once(&b.short_name)
                .chain(std::iter::once(&b.name))
                .chain(&b.other_names)
                .any(|n| {
                    let n = n.trim().to_lowercase();
                    let bare = n.strip_prefix("the ").unwrap_or(&n);
                    !bare.is_empty() && contains_word(&lower, bare)
                })
        })
        .map(|b| b.id.as_str())
        .collect()
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// What a clause says a body did with our recommendations.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Claim {
    /// It has done what was asked ("has paid", "has apologised").
    Done,
    /// It accepted ("has accepted our findings", "has agreed").
    Accepted,
    /// It refused ("has refused", "does not accept", "has not agreed").
    Refused,
    /// It has not answered ("has not responded", "has not told us").
    NotResponded,
}

static DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:has|have)(?: now| already)? (?:paid|apologised|apologized|refunded|waived|complied|carried out (?:our|the|all|every)|done (?:what|everything|all)|put (?:things|it) right|made (?:the |a |its |their )?payments?|revised|reviewed its)\b|\bdone what (?:we|the ombudsm[ae]n) asked\b").expect("a valid pattern")
});
static NOT_RESPONDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:has|have) not(?: yet)? (?:responded|replied|answered|told us)\b")
        .expect("a valid pattern")
});
static REFUSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:has|have) (?:refused|declined|rejected)\b|\b(?:has|have) not (?:accepted|agreed)\b|\b(?:does|do) not accept\b|\bwill not (?:apologise|pay|make|carry|review|refund|look|find|change)\b").expect("a valid pattern")
});
static ACCEPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:has|have) (?:accepted|agreed)\b|\baccepts? our\b")
        .expect("a valid pattern")
});

/// The claims a clause makes, each with its place in the clause.
fn claims(clause: &str) -> Vec<(Claim, usize, usize)> {
    let mut out = Vec::new();
    for m in DONE.find_iter(clause) {
        out.push((Claim::Done, m.start(), m.end()));
    }
    for m in NOT_RESPONDED.find_iter(clause) {
        out.push((Claim::NotResponded, m.start(), m.end()));
    }
    for m in REFUSED.find_iter(clause) {
        out.push((Claim::Refused, m.start(), m.end()));
    }
    if out.iter().all(|(c, _, _)| *c != Claim::Refused) {
        for m in ACCEPTED.find_iter(clause) {
            out.push((Claim::Accepted, m.start(), m.end()));
        }
    }
    out
}

/// Responses and compliance the decision's prose states that its facts
/// contradict.
fn responses(case: &Case, text: &str) -> Vec<(usize, usize, Diagnostic)> {
    let decision = case.case.decision_date;
    let mut out = Vec::new();
    for sentence in clauses(text) {
        let mut last: Vec<&str> = Vec::new();
        for clause in sentence {
            let named = bodies_named(case, clause.text);
            let subject = if named.is_empty() {
                last.clone()
            } else {
                named
            };
            for (claim, s, e) in claims(clause.text) {
                for &body in &subject {
                    let Some(b) = case.body(body) else { continue };
                    let at = (clause.start + s, clause.start + e);
                    if let Some(diag) = contradiction(case, body, &b.short_name, claim, decision) {
                        out.push((at.0, at.1, diag));
                    }
                }
            }
            last = subject;
        }
    }
    out
}

fn contradiction(
    case: &Case,
    body: &str,
    short: &str,
    claim: Claim,
    decision: Date,
) -> Option<Diagnostic> {
    if claim == Claim::Done {
        let later = case.escalation.events.iter().find(|e| {
            e.body.as_deref() == Some(body)
                && e.date > decision
                && matches!(e.kind, EventKind::Response | EventKind::Refusal)
        });
        // What it was asked to do falls due after the decision: by then it
        // had at most agreed to it.
        let due = case
            .recommendations
            .iter()
            .filter(|r| r.body_ids().contains(&body))
            .map(|r| r.deadline.due(decision, &crate::calendar::is_bank_holiday))
            .min();
        let when = match (later, due) {
            (Some(e), _) => format!(
                "the case's events date its answer after the decision ({})",
                e.date.long()
            ),
            (None, Some(due)) => format!(
                "what it was asked to do falls due after the decision (from {})",
                due.long()
            ),
            (None, None) => return None,
        };
        return Some(
            Diagnostic::warning(
                "compliance-after-decision",
                format!("this says {short} has already done what was asked, but {when}"),
            )
            .hint("a decision speaks as of its own date: write what the body had agreed to do (\"has agreed to apologise\"), and let the later documents report what it did; if it had put things right before the decision, record no recommendation and set its outcome to `upheld.fault_injustice_remedied_before`"),
        );
    }
    let actual = answer(case, body, decision);
    let contradicts = match claim {
        Claim::Accepted => matches!(actual, Answer::Refused | Answer::NotResponded),
        Claim::Refused => matches!(actual, Answer::Agreed | Answer::NotResponded),
        Claim::NotResponded => {
            matches!(
                actual,
                Answer::Agreed | Answer::Refused | Answer::AgreedInPart
            )
        }
        Claim::Done => false,
    };
    if !contradicts {
        return None;
    }
    let what = match actual {
        Answer::Agreed => "agreed to everything we recommended",
        Answer::AgreedInPart => "agreed to part of what we recommended",
        Answer::Refused => "refused what we recommended",
        Answer::NotResponded => "not yet answered",
        Answer::NothingRecommended => "been asked to do nothing",
    };
    Some(
        Diagnostic::warning(
            "response-contradicts-status",
            format!("this says something of {short}'s answer that its recommendations contradict: as of the decision it had {what}"),
        )
        .hint("make the prose and the recommendations' `status` agree; a `refusal` event after the decision means the body had not answered by then"),
    )
}

/// Dates written with numbers, other than a person's listed dates of birth
/// and death (which the anonymiser removes).
fn dates(case: &Case, text: &str) -> Vec<(usize, usize, Diagnostic)> {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{1,2})([./])(\d{1,2})([./])(\d{4}|\d{2})\b").expect("a valid pattern")
    });
    let listed: Vec<Date> = case
        .people
        .iter()
        .flat_map(|p| p.born.into_iter().chain(p.died))
        .collect();
    NUMERIC
        .captures_iter(text)
        .filter(|c| c[2] == c[4])
        .filter_map(|c| {
            let m = c.get(0)?;
            let day: u8 = c[1].parse().ok()?;
            let month: u8 = c[3].parse().ok()?;
            let year: i32 = match c[5].len() {
                2 => 2000 + c[5].parse::<i32>().ok()?,
                _ => c[5].parse().ok()?,
            };
            let date = Date::from_ymd(year, month, day)?;
            if listed.iter().any(|d| {
                *d == date
                    || (c[5].len() == 2 && Date::from_ymd(year - 100, month, day) == Some(*d))
            }) {
                return None;
            }
            Some((
                m.start(),
                m.end(),
                Diagnostic::warning(
                    "date-style",
                    format!(
                        "a date written with numbers: the offices write {}",
                        date.long()
                    ),
                )
                .hint("write the day, the month in words and the year (\"4 February 2023\")"),
            ))
        })
        .collect()
}

/// The paragraph about court proceedings in each schedule of matters not
/// subject to investigation (Local Government Act 1974): Schedule 5
/// (councils), Schedule 5A (adult social care providers, Part 3A).
const COURT_PARAGRAPH: [(&str, u32); 2] = [("5", 1), ("5A", 3)];

fn schedules(text: &str) -> Vec<(usize, usize, Diagnostic)> {
    static CITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bSchedule (5A?),? (?:paragraph|para\.?) (\d+)").expect("a valid pattern")
    });
    static COURT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(court|legal proceedings|civil or criminal proceedings)\b")
            .expect("a valid pattern")
    });
    let mut out = Vec::new();
    for sentence in clauses(text) {
        let whole: String = sentence
            .iter()
            .map(|c| c.text)
            .collect::<Vec<_>>()
            .join(" ");
        let Some(first) = sentence.first() else {
            continue;
        };
        // The citation may close the sentence after the one about courts.
        let about_courts = COURT.is_match(&whole) || COURT.is_match(&text[..first.start]);
        if !about_courts {
            continue;
        }
        for clause in &sentence {
            for c in CITED.captures_iter(clause.text) {
                let schedule = c[1].to_uppercase();
                let Ok(paragraph) = c[2].parse::<u32>() else {
                    continue;
                };
                let Some((_, right)) = COURT_PARAGRAPH.iter().find(|(s, _)| *s == schedule) else {
                    continue;
                };
                if paragraph != *right {
                    let m = c.get(0).expect("the whole match");
                    out.push((
                        clause.start + m.start(),
                        clause.start + m.end(),
                        Diagnostic::warning(
                            "schedule-paragraph",
                            format!("court proceedings are paragraph {right} of Schedule {schedule} to the Local Government Act 1974, not paragraph {paragraph}"),
                        )
                        .hint("paragraph 1 of Schedule 5 (councils); paragraph 3 of Schedule 5A (adult social care providers)"),
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::case::tests_support::MINIMAL;
    use crate::case::{Coverage, load_str};

    fn warnings(extra_summary: &str, tail: &str) -> Vec<(&'static str, String)> {
        let text = MINIMAL
            .replace(
                "summary = \"We found fault by the Council.\"",
                &format!("summary = \"{extra_summary}\""),
            )
            .replace("[outcome]", &format!("{tail}\n[outcome]"));
        let loaded = load_str("facts.toml", &text, &Coverage::all());
        let case = loaded.case.as_ref().expect("loads");
        super::check(&loaded, case)
            .into_iter()
            .map(|d| {
                let at = d
                    .range
                    .clone()
                    .map(|r| text[r].to_string())
                    .unwrap_or_default();
                (d.code, at)
            })
            .collect()
    }

    const RECOMMENDED: &str = "[[findings]]\nbody = \"council\"\nfault = true\ninjustice = true\ntext = \"x\"\n\n[[recommendations]]\nbody = \"council\"\nkind = \"apology\"\ntext = \"apologise\"\ndeadline = \"1 month\"\nstatus = \"STATUS\"\n";

    #[test]
    fn compliance_the_events_date_after_the_decision_is_a_warning() {
        let event = "\n[[escalation.events]]\ndate = 2024-04-10\nkind = \"response\"\nbody = \"council\"\ntext = \"It apologised.\"\n";
        let tail = RECOMMENDED.replace("STATUS", "complied") + event;
        let found = warnings(
            "The Council has accepted our findings and has apologised.",
            &tail,
        );
        assert_eq!(
            found,
            [("compliance-after-decision", "has apologised".to_string())]
        );
        let found = warnings(
            "The Council has accepted our findings and agreed to apologise.",
            &tail,
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_response_the_statuses_contradict_is_a_warning() {
        let refused = RECOMMENDED.replace("STATUS", "refused");
        let found = warnings("The Council has accepted our findings.", &refused);
        assert_eq!(found[0].0, "response-contradicts-status");
        assert!(warnings("The Council does not accept our findings.", &refused).is_empty());
        let agreed = RECOMMENDED.replace("STATUS", "agreed");
        let found = warnings(
            "We found fault, but the Council has not responded.",
            &agreed,
        );
        assert_eq!(
            found,
            [(
                "response-contradicts-status",
                "has not responded".to_string()
            )]
        );
        // A refusal event after the decision: the body had not answered yet.
        let later = refused
            + "\n[[escalation.events]]\ndate = 2024-05-01\nkind = \"refusal\"\nbody = \"council\"\ntext = \"No.\"\n";
        let found = warnings("The Council has refused to apologise.", &later);
        assert_eq!(found[0].0, "response-contradicts-status");
        assert!(warnings("The Council has not yet told us what it will do.", &later).is_empty());
    }

    #[test]
    fn numeric_dates_and_wrong_schedule_paragraphs_are_warnings() {
        let found = warnings("She fell on 04.02.2023 and on 19/03/2023.", "");
        assert_eq!(
            found,
            [
                ("date-style", "04.02.2023".to_string()),
                ("date-style", "19/03/2023".to_string())
            ]
        );
        let found = warnings(
            "We cannot investigate what is part of court proceedings. (Local Government Act 1974, Schedule 5, paragraph 3)",
            "",
        );
        assert_eq!(found[0].0, "schedule-paragraph");
        let right = warnings(
            "We cannot investigate what is part of court proceedings. (Local Government Act 1974, Schedule 5, paragraph 1)",
            "",
        );
        assert!(right.is_empty(), "{right:?}");
        // Other paragraphs about other things are left alone.
        assert!(warnings("Schedule 5, paragraph 3 covers commercial matters.", "").is_empty());
    }
}
