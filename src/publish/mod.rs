//! The publication stage: what goes on the website, and the website itself.
//!
//! - [`decision`]: the publication decision of a case, of each body's
//!   record and of each document (docs/domain.md §5): published no sooner than
//!   the decision date plus the delay in `rules.toml`, withheld under an
//!   exception, or a draft; reports and notices are always published.
//!   `render`, `plan`, the manifest and the review sheet all use it.
//! - [`record`]: the website record of each body (docs/domain.md §6): its own
//!   reference, category and decision, the fine-grained outcome, remedies
//!   by type and compliance.
//! - [`html`]: the HTML templates (`templates/html/`), which follow the
//!   Typst ones section by section, are rendered from the same anonymised
//!   context and say every sentence through the same shared words
//!   (`templates/words.j2`).
//! - [`check`]: every page's text searched for the case's identifiers
//!   before it is written.
//! - [`site`]: `redress publish`, the static site. Each case's pages are
//!   made and checked in memory (`case`: its documents' verified PDFs and
//!   HTML, its records' pages); the pages that list many cases come last
//!   (`index`: the index, a page per filter value, `records.json` and the
//!   Atom feed of [`feed`]); everything is written into a staging folder
//!   that replaces the site whole (`staging`).

mod case;
pub mod check;
pub mod decision;
pub mod feed;
pub mod html;
mod index;
pub mod record;
pub mod site;
mod staging;

pub use case::{CaseSite, PublishError, SiteFile, make, record_path};
pub use decision::{PublicationDecision, Status, decide};
pub use html::HtmlTemplates;
pub use record::Record;
pub use site::{
    PublishFailure, PublishOptions, PublishOutcome, Published, SiteError, SiteReport, publish,
};
