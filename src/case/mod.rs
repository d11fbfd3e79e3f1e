//! The case file: the facts of one complaint, as an investigator writes them.
//!
//! One schema for TOML (written by people) and JSON (written by case systems).
//! Every struct rejects unknown fields, so a misspelt key is an error with a
//! "did you mean" hint rather than silently ignored. Prose fields ([`Prose`])
//! hold plain text with real names: paragraphs are separated by a blank line
//! and a line starting `- ` is a list item. Nothing in a case file is ever
//! executed.
//!
//! The modules, each leaning only on those listed before it:
//!
//! - `date`, `alias`: the values a case holds (dates, sums, deadlines, a
//!   person's other names);
//! - `types`: the data model, [`Case`] and its parts, its free text a type
//!   of its own ([`Prose`]);
//! - `outcome`: each body's own outcome, worked out from the facts;
//! - `format`, `tree`, `limits`: the two formats, a file read into a tree
//!   of spans, and the bounds on its size and depth;
//! - `schema`, `help`: the JSON Schema of a case file, and what a field
//!   takes, in words, for messages;
//! - `validate`: the checks serde cannot make, grouped by what they check;
//! - `load`: reading a file into a [`Loaded`] case with every diagnostic
//!   placed at its line and column.
//!
//! [`load`] reads and parses a file, and validates it. The checks of what a
//! case asks of the planner belong to a later stage: the pipeline runs them
//! beside the lint, and [`Loaded`] places their findings as validation's.

mod alias;
mod date;
mod format;
mod help;
mod limits;
mod load;
mod outcome;
mod schema;
mod tree;
mod types;
mod validate;

pub use alias::{Alias, AliasKind};
pub use date::{Date, Deadline, MONTHS, Money, number_name};
pub use limits::{MAX_DEPTH, MAX_FILE_BYTES};
pub use load::{Loaded, load, load_bytes, load_str, load_toml, locate};
pub use outcome::{
    Answer, BodyOutcome, Determined, answer, injustice_to, outcome_detail, status_as_of,
    website_decision,
};
pub use schema::schema;
pub(crate) use tree::Seg;
pub use types::*;
pub use validate::{Coverage, MAX_FIELD_CHARS};
pub(crate) use validate::{issues_document, parse_label, real_initials};

/// Small cases for unit tests elsewhere in the crate.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// The smallest case that validates: one council, one complainant.
    pub(crate) const MINIMAL: &str = r#"
[case]
reference = "23 004 118"
jurisdiction = "lgsco"
decision_date = 2024-03-01
investigator = { name = "Aisha Thorne" }
summary = "We found fault by the Council."

[[people]]
id = "jane"
name = "Jane Smith"
title = "Mrs"
role = "complainant"

[[bodies]]
id = "council"
name = "Westley Borough Council"
short_name = "the Council"
kind = "council"
reference = "23 004 118"

[complaint]
injustice = "Distress."
points = [{ body = "council", text = "did not reply to her letters" }]

[outcome]
decision = "upheld"
"#;

    /// [`MINIMAL`], parsed.
    pub(crate) fn minimal_case() -> Case {
        let loaded = load_str("minimal.toml", MINIMAL, &Coverage::all());
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        loaded.case.expect("minimal case loads")
    }
}
