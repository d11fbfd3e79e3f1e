//! One case on the site: what of it is published on a given day, and its
//! files, made and checked in memory: each published document's verified
//! PDF and its HTML (a page, or a page per chapter), and each body's record
//! with its page. Nothing is returned unless every page is clean.

use minijinja::Value;
use serde::Serialize;

use super::check::{self, Refused};
use super::decision::PublicationDecision;
use super::html::{self, HtmlTemplates};
use super::record::{self, ChapterLink, DocumentLink, Record};
use crate::case::{Case, Date};
use crate::pipeline::{CaseError, Checks, Engine, Prepared, case_dir_name};
use crate::plan::{DocKind, DocumentPlan};
use crate::render::RenderError;

/// A file of the site: its path under the site root and its bytes.
#[derive(Debug, Clone)]
pub struct SiteFile {
    /// `documents/23-004-118/decision.pdf`.
    pub path: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// What one case puts on the site on a given day.
#[derive(Debug)]
pub struct CaseSite {
    /// The case's folder name: `23-004-118`.
    pub dir: String,
    /// The publication decision.
    pub decision: PublicationDecision,
    /// The records published, one per body shown.
    pub records: Vec<Record>,
    /// Every file, checked.
    pub files: Vec<SiteFile>,
    /// How many documents are published.
    pub documents: usize,
    /// The case's compiled identifiers (for the shared pages' checks).
    pub checks: Option<Checks>,
}

/// Why a case could not be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// Rendering, typesetting or verifying a PDF failed.
    #[error(transparent)]
    Case(#[from] CaseError),
    /// An HTML template failed.
    #[error("{0}")]
    Html(#[from] RenderError),
    /// A page held a listed identifier, or could not be read.
    #[error(transparent)]
    Refused(#[from] Refused),
}

/// What every page is told about the site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteInfo {
    /// The day the site shows: "12 March 2025".
    pub as_of: String,
}

/// Site paths of a case's files.
pub fn record_path(reference: &str) -> String {
    format!("decisions/{}.html", html::slug(reference))
}

fn document_dir(dir: &str) -> String {
    format!("documents/{dir}")
}

/// "../../" for a page `depth` folders down.
fn root_for(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Makes everything a case puts on the site on `as_of`.
pub fn make(
    engine: &Engine,
    html: &HtmlTemplates,
    case: &Case,
    as_of: Date,
) -> Result<CaseSite, PublishError> {
    let prepared = engine.prepare(case);
    let plans = &prepared.plans;
    let decision = prepared.publication.clone();
    let dir = case_dir_name(&case.case.reference);
    let shown: Vec<&DocumentPlan> = plans
        .iter()
        .filter(|p| decision.on_website(&p.file, as_of))
        .collect();
    let statement = shown.iter().find(|p| p.kind == DocKind::Decision).copied();
    let bodies: Vec<&crate::case::Body> = case
        .bodies
        .iter()
        .filter(|b| decision.body(&b.id).is_some_and(|d| d.publish))
        .filter(|b| {
            statement.is_some()
                || shown
                    .iter()
                    .any(|p| p.about.as_deref() == Some(b.id.as_str()))
        })
        .collect();
    let mut site = CaseSite {
        dir: dir.clone(),
        decision,
        records: Vec::new(),
        files: Vec::new(),
        documents: 0,
        checks: None,
    };
    if bodies.is_empty() {
        return Ok(site);
    }
    let checks = &prepared.checks;
    let anonymised = &prepared.anonymised;
    let info = SiteInfo {
        as_of: as_of.long(),
    };
    let mut links: Vec<(&DocumentPlan, DocumentLink)> = Vec::new();
    for plan in &shown {
        let carries = |b: &crate::case::Body| match plan.kind {
            DocKind::Decision => record::statement_on_record(case, &site.decision, &b.id),
            _ => plan.about.as_deref() == Some(b.id.as_str()),
        };
        let record_links: Vec<RecordLink> = bodies
            .iter()
            .filter(|b| carries(b))
            .map(|b| RecordLink {
                title: format!("{} ({})", b.name, b.reference),
                path: record_path(&b.reference),
            })
            .collect();
        let (link, files) = document(
            engine,
            html,
            &prepared,
            plan,
            &dir,
            &record_links,
            &info,
            site.decision
                .document(&plan.file)
                .and_then(|d| d.earliest_publication_date),
        )?;
        site.files.extend(files);
        links.push((plan, link));
    }
    site.documents = links.len();
    let statement_context = statement
        .map(|p| engine.templates().redacted_context(anonymised, p))
        .map(|c| Value::from_serialize(&c));
    for body in bodies {
        let statement = record::statement_on_record(case, &site.decision, &body.id);
        let own: Vec<DocumentLink> = links
            .iter()
            .filter(|(p, _)| match p.kind {
                DocKind::Decision => statement,
                _ => p.about.as_deref() == Some(body.id.as_str()),
            })
            .map(|(_, l)| l.clone())
            .collect();
        let path = record_path(&body.reference);
        let record = record::build(anonymised, body, plans, &site.decision, path.clone(), own);
        let json = serde_json::to_string_pretty(&record).expect("records serialise");
        check::check_text("records.json", &json, checks)?;
        let context = statement_context.as_ref().filter(|_| statement);
        let page = record_page(html, &record, context, &path, &info)?;
        check::check_page(&path, &page, checks)?;
        site.files.push(SiteFile {
            path,
            bytes: page.into_bytes(),
        });
        site.records.push(record);
    }
    site.checks = Some(prepared.checks);
    Ok(site)
}

/// A link from a document to a record that carries it.
#[derive(Debug, Clone, Serialize)]
struct RecordLink {
    title: String,
    #[serde(skip)]
    path: String,
}

#[derive(Debug, Clone, Serialize)]
struct PageLinks {
    pdf: String,
    first: String,
    records: Vec<Href>,
    chapters: Vec<Href>,
    /// What a chapter's file name starts with: `chapter-`.
    chapter_base: &'static str,
}

#[derive(Debug, Clone, Serialize)]
struct Href {
    title: String,
    href: String,
}

/// The verified PDF and the HTML pages of one published document.
#[allow(clippy::too_many_arguments)]
fn document(
    engine: &Engine,
    html: &HtmlTemplates,
    prepared: &Prepared<'_>,
    plan: &DocumentPlan,
    dir: &str,
    records: &[RecordLink],
    info: &SiteInfo,
    earliest: Option<Date>,
) -> Result<(DocumentLink, Vec<SiteFile>), PublishError> {
    let (anonymised, checks) = (&prepared.anonymised, &prepared.checks);
    let reference = &anonymised.case().case.reference;
    // The pipeline's own verified publication copy: the same bytes `render`
    // writes.
    let pdf = engine.publication_copy(prepared, plan)?.pdf;
    let base = document_dir(dir);
    let pdf_path = format!("{base}/{}.pdf", plan.file);
    let template = html::template_for(plan.template);
    let context = Value::from_serialize(engine.templates().redacted_context(anonymised, plan));
    let page_context = |path: &str, page: i64, chapters: &[ChapterLink]| {
        let root = root_for(path);
        let href = |p: &str| format!("{root}{p}");
        let links = PageLinks {
            pdf: href(&pdf_path),
            first: href(
                &chapters
                    .first()
                    .map_or_else(|| path.to_string(), |c| c.html.clone()),
            ),
            records: records
                .iter()
                .map(|r| Href {
                    title: r.title.clone(),
                    href: href(&r.path),
                })
                .collect(),
            chapters: chapters
                .iter()
                .map(|c| Href {
                    title: c.title.clone(),
                    href: href(&c.html),
                })
                .collect(),
            chapter_base: "chapter-",
        };
        let title = match chapters.get((page - 1).max(0) as usize) {
            Some(c) if chapters.len() > 1 => format!("{}: {}", c.title, plan.title),
            _ => plan.title.clone(),
        };
        minijinja::context! {
            root => root,
            site => info,
            page => page,
            links => links,
            template => template.clone(),
            page_title => format!("{title} ({reference})"),
            standalone => true,
            lv => 0,
            ..context.clone()
        }
    };
    let titles = html.chapters(&template, &page_context("x/y/z", -1, &[]))?;
    let chapters: Vec<ChapterLink> = if titles.len() > 1 {
        titles
            .iter()
            .enumerate()
            .map(|(i, title)| ChapterLink {
                title: title.clone(),
                html: format!("{base}/{}/chapter-{}.html", plan.file, i + 1),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut files = vec![SiteFile {
        path: pdf_path.clone(),
        bytes: pdf,
    }];
    let pages: Vec<(String, i64)> = if chapters.is_empty() {
        vec![(format!("{base}/{}.html", plan.file), 0)]
    } else {
        chapters
            .iter()
            .enumerate()
            .map(|(i, c)| (c.html.clone(), i as i64 + 1))
            .collect()
    };
    for (path, page) in &pages {
        let text = html.render(
            "html/document.html.j2",
            &page_context(path, *page, &chapters),
        )?;
        check::check_page(path, &text, checks)?;
        files.push(SiteFile {
            path: path.clone(),
            bytes: text.into_bytes(),
        });
    }
    let link = DocumentLink {
        kind: plan.kind,
        title: plan.title.clone(),
        html: pages[0].0.clone(),
        pdf: pdf_path,
        chapters,
        earliest_publication_date: earliest,
    };
    Ok((link, files))
}

fn record_page(
    html: &HtmlTemplates,
    record: &Record,
    statement: Option<&Value>,
    path: &str,
    info: &SiteInfo,
) -> Result<String, RenderError> {
    let base = minijinja::context! {
        root => root_for(path),
        site => info,
        record => record,
        statement => statement.is_some(),
    };
    let context = match statement {
        Some(statement) => minijinja::context! { ..base, ..statement.clone() },
        None => base,
    };
    html.render("html/record.html.j2", &context)
}
