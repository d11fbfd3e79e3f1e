//! Semantic checks: what serde cannot see. Every check runs and every
//! problem is returned, each with the path of the value it is about.
//!
//! Errors stop a case from rendering; warnings are shown and the case goes
//! on (an NHS number that fails its check digit is still that person's
//! number, and is still redacted).
//!
//! Each module checks one part of the case and reports to the
//! [`validator`]; [`validate`] runs them all, in the order their findings
//! are listed. The checks of what a case asks of the planner are the
//! plan's: the pipeline runs them beside the lint, and `Loaded::add_checks`
//! lists their findings where validation's order puts them (between
//! [`escalation`] and [`doc_checks`]).

mod doc_checks;
mod escalation;
mod findings;
mod jurisdiction;
mod people;
mod publication;
mod references;
mod text;
mod validator;

use crate::case::types::Case;
use validator::{Found, Validator};

pub(crate) use doc_checks::issues_document;
pub(crate) use people::{parse_label, real_initials};
pub use text::{Coverage, MAX_FIELD_CHARS};

/// What validation found, in the order found, in two parts: before and
/// after the place where the checks of a later stage list theirs.
pub(crate) struct Findings {
    /// From the references to the order of the escalation events.
    pub(crate) before: Found,
    /// The documents' facts, then every string.
    pub(crate) after: Found,
}

/// Checks a deserialised case; returns every problem with its path.
pub(crate) fn validate(case: &Case, coverage: &Coverage) -> Findings {
    let mut v = Validator::new(case);
    v.references();
    v.ids();
    v.people();
    v.bodies();
    v.complaint_and_findings();
    v.recommendations();
    v.outcome_and_publication();
    v.out.extend(publication::check(case));
    v.escalation();
    let before = std::mem::take(&mut v.out);
    v.out.extend(doc_checks::problems(case));
    v.text(coverage);
    Findings {
        before,
        after: v.out,
    }
}
