//! Why no site was written ([`SiteError`]), shared by every part of
//! `redress publish` that writes into the site; and the file that marks a
//! folder as a site redress wrote ([`MARKER`]), without which a folder is
//! never replaced.

use std::path::PathBuf;

use super::check::Refused;
use crate::render::RenderError;

/// The file that marks a folder as a site `redress publish` wrote (and may
/// therefore replace).
pub const MARKER: &str = ".redress-site";

/// Why no site was written.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// The output folder holds something else.
    #[error("`{}` exists and is not a site that redress wrote (it has no {MARKER} file)", crate::diag::display_path(.0))]
    NotASite(PathBuf),
    /// Reading or writing failed.
    #[error("cannot write `{}`: {error}", crate::diag::display_path(.path))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// A template failed.
    #[error("{0}")]
    Html(#[from] RenderError),
    /// A page listing many cases could not be proven clean.
    #[error(transparent)]
    Refused(#[from] Refused),
    /// The search index could not be made.
    #[error("the search index: {0}")]
    Search(String),
}
