//! The Atom feeds (RFC 4287), written with `atom_syndication`: an entry
//! for every published document (a decision, a report, a further report, a
//! joint or special report, a notice), newest first by the day it or a
//! later document of its case was published, so that a case's entries are
//! updated when its next document comes out. Feeds are paged (RFC 5005
//! section 3: `first`, `previous`, `next`, `last`), one for the whole site
//! (`feed.atom` is its first page) and one per organisation. Every link is
//! absolute, under the site's base URL; ids are URNs made from the case and
//! the document, so they never change.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text, WriteConfig};

use super::entry::{Entry as CaseEntry, FeedItem};
use super::error::SiteError;
use super::listing::{Dimension, listing_base, page_path, slug};
use super::staging::Staging;
use super::words::FeedWords;
use crate::case::Date;

/// The site feed's id.
pub const FEED_ID: &str = "urn:redress:decisions";

/// Midnight UTC on `date`.
fn at_midnight(date: Date) -> FixedDateTime {
    format!("{date}T00:00:00+00:00")
        .parse()
        .expect("an ISO date makes an RFC 3339 date-time")
}

/// One feed: its id, title, where its pages go, the HTML it shadows and
/// the site's words for every feed.
struct FeedSpec<'a> {
    id: String,
    title: String,
    words: &'a FeedWords,
    /// Page `n`'s path.
    path: Box<dyn Fn(usize) -> String>,
    alternate: String,
}

/// Writes the site's feed and one per organisation; returns how many
/// feed documents.
pub(super) fn write_all(
    words: &FeedWords,
    entries: &[CaseEntry],
    dimensions: &[Dimension],
    base: &str,
    as_of: Date,
    page_size: usize,
    staging: &Staging,
) -> Result<usize, SiteError> {
    let mut all: Vec<&FeedItem> = entries.iter().flat_map(|e| &e.feed).collect();
    sort(&mut all);
    let site = FeedSpec {
        id: FEED_ID.into(),
        title: words.title.clone(),
        words,
        path: Box::new(|n| {
            if n == 1 {
                "feed.atom".into()
            } else {
                format!("feeds/all/{n}.atom")
            }
        }),
        alternate: page_path(&listing_base(None), false, 1),
    };
    let mut written = write_feed(&site, &all, base, as_of, page_size, staging)?;
    if let Some(organisations) = dimensions.iter().find(|d| d.key == "organisation") {
        for value in &organisations.values {
            let label = value.label.clone();
            let mut items: Vec<&FeedItem> = value
                .cases
                .iter()
                .flat_map(|&i| &entries[i].feed)
                .filter(|item| item.organisations.contains(&label))
                .collect();
            sort(&mut items);
            let key = value.slug.clone();
            let spec = FeedSpec {
                id: format!("{FEED_ID}:organisation:{key}"),
                title: crate::plan::fill(&words.organisation, &[("label", &label)]),
                words,
                path: Box::new(move |n| {
                    if n == 1 {
                        format!("feeds/organisation/{key}.atom")
                    } else {
                        format!("feeds/organisation/{key}/{n}.atom")
                    }
                }),
                alternate: page_path(&listing_base(Some(("organisation", &value.slug))), false, 1),
            };
            written += write_feed(&spec, &items, base, as_of, page_size, staging)?;
        }
    }
    Ok(written)
}

/// The feed of one organisation, by its name.
pub fn organisation_feed(name: &str) -> String {
    format!("feeds/organisation/{}.atom", slug("organisation", name))
}

/// Newest first: by the day last updated, then first published, then id.
fn sort(items: &mut [&FeedItem]) {
    items.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| b.published.cmp(&a.published))
            .then_with(|| a.id.cmp(&b.id))
    });
}

fn write_feed(
    spec: &FeedSpec,
    items: &[&FeedItem],
    base: &str,
    as_of: Date,
    page_size: usize,
    staging: &Staging,
) -> Result<usize, SiteError> {
    let pages = items.len().div_ceil(page_size).max(1);
    let link = |rel: &str, n: usize| Link {
        href: format!("{base}{}", (spec.path)(n)),
        rel: rel.into(),
        mime_type: Some("application/atom+xml".into()),
        ..Default::default()
    };
    for n in 1..=pages {
        let shown =
            &items[((n - 1) * page_size).min(items.len())..(n * page_size).min(items.len())];
        let mut links = vec![
            link("self", n),
            Link {
                href: format!("{base}{}", spec.alternate),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
            link("first", 1),
            link("last", pages),
        ];
        if n > 1 {
            links.push(link("previous", n - 1));
        }
        if n < pages {
            links.push(link("next", n + 1));
        }
        let updated = shown.iter().map(|i| i.updated).max().unwrap_or(as_of);
        let feed = Feed {
            title: Text::plain(spec.title.clone()),
            id: spec.id.clone(),
            updated: at_midnight(updated),
            authors: vec![Person {
                name: spec.words.author.clone(),
                ..Default::default()
            }],
            links,
            subtitle: Some(Text::plain(spec.words.subtitle.clone())),
            lang: Some("en-GB".into()),
            entries: shown.iter().map(|i| entry(i, base)).collect(),
            ..Default::default()
        };
        let config = WriteConfig {
            write_document_declaration: true,
            indent_size: Some(2),
        };
        let bytes = feed
            .write_with_config(Vec::new(), config)
            .expect("writing to memory does not fail");
        let mut xml = String::from_utf8(bytes).expect("the feed is UTF-8");
        xml.push('\n');
        let path = (spec.path)(n);
        super::check::page_text(&xml).map_err(|reason| super::check::Refused {
            page: path.clone(),
            reason,
        })?;
        staging.write(&path, xml.as_bytes())?;
    }
    Ok(pages)
}

fn entry(item: &FeedItem, base: &str) -> Entry {
    let mut categories = vec![Category {
        term: super::terms::code_of(&item.kind),
        scheme: Some("urn:redress:document".into()),
        label: Some(item.title.split(':').next().unwrap_or_default().to_string()),
    }];
    categories.extend(item.categories.iter().map(|c| Category {
        term: c.clone(),
        scheme: Some("urn:redress:category".into()),
        label: Some(c.clone()),
    }));
    categories.extend(item.organisations.iter().map(|o| Category {
        term: o.clone(),
        scheme: Some("urn:redress:organisation".into()),
        label: Some(o.clone()),
    }));
    let summary = match &item.update {
        Some(update) => format!("{} (Updated: {update}.)", item.summary),
        None => item.summary.clone(),
    };
    Entry {
        title: Text::plain(item.title.clone()),
        id: item.id.clone(),
        updated: at_midnight(item.updated),
        published: Some(at_midnight(item.published)),
        categories,
        links: vec![
            Link {
                href: format!("{base}{}", item.html),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
            Link {
                href: format!("{base}{}", item.pdf),
                rel: "enclosure".into(),
                mime_type: Some("application/pdf".into()),
                ..Default::default()
            },
        ],
        summary: Some(Text::plain(summary)),
        ..Default::default()
    }
}
