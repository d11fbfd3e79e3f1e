//! What every file of the site is, whoever makes it: its path under the
//! site root and its bytes ([`SiteFile`]); and what every page shares: the
//! way back to the site root from where it is ([`root_for`]) and what it
//! is told about the site ([`SiteInfo`]). A case's pages, the listings and
//! the site's own pages all take these from here.

use serde::{Deserialize, Serialize};

/// A file of the site: its path under the site root and its bytes.
#[derive(Debug, Clone)]
pub struct SiteFile {
    /// `documents/23-004-118/decision.pdf`.
    pub path: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// What every page is told about the site.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SiteInfo {
    /// The day the site shows, "12 March 2025": on the pages that list
    /// many cases only, so that a case's own pages do not change from one
    /// day to the next.
    pub as_of: Option<String>,
}

/// "../../" for a page `depth` folders down.
pub fn root_for(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}
