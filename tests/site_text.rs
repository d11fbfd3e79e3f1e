//! Each published document's web page says what its PDF says. The two are
//! made by different templates (templates/html/*.html.j2 and
//! templates/*.typ.j2) from the same context and the same words
//! (templates/words.j2); this reads both as a member of the public would
//! and compares them paragraph by paragraph: every heading, paragraph,
//! list item, table cell and signature of the page, in order, with the
//! PDF's paragraph numbers and list letters, must be the PDF's text, and
//! nothing may be left over. Only the PDF's running headers and page
//! numbers, and the page's own links and navigation, are set aside.

use std::path::Path;

use redress::pipeline::Engine;
use redress::publish::{HtmlTemplates, PublishOptions};
use redress::render::{Templates, WORDS};

use crate::publish::{as_of, listing, sample, site};
use crate::util::tempdir;

/// A piece of a page's text and where it is, for the message.
struct Piece {
    at: String,
    text: String,
    /// In the body of a table: its header row, which the PDF repeats at
    /// the top of each page the table runs on to.
    head: Option<String>,
}

/// Text compared without whitespace: line breaks fall differently in a PDF
/// and a browser, and a PDF extractor splits lines where it likes.
fn squeeze(text: &str) -> String {
    redress::verify::normalise(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The PDF's text, page by page, without its running header ("Report",
/// "Reference: 23 007 412") and footer ("Page 2 of 8").
fn pdf_text(pdf: &[u8], reference: &str) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("loads");
    let header = format!("Reference: {reference}");
    let footer = regex::Regex::new(r"^Page \d+ of \d+$").unwrap();
    let mut out = String::new();
    for page in doc.get_pages().keys() {
        let text = doc.extract_text(&[*page]).expect("extracts");
        let mut lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.get(1) == Some(&header.as_str()) {
            lines.drain(..2);
        }
        if lines.last().is_some_and(|l| footer.is_match(l)) {
            lines.pop();
        }
        for line in lines {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// "a", "b", … "z", "aa": how the PDF letters a list.
fn letter(i: usize) -> String {
    let mut n = i;
    let mut out = String::new();
    loop {
        out.insert(0, (b'a' + (n % 26) as u8) as char);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out
}

/// The document's text on one page, in reading order: the title block on
/// the first page only, the chapter on every page; list items with the
/// number or letter the PDF prints before them.
fn page_pieces(html: &str, first: bool, out: &mut Vec<Piece>) {
    let doc = roxmltree::Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
    let main = doc
        .descendants()
        .find(|n| n.tag_name().name() == "main")
        .expect("a main element");
    walk(main, first, "the title block", None, out);
}

fn walk(
    node: roxmltree::Node<'_, '_>,
    first: bool,
    at: &str,
    head: Option<&str>,
    out: &mut Vec<Piece>,
) {
    let class = node.attribute("class").unwrap_or_default();
    let tag = node.tag_name().name();
    // The page's own furniture: links to the PDF and records, contents,
    // previous and next; on later pages, the repeated title block.
    if tag == "nav" || class == "doc-links" || (!first && class == "doc-header") {
        return;
    }
    let mut at = at.to_string();
    if tag == "li" {
        let parent = node.parent_element().unwrap();
        let marker = match parent.attribute("class") {
            Some("paras") => node.attribute("value").map(str::to_string),
            Some("letters") => {
                let index = parent
                    .children()
                    .filter(|c| c.tag_name().name() == "li")
                    .position(|c| c == node)
                    .unwrap();
                Some(letter(index))
            }
            _ => None,
        };
        if let Some(marker) = marker {
            if parent.attribute("class") == Some("paras") {
                at = format!("paragraph {marker}");
            }
            out.push(Piece {
                at: at.clone(),
                text: format!("{marker}."),
                head: head.map(str::to_string),
            });
        }
    } else if tag.len() == 2 && tag.starts_with('h') {
        at = format!("heading <{tag}>");
    } else if tag == "section" && class == "chapter" {
        at = format!(
            "chapter {}",
            node.attribute("aria-labelledby").unwrap_or_default()
        );
    } else if matches!(tag, "th" | "td") {
        at = format!("a table cell of {at}");
    }
    let table_head;
    let mut head = head;
    if tag == "tbody" {
        let thead = node
            .parent_element()
            .and_then(|t| t.children().find(|c| c.tag_name().name() == "thead"));
        table_head = thead.map(|h| {
            squeeze(
                &h.descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        });
        head = table_head.as_deref();
    }
    for child in node.children() {
        if child.is_text() {
            out.push(Piece {
                at: at.clone(),
                text: child.text().unwrap_or_default().to_string(),
                head: head.map(str::to_string),
            });
        } else if child.is_element() {
            walk(child, first, &at, head, out);
        }
    }
}

/// Each published document of a site: its PDF and its pages in order.
fn documents(site: &Path) -> Vec<(String, Vec<String>)> {
    let files = listing(site);
    let mut out = Vec::new();
    for pdf in files.keys().filter(|p| p.ends_with(".pdf")) {
        let stem = pdf.trim_end_matches(".pdf");
        let single = format!("{stem}.html");
        let mut pages: Vec<String> = if files.contains_key(&single) {
            vec![single]
        } else {
            files
                .keys()
                .filter(|p| p.starts_with(&format!("{stem}/chapter-")))
                .cloned()
                .collect()
        };
        pages.sort_by_key(|p| {
            p.rsplit("chapter-")
                .next()
                .and_then(|n| n.trim_end_matches(".html").parse::<u32>().ok())
                .unwrap_or(0)
        });
        assert!(!pages.is_empty(), "{pdf} has no HTML");
        out.push((pdf.clone(), pages));
    }
    out
}

#[test]
fn every_published_document_says_what_its_pdf_says() {
    let documents = documents(site());
    for kind in [
        "/decision.pdf",
        "/report-",
        "/further-report-",
        "/joint-report-",
        "/special-report-",
        "/adverse-findings-notice-",
    ] {
        assert!(
            documents.iter().any(|(pdf, _)| pdf.contains(kind)),
            "no published {kind}"
        );
    }
    let problems = differences(site(), &documents);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Where each document's pages and its PDF differ: nothing when they say
/// the same.
fn differences(site: &Path, documents: &[(String, Vec<String>)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (pdf, pages) in documents {
        let reference = Path::new(pdf)
            .parent()
            .and_then(|d| d.file_name())
            .unwrap()
            .to_string_lossy()
            .replace('-', " ");
        let printed = squeeze(&pdf_text(
            &std::fs::read(site.join(pdf)).unwrap(),
            &reference,
        ));
        let mut pieces = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            let html = std::fs::read_to_string(site.join(page)).unwrap();
            page_pieces(&html, i == 0, &mut pieces);
        }
        let mut rest = printed.as_str();
        let mut failed = false;
        for piece in &pieces {
            let text = squeeze(&piece.text);
            if let Some(after) = rest.strip_prefix(text.as_str()) {
                rest = after;
                continue;
            }
            // A table's header row, repeated where the table runs on to
            // a new page of the PDF.
            let repeated = piece
                .head
                .as_deref()
                .and_then(|h| rest.strip_prefix(h))
                .and_then(|after| after.strip_prefix(text.as_str()));
            if let Some(after) = repeated {
                rest = after;
                continue;
            }
            let done = printed.len() - rest.len();
            let before: String = printed[..done].chars().rev().take(60).collect();
            problems.push(format!(
                "{pdf}: {} of the web page says\n    `{}`\n  where the PDF, after `…{}`, says\n    `{}…`",
                piece.at,
                piece.text.trim(),
                before.chars().rev().collect::<String>(),
                rest.chars().take(120).collect::<String>()
            ));
            failed = true;
            break;
        }
        if !failed && !rest.is_empty() {
            problems.push(format!(
                "{pdf}: the PDF goes on where the web page stops: `{}…`",
                rest.chars().take(160).collect::<String>()
            ));
        }
    }
    problems
}

/// S03 published into `dir/site` with the templates and words in `dir`
/// overriding the bundled ones.
fn publish_s03_with_templates(dir: &Path) -> std::path::PathBuf {
    let engine = Engine::new(Templates::with_overrides(dir).unwrap().unwrap());
    let html = HtmlTemplates::with_overrides(dir).unwrap().unwrap();
    let site = dir.join("site");
    let report = redress::publish::publish(
        &engine,
        &html,
        &[sample("23 007 412")],
        &site,
        &PublishOptions::new(as_of()),
        &|_| {},
    )
    .unwrap();
    assert_eq!(report.failed, 0);
    site
}

/// An office that changes a sentence in the shared words changes it in the
/// PDF and on the web page at once (`--templates DIR` with a `words.j2`).
#[test]
fn a_sentence_changed_in_the_shared_words_changes_the_pdf_and_the_page() {
    let dir = tempdir();
    let words = WORDS.1.replace(
        "Organisations almost always do what we recommend.",
        "Organisations nearly always do what we recommend.",
    );
    assert_ne!(words, WORDS.1, "the sentence is in words.j2");
    std::fs::write(dir.path().join("words.j2"), words).unwrap();
    let site = publish_s03_with_templates(dir.path());
    let report = "documents/23-007-412/report-council";
    let page = std::fs::read_to_string(site.join(report).join("chapter-1.html")).unwrap();
    assert!(page.contains("Organisations nearly always do what we recommend."));
    let pdf = squeeze(&pdf_text(
        &std::fs::read(site.join(format!("{report}.pdf"))).unwrap(),
        "23 007 412",
    ));
    assert!(pdf.contains("Organisationsnearlyalwaysdowhatwerecommend."));
    let documents = documents(&site);
    assert!(documents.len() >= 3, "{documents:?}");
    let problems = differences(&site, &documents);
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The site's own words are the office's too (`--templates DIR` with a
/// `site.toml`): a filter's name and its listings' heading, the feed's
/// title and the glossary's headings change without a rebuild.
#[test]
fn an_office_changes_the_sites_own_words() {
    let dir = tempdir();
    let bundled = include_str!("../templates/html/site.toml");
    let words = bundled
        .replace("title = \"Year of decision\"", "title = \"Year decided\"")
        .replace(
            "heading = \"Decisions made in {label}\"",
            "heading = \"Decided in {label}\"",
        )
        .replace(
            "title = \"Ombudsman decisions and reports\"",
            "title = \"Decisions of the Ombudsmen\"",
        )
        .replace(
            "remedy_type = \"Types of remedy\"",
            "remedy_type = \"Kinds of remedy\"",
        );
    assert_eq!(words.matches("Kinds of remedy").count(), 1);
    std::fs::write(dir.path().join("site.toml"), words).unwrap();
    let site = publish_s03_with_templates(dir.path());
    let read = |path: &str| std::fs::read_to_string(site.join(path)).unwrap();
    let years = read("browse/year/index.html");
    assert!(years.contains("Year decided"), "{years}");
    let year = std::fs::read_dir(site.join("browse/year"))
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.path().is_dir())
        .expect("a listing of one year");
    let listing = std::fs::read_to_string(year.path().join("1.html")).unwrap();
    assert!(listing.contains("<h1>Decided in 20"), "{listing}");
    assert!(!listing.contains("Decisions made in"), "{listing}");
    assert!(read("feed.atom").contains("<title>Decisions of the Ombudsmen</title>"));
    let glossary = read("glossary.html");
    assert!(glossary.contains("Kinds of remedy"), "{glossary}");
    assert!(!glossary.contains("Types of remedy"), "{glossary}");
}

/// The decision statement a record page carries is the statement of the
/// decision's PDF, from its Summary to its last line.
#[test]
fn every_record_page_carries_the_statement_its_pdf_prints() {
    let mut checked = 0;
    for (path, bytes) in listing(site())
        .into_iter()
        .filter(|(p, _)| p.starts_with("decisions/"))
    {
        let html = String::from_utf8(bytes).unwrap();
        let doc = roxmltree::Document::parse_with_options(
            &html,
            roxmltree::ParsingOptions {
                allow_dtd: true,
                ..Default::default()
            },
        )
        .unwrap();
        let Some(statement) = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("statement"))
        else {
            continue;
        };
        let pdf = doc
            .descendants()
            .filter_map(|n| n.attribute("href"))
            .find(|h| h.ends_with("/decision.pdf"))
            .unwrap_or_else(|| panic!("{path}: a statement without its PDF"));
        let pdf = pdf.trim_start_matches("../");
        let reference = pdf.split('/').nth(1).unwrap().replace('-', " ");
        let printed = squeeze(&pdf_text(
            &std::fs::read(site().join(pdf)).unwrap(),
            &reference,
        ));
        let mut pieces = Vec::new();
        // The section's own heading is the record page's, not the PDF's.
        for child in statement
            .children()
            .filter(|c| c.is_element() && c.attribute("id") != Some("statement"))
        {
            walk(child, true, "the statement", None, &mut pieces);
        }
        let shown: String = pieces.iter().map(|p| squeeze(&p.text)).collect();
        assert!(
            shown.starts_with("Summary"),
            "{path}: the statement starts `{}`",
            shown.chars().take(60).collect::<String>()
        );
        assert!(
            printed.ends_with(&shown),
            "{path}: the statement is not the end of {pdf}:\n  page: `…{}`\n  PDF:  `…{}`",
            shown
                .chars()
                .rev()
                .take(160)
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>(),
            printed
                .chars()
                .rev()
                .take(160)
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
        );
        checked += 1;
    }
    assert!(checked >= 10, "{checked} record pages with a statement");
}
