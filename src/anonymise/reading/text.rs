//! The words around a name, and where sentences start.

/// Whether a sentence starts at byte `at`: the start of the text, of a
/// line, after ". ", "! ", "? ", after a list marker, or after an opening
/// quote or bracket that does.
pub(crate) fn starts_sentence(text: &str, at: usize) -> bool {
    let head = text[..at].trim_end_matches([' ', '\t', '\u{a0}']);
    let Some(last) = head.chars().next_back() else {
        return true;
    };
    match last {
        '\n' | '\r' => true,
        '.' | '!' | '?' => head.len() < at || is_list_marker_line(head),
        '(' | '"' | '\u{201C}' | '\u{2018}' | '\'' | '[' => {
            starts_sentence(text, head.len() - last.len_utf8())
        }
        ')' => is_list_marker_line(head),
        '-' | '\u{2022}' | '*' => {
            let rest = head[..head.len() - last.len_utf8()].trim_end_matches([' ', '\t']);
            rest.is_empty() || rest.ends_with('\n')
        }
        _ => false,
    }
}

/// Whether `head` ends with a list marker that starts its line: "a)",
/// "(iv)", "12." or "1.".
fn is_list_marker_line(head: &str) -> bool {
    let line = head.rsplit('\n').next().unwrap_or(head).trim_start();
    let marker = line.trim_end_matches(['.', ')']).trim_start_matches('(');
    !marker.is_empty()
        && marker.len() <= 4
        && (marker.chars().all(|c| c.is_ascii_digit())
            || (marker.len() == 1 && marker.chars().all(|c| c.is_ascii_lowercase()))
            || marker.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// A word of the text near a name.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    /// The characters between this word and the name side of it: only
    /// spaces (glued) or punctuation too.
    gap: &'a str,
}

impl Word<'_> {
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    pub fn capitalised(&self) -> bool {
        self.text.starts_with(char::is_uppercase)
    }

    /// Nothing but spaces between this word (before the name) and the name.
    pub fn glued_after(&self) -> bool {
        self.gap.chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    /// Nothing but spaces between the name and this word (after it).
    pub fn glued_before(&self) -> bool {
        self.gap.chars().all(|c| c == ' ' || c == '\u{a0}') || matches!(self.text, "-" | "–")
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '.')
}

/// Up to `n` words before `at`, nearest first. Punctuation between words is
/// kept as the gap; a dash standing alone is a word ("May – June").
pub(super) fn words_before(text: &str, at: usize, n: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut end = at;
    while out.len() < n {
        let head = &text[..end];
        let trimmed = head.trim_end_matches(|c: char| !is_word_char(c) && !matches!(c, '–'));
        if trimmed.is_empty() || trimmed.ends_with('\n') {
            break;
        }
        let gap = &head[trimmed.len()..];
        if gap.contains('\n') {
            break;
        }
        let start = if trimmed.ends_with('–') {
            trimmed.len() - '–'.len_utf8()
        } else {
            trimmed.rfind(|c: char| !is_word_char(c)).map_or(0, |i| {
                i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
            })
        };
        let word = trimmed[start..].trim_end_matches('.');
        let word = if word.is_empty() {
            &trimmed[start..]
        } else {
            word
        };
        out.push(Word {
            text: word,
            start,
            gap,
        });
        end = start;
    }
    out
}

/// Up to `n` words after `at`, nearest first.
pub(super) fn words_after(text: &str, at: usize, n: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = at;
    while out.len() < n {
        let tail = &text[start..];
        let skipped = tail.len()
            - tail
                .trim_start_matches(|c: char| !is_word_char(c) && c != '–' && c != '-')
                .len();
        let gap = &tail[..skipped];
        if gap.contains('\n') || skipped == tail.len() {
            break;
        }
        let from = start + skipped;
        let rest = &text[from..];
        let len = if rest.starts_with(['–', '-']) {
            rest.chars().next().map_or(1, char::len_utf8)
        } else {
            rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
        };
        // A full stop ends the sentence, not the word ("in June.").
        let word = rest[..len].trim_end_matches('.');
        if word.is_empty() {
            break;
        }
        out.push(Word {
            text: word,
            start: from,
            gap,
        });
        start = from + len;
        if rest[..len].ends_with('.') && len > 1 {
            break;
        }
    }
    out
}
