//! Every sample: every document in both variants, the redacted ones clean by
//! two independent extractors, snapshots of their text, identical bytes on
//! every run.

use std::collections::BTreeMap;
use std::path::Path;

use redress::anonymise;
use redress::pipeline::{RenderOptions, Verification};
use redress::render::Variant;
use redress::verify;

use crate::util::{engine, load, pdftotext, samples, stem, tempdir};

#[test]
fn every_sample_renders_both_variants_and_no_redacted_file_leaks() {
    let mut problems = Vec::new();
    for path in samples() {
        let case = load(&path);
        let ids = anonymise::identifiers(&case);
        let out = tempdir();
        let report = engine()
            .render_case(&case, out.path(), RenderOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let plans = redress::plan::plan(&case);
        assert_eq!(
            report.documents.len(),
            plans.len() * 2 + 1,
            "{}: both variants of every document, and the review sheet",
            path.display()
        );
        for doc in report
            .documents
            .iter()
            .filter(|d| d.verification == Verification::Clean)
        {
            let file = report.dir.join(&doc.file);
            let bytes = std::fs::read(&file).expect("written");
            let by_lopdf = verify::verify(&bytes, &ids);
            if !by_lopdf.is_clean() {
                problems.push(format!(
                    "{}: lopdf: {}",
                    file.display(),
                    by_lopdf.describe()
                ));
            }
            let by_poppler = verify::normalise(&pdftotext(&file));
            for hit in ids.leaks(&by_poppler) {
                problems.push(format!(
                    "{}: pdftotext: {:?} at {:?}",
                    file.display(),
                    hit.category,
                    hit.range
                ));
            }
        }
        for (source, variant) in engine().sources(&case).expect("renders") {
            if variant == Variant::Redacted && !ids.leaks(&source.text).is_empty() {
                problems.push(format!("{}: leak in the Typst source", source.name));
            }
        }
        let labels = anonymise::labels(&case);
        assert_eq!(labels.len(), case.people.len());
        assert_manifest(
            &report.dir,
            &report
                .documents
                .iter()
                .map(|d| d.file.clone())
                .collect::<Vec<_>>(),
        );
        let _ = stem(&path);
    }
    assert!(problems.is_empty(), "leaks:\n{}", problems.join("\n"));
}

fn assert_manifest(dir: &Path, files: &[String]) {
    let manifest: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("manifest.json")).expect("manifest written"),
    )
    .expect("JSON");
    let listed: Vec<&str> = manifest["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(listed, files);
    for doc in manifest["documents"].as_array().unwrap() {
        let bytes = std::fs::read(dir.join(doc["file"].as_str().unwrap())).unwrap();
        assert_eq!(doc["sha256"], redress::pipeline::sha256_hex(&bytes));
    }
    assert!(dir.join("redactions.json").exists());
}

#[test]
fn the_anonymised_facts_hold_no_listed_identifier() {
    for path in samples() {
        let case = load(&path);
        let ids = anonymise::identifiers(&case);
        let (anonymised, redactions) = anonymise::anonymise(&case, &ids);
        let json = serde_json::to_string_pretty(anonymised.case()).expect("serialises");
        let leaks = ids.leaks(&json);
        let shown: Vec<&str> = leaks.iter().map(|h| &json[h.range.clone()]).collect();
        assert!(leaks.is_empty(), "{}: {shown:?}", path.display());
        assert!(
            !redactions.entries.is_empty(),
            "{}: nothing was redacted",
            path.display()
        );
        // The log holds categories, labels and offsets: no original value.
        let log = serde_json::to_string(&redactions).unwrap();
        assert!(
            ids.leaks(&log).is_empty(),
            "{}: the redaction log leaks",
            path.display()
        );
    }
}

#[test]
fn redacted_text_matches_the_snapshots() {
    for path in samples() {
        let case = load(&path);
        let out = tempdir();
        let report = engine()
            .render_case(&case, out.path(), RenderOptions::default())
            .expect("renders");
        for doc in report
            .documents
            .iter()
            .filter(|d| d.verification == Verification::Clean)
        {
            let bytes = std::fs::read(report.dir.join(&doc.file)).unwrap();
            let text = page_text(&bytes);
            let name = format!("{}__{}", stem(&path), doc.file.trim_end_matches(".pdf"));
            insta::assert_snapshot!(name, text);
        }
    }
}

/// Each page's lines as lopdf extracts them, trimmed, under a page header.
fn page_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("loads");
    let mut out = String::new();
    for (n, page) in doc.get_pages().keys().enumerate() {
        out.push_str(&format!("--- page {} ---\n", n + 1));
        let text = doc.extract_text(&[*page]).expect("extracts");
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let path = &samples()[0];
    let case = load(path);
    let (a, b) = (tempdir(), tempdir());
    let ra = engine()
        .render_case(&case, a.path(), RenderOptions::default())
        .unwrap();
    let rb = engine()
        .render_case(&case, b.path(), RenderOptions::default())
        .unwrap();
    let files = |dir: &Path| -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect()
    };
    let (fa, fb) = (files(&ra.dir), files(&rb.dir));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(bytes == &fb[name], "{name} differs between runs");
    }
}

#[test]
fn unredacted_copies_are_marked_and_hold_the_real_names() {
    let path = &samples()[0];
    let case = load(path);
    let out = tempdir();
    let report = engine()
        .render_case(&case, out.path(), RenderOptions::default())
        .unwrap();
    let complainant = case.complainant().unwrap();
    let family = complainant.name.split_whitespace().last().unwrap();
    for doc in report
        .documents
        .iter()
        .filter(|d| d.verification == Verification::NotForPublication)
    {
        let file = report.dir.join(&doc.file);
        let text = verify::normalise(&pdftotext(&file));
        assert!(text.contains("NOT FOR PUBLICATION"), "{}", doc.file);
        assert!(
            text.contains(family),
            "{}: the internal copy should name the complainant",
            doc.file
        );
        let info = metadata(&std::fs::read(&file).unwrap());
        assert!(info["Title"].starts_with("NOT FOR PUBLICATION"), "{info:?}");
    }
    for doc in report
        .documents
        .iter()
        .filter(|d| d.verification == Verification::Clean)
    {
        let info = metadata(&std::fs::read(report.dir.join(&doc.file)).unwrap());
        assert_eq!(
            info["Title"],
            format!("{} {}", doc.title, case.case.reference)
        );
        assert!(
            info["Author"].contains("Local Government and Social Care Ombudsman"),
            "{info:?}"
        );
        assert!(!info.contains_key("Producer"));
    }
}

/// The Info dictionary's text entries.
fn metadata(pdf: &[u8]) -> BTreeMap<String, String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let info_ref = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info_ref).unwrap();
    info.iter()
        .filter_map(|(k, v)| {
            let text = lopdf::decode_text_string(v).ok()?;
            Some((String::from_utf8_lossy(k).into_owned(), text))
        })
        .collect()
}

#[test]
fn the_fast_text_scanner_reads_what_lopdf_reads() {
    for path in samples() {
        let case = load(&path);
        for (source, variant) in engine().sources(&case).unwrap().into_iter().take(4) {
            let settings = redress::typeset::PdfSettings {
                date: case.case.decision_date,
                ident: "t".into(),
            };
            let pdf = engine()
                .typesetter()
                .typeset(&source, &settings)
                .unwrap()
                .pdf;
            let doc = lopdf::Document::load_mem(&pdf).unwrap();
            let ours = verify::page_texts(&doc).unwrap();
            let theirs: Vec<String> = doc
                .get_pages()
                .keys()
                .map(|&n| verify::normalise(&doc.extract_text(&[n]).unwrap()))
                .collect();
            assert_eq!(ours, theirs, "{} ({variant:?})", source.name);
        }
    }
}
