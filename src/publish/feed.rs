//! The Atom feed of new decisions (RFC 4287), written with
//! `atom_syndication`: one entry per published record, newest first. Links
//! are relative to the feed, which sits at the site root; ids are URNs made
//! from the record's reference, so they never change.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text, WriteConfig};

use super::record::Record;
use crate::case::Date;

/// The feed's own id.
pub const FEED_ID: &str = "urn:redress:decisions";

/// The id of a record's entry: `urn:redress:record:23-004-118a`.
pub fn entry_id(record: &Record) -> String {
    format!(
        "urn:redress:record:{}",
        super::html::slug(&record.reference)
    )
}

/// Midnight UTC on `date`.
fn at_midnight(date: Date) -> FixedDateTime {
    format!("{date}T00:00:00+00:00")
        .parse()
        .expect("an ISO date makes an RFC 3339 date-time")
}

/// The day a record first appears on the site.
pub fn first_published(record: &Record) -> Date {
    record
        .documents
        .iter()
        .filter_map(|d| d.earliest_publication_date)
        .min()
        .unwrap_or(record.decision_date)
}

/// The feed of `records` (already in the order to show), as the site
/// stands on `as_of`.
pub fn feed(records: &[&Record], as_of: Date) -> String {
    let mut entries: Vec<(Date, &Record)> =
        records.iter().map(|r| (first_published(r), *r)).collect();
    entries.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.reference.cmp(&b.1.reference))
    });
    let updated = entries.first().map_or(as_of, |(d, _)| *d);
    let feed = Feed {
        title: Text::plain("Ombudsman decisions"),
        id: FEED_ID.into(),
        updated: at_midnight(updated),
        authors: vec![Person {
            name: "Local Government and Social Care Ombudsman".into(),
            ..Default::default()
        }],
        links: vec![
            Link {
                href: "feed.atom".into(),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Default::default()
            },
            Link {
                href: "index.html".into(),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Default::default()
            },
        ],
        subtitle: Some(Text::plain(
            "Decisions published on the website, newest first. People are referred to by a letter or by their role; organisations are named.",
        )),
        lang: Some("en-GB".into()),
        entries: entries.iter().map(|(date, r)| entry(r, *date)).collect(),
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
    xml
}

fn entry(record: &Record, published: Date) -> Entry {
    let mut categories = vec![Category {
        term: record.decision.into(),
        scheme: Some("urn:redress:decision".into()),
        label: Some(format!("Decision: {}", record.decision)),
    }];
    if let Some(category) = &record.category {
        categories.push(Category {
            term: category.clone(),
            scheme: Some("urn:redress:category".into()),
            label: Some(category.clone()),
        });
    }
    let mut links = vec![Link {
        href: record.html.clone(),
        rel: "alternate".into(),
        mime_type: Some("text/html".into()),
        ..Default::default()
    }];
    links.extend(record.pdf.iter().map(|pdf| Link {
        href: pdf.clone(),
        rel: "enclosure".into(),
        mime_type: Some("application/pdf".into()),
        ..Default::default()
    }));
    Entry {
        title: Text::plain(record.title.clone()),
        id: entry_id(record),
        updated: at_midnight(published),
        published: Some(at_midnight(published)),
        categories,
        links,
        summary: Some(Text::plain(record.summary.clone())),
        ..Default::default()
    }
}
