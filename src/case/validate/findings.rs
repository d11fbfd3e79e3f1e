//! The complaint, the findings and the remedies: each names a body of the
//! case, injustice only with fault, determinations and orders only for
//! landlords, an amount for a financial remedy, and a joint payment's split
//! that adds up.

use super::validator::{Validator, path};
use crate::case::types::{BodyKind, Instrument, Recommendation};
use crate::diag::Diagnostic;

impl Validator<'_> {
    /// The points of complaint and the findings: bodies of the case, injustice
    /// only with fault, determinations only on landlords.
    pub(super) fn complaint_and_findings(&mut self) {
        for (i, point) in self.case.complaint.points.iter().enumerate() {
            self.body_ref(
                path(&[&"complaint", &"points", &i, &"body"]),
                &point.body,
                "this point of complaint",
            );
        }
        if self.case.complaint.points.is_empty() {
            self.push(
                path(&[&"complaint", &"points"]),
                Diagnostic::error("no-points", "the complaint has no points")
                    .hint("add at least one `{ body = \"…\", text = \"…\" }`"),
            );
        }
        for (i, finding) in self.case.findings.iter().enumerate() {
            self.body_ref(
                path(&[&"findings", &i, &"body"]),
                &finding.body,
                "this finding",
            );
            if finding.injustice && !finding.fault {
                self.push(path(&[&"findings", &i, &"injustice"]), Diagnostic::error("injustice-without-fault", "injustice is found without fault")
                    .hint("the Ombudsmen find injustice caused by fault: set `fault = true` or `injustice = false`"));
            }
            if finding.determination.is_some()
                && self
                    .case
                    .body(&finding.body)
                    .is_some_and(|b| b.kind != BodyKind::HousingLandlord)
            {
                self.push(
                    path(&[&"findings", &i, &"determination"]),
                    Diagnostic::error(
                        "determination-body",
                        "only the Housing Ombudsman makes determinations, on landlords",
                    )
                    .hint("remove `determination`, or move it to the landlord's finding"),
                );
            }
        }
    }

    /// Each recommendation: its body or bodies, its beneficiary, its amount and
    /// split, and orders only to landlords.
    pub(super) fn recommendations(&mut self) {
        for (i, rec) in self.case.recommendations.iter().enumerate() {
            let at = |f: &str| path(&[&"recommendations", &i, &f]);
            match (&rec.body, rec.bodies.len()) {
                (Some(_), 0) | (None, 2..) => {}
                (Some(_), _) => self.push(
                    at("bodies"),
                    Diagnostic::error(
                        "body-and-bodies",
                        "a recommendation has both `body` and `bodies`",
                    )
                    .hint("use `body` for one body, or `bodies` for a joint action"),
                ),
                (None, 0) => self.push(
                    path(&[&"recommendations", &i]),
                    Diagnostic::error("no-body", "a recommendation names no body")
                        .hint("add `body = \"council\"` (or `bodies = [..]` for a joint action)"),
                ),
                (None, _) => self.push(
                    at("bodies"),
                    Diagnostic::error("joint-of-one", "a joint action names only one body")
                        .hint("use `body = \"…\"` for one body"),
                ),
            }
            if let Some(body) = &rec.body {
                self.body_ref(at("body"), body, "this recommendation");
            }
            for (j, body) in rec.bodies.iter().enumerate() {
                self.body_ref(
                    path(&[&"recommendations", &i, &"bodies", &j]),
                    body,
                    "this recommendation",
                );
            }
            if let Some(b) = &rec.beneficiary {
                self.person_ref(at("beneficiary"), b, "this recommendation");
            }
            if rec.kind.is_financial() && rec.amount.is_none() {
                self.push(
                    at("kind"),
                    Diagnostic::error("missing-amount", "a financial remedy has no amount")
                        .hint("add `amount = 500` (pounds)"),
                );
            }
            self.split(i, rec);
            let landlord = rec.body_ids().iter().any(|b| {
                self.case
                    .body(b)
                    .is_some_and(|b| b.kind == BodyKind::HousingLandlord)
            });
            if rec.instrument == Instrument::Order && !landlord {
                self.push(
                    at("instrument"),
                    Diagnostic::error(
                        "order-not-landlord",
                        "only the Housing Ombudsman makes orders, and only to landlords",
                    )
                    .hint("LGSCO and PHSO make recommendations: remove `instrument`"),
                );
            }
        }
    }

    fn split(&mut self, i: usize, rec: &Recommendation) {
        if rec.split.is_empty() {
            return;
        }
        let at = path(&[&"recommendations", &i, &"split"]);
        let ids = rec.body_ids();
        for key in rec.split.keys() {
            if !ids.contains(&key.as_str()) {
                self.push(at.clone(), Diagnostic::error("split-body", format!("the split names `{key}`, which is not one of this recommendation's bodies")));
            }
        }
        let total: i64 = rec.split.values().map(|m| m.pence()).sum();
        if rec.amount.is_some_and(|a| a.pence() != total) {
            self.push(at, Diagnostic::error("split-total", "the shares of the split do not add up to the amount")
                .hint("make the shares add up to `amount`, or leave out `split` to let the bodies agree it"));
        }
    }
}
