//! Checks of the publication and outcome fields (docs/domain.md §5, §6) that
//! serde cannot make: per-body exceptions that could not protect anyone,
//! fine-grained outcomes that contradict the website decision or the
//! findings, a sole-trader exception without a care provider; outcomes per
//! body that name a body of the case, an exception for a decision not
//! published, and a review signed off by someone after the decision.

use super::validator::{Validator, path};
use crate::case::tree::Seg;
use crate::case::types::{BodyKind, Case, Exception, OutcomeDetail, WebsiteDecision};
use crate::diag::{Diagnostic, did_you_mean};

type Found = Vec<(Vec<Seg>, Diagnostic)>;

fn at(parts: &[&str]) -> Vec<Seg> {
    parts.iter().map(|p| Seg::Key((*p).to_string())).collect()
}

/// Every problem with `[publication]` and the fine-grained outcomes.
pub(crate) fn check(case: &Case) -> Found {
    let mut out = Found::new();
    per_body_exceptions(case, &mut out);
    sole_trader(case, &mut out);
    premature(case, &mut out);
    details(case, &mut out);
    out
}

fn unknown_body(case: &Case, path: Vec<Seg>, id: &str, out: &mut Found) -> bool {
    if case.body(id).is_some() {
        return false;
    }
    let diag = Diagnostic::error(
        "unknown-body",
        format!("this names the body `{id}`, which is not in the case"),
    );
    let diag = match did_you_mean(id, case.bodies.iter().map(|b| b.id.as_str())) {
        Some(s) => diag.hint(format!("did you mean `{s}`?")),
        None => diag.hint("use the `id` of one of the bodies listed under [[bodies]]"),
    };
    out.push((path, diag));
    true
}

fn per_body_exceptions(case: &Case, out: &mut Found) {
    let publication = &case.publication;
    for (id, exception) in &publication.per_body {
        let path = at(&["publication", "per_body", id]);
        if unknown_body(case, path.clone(), id, out) {
            continue;
        }
        if !exception.can_apply_to_one_body() {
            out.push((
                path.clone(),
                Diagnostic::error(
                    "exception-for-whole-decision",
                    format!(
                        "{} cannot hold back one body's record: the same statement is published on every body's record, so it would still be public",
                        exception.code()
                    ),
                )
                .hint(format!(
                    "withhold the whole decision instead: under [publication] set `publish = false` and `exception = \"{}\"`",
                    exception.code()
                )),
            ));
        } else if !publication.publish {
            out.push((
                path,
                Diagnostic::warning(
                    "exception-redundant",
                    "the whole decision is already withheld, so this body's exception changes nothing",
                )
                .hint("remove it, or set `publish = true` if only this body's record is to be withheld"),
            ));
        }
    }
    let all_withheld = !case.bodies.is_empty()
        && case
            .bodies
            .iter()
            .all(|b| publication.per_body.contains_key(&b.id));
    if publication.publish && all_withheld {
        out.push((
            at(&["publication", "per_body"]),
            Diagnostic::warning(
                "every-record-withheld",
                "every body's record is withheld, so nothing of this decision will be published",
            )
            .hint("say so for the whole decision: `publish = false` with its `exception`"),
        ));
    }
}

fn sole_trader(case: &Case, out: &mut Found) {
    if case.publication.exception == Some(Exception::SoleTrader)
        && !case.bodies.iter().any(|b| b.kind == BodyKind::CareProvider)
    {
        out.push((
            at(&["publication", "exception"]),
            Diagnostic::error(
                "sole-trader-without-provider",
                "the sole-trader exception is for an independent care provider (Part 3A), but no body has `kind = \"care_provider\"`",
            )
            .hint("use the exception that applies, e.g. `\"identifiable\"` or `\"other\"`"),
        ));
    }
}

fn premature(case: &Case, out: &mut Found) {
    if case.publication.exception == Some(Exception::Premature)
        && case.outcome.decision != WebsiteDecision::ClosedAfterInitialEnquiries
    {
        out.push((
            at(&["outcome", "decision"]),
            Diagnostic::warning(
                "premature-but-decided",
                "the decision is withheld as premature, but its outcome is not `closed_after_initial_enquiries`",
            )
            .hint("a premature complaint is not investigated: set `decision = \"closed_after_initial_enquiries\"` and `detail = \"premature\"`"),
        ));
    }
}

fn details(case: &Case, out: &mut Found) {
    let outcome = &case.outcome;
    if let Some(detail) = &outcome.detail {
        mismatch(
            detail,
            outcome.decision,
            at(&["outcome", "detail"]),
            "decision",
            out,
        );
    }
    for (id, detail) in &outcome.per_body_detail {
        let path = at(&["outcome", "per_body_detail", id]);
        if unknown_body(case, path.clone(), id, out) {
            continue;
        }
        let decision = outcome
            .per_body
            .get(id)
            .copied()
            .unwrap_or(outcome.decision);
        let key = if outcome.per_body.contains_key(id) {
            format!("per_body.{id}")
        } else {
            "decision".to_string()
        };
        if mismatch(detail, decision, path.clone(), &key, out) {
            continue;
        }
        let fault = case.at_fault(id);
        let findings = case.findings.iter().any(|f| f.body == *id);
        if detail.finds_fault() && !fault {
            out.push((
                path,
                Diagnostic::warning(
                    "outcome-without-fault",
                    format!(
                        "the outcome `{detail}` says `{id}` was at fault, but no finding says so"
                    ),
                )
                .hint(format!(
                    "add a finding with `fault = true` for `{id}`, or correct the outcome"
                )),
            ));
        } else if *detail == OutcomeDetail::NoFault && fault {
            out.push((
                path,
                Diagnostic::warning(
                    "outcome-contradicts-findings",
                    format!("the outcome `{detail}` says `{id}` was not at fault, but a finding says it was"),
                )
                .hint("correct the finding or the outcome"),
            ));
        } else if *detail == OutcomeDetail::NoFault && !findings {
            out.push((
                path,
                Diagnostic::warning(
                    "outcome-without-findings",
                    format!("the outcome `{detail}` says `{id}` was investigated, but there is no finding about it"),
                )
                .hint(format!("add a finding with `fault = false` for `{id}` saying why")),
            ));
        }
    }
}

/// An error when the fine-grained outcome belongs to another website
/// decision; true when there was one.
fn mismatch(
    detail: &OutcomeDetail,
    decision: WebsiteDecision,
    path: Vec<Seg>,
    key: &str,
    out: &mut Found,
) -> bool {
    let implied = detail.website_decision();
    if implied == decision {
        return false;
    }
    out.push((
        path,
        Diagnostic::error(
            "outcome-detail-mismatch",
            format!(
                "the outcome `{detail}` is published as \"{}\", but `{key}` says \"{}\"",
                implied.label(),
                decision.label()
            ),
        )
        .hint(format!(
            "make them agree: set `{key} = \"{}\"`, or choose the outcome that matches",
            implied.code()
        )),
    ));
    true
}

impl Validator<'_> {
    /// The outcome per body, an exception for a decision not published, and the
    /// review's sign-off.
    pub(super) fn outcome_and_publication(&mut self) {
        let keys: Vec<String> = self.case.outcome.per_body.keys().cloned().collect();
        for key in keys {
            self.body_ref(
                path(&[&"outcome", &"per_body", &key.as_str()]),
                &key,
                "the outcome",
            );
        }
        let publication = &self.case.publication;
        if !publication.publish && publication.exception.is_none() {
            self.push(
                path(&[&"publication", &"publish"]),
                Diagnostic::error(
                    "no-exception",
                    "the decision is not to be published, but no exception says why",
                )
                .hint("add `exception = \"premature\"` (or another code from the README)"),
            );
        }
        if let Some(sign_off) = &self.case.review.signed_off {
            if sign_off.by.trim().is_empty() {
                self.push(
                    path(&[&"review", &"signed_off", &"by"]),
                    Diagnostic::error("empty-sign-off", "the review is signed off by nobody")
                        .hint("give the name of the person who reviewed the publication copies"),
                );
            }
            if sign_off.on < self.case.case.decision_date {
                self.push(
                    path(&[&"review", &"signed_off", &"on"]),
                    Diagnostic::error(
                        "sign-off-before-decision",
                        "the review is signed off before the date of the decision it reviews",
                    )
                    .hint("the review of the publication copies comes after the decision: check the date"),
                );
            }
        }
        if publication.publish && publication.exception.is_some() {
            self.push(
                path(&[&"publication", &"exception"]),
                Diagnostic::warning(
                    "exception-but-published",
                    "an exception is recorded but the decision is still to be published",
                )
                .hint("set `publish = false` if the exception applies"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::case::{Coverage, load_str, tests_support::MINIMAL};

    fn codes(extra: &str) -> Vec<String> {
        let base = MINIMAL.replace("[outcome]\ndecision = \"upheld\"\n", "");
        assert_ne!(base, MINIMAL);
        let text = format!("{base}{extra}");
        load_str("t.toml", &text, &Coverage::all())
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect()
    }

    #[test]
    fn exceptions_about_people_cannot_hold_back_one_body() {
        let found = codes(
            "[outcome]\ndecision = \"upheld\"\n[publication]\nper_body = { council = \"NOT_IN_INTERESTS.IDENTIFIABLE\" }\n",
        );
        assert!(
            found.contains(&"exception-for-whole-decision".into()),
            "{found:?}"
        );
        let found = codes(
            "[outcome]\ndecision = \"upheld\"\n[publication]\nper_body = { council = \"premature\" }\n",
        );
        assert!(found.contains(&"every-record-withheld".into()), "{found:?}");
        assert!(!found.contains(&"exception-for-whole-decision".into()));
    }

    #[test]
    fn section_six_codes_are_accepted() {
        let found = codes(
            "[outcome]\ndecision = \"upheld\"\n[publication]\npublish = false\nexception = \"NOT_IN_INTERESTS.IDENTIFIABLE\"\n",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn fine_grained_outcomes_must_agree() {
        let found = codes(
            "[outcome]\ndecision = \"upheld\"\ndetail = \"not_upheld.no_fault\"\nper_body_detail = { council = \"upheld.fault_injustice\", counci = \"premature\" }\n",
        );
        assert!(
            found.contains(&"outcome-detail-mismatch".into()),
            "{found:?}"
        );
        assert!(found.contains(&"outcome-without-fault".into()), "{found:?}");
        assert!(found.contains(&"unknown-body".into()), "{found:?}");
    }

    #[test]
    fn a_sole_trader_needs_a_care_provider() {
        let found = codes(
            "[outcome]\ndecision = \"upheld\"\n[publication]\npublish = false\nexception = \"sole_trader\"\n",
        );
        assert!(
            found.contains(&"sole-trader-without-provider".into()),
            "{found:?}"
        );
    }
}
