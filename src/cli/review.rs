//! `redress review`: publication staff's review of a case, without editing
//! the investigator's case file. It lists the case's findings (with their
//! line and column, what the publication copies print, why a person must
//! look, and whether each is accepted); `--accept ID…` and `--sign-off
//! NAME` record decisions, with who and when, in the review file beside
//! the case file (`s01.toml` → `s01.review.toml`), which every command
//! reads with the case.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{UsageError, engine, parse_date, usage};
use super::output::print_diagnostics;
use crate::case::{Date, Loaded, SignOff};
use crate::diag::{self, Format};
use crate::pipeline::Held;
use crate::review::file::{self, Accepted, ReviewFile};
use crate::review::{FindingRow, ReviewSheet};

#[derive(Debug, Args)]
pub(super) struct ReviewArgs {
    /// The case file.
    case: PathBuf,
    /// Accept these findings as the publication copies print them (ids
    /// from the review sheet, or from `redress review CASE`).
    #[arg(long, value_name = "ID", num_args = 1..)]
    accept: Vec<String>,
    /// Withdraw these acceptances (a withdrawn finding is open again, and
    /// the sign-off, if any, is withdrawn with it).
    #[arg(long, value_name = "ID", num_args = 1..)]
    withdraw: Vec<String>,
    /// Who accepts the findings (default: the name given to `--sign-off`).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// Sign the review off as NAME: allowed once every finding is accepted.
    #[arg(long, value_name = "NAME")]
    sign_off: Option<String>,
    /// The date to record, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    on: Option<Date>,
    /// A folder of templates overriding the bundled ones (its `rules.toml`
    /// changes what the anonymiser allows, and so the findings).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

/// `redress review`.
pub(super) fn run(args: ReviewArgs) -> Result<ExitCode, UsageError> {
    let engine = engine(args.templates.as_deref())?;
    let loaded = engine.load(&args.case)?;
    // The findings below say what the warnings say; errors stop the review.
    if loaded.has_errors() {
        print_diagnostics(&loaded, Format::Human);
    }
    let Some(case) = loaded.case.clone() else {
        return Err(usage(
            format!("`{}` has errors", diag::display_path(&args.case)),
            format!(
                "run `redress check {}` and fix what it reports",
                diag::display_path(&args.case)
            ),
        ));
    };
    let sheet = engine.review(&case);
    let changes = !args.accept.is_empty() || !args.withdraw.is_empty() || args.sign_off.is_some();
    if changes {
        let path = file::path_for(&args.case);
        let mut record = match file::read(&path) {
            Ok(Some((_, record))) => record,
            Ok(None) => ReviewFile {
                reference: case.case.reference.clone(),
                ..ReviewFile::default()
            },
            Err(unusable) => {
                let (_, diag) = *unusable;
                return Err(usage(
                    format!("`{}`: {}", diag::display_path(&path), diag.message),
                    "fix the review file, or move it away to review the case afresh",
                ));
            }
        };
        let on = args.on.unwrap_or_else(super::publish::today);
        let done = apply(&args, &sheet, &mut record, on, case.case.decision_date)?;
        file::write(&path, &record).map_err(|e| {
            usage(
                format!("cannot write `{}`: {e}", diag::display_path(&path)),
                "check that the case file's folder can be written to",
            )
        })?;
        note!("{done}; recorded in `{}`", diag::display_path(&path));
        // Show the review as it now stands.
        let loaded = engine.load(&args.case)?;
        if let Some(case) = &loaded.case {
            print_review(&engine.review(case), &loaded);
        }
        return Ok(ExitCode::SUCCESS);
    }
    print_review(&sheet, &loaded);
    Ok(ExitCode::SUCCESS)
}

/// Applies the command's acceptances, withdrawals and sign-off to the
/// review file; what was done, in words.
fn apply(
    args: &ReviewArgs,
    sheet: &ReviewSheet,
    record: &mut ReviewFile,
    on: Date,
    decided: Date,
) -> Result<String, UsageError> {
    let mut done: Vec<String> = Vec::new();
    for id in &args.withdraw {
        let before = record.accepted.len();
        record.accepted.retain(|a| &a.id != id);
        if record.accepted.len() == before {
            return Err(usage(
                format!("{id} is not accepted in the review file"),
                "`redress review CASE` lists the findings and who accepted them",
            ));
        }
        done.push(format!("withdrew {id}"));
        if record.signed_off.take().is_some() {
            done.push("withdrew the sign-off".into());
        }
    }
    if !args.accept.is_empty() {
        let by = args.by.as_ref().or(args.sign_off.as_ref()).ok_or_else(|| {
            usage(
                "say who accepts the findings",
                "add `--by \"Your Name\"` (or `--sign-off \"Your Name\"` to sign off too)",
            )
        })?;
        for id in &args.accept {
            let finding = find(sheet, id)?;
            if !finding.acceptable {
                return Err(usage(
                    format!(
                        "{id} cannot be accepted: {} prints {} in the publication copy",
                        finding.field, finding.printed
                    ),
                    format!(
                        "the office never publishes a blank; have the sentence rewritten in the case file ({})",
                        finding.why
                    ),
                ));
            }
            if record.accepted.iter().any(|a| &a.id == id) {
                done.push(format!("{id} was already accepted"));
                continue;
            }
            record.accepted.push(Accepted {
                id: id.clone(),
                by: by.trim().to_string(),
                on,
                what: Some(format!("{}, in {}", finding.category, finding.field)),
            });
            done.push(format!("accepted {id}"));
        }
    }
    if let Some(name) = &args.sign_off {
        let open: Vec<&FindingRow> = sheet
            .findings
            .iter()
            .filter(|f| !f.accepted && !record.accepted.iter().any(|a| a.id == f.id))
            .collect();
        if !open.is_empty() {
            let ids: Vec<&str> = open.iter().map(|f| f.id.as_str()).collect();
            return Err(usage(
                format!(
                    "cannot sign off: {} not yet settled ({})",
                    diag::count(open.len(), "finding"),
                    ids.join(", ")
                ),
                "accept each with `--accept ID --by NAME`, or have the case file changed, then sign off",
            ));
        }
        if on < decided {
            return Err(usage(
                format!("cannot sign off on {on}, before the decision's date ({decided})"),
                "the review comes after the decision: give `--on` a later date, or leave it out for today",
            ));
        }
        if name.trim().is_empty() {
            return Err(usage(
                "the sign-off needs a name",
                "give `--sign-off \"Your Name\"`",
            ));
        }
        record.signed_off = Some(SignOff {
            by: name.trim().to_string(),
            on,
        });
        done.push(format!("signed off by {} on {on}", name.trim()));
    }
    Ok(done.join("; "))
}

/// The finding with this id, or an error that lists the case's findings.
fn find<'a>(sheet: &'a ReviewSheet, id: &str) -> Result<&'a FindingRow, UsageError> {
    sheet.findings.iter().find(|f| f.id == id).ok_or_else(|| {
        let ids: Vec<&str> = sheet.findings.iter().map(|f| f.id.as_str()).collect();
        usage(
            format!("{id} is not a finding of case {}", sheet.reference),
            if ids.is_empty() {
                "the case has no findings to accept".to_string()
            } else {
                format!(
                    "its findings are {} (the ids change when the text they are about changes)",
                    ids.join(", ")
                )
            },
        )
    })
}

/// The review as it stands: on standard output, one block per finding.
fn print_review(sheet: &ReviewSheet, loaded: &Loaded) {
    let open = sheet.findings.iter().filter(|f| !f.accepted).count();
    let mut out = format!(
        "{}: {}, {} not yet accepted; {}\n",
        sheet.reference,
        diag::count(sheet.findings.len(), "finding"),
        open,
        match &sheet.signed_off {
            Some(s) => format!("signed off by {} on {}", s.by, s.on),
            None => "not signed off".to_string(),
        }
    );
    for f in &sheet.findings {
        let state = match (&f.accepted, &f.accepted_by) {
            (true, Some(a)) => format!("accepted by {} on {}", a.by, a.on),
            (true, None) => "accepted in the case file".to_string(),
            (false, _) if !f.acceptable => {
                "CHANGE THE TEXT (a placeholder cannot be accepted)".into()
            }
            (false, _) => "NOT YET ACCEPTED".to_string(),
        };
        out.push_str(&format!(
            "  {}  {}  {state}\n      {}{}: {} → {}\n      rule: {}{}\n      {}\n",
            f.id,
            f.category,
            f.field,
            place(loaded, &f.field, &f.range),
            f.original,
            f.printed,
            f.rule,
            if f.blocks && !f.accepted {
                "; holds back the publication copies that print it"
            } else {
                ""
            },
            f.why
        ));
    }
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
}

/// ", line 12, column 30" in the case file, where the field piece is found.
fn place(loaded: &Loaded, field: &str, range: &std::ops::Range<usize>) -> String {
    match loaded.locate_in_field(field, range.start, range.end) {
        Some(at) => {
            let (line, column) = loaded.file.line_col(at.start);
            format!(
                " ({}:{line}:{column})",
                diag::display_path(&loaded.file.path)
            )
        }
        None => String::new(),
    }
}

/// " at case.toml:12:30", where the field piece is found.
fn at_line(loaded: &Loaded, field: &str, range: &std::ops::Range<usize>) -> String {
    match loaded.locate_in_field(field, range.start, range.end) {
        Some(at) => {
            let (line, column) = loaded.file.line_col(at.start);
            format!(
                " at {}:{line}:{column}",
                diag::display_path(&loaded.file.path)
            )
        }
        None => String::new(),
    }
}

/// The lines that say, for each held copy, what it prints and where, with
/// the case file's line and column and what to do.
pub(super) fn describe_held(held: &[Held], loaded: Option<&Loaded>) -> String {
    let mut out = String::new();
    for h in held {
        out.push_str(&format!("  = {} ({})", h.file, h.title));
        if let Some(preview) = &h.preview {
            out.push_str(&format!("; preview written as {preview}"));
        }
        out.push('\n');
        for r in &h.reasons {
            let on = r.page.map_or(String::new(), |p| format!("page {p}: "));
            let at = match (&r.field, &r.range, loaded) {
                (Some(field), Some(range), Some(loaded)) => {
                    format!(", from {field}{}", at_line(loaded, field, range))
                }
                (Some(field), _, _) => format!(", from {field}"),
                _ => String::new(),
            };
            let id = r
                .finding
                .as_ref()
                .map_or(String::new(), |id| format!(", finding {id}"));
            out.push_str(&format!(
                "      {on}{} ({}{id}){at}\n        hint: {}\n",
                r.printed, r.category, r.hint
            ));
        }
    }
    out
}
