//! The anonymisation a load made, kept for the render that follows it.
//!
//! Loading lints a case, and the lint anonymises the whole case to say what
//! the publication copy will print; `prepare` needs the same identifiers and
//! the same anonymisation moments later. The lint's result is kept beside
//! the case exactly as it was anonymised, and `prepare` takes it only for a
//! case equal in every field (an edited case, or one changed after it was
//! loaded, is anonymised afresh). A handful are kept, the oldest dropped
//! first, so a `check` of thousands of files holds no more than that.

use std::collections::VecDeque;
use std::sync::Mutex;

use crate::anonymise::{AnonymisedCase, Identifiers, Redactions};
use crate::case::Case;

/// How many loaded cases' anonymisations are kept: enough for every worker
/// of a batch to load a case and render it.
const KEPT: usize = 16;

/// A case's labels, compiled identifiers and anonymisation.
pub(super) struct Anonymisation {
    pub labels: Vec<String>,
    pub ids: Identifiers,
    pub anonymised: AnonymisedCase,
    pub redactions: Redactions,
}

/// The anonymisations of the cases loaded last, each with the case it is of.
#[derive(Default)]
pub(super) struct Recent {
    kept: Mutex<VecDeque<(Case, Anonymisation)>>,
}

impl Recent {
    /// Keeps `made`, the anonymisation of `case`.
    pub fn keep(&self, case: &Case, made: Anonymisation) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() == KEPT {
            kept.pop_front();
        }
        kept.push_back((case.clone(), made));
    }

    /// The anonymisation kept for a case equal to `case`, taken out.
    pub fn take(&self, case: &Case) -> Option<Anonymisation> {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let at = kept.iter().rposition(|(c, _)| c == case)?;
        kept.remove(at).map(|(_, made)| made)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::tests_support;

    fn anonymisation(case: &Case) -> Anonymisation {
        let labels = crate::anonymise::labels(case);
        let ids = crate::anonymise::identifiers(case);
        let (anonymised, redactions) = crate::anonymise::anonymise(case, &ids);
        Anonymisation {
            labels,
            ids,
            anonymised,
            redactions,
        }
    }

    #[test]
    fn only_the_same_case_takes_what_was_kept_and_only_once() {
        let case = tests_support::minimal_case();
        let recent = Recent::default();
        recent.keep(&case, anonymisation(&case));
        let mut edited = case.clone();
        edited.case.summary = format!("{} More.", edited.case.summary).into();
        assert!(recent.take(&edited).is_none());
        assert!(recent.take(&case).is_some());
        assert!(recent.take(&case).is_none());
    }

    #[test]
    fn a_loaded_case_is_prepared_from_its_load() {
        let engine = crate::pipeline::Engine::new(crate::render::Templates::bundled().unwrap());
        let loaded = engine.load_bytes(
            std::path::Path::new("minimal.toml"),
            tests_support::MINIMAL.as_bytes(),
        );
        let case = loaded.case.expect("loads");
        assert_eq!(engine.recent.kept.lock().unwrap().len(), 1);
        let prepared = engine.prepare(&case);
        assert!(engine.recent.kept.lock().unwrap().is_empty());
        let again = engine.prepare(&case);
        assert_eq!(prepared.redactions.entries, again.redactions.entries);
    }

    #[test]
    fn no_more_than_a_handful_are_kept() {
        let case = tests_support::minimal_case();
        let recent = Recent::default();
        for i in 0..KEPT + 5 {
            let mut c = case.clone();
            c.case.summary = format!("Case {i}.").into();
            recent.keep(&c, anonymisation(&c));
        }
        let kept = recent.kept.lock().unwrap();
        assert_eq!(kept.len(), KEPT);
        assert_eq!(kept[0].0.case.summary, "Case 5.");
    }
}
