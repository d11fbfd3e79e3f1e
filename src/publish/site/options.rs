//! How a site is published ([`PublishOptions`]): the day it shows, the
//! workers, its address, the sizes of its pages, and whether every case is
//! made again.

use crate::case::Date;

/// The base URL when none is given: links in the feeds, records.json and
/// the sitemap need one.
pub const DEFAULT_BASE_URL: &str = "http://localhost:8000/";

/// How a site is published.
#[derive(Debug, Clone)]
pub struct PublishOptions {
    /// The day the site shows: nothing dated later is shown or counted.
    pub as_of: Date,
    /// Worker threads.
    pub workers: usize,
    /// The site's address, ending in `/`: the feeds, records.json and the
    /// sitemap link under it.
    pub base_url: String,
    /// Cases per listing page.
    pub page_size: usize,
    /// Entries per feed page.
    pub feed_page_size: usize,
    /// Make every case again, whatever the site's store holds.
    pub full: bool,
}

impl PublishOptions {
    /// The defaults for `as_of`: one worker, 20 cases a page, 50 feed
    /// entries a page, the default base URL, cases kept where unchanged.
    pub fn new(as_of: Date) -> Self {
        Self {
            as_of,
            workers: 1,
            base_url: DEFAULT_BASE_URL.into(),
            page_size: 20,
            feed_page_size: 50,
            full: false,
        }
    }
}
