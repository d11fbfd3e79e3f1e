//! The pages of the samples' site: every page parses and is structured
//! for assistive technology; its paragraph numbers are the PDF's; no page
//! holds a listed identifier, and one that would is never written; hostile
//! markup in the case is shown as text.

use std::path::Path;

use redress::case::Case;
use redress::publish::HtmlTemplates;

use crate::publish::{as_of, html_pages, listing, publish_into, published, records, sample, site};
use crate::util::{load, rendered, samples, tempdir};

#[test]
fn no_page_holds_a_listed_identifier() {
    let cases: Vec<Case> = samples().iter().map(|p| load(p)).collect();
    let ids: Vec<_> = cases.iter().map(redress::anonymise::identifiers).collect();
    let mut problems = Vec::new();
    for (path, html) in html_pages() {
        let text = redress::publish::check::page_text(&html).unwrap();
        for (case, ids) in cases.iter().zip(&ids) {
            let dir = case.case.reference.replace(' ', "-");
            let own = path.contains(&dir) || html.contains(&format!("data-case=\"{dir}\""));
            if !own {
                continue;
            }
            let region = if path.contains(&dir) {
                text.clone()
            } else {
                records_text(&html, &dir)
            };
            for hit in ids.leaks(&redress::verify::normalise(&region)) {
                problems.push(format!("{path}: {:?}", hit.category));
            }
        }
    }
    // records.json and the feed, record by record, with each case's own.
    let ids_of = |reference: &str| {
        cases
            .iter()
            .zip(&ids)
            .find(|(c, _)| c.case.reference == reference)
            .map(|(_, ids)| ids)
            .unwrap()
    };
    for record in records() {
        let reference = record["case_reference"].as_str().unwrap();
        let text = serde_json::to_string(&record).unwrap();
        for hit in ids_of(reference).leaks(&text) {
            problems.push(format!(
                "records.json {}: {:?}",
                record["reference"], hit.category
            ));
        }
    }
    // Every feed page, entry by entry, with the identifiers of the case
    // each entry's id names.
    for (path, bytes) in listing(site()) {
        if !path.ends_with(".atom") {
            continue;
        }
        let feed = String::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse(&feed).unwrap();
        for entry in doc.descendants().filter(|n| n.tag_name().name() == "entry") {
            let text: String = entry
                .descendants()
                .filter_map(|d| d.text())
                .collect::<Vec<_>>()
                .join(" ");
            let id = entry
                .children()
                .find(|c| c.tag_name().name() == "id")
                .and_then(|t| t.text())
                .unwrap();
            let dir = id
                .trim_start_matches("urn:redress:document:")
                .split('/')
                .next()
                .unwrap();
            let reference = dir.replace('-', " ");
            for hit in ids_of(&reference).leaks(&redress::verify::normalise(&text)) {
                problems.push(format!("{path} {id}: {:?}", hit.category));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The text of the index entries of one case.
fn records_text(html: &str, dir: &str) -> String {
    let doc = roxmltree::Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
    doc.descendants()
        .filter(|n| n.attribute("data-case") == Some(dir))
        .flat_map(|n| n.descendants().filter_map(|d| d.text()).collect::<Vec<_>>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_page_is_well_formed_with_one_h1_ordered_headings_and_landmarks() {
    let pages = html_pages();
    assert!(pages.len() > 20, "{} pages", pages.len());
    for (path, html) in pages {
        let doc = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{path}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.attribute("lang"), Some("en-GB"), "{path}");
        let elements: Vec<_> = doc.descendants().filter(|n| n.is_element()).collect();
        let named = |tag: &'static str| elements.iter().filter(move |n| n.tag_name().name() == tag);
        assert_eq!(named("h1").count(), 1, "{path}: one h1");
        assert_eq!(named("main").count(), 1, "{path}: one main");
        assert_eq!(
            named("header")
                .filter(|h| h.attribute("class") == Some("site-header"))
                .count(),
            1,
            "{path}"
        );
        assert_eq!(named("footer").count(), 1, "{path}");
        for nav in named("nav") {
            assert!(
                nav.attribute("aria-label").is_some(),
                "{path}: a nav without a label"
            );
        }
        let first_link = named("a").next().unwrap();
        assert_eq!(
            first_link.attribute("href"),
            Some("#main"),
            "{path}: skip link first"
        );
        let mut last = 1;
        for h in elements.iter().filter(|n| {
            let t = n.tag_name().name();
            t.len() == 2 && t.starts_with('h') && t[1..].parse::<u8>().is_ok()
        }) {
            let level: u8 = h.tag_name().name()[1..].parse().unwrap();
            assert!(level <= last + 1, "{path}: h{level} after h{last}");
            last = level;
        }
        assert!(
            named("table").all(|t| t.descendants().any(|d| d.tag_name().name() == "th")),
            "{path}: tables are data tables with headers"
        );
        let ids: Vec<&str> = elements.iter().filter_map(|n| n.attribute("id")).collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(ids.len(), unique.len(), "{path}: duplicate ids");
        for link in named("a") {
            let href = link.attribute("href").unwrap();
            if href.starts_with('#') || href.contains("://") {
                continue;
            }
            let target = href.split('#').next().unwrap();
            let resolved = site().join(Path::new(&path).parent().unwrap()).join(target);
            assert!(resolved.exists(), "{path}: broken link {href}");
        }
    }
}

#[test]
fn paragraph_numbers_and_anchors_match_the_pdf() {
    for (case, dir) in rendered().iter().filter(|(c, _)| published(c)) {
        let page = site().join(format!(
            "documents/{}/decision.html",
            case.case.reference.replace(' ', "-")
        ));
        let html = std::fs::read_to_string(&page).unwrap();
        let doc = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap();
        let paras: Vec<(usize, String)> = doc
            .descendants()
            .filter_map(|n| {
                let n_str = n.attribute("id")?.strip_prefix("paragraph-")?;
                let number: usize = n_str.parse().ok()?;
                assert_eq!(n.attribute("value"), Some(n_str));
                let text: String = n
                    .descendants()
                    .filter_map(|d| d.text())
                    .collect::<Vec<_>>()
                    .join(" ");
                Some((number, redress::verify::normalise(&text)))
            })
            .collect();
        let numbers: Vec<usize> = paras.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            numbers,
            (1..=numbers.len()).collect::<Vec<_>>(),
            "{page:?}: numbered 1..n"
        );
        let pdf = std::fs::read(dir.join("decision.redacted.pdf")).unwrap();
        let pdf_text = redress::verify::normalise(
            &lopdf::Document::load_mem(&pdf)
                .unwrap()
                .get_pages()
                .keys()
                .map(|&p| {
                    lopdf::Document::load_mem(&pdf)
                        .unwrap()
                        .extract_text(&[p])
                        .unwrap()
                })
                .collect::<Vec<_>>()
                .join("\n"),
        );
        for (n, text) in &paras {
            let opening: Vec<&str> = text.split_whitespace().take(3).collect();
            let expected = format!("{n}. {}", opening.join(" "));
            assert!(
                pdf_text.contains(&expected),
                "{}: paragraph {n} of the HTML (\"{}\") is not paragraph {n} of the PDF",
                case.case.reference,
                opening.join(" ")
            );
        }
    }
}

#[test]
fn reports_are_published_in_chapters() {
    let s03 = "documents/23-007-412/report-council";
    let chapters: Vec<String> = listing(&site().join(s03)).into_keys().collect();
    assert!(chapters.len() >= 4, "{chapters:?}");
    let first = std::fs::read_to_string(site().join(s03).join("chapter-1.html")).unwrap();
    assert!(first.contains("aria-current=\"page\""));
    assert!(first.contains("rel=\"next\""));
    let further = std::fs::read_to_string(
        site().join("documents/23-007-412/further-report-council/chapter-7.html"),
    )
    .unwrap();
    assert!(
        further.contains("href=\"chapter-5.html#paragraph-"),
        "the decision chapter links to the recommendations in another chapter"
    );
}

#[test]
fn a_page_that_would_leak_is_not_written() {
    // A template that prints a real name (a careless override): the case
    // whose person it is fails, and none of its pages are written.
    let overrides = tempdir();
    let record = include_str!("../templates/html/record.html.j2").replace(
        "<h1 id=\"record-title\">",
        "<h1 id=\"record-title\">Deborah Tranter-Wilde ",
    );
    std::fs::write(overrides.path().join("record.html.j2"), record).unwrap();
    let html = HtmlTemplates::with_overrides(overrides.path())
        .unwrap()
        .unwrap();
    let dir = tempdir();
    let (report, outcomes) = publish_into(&samples(), &dir.path().join("site"), &html, as_of());
    assert_eq!(report.failed, 1, "{outcomes:#?}");
    let failed = outcomes.iter().find(|o| !o.1).unwrap();
    assert!(failed.0.ends_with("s01-hospital-discharge.toml"));
    assert!(
        failed.2.as_deref().unwrap().contains("was not written"),
        "{failed:?}"
    );
    assert!(
        !failed.2.as_deref().unwrap().contains("Tranter"),
        "no value in the message"
    );
    // The others are published (the name is not theirs to leak); nothing
    // of the failed case is.
    let listing = listing(&dir.path().join("site"));
    assert!(!listing.keys().any(|p| p.contains("23-004-118")));
    assert!(!String::from_utf8_lossy(&listing["records.json"]).contains("23 004 118"));
    assert_eq!(report.records, records().len() - 2);
}

#[test]
fn hostile_html_in_every_field_is_shown_as_text() {
    const PAYLOAD: &str = r#" <script>alert(1)</script><img src=x onerror="alert(2)"> &nbsp; &amp; ]]> <!-- c --> {{ 7*7 }} {% raw %} "q" 'a'"#;
    let dir = tempdir();
    let mut paths = Vec::new();
    // The samples whose documents use every HTML template.
    for reference in [
        "23 007 412",
        "23 015 233",
        "24 006 301",
        "24 010 562",
        "24 003 219",
    ] {
        let original = load(&sample(reference));
        let (mut hostile, injected) = crate::injection::inject(&original, PAYLOAD);
        assert!(injected.len() > 30, "{reference}: {injected:?}");
        // Bodies keep their names: a body named "Dr S Anand & Partners"
        // followed by markup wraps differently in the PDF, which is the
        // PDF verifier's concern, not the site's.
        for (body, was) in hostile.bodies.iter_mut().zip(&original.bodies) {
            body.name = was.name.clone();
        }
        let path = dir
            .path()
            .join(format!("{}.json", reference.replace(' ', "-")));
        std::fs::write(&path, serde_json::to_string(&hostile).unwrap()).unwrap();
        paths.push(path);
    }
    let html = HtmlTemplates::bundled().unwrap();
    let site = dir.path().join("site");
    let (report, outcomes) = publish_into(&paths, &site, &html, as_of());
    assert_eq!(report.failed, 0, "{outcomes:#?}");
    let mut pages = 0;
    for (path, bytes) in listing(&site)
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
    {
        let text = String::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse_with_options(
            &text,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{path}: {e}"));
        for node in doc.descendants().filter(|n| n.is_element()) {
            let tag = node.tag_name().name();
            assert!(tag != "img", "{path}: an injected element");
            assert!(
                tag != "script"
                    || node
                        .attribute("src")
                        .is_some_and(|s| s.ends_with("assets/search.js")),
                "{path}: an injected script"
            );
            assert!(node.attribute("onerror").is_none(), "{path}");
        }
        let shown = redress::publish::check::page_text(&text).unwrap();
        if path.starts_with("decisions/") || path.ends_with("/decision.html") {
            pages += 1;
            assert!(
                shown.contains("<script>alert(1)</script>"),
                "{path}: the payload is not shown as text"
            );
            assert!(
                shown.contains("{{ 7*7 }}") && !shown.contains(" 49 "),
                "{path}"
            );
        }
    }
    assert!(pages >= 15, "{pages} pages");
}
