//! The site as an archive: `--as-of` is an embargo on everything (every
//! event date of every escalation sample), a site kept up run by run is the
//! same bytes as one made from nothing, records say what their documents
//! say, the feeds carry every document, and the open data comes with its
//! version, licence and schema.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use redress::case::Date;
use redress::publish::{HtmlTemplates, PublishOptions, SiteReport};

use crate::publish::{as_of, listing, on_site, options, records, records_of, sample, site};
use crate::util::{engine, load, samples, tempdir};

/// Publishes `paths` into `site` with `options`; the report.
fn run(paths: &[PathBuf], site: &Path, options: &PublishOptions) -> SiteReport {
    let html = HtmlTemplates::bundled().unwrap();
    redress::publish::publish(engine(), &html, paths, site, options, &|_| {}).unwrap()
}

/// Every file of a site, its store included.
fn same_bytes(a: &Path, b: &Path) -> Vec<String> {
    let (a, b) = (listing(a), listing(b));
    let names: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    names
        .into_iter()
        .filter(|n| a.get(*n) != b.get(*n))
        .cloned()
        .collect()
}

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

/// The dates of a record's documents and remedy states, and its
/// compliance, as records.json gives them.
fn dated(record: &serde_json::Value) -> Vec<Date> {
    let mut out = Vec::new();
    for d in record["documents"].as_array().unwrap() {
        out.push(date(d["date"].as_str().unwrap()));
        if let Some(p) = d["parliament"]["ordered_printed"].as_str() {
            out.push(date(p));
        }
    }
    for r in record["remedies"].as_array().unwrap() {
        if let Some(since) = r["status_since"].as_str() {
            out.push(date(since));
        }
    }
    out
}

/// Every escalation sample, published as of each of its event dates (and
/// the day before each): nothing dated later shows anywhere, in the
/// records, the pages or the feeds; an escalation appears on the day its
/// document is issued and not before.
#[test]
fn as_of_is_an_embargo_on_every_event_date_of_the_escalation_samples() {
    let dir = tempdir();
    for reference in [
        "23 007 412",
        "23 015 233",
        "24 006 301",
        "24 010 562",
        "24 011 807",
    ] {
        let path = sample(reference);
        let case = load(&path);
        let mut days: BTreeSet<Date> = BTreeSet::new();
        for e in &case.escalation.events {
            days.insert(e.date);
            days.insert(e.date.plus_days(-1));
        }
        let site = dir.path().join(reference.replace(' ', "-"));
        for day in days {
            let report = run(
                std::slice::from_ref(&path),
                &site,
                &PublishOptions::new(day),
            );
            assert_eq!(report.failed, 0, "{reference} on {day}");
            let text = std::fs::read_to_string(site.join("records.json")).unwrap();
            let file: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(file["as_of"], day.to_string());
            for record in file["records"].as_array().unwrap() {
                for d in dated(record) {
                    assert!(d <= day, "{reference} on {day}: {record}");
                }
                let compliance = record["compliance"].as_str().unwrap_or_default();
                let body = case
                    .bodies
                    .iter()
                    .find(|b| record["reference"] == b.reference.as_str())
                    .unwrap();
                let issued = |kind: &str| {
                    case.escalation
                        .events
                        .iter()
                        .filter(|e| e.body.as_deref() == Some(body.id.as_str()))
                        .filter(|e| serde_json::to_value(e.kind).unwrap() == kind)
                        .map(|e| e.date)
                        .min()
                };
                for (code, kind) in [
                    ("escalated.s30", "report"),
                    ("escalated.s31_2A", "further_report"),
                    ("escalated.s18ZA_report", "joint_report"),
                    ("escalated.s14_3", "special_report"),
                    ("escalated.afn", "notice_required"),
                ] {
                    if compliance == code {
                        let on = issued(kind);
                        assert!(
                            on.is_none_or(|on| on <= day),
                            "{reference} on {day}: {code} before its document ({on:?})"
                        );
                    }
                }
            }
            // The feed: no entry published or updated after the day.
            for (name, bytes) in listing(&site) {
                if !name.ends_with(".atom") {
                    continue;
                }
                let xml = String::from_utf8(bytes).unwrap();
                let doc = roxmltree::Document::parse(&xml).unwrap();
                for n in doc
                    .descendants()
                    .filter(|n| matches!(n.tag_name().name(), "updated" | "published"))
                {
                    let d = date(&n.text().unwrap()[..10]);
                    assert!(d <= day, "{reference} on {day}: {name} has {d}");
                }
            }
        }
    }
}

/// S03 as a critic would read it: on 1 May 2024 the Council has refused
/// but no report exists, so it has no record yet; from 14 June 2024 its
/// record carries the report; from 5 November 2024 the further report.
#[test]
fn s03_says_on_each_day_only_what_was_known_that_day() {
    let dir = tempdir();
    let path = sample("23 007 412");
    let at = |day: &str| {
        let site = dir.path().join(day);
        run(
            std::slice::from_ref(&path),
            &site,
            &PublishOptions::new(date(day)),
        );
        records_of(&site)
            .into_iter()
            .find(|r| r["reference"] == "23 007 412")
    };
    assert!(
        at("2024-04-15").is_none(),
        "published six weeks after the decision"
    );
    // The Council had not agreed by the decision: the decision is not its
    // statement of reasons, so its record waits for its report (the ICB's
    // and the Trust's are published with the decision).
    assert!(
        at("2024-05-01").is_none(),
        "the Council's record before its report"
    );
    let may = records_of(&dir.path().join("2024-05-01"));
    let references: Vec<&str> = may.iter().filter_map(|r| r["reference"].as_str()).collect();
    assert_eq!(references, ["23 007 412a", "23 007 412b"]);
    let kinds = |r: &serde_json::Value| -> Vec<String> {
        r["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["kind"].as_str().unwrap().to_string())
            .collect()
    };
    let june = at("2024-06-14").unwrap();
    assert_eq!(june["compliance"], "escalated.s30");
    assert_eq!(kinds(&june), ["report"]);
    let later = at("2024-11-05").unwrap();
    assert_eq!(later["compliance"], "escalated.s31_2A");
    assert_eq!(kinds(&later), ["report", "further_report"]);
    assert!(
        !dir.path()
            .join("2024-05-01/decisions/23-007-412.html")
            .exists()
    );
    let page =
        std::fs::read_to_string(dir.path().join("2024-06-14/decisions/23-007-412.html")).unwrap();
    assert!(page.contains("Report issued") && !page.contains("Further report"));
}

/// A site kept up run by run is, byte for byte, the site made from
/// nothing: after an edit to one case file (only that case is made
/// again), after a later `--as-of` (only the cases whose view changed),
/// and with changed templates (every case).
#[test]
fn an_incremental_site_is_the_same_bytes_as_a_full_rebuild() {
    let dir = tempdir();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    for path in samples() {
        std::fs::copy(&path, cases.join(path.file_name().unwrap())).unwrap();
    }
    let paths = |dir: &Path| -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        out.sort();
        out
    };
    let kept = dir.path().join("kept");
    let first = run(&paths(&cases), &kept, &options(as_of()));
    assert_eq!(first.kept, 0);
    let again = run(&paths(&cases), &kept, &options(as_of()));
    assert_eq!(again.kept, again.cases, "an unchanged re-run makes nothing");
    assert_eq!(again.search.made, 0, "{again:?}");
    // One case edited.
    let s01 = cases.join("s01-hospital-discharge.toml");
    let text = std::fs::read_to_string(&s01).unwrap();
    let edited = text.replacen("We have upheld", "We upheld", 1);
    assert_ne!(text, edited);
    std::fs::write(&s01, edited).unwrap();
    let report = run(&paths(&cases), &kept, &options(as_of()));
    assert_eq!(report.kept, report.cases - 1);
    assert_eq!(
        report.search.made, 1,
        "its record page changed, so its quarter's index is made again: {report:?}"
    );
    let full = dir.path().join("full");
    run(
        &paths(&cases),
        &full,
        &PublishOptions {
            full: true,
            ..options(as_of())
        },
    );
    assert_eq!(same_bytes(&kept, &full), Vec::<String>::new());
    // A day on which S03's further report is out but not yet on 31 Dec 2024.
    let day = date("2024-12-31");
    let early = dir.path().join("early");
    run(&paths(&cases), &early, &options(date("2024-11-04")));
    let report = run(&paths(&cases), &early, &options(day));
    assert!(report.kept > 0 && report.kept < report.cases, "{report:?}");
    let full = dir.path().join("full-2024");
    run(&paths(&cases), &full, &options(day));
    assert_eq!(same_bytes(&early, &full), Vec::<String>::new());
    // Templates changed: every case is made again.
    let overrides = dir.path().join("templates");
    std::fs::create_dir(&overrides).unwrap();
    let css_free = include_str!("../templates/html/record.html.j2").replace(
        "<h2 id=\"documents\">Documents</h2>",
        "<h2 id=\"documents\">Published documents</h2>",
    );
    std::fs::write(overrides.join("record.html.j2"), css_free).unwrap();
    let html = HtmlTemplates::with_overrides(&overrides).unwrap().unwrap();
    let report = redress::publish::publish(
        engine(),
        &html,
        &paths(&cases),
        &kept,
        &options(as_of()),
        &|_| {},
    )
    .unwrap();
    assert_eq!(report.kept, 0);
}

/// A landlord's record gives the Housing Ombudsman's own terms, each
/// determination with the complaint it decides; a not-upheld body says so;
/// a special report says it was laid before Parliament, and as what.
#[test]
fn records_say_what_their_documents_say() {
    let records = records();
    let by = |reference: &str| {
        records
            .iter()
            .find(|r| r["reference"] == reference)
            .unwrap_or_else(|| panic!("no record {reference}"))
            .clone()
    };
    let landlord = by("202312647");
    assert_eq!(landlord["decision"], "Maladministration");
    let determinations = landlord["outcome"]["determinations"].as_array().unwrap();
    assert_eq!(determinations.len(), 2);
    assert_eq!(determinations[1]["determination"], "service_failure");
    let page = std::fs::read_to_string(site().join(on_site(&landlord["html"]))).unwrap();
    assert!(page.contains("<dt>Determination</dt><dd>Maladministration; service failure</dd>"));
    assert!(page.contains("in respect of its handling of the resident"));
    assert!(!page.contains("<dd>Upheld</dd>"));
    let trust = by("24 010 562a");
    assert_eq!(trust["compliance"], "escalated.s14_3");
    let special = trust["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "special_report")
        .unwrap();
    assert_eq!(special["parliament"]["hc_number"], "HC 1187");
    let page = std::fs::read_to_string(site().join(on_site(&trust["html"]))).unwrap();
    assert!(page.contains("laid before Parliament as HC 1187"), "{page}");
    assert!(page.contains("Special report to Parliament"));
    // Remedies with their amounts, due dates and what was done.
    let council = by("23 007 412");
    let refund = council["remedies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["amount"] == 14236.5)
        .unwrap();
    assert_eq!(refund["status"], "refused");
    assert_eq!(refund["status_since"], "2024-04-04");
    let page = std::fs::read_to_string(site().join(on_site(&council["html"]))).unwrap();
    for shown in [
        "£14,236.50",
        "5 April 2024",
        "Refused",
        "Further report issued",
        "14 June 2024",
        "5 March 2024",
    ] {
        assert!(page.contains(shown), "S03's record does not show {shown}");
    }
    assert!(!page.contains("05 Mar 2024"), "one date style");
}

/// Listings show a case once, with one outcome line per body and its
/// summary once; they are paged, newest and oldest first, and every
/// filter value has its own paged listing.
#[test]
fn listings_show_each_case_once_in_pages() {
    let files = listing(site());
    let page = |p: &str| String::from_utf8(files[p].clone()).unwrap();
    let cards = |html: &str| html.matches("<li class=\"card\"").count();
    let records = records();
    let cases: BTreeSet<&str> = records
        .iter()
        .map(|r| r["case_reference"].as_str().unwrap())
        .collect();
    let mut seen = 0;
    let mut n = 1;
    while let Some(bytes) = files.get(&format!("browse/all/{n}.html")) {
        let html = String::from_utf8(bytes.clone()).unwrap();
        assert!(cards(&html) <= 5, "page {n}: a fixed page size");
        seen += cards(&html);
        n += 1;
    }
    assert_eq!(seen, cases.len(), "every case once");
    assert!(n > 2, "the samples' listing has several pages");
    let first = page("browse/all/1.html");
    assert!(
        first.contains("aria-current=\"page\"><span class=\"visually-hidden\">Page </span>1</a>")
    );
    assert!(first.contains("rel=\"next\""));
    // S03's card: three outcome lines, the summary once.
    let s03 = records
        .iter()
        .find(|r| r["reference"] == "23 007 412")
        .unwrap();
    let summary = s03["summary"].as_str().unwrap();
    let start = summary
        .chars()
        .skip(60)
        .take(40)
        .collect::<String>()
        .replace('\'', "&#x27;");
    let oldest: String = (1..)
        .map_while(|n| files.get(&format!("browse/all/oldest/{n}.html")))
        .map(|b| String::from_utf8(b.clone()).unwrap())
        .collect();
    assert_eq!(oldest.matches(&start).count(), 1, "the summary once");
    let card = &oldest[oldest.find("data-case=\"23-007-412\"").unwrap()..];
    let card = &card[..card
        .find("</li>\n</ol>")
        .unwrap_or(card.len())
        .min(card.find("class=\"summary\"").unwrap())];
    assert_eq!(card.matches("<li><a href=").count(), 3, "{card}");
    assert!(card.contains("Not upheld"));
    // Filter pages: bounded, and reachable.
    for (name, bytes) in &files {
        if name.starts_with("browse/") && name.ends_with(".html") && !name.contains("index") {
            assert!(cards(&String::from_utf8_lossy(bytes)) <= 5, "{name}");
        }
    }
    assert!(files.contains_key("browse/decision/not-upheld/1.html"));
    assert!(files.contains_key("browse/year/2024/oldest/1.html"));
    assert!(page("browse/organisation/index.html").contains("Westley Borough Council"));
    // The reference lookup without JavaScript.
    let block = page("references/23007.html");
    assert!(block.contains("data-reference=\"23 007 412b\""));
}

/// Every published document has a feed entry, in paged feeds with
/// absolute links; a case's entries are updated when its next document is
/// published; every organisation has its feed.
#[test]
fn the_feeds_carry_every_document() {
    let files = listing(site());
    let mut entries: BTreeMap<String, (String, String, Vec<String>)> = BTreeMap::new();
    let mut pages = 0;
    let mut next = Some("feed.atom".to_string());
    while let Some(path) = next.take() {
        pages += 1;
        let xml = String::from_utf8(files[&path].clone()).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let feed = doc.root_element();
        for link in feed.children().filter(|n| n.has_tag_name("link")) {
            let href = link.attribute("href").unwrap();
            assert!(href.starts_with("https://decisions.example.org/"), "{href}");
            if link.attribute("rel") == Some("next") {
                next = Some(
                    href.trim_start_matches("https://decisions.example.org/")
                        .into(),
                );
            }
        }
        for entry in feed.children().filter(|n| n.has_tag_name("entry")) {
            let text = |tag: &str| {
                entry
                    .children()
                    .find(|c| c.has_tag_name(tag))
                    .and_then(|c| c.text())
                    .unwrap_or_default()
                    .to_string()
            };
            let links: Vec<String> = entry
                .children()
                .filter(|c| c.has_tag_name("link"))
                .map(|l| l.attribute("href").unwrap().to_string())
                .collect();
            assert!(links.iter().all(|l| l.starts_with("https://")), "{links:?}");
            entries.insert(text("id"), (text("published"), text("updated"), links));
        }
    }
    assert!(pages > 1, "paged");
    let mut documents = BTreeSet::new();
    for record in records() {
        for d in record["documents"].as_array().unwrap() {
            documents.insert(d["pdf"].as_str().unwrap().to_string());
        }
    }
    let linked: BTreeSet<String> = entries
        .values()
        .flat_map(|(_, _, links)| links.iter().filter(|l| l.ends_with(".pdf")).cloned())
        .collect();
    assert_eq!(documents, linked, "one entry per published document");
    let decision = &entries["urn:redress:document:23-007-412/decision"];
    assert!(decision.0.starts_with("2024-04-16"), "{decision:?}");
    assert!(
        decision.1.starts_with("2024-11-05"),
        "updated by the further report"
    );
    assert!(files.contains_key(&format!(
        "feeds/organisation/org-{}.atom",
        &redress::pipeline::sha256_hex("Westley Borough Council".as_bytes())[..10]
    )));
}

/// records.json has its frame and follows its published schema; the CSV
/// holds the same records; the about page, glossary and sitemap exist.
#[test]
fn the_open_data_has_its_frame() {
    let site = site();
    let text = std::fs::read_to_string(site.join("records.json")).unwrap();
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format_version"], redress::publish::FORMAT_VERSION);
    assert_eq!(file["as_of"], as_of().to_string());
    assert!(
        file["licence"]["name"]
            .as_str()
            .unwrap()
            .contains("Open Government Licence")
    );
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("records.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&file)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let csv = std::fs::read_to_string(site.join("records.csv")).unwrap();
    let rows = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect::<Vec<_>>();
    assert_eq!(rows.len(), records().len());
    assert!(
        rows.iter()
            .all(|r| r[15].starts_with("https://decisions.example.org/decisions/"))
    );
    for page in [
        "about.html",
        "glossary.html",
        "search.html",
        "sitemap.xml",
        "sitemaps/1.xml",
    ] {
        assert!(site.join(page).is_file(), "{page}");
    }
    let sitemap = std::fs::read_to_string(site.join("sitemaps/1.xml")).unwrap();
    assert!(sitemap.contains("https://decisions.example.org/decisions/23-007-412.html"));
    let glossary = std::fs::read_to_string(site.join("glossary.html")).unwrap();
    for term in [
        "Service failure",
        "Special report to Parliament",
        "Payment or refund",
    ] {
        assert!(glossary.contains(term), "{term}");
    }
    // Search: Pagefind's index, made from the record and report pages.
    assert!(site.join("pagefind/2024-q1/pagefind.js").is_file());
    assert!(site.join("pagefind/2024-q1/pagefind-entry.json").is_file());
    let search = std::fs::read_to_string(site.join("search.html")).unwrap();
    assert!(
        search.contains("data-shards=\"2025-q1 2024-q4 2024-q3"),
        "newest first"
    );
    let record = std::fs::read_to_string(site.join("decisions/23-007-412.html")).unwrap();
    assert!(record.contains(
        "data-pagefind-filter=\"compliance[content]\" content=\"Further report issued\""
    ));
}
