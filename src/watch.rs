//! `redress watch`: re-renders a case on every save and keeps a
//! [`Snapshot`] of the result for the live preview (`serve`).
//!
//! Saves are debounced (editors write a file in several steps, or replace
//! it by a rename, so the case's folder is watched and events for the file
//! are gathered until it has been quiet for [`QUIET`]). A file with errors
//! leaves the last good output where it is; the snapshot says so. typst's
//! memoised work is kept between re-renders of the case ([`MEMO_AGE`]), so
//! an edit re-typesets only what it changed.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::case::{Case, Loaded};
use crate::diag::Severity;
use crate::pipeline::{Engine, RenderOptions};
use crate::plan::{self, DocKind};
use crate::publish::html::HtmlTemplates;

/// How long a file must be quiet after a change before it is re-rendered.
pub const QUIET: Duration = Duration::from_millis(150);

/// How many documents' typesetting typst's memo cache keeps while watching:
/// several renders of a case, so that the next render finds what the last
/// one made, and no more (memory stays bounded over a long session).
pub const MEMO_AGE: usize = 64;

/// What the preview shows: the last attempt, and the last good output.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Snapshot {
    /// Counts renders and failed attempts; the page reloads when it changes.
    pub generation: u64,
    /// The case file as given.
    pub file: String,
    /// Its text, for the page that shows it with line numbers.
    pub text: String,
    /// Whether the last attempt rendered.
    pub ok: bool,
    /// One line: "rendered 9 documents in 212 ms" or why not.
    pub headline: String,
    /// The check's diagnostics, with their lines.
    pub notes: Vec<Note>,
    /// The documents the case calls for, in order.
    pub plan: Vec<String>,
    /// The review sheet's findings (from the last good render).
    pub findings: Vec<serde_json::Value>,
    /// The publication copies held back by the last good render, and why.
    pub held: Vec<crate::pipeline::Held>,
    /// The decision's publication copy as HTML.
    pub redacted: Option<String>,
    /// The internal copy of the decision as HTML.
    pub unredacted: Option<String>,
    /// The case's output folder and the files in it (last good render).
    #[serde(skip)]
    pub dir: Option<PathBuf>,
    /// The files of the last good render.
    pub files: Vec<String>,
}

/// One diagnostic of the check, placed.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// "error" or "warning".
    pub severity: &'static str,
    /// The diagnostic's code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Its line (1-based), when placed.
    pub line: Option<usize>,
    /// Its column (1-based), when placed.
    pub column: Option<usize>,
    /// How to fix it.
    pub hints: Vec<String>,
}

/// The snapshot shared between the watcher and the preview server.
pub type Shared = Arc<Mutex<Snapshot>>;

/// Renders `file` into `out` now, and again after every save, until the
/// process ends. `report` is told of each attempt (for the terminal).
pub fn run(
    engine: &Engine,
    file: &Path,
    out: &Path,
    html: &HtmlTemplates,
    shared: &Shared,
    report: &dyn Fn(&Loaded, &Snapshot),
) -> std::io::Result<()> {
    engine.typesetter().keep_memo(MEMO_AGE);
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(std::io::Error::other)?;
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    notify::Watcher::watch(&mut watcher, &folder, notify::RecursiveMode::NonRecursive)
        .map_err(std::io::Error::other)?;
    let name = file.file_name().map(|n| n.to_os_string());
    let mut last_text: Option<String> = None;
    loop {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        if last_text.as_deref() != Some(text.as_str()) {
            let loaded = engine.load(file)?;
            // The render works from a copy, so that the preview keeps
            // answering (with the last render's page) while it runs.
            let previous = shared.lock().expect("not poisoned").clone();
            let next = attempt(engine, &loaded, out, html, &previous);
            // Served before it is reported: a reader told "(#1)" finds
            // the first render's page, not the one before it.
            *shared.lock().expect("not poisoned") = next;
            report(&loaded, &shared.lock().expect("not poisoned"));
            last_text = Some(text);
        }
        // Wait for a change to the file, then for it to be quiet.
        loop {
            let event: notify::Result<notify::Event> = rx.recv().map_err(std::io::Error::other)?;
            let ours = event.is_ok_and(|e| {
                e.paths
                    .iter()
                    .any(|p| p.file_name().map(|n| n.to_os_string()) == name)
            });
            if ours {
                break;
            }
        }
        while rx.recv_timeout(QUIET).is_ok() {}
    }
}

/// One render of a loaded case file; on errors, the last good output is
/// kept from `previous`.
pub fn attempt(
    engine: &Engine,
    loaded: &Loaded,
    out: &Path,
    html: &HtmlTemplates,
    previous: &Snapshot,
) -> Snapshot {
    let started = Instant::now();
    let mut next = Snapshot {
        generation: previous.generation + 1,
        file: crate::diag::display_path(&loaded.file.path),
        text: loaded.file.text.clone(),
        notes: notes(loaded),
        ..previous.clone()
    };
    let Some(case) = &loaded.case else {
        let errors = next.notes.iter().filter(|n| n.severity == "error").count();
        next.ok = false;
        next.headline = format!(
            "the case file has {}: showing the last good output",
            crate::diag::count(errors, "error")
        );
        return next;
    };
    next.plan = plan::plan(case, engine.templates().rules().plan_words())
        .iter()
        .map(|p| format!("{} ({}.…pdf)", p.title, p.file))
        .collect();
    match engine.render_case(case, out, RenderOptions::default()) {
        Ok(report) => {
            next.ok = true;
            next.headline = format!(
                "rendered {} in {} ms{}",
                crate::diag::count(report.documents.len(), "document"),
                started.elapsed().as_millis(),
                match report.held.len() {
                    0 => String::new(),
                    1 => "; 1 publication copy held back".to_string(),
                    n => format!("; {n} publication copies held back"),
                }
            );
            next.held = report.held.clone();
            next.files = report.documents.iter().map(|d| d.file.clone()).collect();
            next.findings = findings(&report.dir);
            next.dir = Some(report.dir);
            let (redacted, unredacted) = decision_html(engine, html, case);
            next.redacted = redacted;
            next.unredacted = unredacted;
        }
        Err(e) => {
            next.ok = false;
            next.headline = format!("not rendered: {e}; showing the last good output");
        }
    }
    next
}

fn notes(loaded: &Loaded) -> Vec<Note> {
    loaded
        .diagnostics
        .iter()
        .map(|d| {
            let place = d.range.as_ref().map(|r| loaded.file.line_col(r.start));
            Note {
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                code: d.code,
                message: d.message.clone(),
                line: place.map(|p| p.0),
                column: place.map(|p| p.1),
                hints: d.hints.clone(),
            }
        })
        .collect()
}

/// The review sheet's findings, as `review.json` gives them.
fn findings(dir: &Path) -> Vec<serde_json::Value> {
    std::fs::read(dir.join("review.json"))
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .and_then(|review| review.get("findings").and_then(|f| f.as_array()).cloned())
        .unwrap_or_default()
}

/// The decision statement as HTML, in both variants (none when the case
/// calls for no decision).
fn decision_html(
    engine: &Engine,
    html: &HtmlTemplates,
    case: &Case,
) -> (Option<String>, Option<String>) {
    let plans = plan::plan(case, engine.templates().rules().plan_words());
    let Some(decision) = plans.iter().find(|p| p.kind == DocKind::Decision) else {
        return (None, None);
    };
    let (labels, ids) = engine.identifiers(case);
    let (anonymised, _) = crate::anonymise::anonymise(case, &ids);
    let templates = engine.templates();
    let redacted =
        minijinja::Value::from_serialize(templates.redacted_context(&anonymised, decision));
    let unredacted =
        minijinja::Value::from_serialize(templates.unredacted_context(case, &labels, decision));
    (
        html.decision_fragment(&redacted).ok(),
        html.decision_fragment(&unredacted)
            .ok()
            .map(|page| internal_ids(&page)),
    )
}

/// The internal copy's ids (and the links to them) prefixed, so that the
/// two copies on one page do not share an id.
fn internal_ids(page: &str) -> String {
    page.replace(" id=\"", " id=\"internal-")
        .replace(" aria-labelledby=\"", " aria-labelledby=\"internal-")
        .replace(" href=\"#", " href=\"#internal-")
}
