//! `redress publish`: the site of the samples. Every body of every published
//! sample has its record with its own decision; the withheld sample and the
//! draft are absent; every page is clean, well formed and accessible in its
//! structure; the PDFs are the verified ones; the output is the same bytes
//! on every run. The browser test (`browser.rs`) opens the same site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use redress::case::{Case, Date, Stage};
use redress::publish::{HtmlTemplates, PublishOptions, PublishOutcome, SiteReport};

use crate::util::{engine, load, rendered, samples, tempdir};

/// The day the tests publish as of: every final sample is due by then.
pub fn as_of() -> Date {
    Date::from_ymd(2030, 1, 1).unwrap()
}

/// Publishes `paths` into `site`; the report and every outcome.
pub fn publish_into(
    paths: &[PathBuf],
    site: &Path,
    html: &HtmlTemplates,
    as_of: Date,
) -> (SiteReport, Vec<(PathBuf, bool, Option<String>)>) {
    let outcomes = std::sync::Mutex::new(Vec::new());
    let done = |o: &PublishOutcome| {
        let absent = o.result.as_ref().ok().and_then(|p| p.why_absent(as_of));
        let error = o.result.as_ref().err().map(|e| e.to_string());
        outcomes
            .lock()
            .unwrap()
            .push((o.path.clone(), error.is_none(), error.or(absent)));
    };
    let options = PublishOptions { as_of, workers: 2 };
    let report = redress::publish::publish(engine(), html, paths, site, options, &done)
        .expect("the site is written");
    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort();
    (report, outcomes)
}

/// The samples' site, published once per test process.
pub fn site() -> &'static Path {
    static SITE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
        let dir = tempdir();
        let site = dir.path().join("site");
        let html = HtmlTemplates::bundled().unwrap();
        let (report, outcomes) = publish_into(&samples(), &site, &html, as_of());
        assert_eq!(report.failed, 0, "{outcomes:#?}");
        (dir, site)
    });
    &SITE.1
}

fn records() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(site().join("records.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn published(case: &Case) -> bool {
    case.publication.publish && case.case.stage == Stage::Final
}

/// Every file of a folder, by path relative to it.
fn listing(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn html_pages() -> Vec<(String, String)> {
    listing(site())
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
        .collect()
}

#[test]
fn every_body_of_every_published_sample_has_its_own_record() {
    let records = records();
    let by_reference: BTreeMap<&str, &serde_json::Value> = records
        .iter()
        .map(|r| (r["reference"].as_str().unwrap(), r))
        .collect();
    let mut expected = 0;
    for path in samples() {
        let case = load(&path);
        for body in &case.bodies {
            let record = by_reference.get(body.reference.as_str());
            if !published(&case) {
                assert!(
                    record.is_none(),
                    "{} must not be on the site",
                    body.reference
                );
                continue;
            }
            expected += 1;
            let record = record.unwrap_or_else(|| panic!("no record for {}", body.reference));
            let decision = case
                .outcome
                .per_body
                .get(&body.id)
                .copied()
                .unwrap_or(case.outcome.decision);
            assert_eq!(record["decision"], decision.label(), "{}", body.reference);
            assert_eq!(
                record["title"],
                format!("{} ({})", body.name, body.reference)
            );
            assert_eq!(record["publish"], true);
            assert_eq!(
                record["decision_date_display"],
                case.case.decision_date.short()
            );
            for key in [
                "category",
                "summary",
                "outcome",
                "remedies",
                "compliance",
                "publication",
                "html",
                "pdf",
            ] {
                assert!(record.get(key).is_some(), "{}: no {key}", body.reference);
            }
            let page = site().join(record["html"].as_str().unwrap());
            assert!(page.is_file(), "{}", page.display());
            let pdf = site().join(record["pdf"].as_str().unwrap());
            assert!(pdf.is_file(), "{}", pdf.display());
        }
    }
    assert_eq!(records.len(), expected);
    // The case that records a Not upheld body beside upheld ones.
    assert_eq!(by_reference["23 007 412b"]["decision"], "Not upheld");
    assert_eq!(
        by_reference["23 007 412b"]["outcome"]["detail"],
        "not_upheld.no_fault"
    );
    assert_eq!(by_reference["23 007 412"]["decision"], "Upheld");
    assert_eq!(by_reference["23 007 412"]["compliance"], "escalated.s31_2A");
}

#[test]
fn records_keep_remedies_by_type_with_amounts_and_due_dates() {
    let records = records();
    let s01 = records
        .iter()
        .find(|r| r["reference"] == "23 004 118")
        .unwrap();
    let remedies = s01["remedies"].as_array().unwrap();
    assert!(remedies.iter().any(|r| r["type"] == "apology"));
    let joint = remedies
        .iter()
        .find(|r| r["type"] == "financial" && !r["joint_amount"].is_null())
        .expect("a joint payment");
    assert!(joint["amount"].as_f64().unwrap() < joint["joint_amount"].as_f64().unwrap());
    assert!(joint["due"].as_str().unwrap().starts_with("2024-"));
    assert!(s01["compliance"].is_string());
}

#[test]
fn withheld_and_draft_cases_are_absent_and_say_why() {
    let site = site();
    let listing = listing(site);
    for (reference, why) in [
        ("24 010 563", "NOT_IN_INTERESTS.IDENTIFIABLE"),
        ("24 002 418", "draft"),
    ] {
        let dir = reference.replace(' ', "-");
        assert!(
            !listing.keys().any(|p| p.contains(&dir)),
            "{reference} must leave no file on the site"
        );
        for (path, bytes) in &listing {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains(reference), "{path} mentions {reference}");
        }
        let (_, outcomes) = publish_into(
            &samples()
                .into_iter()
                .filter(|p| load(p).case.reference == reference)
                .collect::<Vec<_>>(),
            &tempdir().path().join("one"),
            &HtmlTemplates::bundled().unwrap(),
            as_of(),
        );
        let why_absent = outcomes[0].2.as_deref().unwrap_or_default();
        assert!(why_absent.contains(why), "{why_absent}");
    }
    // The rendered case says why in its manifest and review data, and has
    // no publication copy at all.
    let (case, dir) = rendered()
        .iter()
        .find(|(c, _)| c.case.reference == "24 010 563")
        .unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let publication = &manifest["publication"];
    assert_eq!(publication["status"], "withheld");
    assert_eq!(
        publication["exception"]["code"],
        "NOT_IN_INTERESTS.IDENTIFIABLE"
    );
    assert!(
        publication["explanation"]
            .as_str()
            .unwrap()
            .contains("Not published")
    );
    assert!(
        manifest["documents"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["verification"] != "clean"),
        "no publication copies"
    );
    assert_eq!(
        manifest["documents"].as_array().unwrap().len(),
        redress::plan::plan(case).len() + 1,
        "every internal copy and the review sheet"
    );
    let review: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("review.json")).unwrap()).unwrap();
    assert_eq!(review["publication"]["status"], "withheld");
}

#[test]
fn a_decision_appears_only_from_its_earliest_publication_date() {
    let path = samples()
        .into_iter()
        .find(|p| load(p).case.reference == "24 008 777")
        .unwrap();
    let decided = load(&path).case.decision_date;
    let html = HtmlTemplates::bundled().unwrap();
    let before = decided.plus_days(6 * 7 - 1);
    let dir = tempdir();
    let (report, outcomes) = publish_into(&[path.clone()], &dir.path().join("a"), &html, before);
    assert_eq!(report.records, 0);
    assert!(
        outcomes[0]
            .2
            .as_deref()
            .unwrap()
            .contains("not yet published"),
        "{outcomes:?}"
    );
    assert!(!dir.path().join("a/decisions/24-008-777.html").exists());
    let (report, _) = publish_into(&[path], &dir.path().join("b"), &html, before.plus_days(1));
    assert_eq!(report.records, 1);
    assert!(dir.path().join("b/decisions/24-008-777.html").exists());
}

#[test]
fn publishing_twice_gives_identical_bytes_and_replaces_the_site() {
    let again = tempdir();
    let target = again.path().join("site");
    let html = HtmlTemplates::bundled().unwrap();
    publish_into(&samples(), &target, &html, as_of());
    // A second run over an existing site replaces it whole.
    std::fs::write(target.join("stale.html"), "old").unwrap();
    publish_into(&samples(), &target, &html, as_of());
    let (a, b) = (listing(site()), listing(&target));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between runs");
    }
}

#[test]
fn the_site_refuses_to_replace_a_folder_it_did_not_write() {
    let dir = tempdir();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let html = HtmlTemplates::bundled().unwrap();
    let options = PublishOptions {
        as_of: as_of(),
        workers: 1,
    };
    let result = redress::publish::publish(
        engine(),
        &html,
        &samples()[..1],
        dir.path(),
        options,
        &|_| {},
    );
    assert!(matches!(
        result,
        Err(redress::publish::SiteError::NotASite(_))
    ));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn the_site_pdfs_are_the_verified_publication_copies() {
    for record in records() {
        for doc in record["documents"].as_array().unwrap() {
            let on_site = std::fs::read(site().join(doc["pdf"].as_str().unwrap())).unwrap();
            let reference = record["case_reference"].as_str().unwrap();
            let (_, dir) = rendered()
                .iter()
                .find(|(c, _)| c.case.reference == reference)
                .unwrap();
            let file = Path::new(doc["pdf"].as_str().unwrap())
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let rendered = std::fs::read(dir.join(format!("{file}.redacted.pdf"))).unwrap();
            assert!(on_site == rendered, "{file} of {reference}");
        }
    }
}

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
    let feed = std::fs::read_to_string(site().join("feed.atom")).unwrap();
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "entry")
        .collect();
    assert_eq!(entries.len(), records().len(), "one feed entry per record");
    for entry in entries {
        let text: String = entry
            .descendants()
            .filter_map(|d| d.text())
            .collect::<Vec<_>>()
            .join(" ");
        let title = entry
            .children()
            .find(|c| c.tag_name().name() == "title")
            .and_then(|t| t.text())
            .unwrap();
        let record = records().into_iter().find(|r| r["title"] == title).unwrap();
        let reference = record["case_reference"].as_str().unwrap().to_string();
        for hit in ids_of(&reference).leaks(&redress::verify::normalise(&text)) {
            problems.push(format!("feed.atom {title}: {:?}", hit.category));
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

/// A sample's file, by its case reference.
fn sample(reference: &str) -> PathBuf {
    samples()
        .into_iter()
        .find(|p| load(p).case.reference == reference)
        .unwrap()
}

#[test]
fn reports_are_published_even_when_the_decision_is_withheld() {
    // S03 with its decision withheld: the s30 and s31 reports on the
    // Council are published all the same, on the Council's record alone.
    let dir = tempdir();
    let text = std::fs::read_to_string(sample("23 007 412")).unwrap();
    let withheld = text.replace(
        "[publication]\npublish = true",
        "[publication]\npublish = false\nexception = \"NOT_IN_INTERESTS.REQUEST\"",
    );
    assert_ne!(text, withheld);
    let path = dir.path().join("s03-withheld.toml");
    std::fs::write(&path, withheld).unwrap();
    let html = HtmlTemplates::bundled().unwrap();
    let (report, outcomes) =
        publish_into(&[path.clone()], &dir.path().join("site"), &html, as_of());
    assert_eq!(report.records, 1, "{outcomes:?}");
    let records: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("site/records.json")).unwrap())
            .unwrap();
    let record = &records[0];
    assert_eq!(record["reference"], "23 007 412");
    assert_eq!(record["publication"]["statement"], false);
    assert!(record["pdf"].is_null(), "no decision PDF");
    let kinds: Vec<&str> = record["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["report", "further_report"]);
    assert!(
        !dir.path()
            .join("site/documents/23-007-412/decision.html")
            .exists()
    );
    // Rendered, it has publication copies of the reports and their letters
    // only.
    let case = load(&path);
    let out = engine()
        .render_case(&case, &dir.path().join("out"), Default::default())
        .unwrap();
    let clean: Vec<&str> = out
        .documents
        .iter()
        .filter(|d| d.verification == redress::pipeline::Verification::Clean)
        .map(|d| d.file.as_str())
        .collect();
    assert!(clean.contains(&"report-council.redacted.pdf"), "{clean:?}");
    assert!(
        clean.contains(&"letter-s30-council.redacted.pdf"),
        "{clean:?}"
    );
    assert!(
        !clean
            .iter()
            .any(|f| f.starts_with("decision") || *f == "letter-complainant.redacted.pdf"),
        "{clean:?}"
    );
}

#[test]
fn the_command_line_keeps_going_and_reports_why() {
    let dir = tempdir();
    let cases = dir.path().join("cases");
    std::fs::create_dir(&cases).unwrap();
    std::fs::copy(sample("24 008 777"), cases.join("s10.toml")).unwrap();
    std::fs::copy(sample("24 010 563"), cases.join("s12.toml")).unwrap();
    std::fs::copy(
        crate::util::root().join("tests/fixtures/invalid/missing-field.toml"),
        cases.join("broken.toml"),
    )
    .unwrap();
    let site = dir.path().join("site");
    let run = |out: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_redress"))
            .args(["publish", "--as-of", "2030-01-01", "-o"])
            .arg(out)
            .arg(&cases)
            .output()
            .unwrap()
    };
    let output = run(&site);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("FAILED") && stderr.contains("broken.toml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("absent") && stderr.contains("NOT_IN_INTERESTS.IDENTIFIABLE"),
        "{stderr}"
    );
    assert!(site.join("decisions/24-008-777.html").is_file());
    // A folder redress did not write is never replaced: exit 2.
    let output = run(&cases);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a site"));
    assert!(cases.join("s10.toml").is_file());
    // A bad date is a usage error.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_redress"))
        .args(["publish", "--as-of", "2030-02-30", "-o"])
        .arg(&site)
        .arg(&cases)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
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
                        .is_some_and(|s| s.ends_with("filter.js")),
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

#[test]
fn a_body_held_back_on_its_own_has_no_record() {
    // S01 with the Trust's part found premature: the Council's record
    // carries the statement; the Trust has no record and no link.
    let dir = tempdir();
    let text = std::fs::read_to_string(sample("23 004 118")).unwrap();
    let held = text.replace(
        "[publication]\npublish = true",
        "[publication]\npublish = true\nper_body = { trust = \"premature\" }",
    );
    assert_ne!(text, held);
    let path = dir.path().join("s01-held.toml");
    std::fs::write(&path, held).unwrap();
    let html = HtmlTemplates::bundled().unwrap();
    let site = dir.path().join("site");
    let (report, outcomes) = publish_into(&[path], &site, &html, as_of());
    assert_eq!(report.records, 1, "{outcomes:?}");
    assert!(site.join("decisions/23-004-118.html").is_file());
    assert!(!site.join("decisions/23-004-118a.html").exists());
    let decision =
        std::fs::read_to_string(site.join("documents/23-004-118/decision.html")).unwrap();
    assert!(!decision.contains("23-004-118a.html"));
    let records: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("records.json")).unwrap()).unwrap();
    assert_eq!(records.as_array().unwrap().len(), 1);
    assert_eq!(records[0]["reference"], "23 004 118");
}
