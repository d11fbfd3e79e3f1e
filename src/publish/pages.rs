//! The site's own pages: the home page (the newest decisions, search,
//! reference lookup and the ways to browse), the search page (Pagefind,
//! with every filter in its URL), the about page (what the offices publish,
//! and why some decisions are not), the glossary of decisions and remedies
//! (from `terms.toml`), and the sitemap (a sitemap index and files of at
//! most 10,000 addresses each).

use super::check;
use super::entry::Entry;
use super::error::SiteError;
use super::file::SiteInfo;
use super::html::HtmlTemplates;
use super::listing::{Dimension, Shown, listing_base, page_path};
use super::staging::Staging;

/// Decisions on the home page.
const HOME_CARDS: usize = 10;

/// Addresses per sitemap file (the protocol allows 50,000).
const SITEMAP_SIZE: usize = 10_000;

/// The shared pages every site has, for the sitemap.
const OWN_PAGES: [&str; 5] = [
    "index.html",
    "search.html",
    "about.html",
    "glossary.html",
    "references/index.html",
];

/// Writes the home, search, about and glossary pages.
pub fn write_all(
    html: &HtmlTemplates,
    entries: &[Entry],
    dimensions: &[Dimension],
    info: &SiteInfo,
    delay_weeks: u32,
    shards: &[String],
    staging: &Staging,
) -> Result<(), SiteError> {
    let write = |template: &str, path: &str, context: minijinja::Value| {
        let text = html.render(template, &context)?;
        check::page_text(&text).map_err(|reason| check::Refused {
            page: path.to_string(),
            reason,
        })?;
        staging.write(path, text.as_bytes())
    };
    let newest: Vec<Shown<'_>> = entries
        .iter()
        .take(HOME_CARDS)
        .map(|e| Shown {
            dir: &e.dir,
            card: &e.card,
        })
        .collect();
    let records: usize = entries.iter().map(|e| e.references.len()).sum();
    let browse: Vec<(&str, String)> = dimensions
        .iter()
        .map(|d| (d.title.as_str(), format!("browse/{}/index.html", d.key)))
        .collect();
    write(
        "html/index.html.j2",
        "index.html",
        minijinja::context! {
            root => "",
            site => info,
            cases => entries.len(),
            records => records,
            entries => newest,
            all_href => page_path(&listing_base(None), false, 1),
            oldest_href => page_path(&listing_base(None), true, 1),
            browse => &browse,
        },
    )?;
    write(
        "html/search.html.j2",
        "search.html",
        minijinja::context! {
            root => "",
            site => info,
            browse => &browse,
            dimensions => dimensions.iter().map(|d| (d.key, &d.title)).collect::<Vec<_>>(),
            shards => shards.join(" "),
        },
    )?;
    write(
        "html/about.html.j2",
        "about.html",
        minijinja::context! {
            root => "",
            site => info,
            delay_weeks => delay_weeks,
            licence => super::data::LICENCE,
            format_version => super::data::FORMAT_VERSION,
        },
    )?;
    write(
        "html/glossary.html.j2",
        "glossary.html",
        minijinja::context! {
            root => "",
            site => info,
            tables => html.terms().glossary(html.words()),
        },
    )?;
    Ok(())
}

/// Writes the sitemap: every page of every case and the shared pages
/// (the first page of each listing), under `base`.
pub fn write_sitemap(
    entries: &[Entry],
    dimensions: &[Dimension],
    base: &str,
    staging: &Staging,
) -> Result<usize, SiteError> {
    let mut urls: Vec<String> = OWN_PAGES.iter().map(|p| p.to_string()).collect();
    urls.push(page_path(&listing_base(None), false, 1));
    for d in dimensions {
        urls.push(format!("browse/{}/index.html", d.key));
        urls.extend(
            d.values
                .iter()
                .map(|v| page_path(&listing_base(Some((d.key, &v.slug))), false, 1)),
        );
    }
    for entry in entries {
        urls.extend(entry.pages.iter().cloned());
    }
    let files = urls.len().div_ceil(SITEMAP_SIZE).max(1);
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=files {
        let mut text = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for url in urls.iter().skip((n - 1) * SITEMAP_SIZE).take(SITEMAP_SIZE) {
            text.push_str(&format!(
                "  <url><loc>{}</loc></url>\n",
                escape(&format!("{base}{url}"))
            ));
        }
        text.push_str("</urlset>\n");
        let path = format!("sitemaps/{n}.xml");
        staging.write(&path, text.as_bytes())?;
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            escape(&format!("{base}{path}"))
        ));
    }
    index.push_str("</sitemapindex>\n");
    staging.write("sitemap.xml", index.as_bytes())?;
    Ok(urls.len())
}
