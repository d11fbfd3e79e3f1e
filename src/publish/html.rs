//! The HTML templates of the site (`templates/html/`): minijinja with HTML
//! auto-escaping, so every value from a case is text, never markup. Pages
//! are written as XHTML-serialised HTML5 so that the leak check can read
//! them with an XML parser ([`super::check`]).
//!
//! A document's HTML is rendered from the same context as its publication
//! PDF ([`crate::render::Context`], from the anonymised case), by templates
//! that mirror the Typst ones section by section and say every sentence
//! through the same shared words (`templates/words.j2`, with the same
//! `cite`, `cite_of` and `words`: [`crate::render::WORDS`]). Numbered
//! paragraphs are numbered by the template, continuously across the
//! document, as in the PDF. Reports are split into chapters: a template wraps each chapter in
//! the `chapter` macro, a first pass collects their headings, and each
//! chapter is then rendered as a page of its own.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};

use super::terms::{self, Terms};
use super::words::{self, SiteWords};
use crate::render::{RenderError, WORDS};

/// A bundled HTML template or asset: its file name and text.
macro_rules! bundled {
    ($name:literal) => {
        ($name, include_str!(concat!("../../templates/html/", $name)))
    };
}

/// The bundled HTML templates, by file name.
pub const TEMPLATES: &[(&str, &str)] = &[
    bundled!("page.html.j2"),
    bundled!("macros.html.j2"),
    bundled!("site-macros.html.j2"),
    bundled!("index.html.j2"),
    bundled!("listing.html.j2"),
    bundled!("browse.html.j2"),
    bundled!("references.html.j2"),
    bundled!("search.html.j2"),
    bundled!("about.html.j2"),
    bundled!("glossary.html.j2"),
    bundled!("record.html.j2"),
    bundled!("document.html.j2"),
    bundled!("decision.html.j2"),
    bundled!("report.html.j2"),
    bundled!("further-report.html.j2"),
    bundled!("joint-report.html.j2"),
    bundled!("special-report.html.j2"),
    bundled!("notice.html.j2"),
    bundled!("terms.toml"),
    (words::FILE, words::BUNDLED),
];

/// The static files of the site, by path under `assets/`.
pub const ASSETS: &[(&str, &str)] = &[bundled!("site.css"), bundled!("search.js")];

/// The HTML template of a document, by its Typst template.
pub fn template_for(typst_template: &str) -> String {
    format!("html/{}", typst_template.replace(".typ.j2", ".html.j2"))
}

/// The HTML templates, loaded once.
pub struct HtmlTemplates {
    env: Environment<'static>,
    terms: Arc<Terms>,
    words: SiteWords,
    fingerprint: String,
}

impl HtmlTemplates {
    /// The bundled templates.
    pub fn bundled() -> Result<Self, RenderError> {
        Self::from_files(bundled_files().into_iter().collect())
    }

    /// The bundled templates, with any `*.html.j2` file in `dir` (or in
    /// `dir/html/`) replacing the bundled one of the same name; a
    /// `words.j2` there replaces the shared words (as it does for the PDFs),
    /// a `terms.toml` the site's words for codes, a `site.toml` its own
    /// headings and feed titles.
    pub fn with_overrides(dir: &Path) -> std::io::Result<Result<Self, RenderError>> {
        let mut files = bundled_files();
        for folder in [dir.to_path_buf(), dir.join("html")] {
            if folder.is_dir() {
                crate::render::read_overrides(&folder, &mut files, |name| {
                    name.ends_with(".html.j2")
                        || name == WORDS.0
                        || name == terms::FILE
                        || name == words::FILE
                })?;
            }
        }
        Ok(Self::from_files(files.into_iter().collect()))
    }

    fn from_files(files: Vec<(String, String)>) -> Result<Self, RenderError> {
        let fingerprint = crate::render::fingerprint(&files);
        let terms = match files.iter().find(|(n, _)| n == terms::FILE) {
            Some((_, text)) => Terms::parse(text)?,
            None => Terms::default(),
        };
        let terms = Arc::new(terms);
        // A set of files without the site's words (a test's) has the
        // bundled ones.
        let site_words = files
            .iter()
            .find(|(n, _)| n == words::FILE)
            .map_or(words::BUNDLED, |(_, text)| text.as_str());
        let words = SiteWords::parse(site_words, &terms::TABLES)?;
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_formatter(format_value);
        env.add_filter("slug", slug_filter);
        env.add_filter("long_date", long_date_filter);
        env.add_filter("money", money_filter);
        env.add_filter("first_upper", |s: String| {
            let mut chars = s.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        });
        let lookup = Arc::clone(&terms);
        env.add_function("term", move |table: String, code: String| {
            lookup.label(&table, &code)
        });
        crate::render::add_word_functions(&mut env);
        for (name, text) in files {
            if name == terms::FILE || name == words::FILE {
                continue;
            }
            // The shared words keep their name, so that both formats'
            // templates import "words.j2".
            let name = if name == WORDS.0 {
                name
            } else {
                format!("html/{name}")
            };
            env.add_template_owned(name.clone(), text)
                .map_err(|e| error(&name, &e))?;
        }
        Ok(Self {
            env,
            terms,
            words,
            fingerprint,
        })
    }

    /// The site's words for codes (`terms.toml`).
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// The site's own words (`site.toml`).
    pub fn words(&self) -> &SiteWords {
        &self.words
    }

    /// A digest of every template and word the pages are made from: a case
    /// made with other templates is made again.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// A decision statement as the body of another page (a record page,
    /// the live preview): headings from h3, no cover.
    pub fn decision_fragment(&self, context: &Value) -> Result<String, RenderError> {
        let context =
            minijinja::context! { standalone => false, lv => 1, root => "", ..context.clone() };
        self.render("html/decision.html.j2", &context)
    }

    /// Renders a template.
    pub fn render(&self, name: &str, context: &Value) -> Result<String, RenderError> {
        let template = self.env.get_template(name).map_err(|e| error(name, &e))?;
        template.render(context).map_err(|e| error(name, &e))
    }

    /// The chapter headings of a document rendered from `name` (empty for a
    /// document in one piece): what its `chapter` macro calls collect.
    pub fn chapters(&self, name: &str, context: &Value) -> Result<Vec<String>, RenderError> {
        let template = self.env.get_template(name).map_err(|e| error(name, &e))?;
        let captured = template
            .render_captured(context)
            .map_err(|e| error(name, &e))?;
        let Some(ns) = captured.state().lookup("ns") else {
            return Ok(Vec::new());
        };
        let titles = ns.get_attr("titles").unwrap_or_default();
        let Ok(iter) = titles.try_iter() else {
            return Ok(Vec::new());
        };
        Ok(iter.map(|t| t.to_string()).collect())
    }
}

/// The bundled HTML templates and the shared words, by file name.
fn bundled_files() -> BTreeMap<String, String> {
    TEMPLATES
        .iter()
        .chain(std::iter::once(&WORDS))
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

/// Like minijinja's HTML formatter, but printing a missing value is an
/// error rather than the word "none".
fn format_value(out: &mut Output<'_>, state: &State<'_, '_>, value: &Value) -> Result<(), Error> {
    if value.is_none() || value.is_undefined() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "the template printed a value that is missing",
        ));
    }
    minijinja::escape_formatter(out, state, value)
}

/// "Adult care services > Residential care" → `adult-care-services-residential-care`.
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn slug_filter(value: Value) -> String {
    slug(&value.to_string())
}

/// `2024-03-05` → "5 March 2024": the site's one way of writing a date.
fn long_date_filter(value: Value) -> Result<String, Error> {
    let text = value.to_string();
    crate::case::Date::parse_iso(&text)
        .map(|d| d.long())
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, format!("not a date: {e}")))
}

/// A sum in pounds (as records keep it) → "£1,140" or "£2,318.40".
fn money_filter(value: Value) -> Result<String, Error> {
    let pounds = f64::try_from(value)
        .map_err(|_| Error::new(ErrorKind::InvalidOperation, "not a sum of money"))?;
    crate::case::Money::from_pounds(pounds)
        .map(|m| m.to_string())
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e))
}

fn error(template: &str, e: &Error) -> RenderError {
    let mut message = e.kind().to_string();
    if let Some(detail) = e.detail() {
        message = format!("{message}: {detail}");
    }
    RenderError {
        template: e.name().unwrap_or(template).to_string(),
        line: e.line(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain() {
        assert_eq!(
            slug("Adult care services > Residential care"),
            "adult-care-services-residential-care"
        );
        assert_eq!(slug("23 004 118a"), "23-004-118a");
        assert_eq!(slug("Children's care services"), "children-s-care-services");
        assert_eq!(slug("Wiśniewska Care Ltd."), "wisniewska-care-ltd");
    }

    #[test]
    fn case_text_is_escaped_and_missing_values_are_errors() {
        let t =
            HtmlTemplates::from_files(vec![("t.html.j2".into(), "<p>{{ x }}</p>".into())]).unwrap();
        assert_eq!(t.fingerprint().len(), 64);
        let html = t
            .render(
                "html/t.html.j2",
                &minijinja::context! { x => "<script>&\"'" },
            )
            .unwrap();
        assert_eq!(html, "<p>&lt;script&gt;&amp;&quot;&#x27;</p>");
        assert!(
            t.render("html/t.html.j2", &minijinja::context! { x => () })
                .is_err()
        );
    }
}
