//! `redress publish` and the publication lines of `redress plan`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use super::common::{DiagnosticArgs, UsageError, case_files, engine, parse_date, usage, workers};
use super::output::{print_diagnostics, progress_bar};
use crate::case::{Case, Date};
use crate::diag;
use crate::publish::site::{self, PublishOptions, PublishOutcome, SiteError};
use crate::publish::{HtmlTemplates, PublicationDecision};

#[derive(Debug, Args)]
pub(super) struct PublishArgs {
    /// Case files (TOML or JSON), or folders of them (in a folder: `.toml`
    /// files, and `.json` files that are not a JSON Schema).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The site folder (replaced whole on each run).
    #[arg(short, long, default_value = "site")]
    out: PathBuf,
    /// The day the site shows, YYYY-MM-DD (default: today): an embargo on
    /// everything. Documents, compliance, escalation, feed entries and
    /// records.json say only what is dated on or before it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<crate::case::Date>,
    /// The site's address, which the feeds, records.json and the sitemap
    /// link under (default: http://localhost:8000/).
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    base_url: Option<String>,
    /// Decisions per listing page.
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=500))]
    page_size: u32,
    /// Make every case again, ignoring what the site kept from its last
    /// run (by default only cases whose case file, templates or redress
    /// version changed, or whose view changed by `--as-of`, are made).
    #[arg(long)]
    full: bool,
    /// Worker threads (default: the number of cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// A folder of templates overriding the bundled ones, file by file
    /// (`*.html.j2` and `terms.toml` for the pages).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

/// An http(s) address, given a closing `/` if it has none.
pub(super) fn parse_base_url(s: &str) -> Result<String, String> {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or("give the site's address starting https:// (or http://)")?;
    if rest.is_empty()
        || rest.starts_with('/')
        || s.chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
    {
        return Err("not a web address: give it as https://host/path/".into());
    }
    Ok(if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    })
}

/// Publishes the site; exit codes as for `render`.
pub(super) fn run(args: PublishArgs) -> Result<ExitCode, UsageError> {
    let paths = case_files(&args.paths, args.diagnostics.diagnostic_format)?;
    let engine = engine(args.templates.as_deref())?;
    let html = html_templates(args.templates.as_deref())?;
    let as_of = args.as_of.unwrap_or_else(today);
    let started = Instant::now();
    let workers = workers(args.jobs);
    let progress = progress_bar(paths.len());
    let format = args.diagnostics.diagnostic_format;
    let report = |outcome: &PublishOutcome| {
        progress.suspend(|| report_outcome(outcome, format));
        progress.inc(1);
    };
    let base_url = args.base_url.clone().unwrap_or_else(|| {
        note!(
            "note: no --base-url: the feeds, records.json and the sitemap link under {}",
            crate::publish::DEFAULT_BASE_URL
        );
        crate::publish::DEFAULT_BASE_URL.to_string()
    });
    let options = PublishOptions {
        workers,
        base_url,
        page_size: args.page_size as usize,
        full: args.full,
        ..PublishOptions::new(as_of)
    };
    let result = site::publish(&engine, &html, &paths, &args.out, &options, &report);
    progress.finish_and_clear();
    let site = match result {
        Ok(site) => site,
        Err(e @ (SiteError::NotASite(_) | SiteError::Io { .. })) => {
            return Err(usage(
                e.to_string(),
                "give `-o` a new or empty folder, or one `redress publish` wrote before",
            ));
        }
        Err(e) => {
            note!("error: {e}");
            note!(
                "hint: nothing was written; `{}` is as it was",
                diag::display_path(&args.out)
            );
            return Ok(ExitCode::from(1));
        }
    };
    let elapsed = started.elapsed().as_secs_f64();
    note!(
        "published {} and {} as of {} in {:.2} s ({:.1} records/s; {} of {} kept unchanged; {} of {} search shards made), written to `{}`{}",
        diag::count(site.records, "record"),
        diag::count(site.documents, "document"),
        as_of.long(),
        elapsed,
        site.records as f64 / elapsed.max(1e-9),
        site.kept,
        diag::count(site.cases, "case"),
        site.search.made,
        site.search.made + site.search.kept,
        diag::display_path(&args.out),
        if site.failed > 0 {
            format!(
                "; {} of {} failed",
                diag::count(site.failed, "case"),
                site.cases
            )
        } else {
            String::new()
        },
    );
    let stages: Vec<String> = site
        .seconds
        .iter()
        .map(|(stage, s)| format!("{stage} {s:.2} s"))
        .collect();
    note!("  time: {}", stages.join(" · "));
    Ok(if site.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub(super) fn html_templates(dir: Option<&std::path::Path>) -> Result<HtmlTemplates, UsageError> {
    let templates = match dir {
        None => HtmlTemplates::bundled(),
        Some(dir) => HtmlTemplates::with_overrides(dir).map_err(|e| {
            usage(
                format!(
                    "cannot read templates from `{}`: {e}",
                    diag::display_path(dir)
                ),
                "give a folder of `.html.j2` or `.typ.j2` files",
            )
        })?,
    };
    templates.map_err(|e| {
        usage(
            e.to_string(),
            "fix the template, or remove it to use the bundled one",
        )
    })
}

/// Today's date (UTC).
pub(super) fn today() -> Date {
    let now = time::OffsetDateTime::now_utc().date();
    Date::from_ymd(now.year(), now.month() as u8, now.day()).expect("today is a date")
}

fn report_outcome(outcome: &PublishOutcome, format: diag::Format) {
    let shown = diag::display_path(&outcome.path);
    if let Some(loaded) = &outcome.loaded {
        print_diagnostics(loaded, format);
    }
    match &outcome.result {
        // A case kept from the last run is counted, not listed.
        Ok(published) if published.kept => {}
        Ok(published) => match published.why_absent() {
            None => note!(
                "ok      {shown} → {} ({}), {}",
                diag::count(published.records.len(), "record"),
                published.records.join(", "),
                diag::count(published.documents, "document"),
            ),
            Some(why) => note!("absent  {shown}: {why}"),
        },
        Err(
            e @ crate::publish::PublishFailure::Publish(
                crate::publish::PublishError::Unreviewed(_)
                | crate::publish::PublishError::Held { .. },
            ),
        ) => note!("held    {shown}: {e}"),
        Err(e) => {
            note!("FAILED  {shown}: {e}");
            if let (
                diag::Format::Human,
                crate::publish::PublishFailure::Publish(crate::publish::PublishError::Case(e)),
            ) = (format, e)
                && let Some(explained) = super::refused::explain(e, outcome.loaded.as_ref())
            {
                note!("{}", explained.trim_end());
            }
        }
    }
}

/// The publication lines of `redress plan`.
pub(super) fn print_publication(
    out: &mut impl std::io::Write,
    case: &Case,
    decision: &PublicationDecision,
) -> std::io::Result<()> {
    writeln!(out, "publication: {}", decision.explanation)?;
    if let Some(date) = decision.earliest_publication_date {
        writeln!(
            out,
            "  earliest publication date {} (decision date {} + {} weeks, rules.toml)",
            date.long(),
            decision.decision_date.long(),
            decision.delay_weeks
        )?;
    }
    for body in &decision.bodies {
        let name = case
            .body(&body.body)
            .map_or(body.body.as_str(), |b| b.name.as_str());
        let mut record = crate::case::website_decision(case, &body.body)
            .label()
            .to_string();
        if let Some(detail) = crate::case::outcome_detail(case, &body.body) {
            record = format!("{record} ({detail})");
        }
        let state = match &body.exception {
            _ if body.publish => "published".to_string(),
            Some(e) => format!("not published ({}: {})", e.code, e.reason),
            None => "not published".to_string(),
        };
        writeln!(
            out,
            "  record {name} ({}): {record}; {state}",
            body.reference
        )?;
    }
    Ok(())
}
