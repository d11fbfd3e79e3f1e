//! What the pages that list many cases need of one case: its card (one
//! outcome line per body, the summary once), the filter values it is found
//! under, a feed entry for every published document, the pages search
//! indexes and the sitemap lists, and its references for the lookup.
//!
//! An entry is made with the case's own pages and checked with the case's
//! own identifiers, like them; the listings, feeds and data files are then
//! assembled from checked entries alone. Entries are small and kept for
//! every case of a run; the records themselves are streamed from the
//! site's store (`SITE/.redress/`).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::file::SiteFile;
use super::record::{DocumentKind, Record, RemedyType};
use super::terms::Terms;
use super::words::FILTERS;
use crate::case::{Case, Date};
use crate::plan::DocumentPlan;

/// What the listings need of a case.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The case's folder name: `23-007-412`.
    pub dir: String,
    /// The case reference.
    pub reference: String,
    /// The decision date (the listings' order).
    pub date: Date,
    /// Its card in a listing.
    pub card: Card,
    /// Each filter value it is found under.
    pub facets: Vec<Facet>,
    /// One feed entry per published document.
    pub feed: Vec<FeedItem>,
    /// The pages search indexes, with their digests.
    pub search: Vec<Indexed>,
    /// Every page of the case, for the sitemap.
    pub pages: Vec<String>,
    /// Each record's reference and page, for the reference lookup.
    pub references: Vec<(String, String)>,
}

/// A case in a listing: one card, one outcome line per body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Card {
    /// "Westley Borough Council and 2 other organisations (23 007 412)".
    pub title: String,
    /// The first record's page.
    pub html: String,
    /// The category.
    pub category: Option<String>,
    /// The decision date.
    pub date: Date,
    /// The case summary, once.
    pub summary: String,
    /// Each body's outcome.
    pub outcomes: Vec<CardOutcome>,
}

/// One body's line on a card.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CardOutcome {
    /// "Westley Borough Council (23 007 412)".
    pub title: String,
    /// Its record's page.
    pub html: String,
    /// "Upheld", or a landlord's determinations.
    pub outcome: String,
    /// Where it stands on its remedies, in the site's words.
    pub compliance: Option<String>,
}

/// A filter value of a case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Facet {
    /// One of [`FILTERS`].
    pub dimension: String,
    /// "Westley Borough Council", "Upheld", "2024".
    pub label: String,
}

/// A feed entry: one published document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FeedItem {
    /// `urn:redress:document:23-007-412/report-council`: never changes.
    pub id: String,
    /// What it is.
    pub kind: DocumentKind,
    /// "Report: Westley Borough Council (23 007 412)".
    pub title: String,
    /// The day it was first on the website.
    pub published: Date,
    /// The day the case's latest document was first on the website.
    pub updated: Date,
    /// What the latest document was, when it is another.
    pub update: Option<String>,
    /// Its first page.
    pub html: String,
    /// Its PDF.
    pub pdf: String,
    /// The case summary.
    pub summary: String,
    /// The organisations whose records carry it.
    pub organisations: Vec<String>,
    /// Their categories.
    pub categories: Vec<String>,
}

/// A page search indexes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Indexed {
    /// Its path.
    pub path: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
}

/// What search is told about a page, in its head: a filter value, a
/// field shown with a result, or a sort key.
#[derive(Debug, Clone, Serialize)]
pub struct SearchField {
    /// `filter`, `meta` or `sort`.
    pub role: &'static str,
    /// `organisation`, `date`.
    pub name: &'static str,
    /// The value.
    pub value: String,
}

fn field(role: &'static str, name: &'static str, value: impl Into<String>) -> SearchField {
    SearchField {
        role,
        name,
        value: value.into(),
    }
}

/// The filter values of one record.
pub fn record_facets(terms: &Terms, record: &Record) -> Vec<Facet> {
    let mut out = vec![
        ("organisation", record.body.clone()),
        ("type", terms.label_of("body_kind", &record.body_kind)),
        ("decision", record.decision.clone()),
        ("year", record.decision_date.year().to_string()),
    ];
    out.extend(record.category.iter().map(|c| ("category", c.clone())));
    let types: BTreeSet<RemedyType> = record.remedies.iter().map(|r| r.kind_group).collect();
    out.extend(
        types
            .iter()
            .map(|t| ("remedy", terms.label_of("remedy_type", t))),
    );
    out.extend(
        record
            .compliance
            .iter()
            .map(|c| ("compliance", terms.label("compliance", c))),
    );
    out.into_iter()
        .map(|(dimension, label)| Facet {
            dimension: dimension.into(),
            label,
        })
        .collect()
}

/// What search is told about a record's page.
pub fn record_search_fields(terms: &Terms, record: &Record) -> Vec<SearchField> {
    let mut out: Vec<SearchField> = record_facets(terms, record)
        .into_iter()
        .filter_map(|f| {
            let name = *FILTERS.iter().find(|k| **k == f.dimension)?;
            Some(field("filter", name, f.label))
        })
        .collect();
    out.push(field("filter", "kind", "Record"));
    out.push(field("filter", "month", month(record.decision_date)));
    out.push(field("meta", "date", record.decision_date_display.clone()));
    out.push(field("meta", "decision", record.outcome_line()));
    out.push(field("meta", "reference", record.reference.clone()));
    out.push(field("sort", "date", record.decision_date.to_string()));
    out
}

/// What search is told about a document's page: the filter values of the
/// records that carry it.
pub fn search_fields(terms: &Terms, records: &[&Record], plan: &DocumentPlan) -> Vec<SearchField> {
    let mut facets: Vec<Facet> = records
        .iter()
        .flat_map(|r| record_facets(terms, r))
        .collect();
    facets.sort();
    facets.dedup();
    let mut out: Vec<SearchField> = facets
        .into_iter()
        .filter_map(|f| {
            let name = *FILTERS.iter().find(|k| **k == f.dimension)?;
            Some(field("filter", name, f.label))
        })
        .collect();
    let kind = DocumentKind::of(plan.kind).unwrap_or(DocumentKind::Decision);
    out.push(field("filter", "kind", terms.label_of("document", &kind)));
    if let Some(first) = records.first() {
        out.push(field("filter", "month", month(first.decision_date)));
        out.push(field("meta", "reference", first.case_reference.clone()));
        let title = format!("{} ({})", plan.title, first.case_reference);
        out.push(field("meta", "title", title));
    }
    out.push(field("meta", "date", plan.date.long()));
    // Sorted, like a record, by its decision's date: the listings' order.
    if let Some(first) = records.first() {
        out.push(field("sort", "date", first.decision_date.to_string()));
    }
    out
}

/// `2024-03`.
pub fn month(date: Date) -> String {
    date.to_string()[..7].to_string()
}

/// The entry of a case whose records are shown; `files` are its pages.
pub fn build(
    terms: &Terms,
    case: &Case,
    dir: &str,
    records: &[Record],
    files: &[SiteFile],
) -> Entry {
    let first = &records[0];
    let mut facets: Vec<Facet> = records
        .iter()
        .flat_map(|r| record_facets(terms, r))
        .collect();
    facets.sort();
    facets.dedup();
    let digest = |path: &str| {
        files
            .iter()
            .find(|f| f.path == path)
            .map(|f| crate::pipeline::sha256_hex(&f.bytes))
            .unwrap_or_default()
    };
    let mut search: Vec<Indexed> = Vec::new();
    for record in records {
        search.push(Indexed {
            path: record.html.clone(),
            sha256: digest(&record.html),
        });
        for d in record
            .documents
            .iter()
            .filter(|d| d.kind != DocumentKind::Decision)
        {
            let pages: Vec<&str> = if d.chapters.is_empty() {
                vec![d.html.as_str()]
            } else {
                d.chapters.iter().map(|c| c.html.as_str()).collect()
            };
            search.extend(pages.into_iter().map(|p| Indexed {
                path: p.to_string(),
                sha256: digest(p),
            }));
        }
    }
    search.sort();
    search.dedup();
    let mut pages: Vec<String> = files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| f.path.clone())
        .collect();
    pages.sort();
    Entry {
        dir: dir.to_string(),
        reference: case.case.reference.clone(),
        date: first.decision_date,
        card: card(terms, records),
        facets,
        feed: feed_items(terms, dir, records),
        search,
        pages,
        references: records
            .iter()
            .map(|r| (r.reference.clone(), r.html.clone()))
            .collect(),
    }
}

fn card(terms: &Terms, records: &[Record]) -> Card {
    let first = &records[0];
    let mut names: Vec<&str> = Vec::new();
    for r in records {
        if !names.contains(&r.body.as_str()) {
            names.push(&r.body);
        }
    }
    let title = match names.len() {
        1 => format!("{} ({})", names[0], first.case_reference),
        n => format!(
            "{} and {} other organisation{} ({})",
            names[0],
            n - 1,
            if n == 2 { "" } else { "s" },
            first.case_reference
        ),
    };
    Card {
        title,
        html: first.html.clone(),
        category: first.category.clone(),
        date: first.decision_date,
        summary: first.summary.clone(),
        outcomes: records
            .iter()
            .map(|r| CardOutcome {
                title: r.title.clone(),
                html: r.html.clone(),
                outcome: r.outcome_line(),
                compliance: r.compliance.as_ref().map(|c| terms.label("compliance", c)),
            })
            .collect(),
    }
}

/// One entry per published document, oldest first. Every entry of the
/// case is updated when a later document of it is published.
fn feed_items(terms: &Terms, dir: &str, records: &[Record]) -> Vec<FeedItem> {
    let mut documents: Vec<(&super::record::DocumentLink, Vec<&Record>)> = Vec::new();
    for record in records {
        for d in &record.documents {
            match documents.iter_mut().find(|(seen, _)| seen.pdf == d.pdf) {
                Some((_, carriers)) => carriers.push(record),
                None => documents.push((d, vec![record])),
            }
        }
    }
    let published = |d: &super::record::DocumentLink| d.earliest_publication_date.unwrap_or(d.date);
    documents.sort_by_key(|(d, _)| (published(d), d.date));
    let latest = documents.last().map(|(d, _)| (published(d), *d));
    documents
        .iter()
        .map(|(d, carriers)| {
            let label = terms.label_of("document", &d.kind);
            let titles: Vec<&str> = carriers.iter().map(|r| r.title.as_str()).collect();
            let own = published(d);
            let (updated, update) = match latest {
                Some((date, last)) if date > own => (
                    date,
                    Some(format!(
                        "{} published on {}",
                        terms.label_of("document", &last.kind),
                        date.long()
                    )),
                ),
                _ => (own, None),
            };
            let mut organisations: Vec<String> = carriers.iter().map(|r| r.body.clone()).collect();
            organisations.dedup();
            let mut categories: Vec<String> =
                carriers.iter().filter_map(|r| r.category.clone()).collect();
            categories.sort();
            categories.dedup();
            let file = d
                .pdf
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .trim_end_matches(".pdf");
            FeedItem {
                id: format!("urn:redress:document:{dir}/{file}"),
                kind: d.kind,
                title: format!("{label}: {}", join_and(&titles)),
                published: own,
                updated,
                update,
                html: d.html.clone(),
                pdf: d.pdf.clone(),
                summary: carriers[0].summary.clone(),
                organisations,
                categories,
            }
        })
        .collect()
}

/// "A", "A and B", "A, B and C".
pub fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
