//! Prose from a case file, split into blocks: paragraphs are separated by a
//! blank line; lines starting `- ` are list items belonging to the paragraph
//! above them. Everything else is text, never markup.

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
            out.push(block);
        }
    }
    out
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
}
