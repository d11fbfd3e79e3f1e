//! The anonymiser on ../shared/anon-bench: every listed span covered, no
//! listed value left, and the protected text (references, money, dates,
//! statutes, the public phone line) untouched.

use redress::anonymise::{self, anonymise_text};

use crate::util::{load, root, shared};

#[test]
fn every_listed_span_of_the_bench_is_covered() {
    let text = std::fs::read_to_string(shared("anon-bench/complaint.txt")).unwrap();
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shared("anon-bench/gold.json")).unwrap())
            .unwrap();
    let case = load(&root().join("tests/fixtures/anon-bench.toml"));
    let ids = anonymise::identifiers(&case);
    let (redacted, hits) = anonymise_text(&text, &ids);
    let byte = |char_offset: u64| {
        text.char_indices()
            .nth(char_offset as usize)
            .map_or(text.len(), |(b, _)| b)
    };
    let covered = |at: usize| hits.iter().any(|h| h.range.contains(&at));
    let mut missed = Vec::new();
    for span in gold["gold"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["listed"] == true)
    {
        let (start, end) = (
            byte(span["start"].as_u64().unwrap()),
            byte(span["end"].as_u64().unwrap()),
        );
        let all = text[start..end]
            .char_indices()
            .filter(|(_, c)| c.is_alphanumeric())
            .all(|(i, _)| covered(start + i));
        if !all {
            missed.push(span["text"].as_str().unwrap().to_string());
        }
        let value = span["text"].as_str().unwrap();
        assert!(
            !redacted.contains(value) || value.len() < 5,
            "`{value}` is still in the redacted text"
        );
    }
    assert!(missed.is_empty(), "listed spans not covered: {missed:?}");
    for negative in gold["negatives"].as_array().unwrap() {
        let value = negative["text"].as_str().unwrap();
        assert!(
            redacted.contains(value),
            "protected text `{value}` was changed"
        );
    }
}
