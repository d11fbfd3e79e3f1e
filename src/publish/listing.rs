//! The pages that list decisions, each of a fixed size with numbered
//! pages that work without JavaScript: every decision newest first and
//! oldest first, the same for every filter value (an organisation, a type
//! of organisation, a category, a decision, a year, a remedy, a compliance
//! state), a page of values per filter, and the reference lookup (a page
//! per block of a thousand references).
//!
//! A listing shows cases as cards ([`super::entry::Card`]): the summary
//! once and one outcome line per body. Pages are made from the cases'
//! checked entries alone, and each is parsed before it is written: a page
//! that cannot be read cannot be proven clean.

use std::collections::BTreeMap;

use serde::Serialize;

use super::check;
use super::entry::Entry;
use super::error::SiteError;
use super::file::{SiteInfo, root_for};
use super::html::{self, HtmlTemplates};
use super::staging::Staging;
use super::words::{FILTERS, SiteWords};

/// Filter values listed on one page of a filter's values.
const VALUES_PER_PAGE: usize = 200;

/// A filter with few values shows them beside every listing.
const FEW_VALUES: usize = 12;

/// One value of a filter and the cases found under it (indices into the
/// cases, newest first).
#[derive(Debug, Clone)]
pub struct Value {
    /// "Westley Borough Council".
    pub label: String,
    /// Its part of the listing's path.
    pub slug: String,
    /// The cases, newest first.
    pub cases: Vec<usize>,
}

/// One way to filter, with its values in the order a reader looks for
/// them.
#[derive(Debug, Clone)]
pub struct Dimension {
    /// `organisation`.
    pub key: &'static str,
    /// "Organisation" (the site's words).
    pub title: String,
    /// Its values.
    pub values: Vec<Value>,
}

/// The filters and their values over `entries` (newest first), named in
/// the site's words.
pub fn dimensions(entries: &[Entry], words: &SiteWords) -> Vec<Dimension> {
    FILTERS
        .iter()
        .map(|&key| {
            let mut by_label: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (i, entry) in entries.iter().enumerate() {
                for facet in entry.facets.iter().filter(|f| f.dimension == key) {
                    let cases = by_label.entry(&facet.label).or_default();
                    if cases.last() != Some(&i) {
                        cases.push(i);
                    }
                }
            }
            let mut labels: Vec<(&str, Vec<usize>)> = by_label.into_iter().collect();
            if key == "year" {
                labels.reverse();
            }
            let mut used: Vec<String> = Vec::new();
            let values = labels
                .into_iter()
                .map(|(label, cases)| {
                    let base = slug(key, label);
                    let mut slug = base.clone();
                    let mut n = 2;
                    while used.contains(&slug) {
                        slug = format!("{base}-{n}");
                        n += 1;
                    }
                    used.push(slug.clone());
                    Value {
                        label: label.to_string(),
                        slug,
                        cases,
                    }
                })
                .collect();
            Dimension {
                key,
                title: words.filter_title(key).to_string(),
                values,
            }
        })
        .collect()
}

/// The path part of a filter value. An organisation's is a digest of its
/// name: a body may be named after a person ("Dr S Anand & Partners"), and
/// the name folded into a file name would no longer read as the body's.
pub fn slug(key: &str, label: &str) -> String {
    let slug = match key {
        "organisation" => format!(
            "org-{}",
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

/// Where a listing's pages live: `browse/all`, `browse/decision/upheld`.
pub fn listing_base(dimension: Option<(&str, &str)>) -> String {
    match dimension {
        None => "browse/all".into(),
        Some((key, slug)) => format!("browse/{key}/{slug}"),
    }
}

/// Page `n` of a listing, newest or oldest first.
pub fn page_path(base: &str, oldest: bool, n: usize) -> String {
    if oldest {
        format!("{base}/oldest/{n}.html")
    } else {
        format!("{base}/{n}.html")
    }
}

/// A link in the page numbers, or a gap.
#[derive(Debug, Clone, Serialize)]
struct PageLink {
    number: usize,
    href: String,
    current: bool,
    gap: bool,
}

#[derive(Debug, Clone, Serialize)]
struct Pagination {
    pages: Vec<PageLink>,
    previous: Option<String>,
    next: Option<String>,
    current: usize,
    count: usize,
}

/// Numbered pages: the first, the last, and two either side of the
/// current one, with gaps between.
fn pagination(count: usize, current: usize, href: impl Fn(usize) -> String) -> Pagination {
    let mut pages = Vec::new();
    let mut last = 0;
    for n in 1..=count {
        let near = n + 2 >= current && n <= current + 2;
        if n == 1 || n == count || near {
            if n > last + 1 {
                pages.push(PageLink {
                    number: 0,
                    href: String::new(),
                    current: false,
                    gap: true,
                });
            }
            pages.push(PageLink {
                number: n,
                href: href(n),
                current: n == current,
                gap: false,
            });
            last = n;
        }
    }
    Pagination {
        pages,
        previous: (current > 1).then(|| href(current - 1)),
        next: (current < count).then(|| href(current + 1)),
        current,
        count,
    }
}

/// A value beside a listing.
#[derive(Debug, Clone, Serialize)]
struct Choice {
    label: String,
    href: String,
    count: usize,
    current: bool,
}

#[derive(Debug, Clone, Serialize)]
struct Sidebar {
    key: &'static str,
    title: String,
    /// The values, when there are few; else a link to the filter's page.
    values: Vec<Choice>,
    browse: String,
}

/// The filter a listing shows.
#[derive(Debug, Clone, Serialize)]
struct Current {
    title: String,
    label: String,
}

/// What every listing page is made with.
pub struct Lister<'a> {
    /// The templates.
    pub html: &'a HtmlTemplates,
    /// The cases, newest first.
    pub entries: &'a [Entry],
    /// The filters.
    pub dimensions: &'a [Dimension],
    /// Cases per page.
    pub page_size: usize,
    /// The day the site shows.
    pub info: &'a SiteInfo,
    /// Where pages are written.
    pub staging: &'a Staging,
}

impl Lister<'_> {
    /// Writes every listing, every filter's page of values and the
    /// reference lookup; returns how many pages.
    pub fn write_all(&self) -> Result<usize, SiteError> {
        let all: Vec<usize> = (0..self.entries.len()).collect();
        let mut pages = self.listing(None, &all)?;
        for dimension in self.dimensions {
            pages += self.values_pages(dimension)?;
            for value in &dimension.values {
                pages += self.listing(Some((dimension, value)), &value.cases)?;
            }
        }
        pages += self.references()?;
        Ok(pages)
    }

    fn sidebar(&self, current: Option<(&str, &str)>) -> Vec<Sidebar> {
        self.dimensions
            .iter()
            .map(|d| Sidebar {
                key: d.key,
                title: d.title.clone(),
                values: if d.values.len() <= FEW_VALUES {
                    d.values
                        .iter()
                        .map(|v| Choice {
                            label: v.label.clone(),
                            href: page_path(&listing_base(Some((d.key, &v.slug))), false, 1),
                            count: v.cases.len(),
                            current: current == Some((d.key, v.slug.as_str())),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                browse: format!("browse/{}/index.html", d.key),
            })
            .collect()
    }

    /// Every page of one listing, newest first and oldest first.
    fn listing(
        &self,
        filter: Option<(&Dimension, &Value)>,
        cases: &[usize],
    ) -> Result<usize, SiteError> {
        let base = listing_base(filter.map(|(d, v)| (d.key, v.slug.as_str())));
        let count = cases.len().div_ceil(self.page_size).max(1);
        let sidebar = self.sidebar(filter.map(|(d, v)| (d.key, v.slug.as_str())));
        let current = filter.map(|(d, v)| Current {
            title: d.title.clone(),
            label: v.label.clone(),
        });
        let words = self.html.words();
        let heading = match filter {
            None => words.all_decisions.clone(),
            Some((d, v)) => words.filtered_heading(d.key, &v.label),
        };
        for oldest in [false, true] {
            let order: Vec<usize> = if oldest {
                cases.iter().rev().copied().collect()
            } else {
                cases.to_vec()
            };
            for n in 1..=count {
                let path = page_path(&base, oldest, n);
                let root = root_for(&path);
                let start = (n - 1) * self.page_size;
                let shown: Vec<Shown<'_>> = order
                    .iter()
                    .skip(start)
                    .take(self.page_size)
                    .map(|&i| Shown {
                        dir: &self.entries[i].dir,
                        card: &self.entries[i].card,
                    })
                    .collect();
                let pages = pagination(count, n, |k| {
                    format!("{root}{}", page_path(&base, oldest, k))
                });
                let context = minijinja::context! {
                    root => &root,
                    site => self.info,
                    heading => &heading,
                    current => &current,
                    total => cases.len(),
                    first => start + 1,
                    last => start + shown.len(),
                    oldest => oldest,
                    newest_href => page_path(&base, false, 1),
                    oldest_href => page_path(&base, true, 1),
                    entries => shown,
                    pagination => pages,
                    sidebar => &sidebar,
                };
                self.write("html/listing.html.j2", &path, &context)?;
            }
        }
        Ok(count * 2)
    }

    /// The values of one filter, with their counts, in pages.
    fn values_pages(&self, dimension: &Dimension) -> Result<usize, SiteError> {
        let count = dimension.values.len().div_ceil(VALUES_PER_PAGE).max(1);
        let path_of = |n: usize| {
            if n == 1 {
                format!("browse/{}/index.html", dimension.key)
            } else {
                format!("browse/{}/index-{n}.html", dimension.key)
            }
        };
        for n in 1..=count {
            let path = path_of(n);
            let root = root_for(&path);
            let values: Vec<Choice> = dimension
                .values
                .iter()
                .skip((n - 1) * VALUES_PER_PAGE)
                .take(VALUES_PER_PAGE)
                .map(|v| Choice {
                    label: v.label.clone(),
                    href: page_path(&listing_base(Some((dimension.key, &v.slug))), false, 1),
                    count: v.cases.len(),
                    current: false,
                })
                .collect();
            let context = minijinja::context! {
                root => &root,
                site => self.info,
                title => &dimension.title,
                key => dimension.key,
                values => values,
                pagination => pagination(count, n, |k| format!("{root}{}", path_of(k))),
                sidebar => self.sidebar(None),
            };
            self.write("html/browse.html.j2", &path, &context)?;
        }
        Ok(count)
    }

    /// The reference lookup: an index of blocks, and a page per block.
    fn references(&self) -> Result<usize, SiteError> {
        let mut groups: BTreeMap<String, Vec<Reference>> = BTreeMap::new();
        for entry in self.entries {
            for (reference, path) in &entry.references {
                let title = entry
                    .card
                    .outcomes
                    .iter()
                    .find(|o| &o.html == path)
                    .map_or_else(|| reference.clone(), |o| o.title.clone());
                let outcome = entry
                    .card
                    .outcomes
                    .iter()
                    .find(|o| &o.html == path)
                    .map(|o| o.outcome.clone())
                    .unwrap_or_default();
                groups
                    .entry(group_of(reference))
                    .or_default()
                    .push(Reference {
                        reference: reference.clone(),
                        title,
                        outcome,
                        date: entry.date.long(),
                        href: path.clone(),
                        case: entry.dir.clone(),
                    });
            }
        }
        let mut blocks = Vec::new();
        for (group, mut references) in groups {
            references.sort_by(|a, b| a.reference.cmp(&b.reference));
            let label = block_label(&references[0].reference, &group);
            let path = format!("references/{group}.html");
            let context = minijinja::context! {
                root => root_for(&path),
                site => self.info,
                heading => format!("References beginning {label}"),
                references => &references,
                blocks => (),
            };
            self.write("html/references.html.j2", &path, &context)?;
            blocks.push(Block {
                label,
                href: path,
                count: references.len(),
            });
        }
        let path = "references/index.html";
        let context = minijinja::context! {
            root => root_for(path),
            site => self.info,
            heading => &self.html.words().find_by_reference,
            references => (),
            blocks => &blocks,
        };
        self.write("html/references.html.j2", path, &context)?;
        Ok(blocks.len() + 1)
    }

    fn write(
        &self,
        template: &str,
        path: &str,
        context: &minijinja::Value,
    ) -> Result<(), SiteError> {
        let text = self.html.render(template, context)?;
        check::page_text(&text).map_err(|reason| check::Refused {
            page: path.to_string(),
            reason,
        })?;
        self.staging.write(path, text.as_bytes())
    }
}

/// A case as a listing shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Shown<'a> {
    /// Its folder name (the leak check's key of its part of the page).
    pub dir: &'a str,
    /// Its card.
    pub card: &'a super::entry::Card,
}

#[derive(Debug, Clone, Serialize)]
struct Reference {
    reference: String,
    title: String,
    outcome: String,
    date: String,
    href: String,
    case: String,
}

#[derive(Debug, Clone, Serialize)]
struct Block {
    label: String,
    href: String,
    count: usize,
}

/// The block of a thousand references a reference belongs to: its letters
/// and digits without a record's letter and without the last three
/// digits (`23 007 412b` → `23007`).
pub fn group_of(reference: &str) -> String {
    let alnum: String = reference
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let bare = alnum.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let cut = bare.len().saturating_sub(3);
    let group = &bare[..cut];
    if group.is_empty() {
        "other".into()
    } else {
        group.to_string()
    }
}

/// "23 007": the reference as written, up to the end of its block.
fn block_label(reference: &str, group: &str) -> String {
    let mut seen = 0;
    let mut out = String::new();
    for c in reference.chars() {
        if seen == group.len() {
            break;
        }
        if c.is_ascii_alphanumeric() {
            seen += 1;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_fall_in_blocks_of_a_thousand() {
        assert_eq!(group_of("23 007 412"), "23007");
        assert_eq!(group_of("23 007 412b"), "23007");
        assert_eq!(group_of("202312647"), "202312");
        assert_eq!(group_of("12"), "other");
        assert_eq!(block_label("23 007 412b", "23007"), "23 007");
    }

    #[test]
    fn page_numbers_show_the_ends_and_the_neighbours() {
        let p = pagination(20, 10, |n| n.to_string());
        let shown: Vec<String> = p
            .pages
            .iter()
            .map(|l| {
                if l.gap {
                    "…".into()
                } else {
                    l.number.to_string()
                }
            })
            .collect();
        assert_eq!(shown, ["1", "…", "8", "9", "10", "11", "12", "…", "20"]);
        assert_eq!(p.previous.as_deref(), Some("9"));
        let one = pagination(1, 1, |n| n.to_string());
        assert!(one.previous.is_none() && one.next.is_none());
        assert_eq!(one.pages.len(), 1);
    }
}
