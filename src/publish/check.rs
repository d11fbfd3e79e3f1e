//! Every page of the site is searched for the case's identifiers before it
//! is written, as every redacted PDF is: its text with the tags stripped
//! and the entities decoded, and every attribute value. A hit means the
//! page is not written. A page that cannot be parsed cannot be proven
//! clean, so it is not written either (fail closed).
//!
//! Pages are XHTML-serialised HTML and Atom, so one XML parser reads both.
//! Text is searched twice: as a browser would run it together (inline
//! elements joined, blocks apart) and with every text node on its own, so
//! that markup can neither join nor split a name out of sight.

use crate::pipeline::Checks;
use crate::verify::Kind;

/// Why a page was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{page}` was not written: {reason}")]
pub struct Refused {
    /// The page, relative to the site root.
    pub page: String,
    /// What was found (categories only, never values), or why the page
    /// could not be read.
    pub reason: String,
}

/// The text-level check: the listed identifiers of a case left in a text,
/// by both readings (the verifier's needles and the anonymiser's check),
/// as for every redacted PDF.
pub fn text_leaks(text: &str, checks: &Checks) -> Vec<Kind> {
    checks.text_leaks(text)
}

/// The text of one part of a page, and the key of that part (the case it
/// shows, for pages that list many cases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// `None` for the page itself, outside every keyed part.
    pub key: Option<String>,
    /// Everything a reader or a machine could read there.
    pub text: String,
}

/// Elements that do not break the flow of text.
const INLINE: [&str; 24] = [
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// The text of a page by region: the part inside an element for which
/// `key_of` gives a key belongs to that key, the rest to the page.
pub fn regions<F>(markup: &str, key_of: F) -> Result<Vec<Region>, String>
where
    F: Fn(roxmltree::Node<'_, '_>) -> Option<String>,
{
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(markup, options)
        .map_err(|e| format!("it cannot be parsed ({e}), so it cannot be proven clean"))?;
    let mut out: Vec<Region> = Vec::new();
    walk(doc.root(), None, &key_of, &mut out);
    Ok(out)
}

/// The text of a page that shows one case.
pub fn page_text(markup: &str) -> Result<String, String> {
    Ok(regions(markup, |_| None)?
        .into_iter()
        .map(|r| r.text)
        .collect::<Vec<_>>()
        .join("\n"))
}

fn region_mut<'a>(out: &'a mut Vec<Region>, key: Option<&str>) -> &'a mut Region {
    let at = match out.iter().position(|r| r.key.as_deref() == key) {
        Some(at) => at,
        None => {
            out.push(Region {
                key: key.map(str::to_string),
                text: String::new(),
            });
            out.len() - 1
        }
    };
    &mut out[at]
}

fn walk<F>(node: roxmltree::Node<'_, '_>, key: Option<&str>, key_of: &F, out: &mut Vec<Region>)
where
    F: Fn(roxmltree::Node<'_, '_>) -> Option<String>,
{
    let own = if node.is_element() {
        key_of(node)
    } else {
        None
    };
    let key = own.as_deref().or(key);
    if node.is_element() {
        let region = region_mut(out, key);
        for attribute in node.attributes() {
            region.text.push('\n');
            region.text.push_str(attribute.value());
            region.text.push('\n');
        }
        // The text as it reads, once: inline markup joined, blocks apart.
        if own.is_some() || node.parent().is_some_and(|p| p.is_root()) {
            let mut flow = String::new();
            read_flow(node, key_of, &mut flow);
            region.text.push_str(&flow);
        }
    } else if node.is_text() || node.is_comment() {
        // And every text node on its own.
        let region = region_mut(out, key);
        region.text.push('\n');
        region.text.push_str(node.text().unwrap_or_default());
        region.text.push('\n');
    }
    for child in node.children() {
        walk(child, key, key_of, out);
    }
}

/// The text under `node` as a browser lays it out, without the parts that
/// belong to another region.
fn read_flow<F>(node: roxmltree::Node<'_, '_>, key_of: &F, out: &mut String)
where
    F: Fn(roxmltree::Node<'_, '_>) -> Option<String>,
{
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
        } else if child.is_element() && key_of(child).is_none() {
            let block = !INLINE.contains(&child.tag_name().name());
            if block {
                out.push('\n');
            }
            read_flow(child, key_of, out);
            if block {
                out.push('\n');
            }
        }
    }
}

/// Refuses a page that shows one case if its text holds any of the case's
/// identifiers.
pub fn check_page(page: &str, markup: &str, checks: &Checks) -> Result<(), Refused> {
    let text = page_text(markup).map_err(|reason| Refused {
        page: page.to_string(),
        reason,
    })?;
    refuse_if_any(page, &text_leaks(&text, checks))
}

/// Refuses a page that lists many cases: each keyed part is searched with
/// the identifiers of the case (or the space-separated cases) its key
/// names, and the rest of the page (the template's words, and a filter
/// page's heading, which comes from the cases it lists) with those of each
/// case in `listed`.
pub fn check_shared<'a, F>(
    page: &str,
    markup: &str,
    key_of: F,
    checks_of: impl Fn(&str) -> Option<&'a Checks>,
    listed: &[&str],
) -> Result<(), Refused>
where
    F: Fn(roxmltree::Node<'_, '_>) -> Option<String>,
{
    let refused = |reason: String| Refused {
        page: page.to_string(),
        reason,
    };
    let mut found = Vec::new();
    for region in regions(markup, key_of).map_err(refused)? {
        let keys: Vec<&str> = match region.key.as_deref() {
            Some(keys) => keys.split_whitespace().collect(),
            None => listed.to_vec(),
        };
        for key in keys {
            let checks = checks_of(key)
                .ok_or_else(|| refused(format!("it lists `{key}`, which is not published")))?;
            found.extend(text_leaks(&region.text, checks));
        }
    }
    refuse_if_any(page, &found)
}

/// Refuses a text (a JSON record) holding any of the case's identifiers.
pub fn check_text(page: &str, text: &str, checks: &Checks) -> Result<(), Refused> {
    refuse_if_any(page, &text_leaks(text, checks))
}

fn refuse_if_any(page: &str, found: &[Kind]) -> Result<(), Refused> {
    if found.is_empty() {
        return Ok(());
    }
    let mut names: Vec<&str> = found.iter().map(|c| c.describe()).collect();
    names.sort_unstable();
    names.dedup();
    Err(Refused {
        page: page.to_string(),
        reason: format!("its text holds a listed identifier ({})", names.join(", ")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::tests_support::minimal_case;

    fn checks() -> Checks {
        let case = minimal_case();
        let labels = crate::anonymise::labels(&case);
        let office = case.case.office_names();
        Checks::new(
            &case,
            &labels,
            crate::anonymise::identifiers(&case),
            &office,
        )
    }

    #[test]
    fn names_split_or_joined_by_markup_are_found() {
        let checks = checks();
        for page in [
            "<html><body><p>Mrs <strong>Smith</strong> said</p></body></html>",
            "<html><body><p>Mrs Sm<span>ith</span> said</p></body></html>",
            "<html><body><p title=\"Jane Smith\">Mrs X</p></body></html>",
            "<html><body><p>Mrs &#x53;mith</p></body></html>",
            "<html><body><p>Mrs X</p><!-- Jane Smith --></body></html>",
            "<!DOCTYPE html><html><head><title>Jane Smith</title></head><body></body></html>",
        ] {
            assert!(check_page("p.html", page, &checks).is_err(), "{page}");
        }
        let clean = "<!DOCTYPE html><html lang=\"en-GB\"><body><p>Mrs X said the Council&#x27;s letter was late.</p></body></html>";
        assert_eq!(check_page("p.html", clean, &checks), Ok(()));
    }

    #[test]
    fn pages_that_cannot_be_read_are_refused() {
        let e = check_page("p.html", "<p>unclosed <b>tag</p>", &checks()).unwrap_err();
        assert!(e.reason.contains("cannot be proven clean"), "{e}");
        assert!(check_page("p.html", "<p>&nbsp;</p>", &checks()).is_err());
    }

    #[test]
    fn shared_pages_are_searched_part_by_part() {
        let checks = checks();
        let page = "<html><body><ul><li data-case=\"a\">Mrs X</li><li data-case=\"b\">Jane Smith</li></ul></body></html>";
        let key_of = |n: roxmltree::Node| n.attribute("data-case").map(str::to_string);
        let result = check_shared("index.html", page, key_of, |_| Some(&checks), &["a", "b"]);
        assert!(result.is_err());
        let unknown = check_shared("index.html", page, key_of, |_| None, &[]);
        assert!(unknown.unwrap_err().reason.contains("not published"));
    }
}
