//! `redress anonymise`: a text file anonymised with a case's identifiers,
//! as text or as JSON spans.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{UsageError, engine, valid_case};
use super::output::stdout;
use crate::anonymise;

#[derive(Debug, Args)]
pub(super) struct AnonymiseArgs {
    /// A UTF-8 text file.
    text: PathBuf,
    /// The case whose identifiers to replace.
    #[arg(long)]
    case: PathBuf,
    /// Print JSON spans (byte offsets) and the redacted text instead.
    #[arg(long)]
    spans: bool,
}

pub(super) fn run(args: AnonymiseArgs) -> Result<ExitCode, UsageError> {
    let engine = engine(None)?;
    let case = valid_case(&engine, &args.case, false)?;
    let text = std::fs::read_to_string(&args.text)?;
    let (_, ids) = engine.identifiers(&case);
    let (redacted, hits) = anonymise::anonymise_text(&text, &ids);
    let mut out = stdout();
    if args.spans {
        let predictions: Vec<serde_json::Value> = hits
            .iter()
            .filter(|h| h.source != anonymise::Source::Flagged)
            .map(|h| serde_json::json!({"type": h.category.bench_type(), "start": h.range.start, "end": h.range.end}))
            .collect();
        let json = serde_json::json!({"predictions": predictions, "redacted_text": redacted});
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json).expect("json serialises")
        )?;
    } else {
        write!(out, "{redacted}")?;
    }
    Ok(ExitCode::SUCCESS)
}
