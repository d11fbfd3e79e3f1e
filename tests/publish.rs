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
        let absent = o
            .result
            .as_ref()
            .ok()
            .and_then(|p| p.why_absent().map(str::to_string));
        let error = o.result.as_ref().err().map(|e| e.to_string());
        outcomes
            .lock()
            .unwrap()
            .push((o.path.clone(), error.is_none(), error.or(absent)));
    };
    let options = options(as_of);
    let report = redress::publish::publish(engine(), html, paths, site, &options, &done)
        .expect("the site is written");
    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort();
    (report, outcomes)
}

/// How the tests publish: two workers, five cases a listing page (so
/// that the samples' listings have several pages), three feed entries a
/// feed page.
pub fn options(as_of: Date) -> PublishOptions {
    PublishOptions {
        workers: 2,
        page_size: 5,
        feed_page_size: 3,
        base_url: "https://decisions.example.org/".into(),
        ..PublishOptions::new(as_of)
    }
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

pub fn records() -> Vec<serde_json::Value> {
    records_of(site())
}

/// The records of a site's records.json.
pub fn records_of(site: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(site.join("records.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["records"]
        .as_array()
        .unwrap()
        .clone()
}

/// A record's path on the site, from its absolute URL in records.json.
pub fn on_site(url: &serde_json::Value) -> String {
    url.as_str()
        .unwrap()
        .strip_prefix("https://decisions.example.org/")
        .unwrap()
        .to_string()
}

pub fn published(case: &Case) -> bool {
    case.publication.publish && case.case.stage == Stage::Final
}

/// Every file of a folder, by path relative to it.
pub fn listing(dir: &Path) -> BTreeMap<String, Vec<u8>> {
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

pub fn html_pages() -> Vec<(String, String)> {
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
            assert_eq!(
                record["outcome"]["website"],
                decision.code(),
                "{}",
                body.reference
            );
            // A landlord's record gives the Housing Ombudsman's own term.
            // (its documents show the same: one outcome for both.)
            let outcome = redress::case::BodyOutcome::of(&case, body);
            assert_eq!(record["decision"], outcome.label(), "{}", body.reference);
            // A body named after a person is published by its other name.
            let name = body.published_name.as_ref().unwrap_or(&body.name);
            assert_eq!(record["title"], format!("{name} ({})", body.reference));
            assert_eq!(record["publish"], true);
            assert_eq!(
                record["decision_date_display"],
                case.case.decision_date.long()
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
            let page = site().join(on_site(&record["html"]));
            assert!(page.is_file(), "{}", page.display());
            match record["pdf"].as_str() {
                Some(_) => {
                    let pdf = site().join(on_site(&record["pdf"]));
                    assert!(pdf.is_file(), "{}", pdf.display());
                }
                // A council that had not agreed has no statement of reasons:
                // its record carries its report.
                None => assert!(
                    !record["documents"].as_array().unwrap().is_empty(),
                    "{}: neither a statement nor a report",
                    body.reference
                ),
            }
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
        redress::plan::plan(case, engine().templates().rules().plan_words()).len() + 1,
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
    let paths = [path];
    let html = HtmlTemplates::bundled().unwrap();
    let before = decided.plus_days(6 * 7 - 1);
    let dir = tempdir();
    let (report, outcomes) = publish_into(&paths, &dir.path().join("a"), &html, before);
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
    let (report, _) = publish_into(&paths, &dir.path().join("b"), &html, before.plus_days(1));
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
    let result = redress::publish::publish(
        engine(),
        &html,
        &samples()[..1],
        dir.path(),
        &options(as_of()),
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
            let path = on_site(&doc["pdf"]);
            let published = std::fs::read(site().join(&path)).unwrap();
            let reference = record["case_reference"].as_str().unwrap();
            let (_, dir) = rendered()
                .iter()
                .find(|(c, _)| c.case.reference == reference)
                .unwrap();
            let file = Path::new(&path)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let rendered = std::fs::read(dir.join(format!("{file}.redacted.pdf"))).unwrap();
            assert!(published == rendered, "{file} of {reference}");
        }
    }
}

/// A sample's file, by its case reference.
pub fn sample(reference: &str) -> PathBuf {
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
    let paths = std::slice::from_ref(&path);
    let (report, outcomes) = publish_into(paths, &dir.path().join("site"), &html, as_of());
    assert_eq!(report.records, 1, "{outcomes:?}");
    let records = records_of(&dir.path().join("site"));
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
    // Rendered, it has publication copies of the reports only (letters are
    // never published).
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
    assert!(!clean.iter().any(|f| f.starts_with("letter-")), "{clean:?}");
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
    let records = records_of(&site);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["reference"], "23 004 118");
}

/// `publish` leaves off a case with a finding nobody accepted, and one
/// whose pages would print a placeholder, saying which finding and why; the
/// other cases are published. Once the finding is accepted (in the review
/// file beside the case file), the case is published.
#[test]
fn a_case_with_open_findings_or_placeholders_is_left_off_the_site() {
    let dir = tempdir();
    let text =
        std::fs::read_to_string(crate::util::root().join("samples/s04-send-physiotherapy.toml"))
            .unwrap();
    let undecided = text.replace(
        "From 19 September 2023 to 22 January 2024 Hope did not receive the physiotherapy in Section F of her plan.",
        "Hope did not receive the physiotherapy in Section F of her plan from 19 September 2023 to 22 January 2024.",
    );
    assert_ne!(undecided, text);
    let s04 = dir.path().join("s04.toml");
    std::fs::write(&s04, &undecided).unwrap();
    let s01 = crate::util::hazard("s01-hospital-discharge");
    let s10 = sample("24 008 777");
    let html = HtmlTemplates::bundled().unwrap();
    let site = dir.path().join("site");
    let (report, outcomes) = publish_into(&[s01.clone(), s04.clone(), s10], &site, &html, as_of());
    assert_eq!(report.failed, 2, "{outcomes:#?}");
    let why = |path: &Path| {
        outcomes
            .iter()
            .find(|(p, _, _)| p == path)
            .and_then(|(_, _, why)| why.clone())
            .unwrap()
    };
    let id = engine().review(&load(&s04)).unreviewed[0].clone();
    let s04_why = why(&s04);
    assert!(
        s04_why.contains("not yet accepted") && s04_why.contains(&id),
        "{s04_why}"
    );
    assert!(s04_why.contains("findings[0].text"), "{s04_why}");
    assert!(why(&s01).contains("[phone number]") || why(&s01).contains("phone number"));
    let records = std::fs::read_to_string(site.join("records.json")).unwrap();
    assert!(!records.contains("24 001 906"), "{records}");
    assert!(!records.contains("23 004 118"), "{records}");
    assert!(records.contains("24 008 777"), "{records}");

    // A blank typed into the summary would be on the record's card, in
    // records.json and in the feed: the case is left off, saying where.
    let s10 = std::fs::read_to_string(sample("24 008 777")).unwrap();
    let typed = s10.replacen(
        "summary = \"\"\"\n",
        "summary = \"\"\"\nA [name] complained. ",
        1,
    );
    assert_ne!(typed, s10);
    let blank = dir.path().join("s10.toml");
    std::fs::write(&blank, typed).unwrap();
    let (report, outcomes) = publish_into(&[blank], &dir.path().join("site2"), &html, as_of());
    assert_eq!(report.failed, 1);
    let why = outcomes[0].2.clone().unwrap();
    assert!(why.contains("would print [name]"), "{why}");

    std::fs::write(
        dir.path().join("s04.review.toml"),
        format!(
            "reference = \"24 001 906\"\n\n[[accepted]]\nid = \"{id}\"\nby = \"Sam Okafor\"\non = 2025-01-06\n"
        ),
    )
    .unwrap();
    let (report, outcomes) = publish_into(&[s04], &site, &html, as_of());
    assert_eq!(report.failed, 0, "{outcomes:#?}");
    let records = std::fs::read_to_string(site.join("records.json")).unwrap();
    assert!(records.contains("24 001 906"));
}
