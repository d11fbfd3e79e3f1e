//! The review sheet as publication staff use it: every publication document
//! covered, each item in place with its published sentence, findings with
//! ids, and `--require-review` holding a case until every finding is
//! accepted and the review signed off.

use std::path::Path;

use redress::anonymise;
use redress::pipeline::{CaseError, RenderOptions};
use serde_json::Value;

use crate::util::{engine, rendered, root, tempdir};

fn review_json(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("review.json")).expect("review.json"))
        .expect("valid JSON")
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest.json"))
        .expect("valid JSON")
}

#[test]
fn every_publication_document_is_on_the_sheet_with_its_items_in_place() {
    for (case, dir) in rendered() {
        let review = review_json(dir);
        let published: Vec<String> = manifest(dir)["documents"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["verification"] == "clean")
            .map(|d| d["file"].as_str().unwrap().to_string())
            .collect();
        let on_sheet: Vec<String> = review["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["file"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(on_sheet, published, "{}", case.case.reference);
        let ids = anonymise::identifiers(case);
        for doc in review["documents"].as_array().unwrap() {
            for item in doc["items"].as_array().unwrap() {
                assert!(item["page"].as_u64().unwrap() >= 1, "{item}");
                let published = item["published_sentence"].as_str().unwrap();
                assert!(!published.is_empty(), "{item}");
                // The published sentence is the publication copy's own text.
                assert!(
                    ids.leaks(published).is_empty(),
                    "{}: {published}",
                    case.case.reference
                );
                if item["kind"] == "finding" {
                    let id = item["id"].as_str().unwrap();
                    assert!(
                        review["findings"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|f| f["id"] == id),
                        "{id} is listed among the findings"
                    );
                }
            }
        }
        // The decision of a published final case has its replacements on
        // the sheet, with pages and paragraphs.
        let decision = review["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["file"] == "decision.redacted.pdf");
        if let Some(decision) = decision {
            let items = decision["items"].as_array().unwrap();
            assert!(!items.is_empty(), "{}", case.case.reference);
            assert!(
                items.iter().any(|i| i["paragraph"].is_u64()),
                "{}: no item placed in a numbered paragraph",
                case.case.reference
            );
        }
    }
}

#[test]
fn a_placeholder_in_published_prose_is_a_finding_shown_as_published() {
    // S01 with a phone number no rewrite rule can place (rules drop it after
    // "on", "from", "at", "by", or with a sentence of its own).
    let path = root().join("samples/s01-hospital-discharge.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "I spoke to her on 07700 900461.",
        "She gave 07700 900461 as her number.",
    );
    let loaded = redress::case::load_str("s01.toml", &text, engine().coverage());
    let case = loaded.case.expect("loads");
    let out = tempdir();
    let report = engine()
        .render_case(&case, out.path(), RenderOptions::default())
        .expect("renders");
    let review = review_json(&report.dir);
    let decision = review["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "decision.redacted.pdf")
        .unwrap();
    let phone = decision["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["kind"] == "finding"
                && i["category"] == "phone number"
                && i["original_sentence"]
                    .as_str()
                    .is_some_and(|s| s.contains("as her number"))
        })
        .expect("a phone number printed as a placeholder is a finding");
    let published = phone["published_sentence"].as_str().unwrap();
    assert!(published.contains("[phone number]"), "{published}");
    let original = phone["original_sentence"].as_str().unwrap();
    assert!(!original.contains("[phone number]"), "{original}");
}

#[test]
fn require_review_holds_a_case_until_every_finding_is_accepted_and_signed_off() {
    // S01 with its two findings (a neighbour nobody listed and his mobile)
    // not yet accepted.
    let path = root().join("samples/s01-hospital-discharge.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("accepted = [\"Fd53d2422\", \"Ff5adadae\"]", "accepted = []");
    let loaded = redress::case::load_str("s01.toml", &text, engine().coverage());
    let case = loaded.case.expect("loads");
    let out = tempdir();
    let options = RenderOptions {
        require_review: true,
        ..RenderOptions::default()
    };
    // Held: findings not accepted, no sign-off.
    let held = engine().render_case(&case, out.path(), options);
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
        message.contains("review.accepted") && message.contains("signed_off"),
        "{message}"
    );
    let dir = out.path().join("23-004-118");
    assert!(!dir.join("decision.redacted.pdf").exists());
    assert!(dir.join("review-sheet.pdf").exists());

    // Every finding accepted, but not signed off: still held.
    let all: Vec<String> = ids.clone();
    let accepted = format!(
        "accepted = [{}]",
        all.iter()
            .map(|i| format!("\"{i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let with_accepted = text.replace("accepted = []", &accepted);
    assert_ne!(
        with_accepted, text,
        "the sample's [review] section is as the test expects"
    );
    let loaded = redress::case::load_str("s01.toml", &with_accepted, engine().coverage());
    let case = loaded.case.expect("loads");
    let held = engine().render_case(&case, out.path(), options);
    assert!(
        matches!(held, Err(CaseError::Unreviewed { ref ids, signed_off: false }) if ids.is_empty()),
        "{held:?}"
    );

    // Signed off: written.
    let signed = with_accepted.replace(
        &accepted,
        &format!("{accepted}\nsigned_off = {{ by = \"A Reviewer\", on = 2024-01-30 }}"),
    );
    let loaded = redress::case::load_str("s01.toml", &signed, engine().coverage());
    let case = loaded.case.expect("loads");
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
