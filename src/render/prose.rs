//! Prose from a case file, split into blocks: paragraphs are separated by a
//! blank line; lines starting `- ` are list items belonging to the paragraph
//! above them. Everything else is text, never markup.
//!
//! Sums of money are written in the offices' style on the way ("£1,500",
//! never "£1,500.00" or "£1500"), and a list never ends on a dangling
//! "; and".

use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Serialize;

/// A paragraph with the list that follows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// The paragraph's text (may be empty when a list starts the block).
    pub text: String,
    /// The list items that follow it.
    pub items: Vec<String>,
}

/// Splits prose into blocks.
pub fn blocks(prose: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for chunk in prose.replace("\r\n", "\n").split("\n\n") {
        let mut block = Block {
            text: String::new(),
            items: Vec::new(),
        };
        for line in chunk.lines().map(str::trim) {
            if line.is_empty() {
                continue;
            }
            if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
                block.items.push(item.trim().to_string());
            } else if let Some(last) = block.items.last_mut() {
                last.push(' ');
                last.push_str(line);
            } else {
                if !block.text.is_empty() {
                    block.text.push(' ');
                }
                block.text.push_str(line);
            }
        }
        if !block.text.is_empty() || !block.items.is_empty() {
            block.text = money(&block.text);
            for item in &mut block.items {
                *item = money(item);
            }
            if let Some(last) = block.items.last_mut() {
                *last = close_list(last);
            }
            out.push(block);
        }
    }
    out
}

/// "£1,500.00" → "£1,500", "£1500" → "£1,500"; pence are kept when there
/// are any ("£14,236.50").
pub(crate) fn money(text: &str) -> String {
    static SUM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"£(\d{1,3}(?:,\d{3})+|\d+)(\.\d{2})?\b").expect("a valid pattern")
    });
    SUM.replace_all(text, |c: &Captures<'_>| {
        let pounds: String = c[1].chars().filter(char::is_ascii_digit).collect();
        let pence = c
            .get(2)
            .map(|p| p.as_str()[1..].parse::<u64>().unwrap_or(0))
            .unwrap_or(0);
        match pounds.parse::<u64>() {
            Ok(p) if pounds.len() < 16 => crate::case::Money((p * 100 + pence) as i64).to_string(),
            _ => c[0].to_string(),
        }
    })
    .into_owned()
}

/// The last item of a list ends the list: "…; and" or "…," with nothing
/// after it become "…".
pub(crate) fn close_list(item: &str) -> String {
    let trimmed = item.trim_end();
    for dangling in ["; and", ", and", " and", ";", ","] {
        if let Some(rest) = trimmed.strip_suffix(dangling) {
            return format!("{}.", rest.trim_end());
        }
    }
    trimmed.to_string()
}

/// A list's items punctuated as one sentence, the offices' way: each ends
/// with ";", the last but one with "; and", the last with ".". Whatever
/// punctuation the case file gave each item is replaced.
pub(crate) fn punctuate_list(items: &[String]) -> Vec<String> {
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut bare = item.trim_end();
            loop {
                let before = bare;
                for tail in ["; and", ", and", ";", ",", "."] {
                    if let Some(rest) = bare.strip_suffix(tail) {
                        bare = rest.trim_end();
                    }
                }
                if bare == before {
                    break;
                }
            }
            let end = if i + 1 == n {
                "."
            } else if i + 2 == n {
                "; and"
            } else {
                ";"
            };
            // An item ending in "?" or "!" keeps its mark.
            if bare.ends_with(['?', '!']) {
                bare.to_string()
            } else {
                format!("{bare}{end}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lists() {
        let prose = "First line\ncontinues.\n\nShe said:\n- one\n- two\n  wraps\n\n\n- alone";
        let b = blocks(prose);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].text, "First line continues.");
        assert_eq!(b[1].items, ["one", "two wraps"]);
        assert_eq!(b[2].text, "");
        assert_eq!(b[2].items, ["alone"]);
        assert!(blocks("  \n\n ").is_empty());
    }

    #[test]
    fn money_in_the_offices_style() {
        assert_eq!(money("paid £1,500.00 and £1500"), "paid £1,500 and £1,500");
        assert_eq!(money("£14,236.50 and £650"), "£14,236.50 and £650");
        assert_eq!(money("£3,150.00."), "£3,150.");
    }

    #[test]
    fn lists_never_dangle() {
        let b = blocks("She asked:\n- for an apology;\n- for a refund; and");
        assert_eq!(b[0].items, ["for an apology;", "for a refund."]);
        assert_eq!(
            punctuate_list(&["one; and".into(), "two;".into(), "three".into()]),
            ["one;", "two; and", "three."]
        );
        assert_eq!(punctuate_list(&["only; and".into()]), ["only."]);
    }
}
