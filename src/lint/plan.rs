//! The plan's checks of a loaded case: documents its facts do not allow,
//! events recorded against the wrong kind of body, an escalation on a draft,
//! directions a due document needs (`plan::problems`). The case stage comes
//! before the plan and does not run them; the pipeline runs them here, as
//! soon as a case is loaded and before the lint. Their findings read as
//! validation's own: at the value's line and column, in file order, and as
//! errors that keep the case from rendering.

use crate::case::Loaded;

/// Adds the plan's findings to a case just loaded.
pub fn check_plan(loaded: &mut Loaded) {
    loaded.add_checks(crate::plan::problems);
}
