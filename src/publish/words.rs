//! The website's own words (`templates/html/site.toml`): what each filter
//! is called and how a listing filtered by one of its values is headed,
//! the headings of the listing of every decision, of the reference lookup
//! and of the glossary's tables, and the feeds' titles, subtitle and
//! author. Rust picks the entry by the keys the pages are made from (a
//! filter's key, a glossary table's name); the words are the offices', so
//! that they change without a rebuild. The words for the codes a record
//! carries are [`super::terms`]'.
//!
//! Checked when the templates load: every entry present and none empty,
//! no filter or table the site does not have, and no `{placeholder}` but
//! `{label}` where a filter's value or an organisation is filled in.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::plan::{check_entry, fill};
use crate::render::RenderError;

/// The file's name among the HTML templates.
pub const FILE: &str = "site.toml";

/// The bundled file.
pub const BUNDLED: &str = include_str!("../../templates/html/site.toml");

/// The filters, in the order the site shows them, by key (in URLs and in
/// search filters).
pub const FILTERS: [&str; 7] = [
    "organisation",
    "type",
    "category",
    "decision",
    "year",
    "remedy",
    "compliance",
];

/// The website's own words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteWords {
    /// The heading of the listing of every decision.
    pub all_decisions: String,
    /// The heading of the reference lookup's first page.
    pub find_by_reference: String,
    /// The feeds'.
    pub feeds: FeedWords,
    filters: BTreeMap<String, FilterWords>,
    glossary: BTreeMap<String, String>,
}

/// The Atom feeds' words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedWords {
    /// The whole site's feed.
    pub title: String,
    /// An organisation's feed; `{label}` is its name.
    pub organisation: String,
    /// What every feed holds.
    pub subtitle: String,
    /// Who publishes them.
    pub author: String,
}

/// One filter's words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilterWords {
    title: String,
    heading: String,
}

impl SiteWords {
    /// Parses and checks `site.toml`; `tables` are the glossary's tables,
    /// each of which must have its heading.
    pub fn parse(text: &str, tables: &[&str]) -> Result<Self, RenderError> {
        let fail = |message: String| RenderError {
            template: format!("html/{FILE}"),
            line: None,
            message,
        };
        let words: Self = toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        words.check(tables).map_err(fail)?;
        Ok(words)
    }

    fn check(&self, tables: &[&str]) -> Result<(), String> {
        check_entry("", "all_decisions", &self.all_decisions, &[])?;
        check_entry("", "find_by_reference", &self.find_by_reference, &[])?;
        let feeds = &self.feeds;
        check_entry("feeds", "title", &feeds.title, &[])?;
        check_entry("feeds", "organisation", &feeds.organisation, &["label"])?;
        check_entry("feeds", "subtitle", &feeds.subtitle, &[])?;
        check_entry("feeds", "author", &feeds.author, &[])?;
        complete("filters", &self.filters, &FILTERS)?;
        for (key, filter) in &self.filters {
            check_entry(&format!("filters.{key}"), "title", &filter.title, &[])?;
            check_entry(
                &format!("filters.{key}"),
                "heading",
                &filter.heading,
                &["label"],
            )?;
        }
        complete("glossary", &self.glossary, tables)?;
        for (table, heading) in &self.glossary {
            check_entry("glossary", table, heading, &[])?;
        }
        Ok(())
    }

    /// What the filter `key` is called: "Type of organisation".
    pub fn filter_title<'a>(&'a self, key: &'a str) -> &'a str {
        self.filters.get(key).map_or(key, |f| &f.title)
    }

    /// The heading of a listing filtered by `label`, a value of the filter
    /// `key`: "Decisions about Westley Borough Council".
    pub fn filtered_heading(&self, key: &str, label: &str) -> String {
        let heading = self.filters.get(key).map_or("{label}", |f| &f.heading);
        fill(heading, &[("label", label)])
    }

    /// The glossary's heading of the table `table`.
    pub fn glossary_heading<'a>(&'a self, table: &'a str) -> &'a str {
        self.glossary.get(table).map_or(table, String::as_str)
    }
}

/// Every one of `keys` in the table, and nothing else.
fn complete<T>(table: &str, entries: &BTreeMap<String, T>, keys: &[&str]) -> Result<(), String> {
    if let Some(missing) = keys.iter().find(|k| !entries.contains_key(**k)) {
        return Err(format!(
            "[{table}] has no entry for `{missing}`: add its words (the bundled site.toml has them all)"
        ));
    }
    if let Some(extra) = entries.keys().find(|k| !keys.contains(&k.as_str())) {
        return Err(format!(
            "[{table}] has an entry for `{extra}`, which the site does not have: it takes {}",
            keys.join(", ")
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLES: [&str; 7] = super::super::terms::TABLES;

    fn changed(from: &str, to: &str) -> String {
        assert!(BUNDLED.contains(from), "the bundled site.toml has `{from}`");
        BUNDLED.replace(from, to)
    }

    #[test]
    fn the_bundled_words_are_complete() {
        let words = SiteWords::parse(BUNDLED, &TABLES).unwrap();
        assert_eq!(words.filter_title("type"), "Type of organisation");
        assert_eq!(
            words.filtered_heading("year", "2024"),
            "Decisions made in 2024"
        );
        assert_eq!(words.glossary_heading("body_kind"), "Kinds of organisation");
    }

    #[test]
    fn a_missing_empty_unknown_or_unfillable_entry_is_refused() {
        let err = SiteWords::parse(&changed("title = \"Category\"\n", ""), &TABLES).unwrap_err();
        assert!(err.message.contains("title"), "{}", err.message);
        let err = SiteWords::parse(&changed("[filters.category]", "[filters.colour]"), &TABLES)
            .unwrap_err();
        assert!(err.message.contains("`category`"), "{}", err.message);
        let err = SiteWords::parse(
            &changed(
                "heading = \"Decisions in {label}\"",
                "heading = \"Decisions in {year}\"",
            ),
            &TABLES,
        )
        .unwrap_err();
        assert!(err.message.contains("{year}"), "{}", err.message);
        assert!(err.message.contains("it takes {label}"), "{}", err.message);
        let err = SiteWords::parse(
            &changed("all_decisions = \"All decisions\"", "all_decisions = \" \""),
            &TABLES,
        )
        .unwrap_err();
        assert!(
            err.message.starts_with("`all_decisions` is empty"),
            "{}",
            err.message
        );
        let err =
            SiteWords::parse(&changed("document = \"Documents\"\n", ""), &TABLES).unwrap_err();
        assert!(
            err.message
                .contains("[glossary] has no entry for `document`"),
            "{}",
            err.message
        );
        let extra =
            format!("{BUNDLED}\n[filters.colour]\ntitle = \"Colour\"\nheading = \"{{label}}\"\n");
        let err = SiteWords::parse(&extra, &TABLES).unwrap_err();
        assert!(err.message.contains("`colour`"), "{}", err.message);
    }
}
