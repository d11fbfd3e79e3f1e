//! The bodies a case names against its jurisdiction: a joint case with the
//! Housing Ombudsman has a landlord, one with the PHSO a health body, and
//! neither appears without the other Ombudsman.

use super::validator::{Validator, path};
use crate::case::types::{BodyKind, Jurisdiction};
use crate::diag::Diagnostic;

impl Validator<'_> {
    /// At least one body, and the kinds of body the jurisdiction calls for.
    pub(super) fn bodies(&mut self) {
        if self.case.bodies.is_empty() {
            self.push(
                path(&[&"bodies"]),
                Diagnostic::error("no-bodies", "the case names no body").hint(
                    "add the council or other organisation complained about under [[bodies]]",
                ),
            );
        }
        let has = |k: BodyKind| self.case.bodies.iter().any(|b| b.kind == k);
        let jurisdiction = self.case.case.jurisdiction;
        let at = path(&[&"case", &"jurisdiction"]);
        if jurisdiction == Jurisdiction::LgscoHos && !has(BodyKind::HousingLandlord) {
            self.push(
                at.clone(),
                Diagnostic::error(
                    "jurisdiction-bodies",
                    "a joint case with the Housing Ombudsman has no housing landlord",
                )
                .hint("add the landlord with `kind = \"housing_landlord\"`"),
            );
        }
        if jurisdiction == Jurisdiction::LgscoPhso && !has(BodyKind::HealthBody) {
            self.push(at.clone(), Diagnostic::error("jurisdiction-bodies", "a joint case with the PHSO has no health body")
                .hint("add the NHS body with `kind = \"health_body\"`, or use `jurisdiction = \"lgsco\"`"));
        }
        if jurisdiction == Jurisdiction::Lgsco && has(BodyKind::HealthBody) {
            self.push(at.clone(), Diagnostic::error("jurisdiction-bodies", "an LGSCO-only case names a health body")
                .hint("health bodies are investigated with the PHSO: use `jurisdiction = \"lgsco_phso\"`"));
        }
        if jurisdiction != Jurisdiction::LgscoHos && has(BodyKind::HousingLandlord) {
            self.push(
                at,
                Diagnostic::error(
                    "jurisdiction-bodies",
                    "a housing landlord is named but the Housing Ombudsman is not involved",
                )
                .hint("use `jurisdiction = \"lgsco_hos\"`"),
            );
        }
    }
}
