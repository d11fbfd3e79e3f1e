//! What `redress publish` reports: what happened to each case file
//! ([`PublishOutcome`]: what it put on the site, [`Published`], or why it
//! is not there, [`PublishFailure`]) and what the whole site holds
//! ([`SiteReport`]).

use std::path::PathBuf;

use super::super::case::PublishError;
use super::super::search;
use crate::case::Loaded;

/// What happened to one case file.
#[derive(Debug)]
pub struct PublishOutcome {
    /// The case file.
    pub path: PathBuf,
    /// The file as loaded, with its diagnostics (`None` when unreadable,
    /// or when its pages were kept from the last run).
    pub loaded: Option<Loaded>,
    /// What the case put on the site, or why it failed.
    pub result: Result<Published, PublishFailure>,
}

/// What a case put on the site.
#[derive(Debug, Clone)]
pub struct Published {
    /// The case reference.
    pub reference: String,
    /// The references of the records shown.
    pub records: Vec<String>,
    /// How many documents are shown.
    pub documents: usize,
    /// Why nothing is shown, when nothing is: the exception, a date to
    /// come, or a draft.
    pub absent: Option<String>,
    /// Whether its pages were kept from the last run, unchanged.
    pub kept: bool,
}

impl Published {
    /// Why nothing of the case is shown, when nothing is.
    pub fn why_absent(&self) -> Option<&str> {
        self.absent.as_deref()
    }
}

/// Why a case is not on the site.
#[derive(Debug, thiserror::Error)]
pub enum PublishFailure {
    /// The file could not be read.
    #[error("cannot read the case file: {0}")]
    Unreadable(std::io::Error),
    /// The file has errors.
    #[error("the case file has {0}")]
    Invalid(String),
    /// Another case file has the same reference.
    #[error("the reference {reference} is also used by `{}`; each case and body record must have its own", crate::diag::display_path(.other))]
    Duplicate {
        /// The reference.
        reference: String,
        /// The earlier file.
        other: PathBuf,
    },
    /// Making or checking its pages failed: nothing of it was written.
    #[error(transparent)]
    Publish(#[from] PublishError),
    /// Its files could not be written.
    #[error("cannot write `{}`: {error}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

/// What the site holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteReport {
    /// Case files given.
    pub cases: usize,
    /// Cases that failed.
    pub failed: usize,
    /// Cases whose pages were kept from the last run.
    pub kept: usize,
    /// Records published.
    pub records: usize,
    /// Documents published.
    pub documents: usize,
    /// Shards of the search index made, and kept from the last run.
    pub search: search::Outcome,
    /// Seconds spent on each stage: the cases, the pages made from every
    /// case, the search index, putting the site in place.
    pub seconds: Vec<(&'static str, f64)>,
}
