//! A refused document is explained so that it can be fixed: each leak's
//! page, paragraph, person and field, the published words around it with
//! the identifier masked, and the case-file line. The places are checked
//! against poppler's reading of the same PDF, not against redress's own.

use std::path::Path;
use std::process::Command;

use redress::pipeline::CaseError;
use redress::verify::{Kind, Place};
use regex::Regex;

use crate::util::{engine, pdftotext, rendered, root, tempdir};

const S01: &str = "23 004 118";

/// Every (page, paragraph) where `needle` is printed, by poppler: the
/// paragraph is the last number ("12.") before it, on its page or before.
fn places_of(pdf: &Path, needle: &str) -> Vec<(usize, Option<u32>)> {
    let number = Regex::new(r"^\s*(\d{1,3})\.(?:\s|$)").unwrap();
    let mut out = Vec::new();
    let mut paragraph = None;
    for (page, text) in pdftotext(pdf).split('\u{c}').enumerate() {
        for line in text.lines() {
            if let Some(c) = number.captures(line) {
                paragraph = c[1].parse().ok();
            }
            if line.contains(needle) {
                out.push((page + 1, paragraph));
            }
        }
    }
    out.dedup();
    out
}

/// The unredacted decision of S01 put through the publication check: it
/// names everyone, so it is refused, and every name is placed.
#[test]
fn each_name_in_a_refused_document_is_placed_by_page_paragraph_and_person() {
    let (case, dir) = rendered()
        .iter()
        .find(|(c, _)| c.case.reference == S01)
        .unwrap();
    let pdf = dir.join("decision.unredacted.pdf");
    let checks = engine().checks(case);
    let Err(CaseError::NotClean { refused, .. }) = checks.require_clean(
        case,
        "decision.unredacted.pdf",
        &std::fs::read(&pdf).unwrap(),
    ) else {
        panic!("the unredacted decision passed the publication check");
    };
    let listed: Vec<&str> = case
        .people
        .iter()
        .flat_map(|p| p.name.split([' ', '-']))
        .filter(|w| w.len() > 3)
        .collect();
    for (index, surname) in [(1, "O'Neill"), (2, "Pemberton"), (3, "Reyes")] {
        assert!(case.people[index].name.contains(surname));
        let truth = places_of(&pdf, surname);
        assert!(!truth.is_empty(), "{surname} is not in the decision");
        for (page, paragraph) in truth {
            let found = refused.iter().find(|r| {
                r.kind == Kind::Name
                    && r.place == Place::Page(page)
                    && r.paragraph == paragraph
                    && r.field
                        .as_deref()
                        .is_some_and(|f| f.starts_with(&format!("people[{index}]")))
            });
            let Some(found) = found else {
                let placed: Vec<String> = refused
                    .iter()
                    .map(|r| {
                        format!(
                            "{:?} {:?} {:?} {:?} {:?}",
                            r.place, r.paragraph, r.field, r.found_by, r.words
                        )
                    })
                    .collect();
                panic!(
                    "{surname} on page {page}, paragraph {paragraph:?} is not placed:\n{}",
                    placed.join("\n")
                );
            };
            assert_eq!(found.label.as_deref(), Some(checks.labels[index].as_str()));
            let words = found.words.as_deref().unwrap();
            assert!(words.contains('█'), "{words}");
            for name in &listed {
                assert!(!words.contains(name), "{name} shown in {words}");
            }
        }
    }
    // The words around a name are found in the prose that printed them.
    let recorded = refused
        .iter()
        .find_map(|r| {
            let (field, range) = r.source.as_ref()?;
            (field == "investigation.what_happened"
                && r.field
                    .as_deref()
                    .is_some_and(|f| f.starts_with("people[2]")))
            .then(|| case.investigation.what_happened[range.clone()].to_string())
        })
        .expect("a name placed in `investigation.what_happened`");
    assert!(
        case.investigation.what_happened.contains(&recorded),
        "{recorded}"
    );
}

/// The terminal message of a refused render: a name an office typed into a
/// template's wording is placed at its page and paragraph, the person's
/// line in the case file is given, and the fix points at the template.
#[test]
fn the_terminal_says_where_the_leak_is_and_how_to_fix_it() {
    let templates = tempdir();
    let words = std::fs::read_to_string(root().join("templates/words.j2")).unwrap();
    let edited = words.replace(
        "{% if doc.redacted %}The complainant, whom",
        "{% if doc.redacted %}The complainant, Deborah Tranter-Wilde, whom",
    );
    assert_ne!(edited, words);
    std::fs::write(templates.path().join("words.j2"), edited).unwrap();
    let out = tempdir();
    let sample = "samples/s01-hospital-discharge.toml";
    let output = Command::new(env!("CARGO_BIN_EXE_redress"))
        .current_dir(root())
        .args(["render", sample, "-o"])
        .arg(out.path())
        .arg("--templates")
        .arg(templates.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let name_line = std::fs::read_to_string(root().join(sample))
        .unwrap()
        .lines()
        .position(|l| l.contains("Deborah Tranter-Wilde"))
        .unwrap()
        + 1;
    let block = &stderr[stderr.find("FAILED").expect("a FAILED line")..];
    for expected in [
        "`decision.redacted.pdf` was not written",
        "= name on page 1, paragraph 1",
        "The complainant, ██",
        &format!("it is people[0].name, called Mrs X, at {sample}:{name_line}:"),
        "fix: in the prose (or a template given with --templates)",
    ] {
        assert!(block.contains(expected), "no {expected:?} in:\n{block}");
    }
    assert!(!block.contains("Tranter"), "{block}");
    assert!(
        std::fs::read_dir(out.path()).unwrap().next().is_none(),
        "a refused case writes nothing"
    );
}

/// The investigator and the signatories sign in their own names, even
/// where a party shares a word of them (the complainant Jordan Hallworth,
/// the investigator Jordan Whitlow); the party's name is still refused
/// everywhere else.
#[test]
fn the_office_signs_in_its_own_name_when_a_party_shares_part_of_it() {
    let path = root().join("tests/fixtures/newcomers/n03-missed-lunch-calls.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let signatory = &engine().templates().office().lgsco.signatory.name;
    let given = signatory.split_whitespace().next().unwrap();
    let text = text
        .replace(
            "investigator = { name = \"Sam Whitlow\"",
            "investigator = { name = \"Jordan Whitlow\"",
        )
        .replace("Dawn Rose", &format!("{given} Rose"));
    let case = redress::case::load_str("office.toml", &text, engine().coverage())
        .case
        .expect("valid");
    let dir = tempdir();
    engine()
        .render_case(&case, dir.path(), Default::default())
        .expect("the decision is written");
    let folder = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let decision = pdftotext(&folder.join("decision.redacted.pdf"));
    assert!(decision.contains("Jordan Whitlow"), "{decision}");
    assert!(!decision.contains("Hallworth"), "{decision}");
    let checks = engine().checks(&case);
    assert!(
        checks
            .text_leaks("Signed: Jordan Whitlow, Investigator")
            .is_empty()
    );
    assert!(
        checks
            .text_leaks(&format!("Signed: {signatory}"))
            .is_empty()
    );
    for leak in [
        "Jordan rang the Council.".to_string(),
        "Jordan Whitlow and Jordan Hallworth met.".into(),
        format!("{given} Rose rang the Council."),
    ] {
        assert!(checks.text_leaks(&leak).contains(&Kind::Name), "{leak}");
    }
}
