//! The review sheet as publication staff use it: each changed sentence
//! paired with its own published sentence (by the anonymiser's offsets),
//! once, with the documents to be published that print it; every finding
//! with its rule; acceptance and sign-off in a review file beside the case
//! file (`redress review`), never in the case file; `--require-review`
//! holding a case until every finding is accepted and the review signed
//! off.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

use redress::anonymise;
use redress::case::Case;
use redress::pipeline::{CaseError, RenderOptions};
use serde_json::Value;

use crate::util::{
    engine, hazard, load, pdftotext, rendered, rendered_hazards, root, samples, tempdir,
};

fn review_json(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("review.json")).expect("review.json"))
        .expect("valid JSON")
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest.json"))
        .expect("valid JSON")
}

fn rows(review: &Value) -> &Vec<Value> {
    review["rows"].as_array().expect("rows")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every rendered case: the samples and the hazard fixtures.
fn every_case() -> Vec<(&'static Case, &'static Path)> {
    rendered()
        .iter()
        .map(|(c, d)| (c, d.as_path()))
        .chain(rendered_hazards().iter().map(|(c, d, _)| (c, d.as_path())))
        .collect()
}

/// The published sentence of a row is its original's: the original
/// sentence, found in its field, with each of the anonymiser's edits inside
/// it replaced by what the edit put in the redacted field (the log's own
/// offsets, not a search for words), is the published sentence.
#[test]
fn every_row_pairs_a_sentence_with_its_own_published_sentence() {
    let mut checked = 0;
    // The rendered cases' sheets, and the sheets (rows unplaced) of the
    // fixtures written against the anonymiser: names that are words in
    // every context, detectors' finds, generalised places.
    let adversarial: Vec<(Case, Value)> = ["adversarial.toml", "anon-bench.toml"]
        .iter()
        .map(|f| {
            let case = load(&root().join("tests/fixtures").join(f));
            let sheet = serde_json::to_value(engine().review(&case)).unwrap();
            (case, sheet)
        })
        .collect();
    let sheets = every_case()
        .into_iter()
        .map(|(case, dir)| (case, review_json(dir)))
        .chain(adversarial.iter().map(|(c, v)| (c, v.clone())));
    for (case, review) in sheets {
        let (_, ids) = engine().identifiers(case);
        let (anonymised, redactions) = anonymise::anonymise(case, &ids);
        let original: HashMap<String, String> = case.prose().into_iter().collect();
        let published: HashMap<String, String> = anonymised.case().prose().into_iter().collect();
        for row in rows(&review) {
            let sentence = row["original"].as_str().unwrap();
            let expected = row["published"].as_str().unwrap();
            let mut matched = false;
            for field in row["fields"].as_array().unwrap() {
                let field = field.as_str().unwrap();
                let text = &original[field];
                let redacted = &published[field];
                // The anonymiser's alignment: its replacements and rewrites.
                let aligned = anonymise::Aligned::of(&redactions, field);
                let mut edits: Vec<&anonymise::Edit> = aligned.edits().iter().collect();
                edits.sort_by_key(|e| e.original.start);
                for (at, _) in text.match_indices(sentence) {
                    let end = at + sentence.len();
                    // A sentence a rule left out whole ("Her NHS number is
                    // …") is published as nothing.
                    if edits.iter().any(|e| {
                        e.original.start <= at && end <= e.original.end && e.published.is_empty()
                    }) {
                        matched |= expected.is_empty();
                        continue;
                    }
                    let mut rebuilt = String::new();
                    let mut from = at;
                    for e in &edits {
                        if e.original.start < from || e.original.end > end {
                            continue;
                        }
                        rebuilt.push_str(&text[from..e.original.start]);
                        rebuilt.push_str(&redacted[e.published.clone()]);
                        from = e.original.end;
                    }
                    rebuilt.push_str(&text[from..end]);
                    matched |= collapse(&rebuilt) == expected;
                }
            }
            assert!(
                matched,
                "{}: the row's published sentence is not its original's:\n  {sentence}\n  {expected}",
                case.case.reference
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} rows checked");
}

/// Each sentence is one row however often the documents repeat it, every
/// changed sentence of every field is on the sheet (paragraphs included
/// that no document to be published prints), and the sheet lists only the
/// documents the publication decision puts on the website.
#[test]
fn every_changed_sentence_is_on_the_sheet_once_with_only_the_documents_to_be_published() {
    for (case, dir) in every_case() {
        let review = review_json(dir);
        let rows = rows(&review);
        let mut seen = HashSet::new();
        for row in rows {
            let key = (row["original"].to_string(), row["published"].to_string());
            assert!(
                seen.insert(key),
                "{}: repeated row {row}",
                case.case.reference
            );
        }
        let (_, ids) = engine().identifiers(case);
        let (_, redactions) = anonymise::anonymise(case, &ids);
        let original: HashMap<String, String> = case.prose().into_iter().collect();
        for e in &redactions.entries {
            let value = collapse(&original[&e.field][e.start..e.end]);
            let on_sheet = rows.iter().any(|r| {
                r["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f == &e.field)
                    && r["original"].as_str().unwrap().contains(&value)
            });
            assert!(
                on_sheet,
                "{}: a change in {} is on no row",
                case.case.reference, e.field
            );
        }
        let plans = redress::plan::plan(case, engine().templates().rules().plan_words());
        let decision = engine().publication(case, &plans);
        for doc in review["documents"].as_array().unwrap() {
            let file = doc["file"].as_str().unwrap();
            let stem = file.trim_end_matches(".redacted.pdf");
            let plan = plans.iter().find(|p| p.file == stem).expect("planned");
            assert!(
                !matches!(plan.kind, redress::plan::DocKind::Letter(_)),
                "{}: {file} is a letter, never published",
                case.case.reference
            );
            assert!(
                decision.document(stem).is_some_and(|d| d.on_website),
                "{}: {file} is not on the website",
                case.case.reference
            );
        }
        for row in rows {
            for place in row["places"].as_array().unwrap() {
                assert!(
                    review["documents"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|d| d["file"] == place["file"]),
                    "{}: {place} is in a document not to be published",
                    case.case.reference
                );
            }
        }
    }
}

/// A row whose published sentence a document to be published prints (as
/// poppler reads it, an extractor of its own) is placed in that document:
/// no changed paragraph is left off (S01's paragraphs 21 to 25 once were).
#[test]
fn every_row_a_published_document_prints_is_placed_in_it() {
    let mut placed = 0;
    for (case, dir) in every_case() {
        let review = review_json(dir);
        for doc in review["documents"].as_array().unwrap() {
            let file = doc["file"].as_str().unwrap();
            if !dir.join(file).exists() {
                continue;
            }
            let text = collapse(&pdftotext(&dir.join(file)));
            for row in rows(&review) {
                let published = row["published"].as_str().unwrap();
                if published.split_whitespace().count() < 4 || !text.contains(published) {
                    continue;
                }
                let places = row["places"].as_array().unwrap();
                assert!(
                    places.iter().any(|p| p["file"] == file),
                    "{}: {file} prints \"{published}\" and the row is not placed there",
                    case.case.reference
                );
                placed += 1;
            }
        }
    }
    assert!(placed > 300, "only {placed} rows found by poppler");
}

#[test]
fn a_placeholder_is_a_finding_shown_as_published_that_holds_its_copy() {
    let (_, dir, held) = rendered_hazards()
        .iter()
        .find(|(c, _, _)| c.case.reference == "23 004 118")
        .expect("the S01 hazard fixture rendered");
    let review = review_json(dir);
    let row = rows(&review)
        .iter()
        .find(|r| {
            r["changes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["kind"] == "finding" && c["category"] == "phone number")
        })
        .expect("a phone number printed as a placeholder is a finding");
    let published = row["published"].as_str().unwrap();
    assert!(published.contains("[phone number]"), "{published}");
    assert!(!row["original"].as_str().unwrap().contains("[phone number]"));
    let finding = review["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["printed"] == "[phone number]")
        .unwrap();
    assert_eq!(finding["acceptable"], false);
    assert_eq!(finding["rule"], "listed in the case file");
    assert!(held.iter().any(|h| h.file == "decision.redacted.pdf"));
    assert_eq!(review["held"][0]["file"], "decision.redacted.pdf");
}

/// Copies the sample S04 with one sentence that starts with "Hope" (a name
/// and a word, undecided): a finding that blocks publication until
/// accepted, and nothing else to decide.
fn undecided_case(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(root().join("samples/s04-send-physiotherapy.toml")).unwrap();
    let changed = text.replace(
        "From 19 September 2023 to 22 January 2024 Hope did not receive the physiotherapy in Section F of her plan.",
        "Hope did not receive the physiotherapy in Section F of her plan from 19 September 2023 to 22 January 2024.",
    );
    assert_ne!(
        changed, text,
        "the sample's sentence is as the test expects"
    );
    let path = dir.join("s04.toml");
    std::fs::write(&path, changed).unwrap();
    path
}

fn redress() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
    cmd.env_clear();
    cmd
}

/// `redress review` lists the findings, accepts them with who and when in
/// a review file beside the case file (never the case file), refuses a
/// sign-off while a finding is open, and every command reads the review
/// file: the held copy is written once its finding is accepted.
#[test]
fn review_accepts_and_signs_off_in_a_review_file_beside_the_case() {
    let dir = tempdir();
    let case_file = undecided_case(dir.path());
    let before = std::fs::read(&case_file).unwrap();
    let out_dir = tempdir();
    let out = out_dir.path().to_path_buf();
    let render = redress()
        .arg("render")
        .arg(&case_file)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&render.stderr);
    assert_eq!(render.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("held    "), "{stderr}");
    assert!(stderr.contains("decision.redacted.pdf"), "{stderr}");
    assert!(stderr.contains("s04.toml:"), "line and column: {stderr}");
    let case_dir = out.join("24-001-906");
    assert!(!case_dir.join("decision.redacted.pdf").exists());
    assert!(case_dir.join("decision.unredacted.pdf").exists());
    assert!(case_dir.join("review-sheet.pdf").exists());
    let review = review_json(&case_dir);
    let id = review["unreviewed"][0].as_str().unwrap().to_string();
    assert_eq!(review["findings"][0]["blocks"], true);

    let list = redress().arg("review").arg(&case_file).output().unwrap();
    let stdout = String::from_utf8_lossy(&list.stdout);
    assert!(
        stdout.contains(&id) && stdout.contains("NOT YET ACCEPTED"),
        "{stdout}"
    );

    let early = redress()
        .arg("review")
        .arg(&case_file)
        .args(["--sign-off", "Sam Okafor"])
        .output()
        .unwrap();
    assert_eq!(early.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&early.stderr).contains(&id));

    let unknown = redress()
        .arg("review")
        .arg(&case_file)
        .args(["--accept", "F00000000", "--by", "Sam Okafor"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains(&id));

    let accept = redress()
        .arg("review")
        .arg(&case_file)
        .args(["--accept", &id, "--by", "Sam Okafor", "--on", "2025-01-06"])
        .output()
        .unwrap();
    assert!(
        accept.status.success(),
        "{}",
        String::from_utf8_lossy(&accept.stderr)
    );
    let sign = redress()
        .arg("review")
        .arg(&case_file)
        .args(["--sign-off", "Sam Okafor", "--on", "2025-01-07"])
        .output()
        .unwrap();
    assert!(
        sign.status.success(),
        "{}",
        String::from_utf8_lossy(&sign.stderr)
    );
    assert_eq!(
        std::fs::read(&case_file).unwrap(),
        before,
        "the case file is not changed"
    );
    let record = std::fs::read_to_string(dir.path().join("s04.review.toml")).unwrap();
    assert!(record.contains(&format!("id = \"{id}\"")), "{record}");
    assert!(
        record.contains("by = \"Sam Okafor\"\non = 2025-01-06"),
        "{record}"
    );
    assert!(record.contains("[signed_off]"), "{record}");

    // Render and `--require-review` read the review file.
    let render = redress()
        .args(["render", "--require-review"])
        .arg(&case_file)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        render.status.success(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    assert!(case_dir.join("decision.redacted.pdf").exists());
    let review = review_json(&case_dir);
    assert_eq!(review["ready"], true);
    assert_eq!(review["findings"][0]["accepted_by"]["by"], "Sam Okafor");
    assert_eq!(review["signed_off"]["on"], "2025-01-07");

    // A folder of cases does not take the review file for a case file, and
    // the accepted finding is settled: no warning is left.
    let check = redress()
        .args(["check", "--deny", "warnings"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{stderr}");
    assert!(!stderr.contains("review.toml"), "{stderr}");

    // Withdrawing the acceptance withdraws the sign-off and holds the copy.
    let withdraw = redress()
        .arg("review")
        .arg(&case_file)
        .args(["--withdraw", &id])
        .output()
        .unwrap();
    assert!(withdraw.status.success());
    let render = redress()
        .arg("render")
        .arg(&case_file)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(render.status.code(), Some(1));
    assert!(!case_dir.join("decision.redacted.pdf").exists());
}

/// A placeholder cannot be accepted: only a change to the text releases
/// the copy that prints it.
#[test]
fn a_placeholder_cannot_be_accepted() {
    let dir = tempdir();
    let path = dir.path().join("s01.toml");
    std::fs::copy(hazard("s01-hospital-discharge"), &path).unwrap();
    let sheet = engine().review(&load(&path));
    let blank = sheet
        .findings
        .iter()
        .find(|f| f.printed == "[phone number]" && !f.acceptable)
        .expect("a placeholder finding");
    let out = redress()
        .arg("review")
        .arg(&path)
        .args(["--accept", &blank.id, "--by", "Sam Okafor"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot be accepted"), "{stderr}");
    assert!(!dir.path().join("s01.review.toml").exists());
}

/// A review file that cannot be trusted stops the case, placed.
#[test]
fn a_broken_review_file_is_an_error_with_its_place() {
    let dir = tempdir();
    let path = dir.path().join("s01.toml");
    std::fs::copy(&samples()[0], &path).unwrap();
    std::fs::write(
        dir.path().join("s01.review.toml"),
        "reference = \"23 004 118\"\n\n[[accepted]]\nid = \"Fd53d2422\"\nby = \"Sam\"\non = 2024-13-01\n",
    )
    .unwrap();
    let loaded = engine().load(&path).unwrap();
    assert!(loaded.case.is_none());
    let diag = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .expect("an error");
    assert!(diag.message.contains("s01.review.toml:6:"), "{diag:?}");
    std::fs::write(
        dir.path().join("s01.review.toml"),
        "reference = \"24 999 999\"\n",
    )
    .unwrap();
    let loaded = engine().load(&path).unwrap();
    assert!(loaded.case.is_none());
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.message.contains("24 999 999")),
        "{:?}",
        loaded.diagnostics
    );
}

#[test]
fn require_review_holds_a_case_until_every_finding_is_accepted_and_signed_off() {
    let dir = tempdir();
    let path = undecided_case(dir.path());
    let out = tempdir();
    let options = RenderOptions {
        require_review: true,
        ..RenderOptions::default()
    };
    let held = engine().render_case(&load(&path), out.path(), options);
    let Err(CaseError::Unreviewed { ids, signed_off }) = held else {
        panic!("not held: {held:?}");
    };
    assert!(!ids.is_empty() && !signed_off);
    let message = CaseError::Unreviewed {
        ids: ids.clone(),
        signed_off,
    }
    .to_string();
    assert!(
        message.contains("redress review") && message.contains("--sign-off"),
        "{message}"
    );
    let case_dir = out.path().join("24-001-906");
    assert!(!case_dir.join("decision.redacted.pdf").exists());
    assert!(case_dir.join("review-sheet.pdf").exists());

    // Accepted in the case file's own [review] table, but not signed off:
    // written by a plain render, still held by --require-review.
    let text = std::fs::read_to_string(&path).unwrap();
    let accepted = format!("{text}\n[review]\naccepted = [\"{}\"]\n", ids[0]);
    let case = redress::case::load_str("s04.toml", &accepted, engine().coverage())
        .case
        .expect("loads");
    let report = engine()
        .render_case(&case, out.path(), RenderOptions::default())
        .expect("renders");
    assert!(report.held.is_empty(), "{:?}", report.held);
    let held = engine().render_case(&case, out.path(), options);
    assert!(
        matches!(held, Err(CaseError::Unreviewed { ref ids, signed_off: false }) if ids.is_empty()),
        "{held:?}"
    );
    let signed = format!("{accepted}signed_off = {{ by = \"A Reviewer\", on = 2025-01-30 }}\n");
    let case = redress::case::load_str("s04.toml", &signed, engine().coverage())
        .case
        .expect("loads");
    let report = engine()
        .render_case(&case, out.path(), options)
        .expect("released");
    assert!(
        report
            .documents
            .iter()
            .any(|d| d.file == "decision.redacted.pdf")
    );
    let review = review_json(&report.dir);
    assert_eq!(review["ready"], true);
    assert_eq!(review["signed_off"]["by"], "A Reviewer");
}

/// The manifest lists what was written: no held copy, each preview as a
/// preview.
#[test]
fn the_manifest_lists_previews_as_previews_and_no_held_copy() {
    for (case, dir, held) in rendered_hazards() {
        let documents = manifest(dir)["documents"].as_array().unwrap().clone();
        for h in held {
            assert!(
                !documents.iter().any(|d| d["file"] == h.file.as_str()),
                "{}: {} is held and listed",
                case.case.reference,
                h.file
            );
            let preview = h.preview.as_ref().expect("--preview wrote one");
            let listed = documents
                .iter()
                .find(|d| d["file"] == preview.as_str())
                .expect("the preview is listed");
            assert_eq!(listed["verification"], "preview");
        }
    }
}
