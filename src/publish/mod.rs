//! The publication stage: what goes on the website, and the website itself.
//!
//! - [`decision`]: the publication decision of a case, of each body's
//!   record and of each document (docs/domain.md §5): published no sooner than
//!   the decision date plus the delay in `rules.toml`, withheld under an
//!   exception, or a draft; reports and notices are always published.
//!   `render`, `plan`, the manifest and the review sheet all use it.
//! - [`view`]: the case as the site shows it on one day (`--as-of`), read
//!   only from what is dated on or before it; and the days on which that
//!   view changes.
//! - [`record`]: the website record of each body (docs/domain.md §6): its own
//!   reference, category and decision (a landlord's in the Housing
//!   Ombudsman's terms), remedies with amounts, dates and their state,
//!   compliance, and every published document with its date.
//! - [`html`]: the HTML templates (`templates/html/`), which follow the
//!   Typst ones section by section, are rendered from the same anonymised
//!   context and say every sentence through the same shared words
//!   (`templates/words.j2`); [`terms`]: the site's words for codes.
//! - [`check`]: every page's text searched for the case's identifiers
//!   before it is written.
//! - [`site`]: `redress publish`, the static site, made on one path whether
//!   new or kept up: each case's pages made and checked in memory
//!   (`case`, with its `entry` for the listings) or kept from the last run
//!   (`store`); then the pages that list many cases (`listing`, [`feed`],
//!   `data`, `pages`, `search`); everything written into a staging folder
//!   that replaces the site whole (`staging`).
//!
//! The site's modules depend one way: [`site`] runs the others, which
//! never import it; what they share sits below them all: `file` (a file of
//! the site, what every page is told), `error` ([`SiteError`] and the
//! site's marker file) and `staging`.

mod case;
pub mod check;
mod data;
pub mod decision;
mod entry;
mod error;
pub mod feed;
mod file;
pub mod html;
mod listing;
mod pages;
pub mod record;
mod search;
pub mod site;
mod staging;
mod store;
pub mod terms;
pub mod view;
pub mod words;

pub use case::{CaseSite, PublishError, make, record_path};
pub use data::{FORMAT_VERSION, RecordsFile};
pub use decision::{PublicationDecision, Status, decide};
pub use file::SiteFile;
pub use html::HtmlTemplates;
pub use record::Record;
pub use site::{
    DEFAULT_BASE_URL, PublishFailure, PublishOptions, PublishOutcome, Published, SiteError,
    SiteReport, publish,
};
pub use view::AsOf;
