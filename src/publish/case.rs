//! One case on the site: what of it is published on a given day, and its
//! files, made and checked in memory: each published document's verified
//! publication copy (the pipeline's own, [`Engine::publication_copy`]) and
//! its HTML (a page, or a page per chapter), and each body's record with
//! its page. What the pages that list many cases need of the case (its
//! card, its feed entries, its search pages: an [`Entry`]) is made here
//! too, and checked with the case's own identifiers like every page.
//! Nothing is returned unless every page is clean.

use minijinja::Value;
use serde::Serialize;

use super::check::{self, Refused};
use super::decision::PublicationDecision;
use super::entry::{self, Entry};
use super::file::{SiteFile, SiteInfo, root_for};
use super::html::{self, HtmlTemplates};
use super::record::{self, ChapterLink, DocumentKind, DocumentLink, ParliamentLink, Record};
use super::view::{AsOf, Span, change_dates};
use crate::case::{Case, Date};
use crate::pipeline::{CaseError, Engine, Prepared, case_dir_name, placeholders_in};
use crate::plan::{DocKind, DocumentPlan};
use crate::render::RenderError;

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
    /// What the pages that list many cases need of it (`None` when nothing
    /// of it is shown).
    pub entry: Option<Entry>,
    /// The days on which the site shows the case exactly as it does on
    /// this one.
    pub span: Span,
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
    /// Findings nobody has accepted: the case stays off the site until they
    /// are (`redress review`).
    #[error(
        "left off the site: {} not yet accepted ({}); review them with `redress review`",
        crate::diag::count(.0.len(), "finding"),
        .0.iter().map(|f| format!("{} {} in {}", f.id, f.category, f.field)).collect::<Vec<_>>().join("; ")
    )]
    Unreviewed(Vec<crate::review::FindingRow>),
    /// A page, a record (its card and feed entry) or a PDF would print a
    /// placeholder: it is held back, and the case with it.
    #[error("left off the site: `{file}` would print {}; rewrite the sentence in the case file", .placeholders.join(", "))]
    Held {
        /// The site file.
        file: String,
        /// The placeholders it would print.
        placeholders: Vec<String>,
    },
}

/// Nothing that would print a placeholder goes on the site: the
/// pipeline's hold ([`placeholders_in`]), for a site file's text.
fn hold(prepared: &Prepared<'_>, file: &str, text: &str) -> Result<(), PublishError> {
    match placeholders_in(text, &prepared.redactions) {
        found if found.is_empty() => Ok(()),
        placeholders => Err(PublishError::Held {
            file: file.to_string(),
            placeholders,
        }),
    }
}

/// The pipeline's rule: a case with a finding nobody accepted stays off
/// the site.
fn require_reviewed(prepared: &Prepared<'_>) -> Result<(), PublishError> {
    let review = crate::review::build(
        prepared.case,
        &prepared.redactions,
        &prepared.anonymised,
        &[],
    );
    let open: Vec<crate::review::FindingRow> = review
        .findings
        .into_iter()
        .filter(|f| !f.accepted)
        .collect();
    if open.is_empty() {
        Ok(())
    } else {
        Err(PublishError::Unreviewed(open))
    }
}

/// The page of a record.
pub fn record_path(reference: &str) -> String {
    format!("decisions/{}.html", html::slug(reference))
}

fn document_dir(dir: &str) -> String {
    format!("documents/{dir}")
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
    let decision = &prepared.publication;
    let view = AsOf::new(case, plans, decision, as_of);
    let shown = view.documents();
    let statement = shown.iter().find(|p| p.kind == DocKind::Decision).copied();
    let bodies: Vec<&crate::case::Body> = case
        .bodies
        .iter()
        .filter(|b| decision.body(&b.id).is_some_and(|d| d.publish))
        // A body's record shows the decision as its statement of reasons,
        // or waits for a document about it (a council that had not agreed
        // gets none: its record starts with its report).
        .filter(|b| {
            (statement.is_some() && record::statement_on_record(case, decision, &b.id))
                || shown
                    .iter()
                    .any(|p| p.about.as_deref() == Some(b.id.as_str()))
        })
        .collect();
    let mut site = CaseSite {
        dir: case_dir_name(&case.case.reference),
        decision: decision.clone(),
        records: Vec::new(),
        files: Vec::new(),
        documents: 0,
        entry: None,
        span: Span::of(&change_dates(case, plans, decision), as_of),
    };
    if bodies.is_empty() {
        return Ok(site);
    }
    require_reviewed(&prepared)?;
    let (anonymised, checks) = (&prepared.anonymised, &prepared.checks);
    let carries = |plan: &DocumentPlan, body: &crate::case::Body| match plan.kind {
        DocKind::Decision => record::statement_on_record(case, decision, &body.id),
        _ => plan.about.as_deref() == Some(body.id.as_str()),
    };
    // The records' facts first: a document's page is indexed for search
    // under the records that carry it.
    let mut links: Vec<(&DocumentPlan, DocumentLink)> = Vec::new();
    let mut search: Vec<(&DocumentPlan, Vec<entry::SearchField>)> = Vec::new();
    for plan in &shown {
        let link = document_link(engine, html, &prepared, plan, &site.dir, &view)?;
        links.push((plan, link));
    }
    for body in &bodies {
        let own: Vec<DocumentLink> = links
            .iter()
            .filter(|(p, _)| carries(p, body))
            .map(|(_, l)| l.clone())
            .collect();
        let path = record_path(&body.reference);
        let record = record::build(anonymised, body, &view, decision, path, own);
        site.records.push(record);
    }
    for (plan, _) in &links {
        let records: Vec<&Record> = bodies
            .iter()
            .zip(&site.records)
            .filter(|(b, _)| carries(plan, b))
            .map(|(_, r)| r)
            .collect();
        search.push((plan, entry::search_fields(html.terms(), &records, plan)));
    }
    for ((plan, link), (_, fields)) in links.iter().zip(&search) {
        let records: Vec<RecordLink> = bodies
            .iter()
            .zip(&site.records)
            .filter(|(b, _)| carries(plan, b))
            .map(|(_, r)| RecordLink {
                title: r.title.clone(),
                path: r.html.clone(),
            })
            .collect();
        let indexed = plan.kind != DocKind::Decision;
        let files = document_pages(
            engine,
            html,
            &prepared,
            plan,
            link,
            &records,
            indexed.then_some(fields.as_slice()),
        )?;
        site.files.extend(files);
    }
    site.documents = links.len();
    let statement_context = statement
        .map(|p| engine.templates().redacted_context(anonymised, p))
        .map(|c| Value::from_serialize(&c));
    for (body, record) in bodies.iter().zip(&site.records) {
        let json = serde_json::to_string_pretty(record).expect("records serialise");
        check::check_text("records.json", &json, checks)?;
        hold(&prepared, "records.json", &json)?;
        let statement = record::statement_on_record(case, decision, &body.id);
        let context = statement_context.as_ref().filter(|_| statement);
        let fields = entry::record_search_fields(html.terms(), record);
        let page = record_page(html, record, context, &fields)?;
        check::check_page(&record.html, &page, checks)?;
        hold(&prepared, &record.html, &page)?;
        site.files.push(SiteFile {
            path: record.html.clone(),
            bytes: page.into_bytes(),
        });
    }
    let entry = entry::build(html.terms(), case, &site.dir, &site.records, &site.files);
    let json = serde_json::to_string(&entry).expect("entries serialise");
    check::check_text("the pages that list decisions", &json, checks)?;
    hold(&prepared, "the pages that list decisions", &json)?;
    site.entry = Some(entry);
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

/// A published document's link: its pages, its PDF's place, its dates.
fn document_link(
    engine: &Engine,
    html: &HtmlTemplates,
    prepared: &Prepared<'_>,
    plan: &DocumentPlan,
    dir: &str,
    view: &AsOf<'_>,
) -> Result<DocumentLink, PublishError> {
    let base = document_dir(dir);
    let template = html::template_for(plan.template);
    let context = page_context(engine, prepared, plan, "x/y/z", -1, &[], "", &[], None);
    let titles = html.chapters(&template, &context)?;
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
    let first = chapters
        .first()
        .map_or_else(|| format!("{base}/{}.html", plan.file), |c| c.html.clone());
    let parliament = view
        .parliament()
        .filter(|_| plan.kind == DocKind::SpecialReport)
        .map(|p| ParliamentLink {
            hc_number: p.hc_number.clone(),
            session: p.session.clone(),
            ordered_printed: p.ordered_printed,
        });
    Ok(DocumentLink {
        kind: DocumentKind::of(plan.kind).unwrap_or(DocumentKind::Decision),
        title: plan.title.clone(),
        date: plan.date,
        html: first,
        pdf: format!("{base}/{}.pdf", plan.file),
        chapters,
        earliest_publication_date: prepared
            .publication
            .document(&plan.file)
            .and_then(|d| d.earliest_publication_date),
        parliament,
    })
}

/// The context of one page of a document.
#[expect(
    clippy::too_many_arguments,
    reason = "a page's context draws on the case, its document and the site around it"
)]
fn page_context(
    engine: &Engine,
    prepared: &Prepared<'_>,
    plan: &DocumentPlan,
    path: &str,
    page: i64,
    chapters: &[ChapterLink],
    pdf: &str,
    records: &[RecordLink],
    search: Option<&[entry::SearchField]>,
) -> Value {
    let root = root_for(path);
    let href = |p: &str| format!("{root}{p}");
    let links = PageLinks {
        pdf: href(pdf),
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
    let reference = &prepared.anonymised.case().case.reference;
    let context = engine
        .templates()
        .redacted_context(&prepared.anonymised, plan);
    minijinja::context! {
        root => root,
        site => SiteInfo::default(),
        page => page,
        links => links,
        template => html::template_for(plan.template),
        page_title => format!("{title} ({reference})"),
        standalone => true,
        lv => 0,
        search => search,
        ..Value::from_serialize(&context)
    }
}

/// The verified PDF and the HTML pages of one published document.
fn document_pages(
    engine: &Engine,
    html: &HtmlTemplates,
    prepared: &Prepared<'_>,
    plan: &DocumentPlan,
    link: &DocumentLink,
    records: &[RecordLink],
    search: Option<&[entry::SearchField]>,
) -> Result<Vec<SiteFile>, PublishError> {
    // The pipeline's own verified publication copy: the same bytes `render`
    // writes.
    let copy = engine.publication_copy(prepared, plan)?;
    hold(prepared, &link.pdf, &copy.page_text.join("\n"))?;
    let mut files = vec![SiteFile {
        path: link.pdf.clone(),
        bytes: copy.pdf,
    }];
    let pages: Vec<(String, i64)> = if link.chapters.is_empty() {
        vec![(link.html.clone(), 0)]
    } else {
        link.chapters
            .iter()
            .enumerate()
            .map(|(i, c)| (c.html.clone(), i as i64 + 1))
            .collect()
    };
    for (path, page) in &pages {
        let context = page_context(
            engine,
            prepared,
            plan,
            path,
            *page,
            &link.chapters,
            &link.pdf,
            records,
            search,
        );
        let text = html.render("html/document.html.j2", &context)?;
        check::check_page(path, &text, &prepared.checks)?;
        hold(prepared, path, &text)?;
        files.push(SiteFile {
            path: path.clone(),
            bytes: text.into_bytes(),
        });
    }
    Ok(files)
}

fn record_page(
    html: &HtmlTemplates,
    record: &Record,
    statement: Option<&Value>,
    search: &[entry::SearchField],
) -> Result<String, RenderError> {
    let base = minijinja::context! {
        root => root_for(&record.html),
        site => SiteInfo::default(),
        record => record,
        outcome_line => record.outcome_line(),
        statement => statement.is_some(),
        search => search,
    };
    let context = match statement {
        Some(statement) => minijinja::context! { ..base, ..statement.clone() },
        None => base,
    };
    html.render("html/record.html.j2", &context)
}
