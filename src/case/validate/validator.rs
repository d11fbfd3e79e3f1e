//! The validator every rule reports to: the case, what has been found so
//! far, and how a rule names the path of a value and checks a reference to
//! a person or a body.

use crate::case::tree::Seg;
use crate::case::types::Case;
use crate::diag::{Diagnostic, did_you_mean};

/// Problems, each with the path of the value it is about.
pub(crate) type Found = Vec<(Vec<Seg>, Diagnostic)>;

/// A case being checked, and what has been found in it.
pub(super) struct Validator<'a> {
    pub(super) case: &'a Case,
    pub(super) out: Found,
}

/// A path of keys and indices: `path(&[&"people", &i, &"born"])`.
pub(super) fn path(parts: &[&dyn PathPart]) -> Vec<Seg> {
    parts.iter().map(|p| p.seg()).collect()
}

/// A key or an index in a path.
pub(super) trait PathPart {
    fn seg(&self) -> Seg;
}
impl PathPart for &str {
    fn seg(&self) -> Seg {
        Seg::Key((*self).to_string())
    }
}
impl PathPart for usize {
    fn seg(&self) -> Seg {
        Seg::Index(*self)
    }
}

impl<'a> Validator<'a> {
    /// Nothing found yet.
    pub(super) fn new(case: &'a Case) -> Self {
        Self {
            case,
            out: Vec::new(),
        }
    }
}

impl Validator<'_> {
    /// Records a problem at a path.
    pub(super) fn push(&mut self, at: Vec<Seg>, diag: Diagnostic) {
        self.out.push((at, diag));
    }

    /// Checks that `id` is a body of the case; `what` names what refers to it.
    pub(super) fn body_ref(&mut self, at: Vec<Seg>, id: &str, what: &str) {
        if self.case.body(id).is_some() {
            return;
        }
        let ids = self.case.bodies.iter().map(|b| b.id.as_str());
        let diag = Diagnostic::error(
            "unknown-body",
            format!("{what} names the body `{id}`, which is not in the case"),
        );
        let diag = match did_you_mean(id, ids) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None => {
                diag.hint("add it under [[bodies]] or use the `id` of one of the bodies listed")
            }
        };
        self.push(at, diag);
    }

    /// Checks that `id` is a person of the case; `what` names what refers to
    /// it.
    pub(super) fn person_ref(&mut self, at: Vec<Seg>, id: &str, what: &str) {
        if self.case.person(id).is_some() {
            return;
        }
        let ids = self.case.people.iter().map(|p| p.id.as_str());
        let diag = Diagnostic::error(
            "unknown-person",
            format!("{what} names the person `{id}`, who is not in the case"),
        );
        let diag = match did_you_mean(id, ids) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None => diag.hint("add them under [[people]] or use the `id` of someone listed"),
        };
        self.push(at, diag);
    }
}
