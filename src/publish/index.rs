//! The pages that list many cases: the index of published decisions, a
//! page per filter value (body, category, decision, year), the Atom feed
//! and `records.json`. Each is searched part by part before it is written:
//! a record's part with its own case's identifiers ([`super::check`]).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::case::{CaseSite, SiteInfo};
use super::check;
use super::feed;
use super::html::{self, HtmlTemplates};
use super::record::Record;
use super::site::SiteError;
use super::staging::Staging;
use crate::case::{Date, WebsiteDecision};
use crate::pipeline::Checks;

/// A record as the index lists it.
#[derive(Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    record: &'a Record,
    case_dir: &'a str,
    year: i32,
    /// Its value of each filter, as in the filter pages' names.
    slugs: BTreeMap<&'static str, String>,
}

/// One value to filter by: a body, a category, a decision or a year.
#[derive(Debug, Clone, Serialize)]
struct Facet {
    label: String,
    slug: String,
    count: usize,
    href: String,
    /// The cases it comes from, space-separated (for the leak check).
    cases: String,
}

/// The values of one way to filter.
#[derive(Debug, Clone, Serialize)]
struct FacetGroup {
    /// `body`, `category`, `outcome` or `year`: also the `data-` attribute.
    key: &'static str,
    /// "Organisation".
    title: &'static str,
    values: Vec<Facet>,
}

/// The filtered page being shown.
#[derive(Debug, Clone, Serialize)]
struct Current {
    dimension: &'static str,
    label: String,
    href: String,
}

/// The ways to filter, with what each entry has for each.
const DIMENSIONS: [(&str, &str); 4] = [
    ("body", "Organisation"),
    ("category", "Category"),
    ("outcome", "Decision"),
    ("year", "Year"),
];

fn value_of(entry: &Entry<'_>, key: &str) -> Option<String> {
    match key {
        "body" => Some(entry.record.body.clone()),
        "category" => entry.record.category.clone(),
        "outcome" => Some(entry.record.decision.to_string()),
        _ => Some(entry.year.to_string()),
    }
}

fn order_key(key: &str, label: &str) -> (i64, String) {
    match key {
        "outcome" => {
            let rank = [
                WebsiteDecision::Upheld,
                WebsiteDecision::NotUpheld,
                WebsiteDecision::ClosedAfterInitialEnquiries,
            ]
            .iter()
            .position(|d| d.label() == label)
            .unwrap_or(9);
            (rank as i64, String::new())
        }
        "year" => (-label.parse::<i64>().unwrap_or(0), String::new()),
        _ => (0, label.to_lowercase()),
    }
}

fn facets(entries: &[Entry<'_>]) -> Vec<FacetGroup> {
    DIMENSIONS
        .iter()
        .map(|(key, title)| {
            let mut counts: BTreeMap<String, (usize, Vec<&str>)> = BTreeMap::new();
            for entry in entries {
                if let Some(label) = value_of(entry, key) {
                    let (count, cases) = counts.entry(label).or_default();
                    *count += 1;
                    if !cases.contains(&entry.case_dir) {
                        cases.push(entry.case_dir);
                    }
                }
            }
            let mut labels: Vec<(String, (usize, Vec<&str>))> = counts.into_iter().collect();
            labels.sort_by_key(|(label, _)| order_key(key, label));
            let mut used: Vec<String> = Vec::new();
            let values = labels
                .into_iter()
                .map(|(label, (count, cases))| {
                    let base = facet_slug(key, &label);
                    let mut slug = base.clone();
                    let mut n = 2;
                    while used.contains(&slug) {
                        slug = format!("{base}-{n}");
                        n += 1;
                    }
                    used.push(slug.clone());
                    Facet {
                        href: format!("filter/{key}/{slug}.html"),
                        label,
                        slug,
                        count,
                        cases: cases.join(" "),
                    }
                })
                .collect();
            FacetGroup { key, title, values }
        })
        .collect()
}

/// The file name of a filter value. A body's is a hash of its name: a
/// body may be named after a person ("Dr S Anand & Partners"), and the name
/// folded into a file name would no longer read as the body's.
fn facet_slug(key: &str, label: &str) -> String {
    let slug = match key {
        "body" => format!(
            "body-{}",
            &crate::pipeline::sha256_hex(label.as_bytes())[..10]
        ),
        _ => html::slug(label),
    };
    if slug.is_empty() {
        "other".into()
    } else {
        slug
    }
}

fn heading(key: &str, label: &str) -> String {
    match key {
        "body" => format!("Decisions about {label}"),
        "category" => format!("Decisions in {label}"),
        "outcome" => format!("Decisions: {label}"),
        _ => format!("Decisions made in {label}"),
    }
}

/// The pages that list many cases: the index, its filtered pages, the feed
/// and records.json. Each is checked part by part before it is written.
/// Returns the number of records.
pub(super) fn shared_pages(
    html: &HtmlTemplates,
    cases: &[CaseSite],
    as_of: Date,
    staging: &Staging,
) -> Result<usize, SiteError> {
    let checks: HashMap<&str, &Checks> = cases
        .iter()
        .filter_map(|c| c.checks.as_ref().map(|checks| (c.dir.as_str(), checks)))
        .collect();
    let mut entries: Vec<Entry<'_>> = cases
        .iter()
        .flat_map(|c| {
            c.records.iter().map(|record| Entry {
                record,
                case_dir: &c.dir,
                year: record.decision_date.year(),
                slugs: BTreeMap::new(),
            })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.record
            .decision_date
            .cmp(&a.record.decision_date)
            .then_with(|| a.record.reference.cmp(&b.record.reference))
    });
    let groups = facets(&entries);
    for entry in &mut entries {
        for group in &groups {
            let value = value_of(entry, group.key);
            let slug = group
                .values
                .iter()
                .find(|f| Some(&f.label) == value.as_ref())
                .map_or_else(String::new, |f| f.slug.clone());
            entry.slugs.insert(group.key, slug);
        }
    }
    let info = SiteInfo {
        as_of: as_of.long(),
    };
    let by_case = |n: roxmltree::Node<'_, '_>| n.attribute("data-case").map(str::to_string);
    let index_page = |path: &str,
                      heading: String,
                      current: Option<Current>,
                      shown: Vec<&Entry<'_>>|
     -> Result<(), SiteError> {
        let root = "../".repeat(path.matches('/').count());
        let context = minijinja::context! {
            root => root,
            site => &info,
            heading => heading,
            current => current,
            facets => &groups,
            records => &shown,
        };
        let listed: Vec<&str> = shown.iter().map(|e| e.case_dir).collect();
        let text = html.render(
            "html/index.html.j2",
            &minijinja::Value::from_serialize(&context),
        )?;
        check::check_shared(path, &text, by_case, |k| checks.get(k).copied(), &listed)?;
        staging.write(path, text.as_bytes())
    };
    index_page(
        "index.html",
        "Decisions".into(),
        None,
        entries.iter().collect(),
    )?;
    for group in &groups {
        for facet in &group.values {
            let shown: Vec<&Entry<'_>> = entries
                .iter()
                .filter(|e| value_of(e, group.key).as_deref() == Some(facet.label.as_str()))
                .collect();
            let current = Current {
                dimension: group.title,
                label: facet.label.clone(),
                href: facet.href.clone(),
            };
            index_page(
                &facet.href,
                heading(group.key, &facet.label),
                Some(current),
                shown,
            )?;
        }
    }
    let records: Vec<&Record> = entries.iter().map(|e| e.record).collect();
    let atom = feed::feed(&records, as_of);
    let entry_case: HashMap<String, &str> = entries
        .iter()
        .map(|e| (feed::entry_id(e.record), e.case_dir))
        .collect();
    let by_entry = |n: roxmltree::Node<'_, '_>| {
        (n.tag_name().name() == "entry")
            .then(|| n.children().find(|c| c.tag_name().name() == "id"))
            .flatten()
            .and_then(|id| id.text())
            .map(|id| {
                entry_case
                    .get(id.trim())
                    .map_or_else(|| id.to_string(), |c| c.to_string())
            })
    };
    let listed: Vec<&str> = entries.iter().map(|e| e.case_dir).collect();
    check::check_shared(
        "feed.atom",
        &atom,
        by_entry,
        |k| checks.get(k).copied(),
        &listed,
    )?;
    staging.write("feed.atom", atom.as_bytes())?;
    let mut json = serde_json::to_string_pretty(&records).expect("records serialise");
    json.push('\n');
    staging.write("records.json", json.as_bytes())?;
    for (name, text) in html::ASSETS {
        staging.write(&format!("assets/{name}"), text.as_bytes())?;
    }
    Ok(records.len())
}
