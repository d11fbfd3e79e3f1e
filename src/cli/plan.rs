//! `redress plan`: the documents a case calls for, each body's standing,
//! the steps still pending, and what is published.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{UsageError, engine, valid_case};
use super::output::stdout;
use super::publish;

#[derive(Debug, Args)]
pub(super) struct PlanArgs {
    /// The case file.
    case: PathBuf,
    /// A folder of templates overriding the bundled ones (the titles and
    /// powers are `rules.toml`'s).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

pub(super) fn run(args: PlanArgs) -> Result<ExitCode, UsageError> {
    let engine = engine(args.templates.as_deref())?;
    let case = valid_case(&engine, &args.case, true)?;
    let plan = crate::plan::plan(&case, engine.templates().rules().plan_words());
    let publication = engine.publication(&case, &plan);
    for state in crate::plan::states(&case) {
        let standing = match (state.at_fault, state.non_compliant) {
            (false, _) => "not at fault",
            (true, false) => "at fault; remedies agreed or done",
            (true, true) => "at fault; will not put things right",
        };
        say!("{} ({}): {standing}", state.body.name, state.body.reference);
    }
    say!();
    let width = plan.iter().map(|d| d.file.len()).max().unwrap_or(0);
    for doc in &plan {
        let to = match &doc.recipient {
            None => String::new(),
            Some(crate::plan::Recipient::Complainant) => " to the complainant".into(),
            Some(crate::plan::Recipient::All) => " to everyone".into(),
            Some(crate::plan::Recipient::Body(id)) => {
                format!(
                    " to {}",
                    case.body(id).map_or(id.as_str(), |b| b.short_name.as_str())
                )
            }
        };
        let kind = match doc.kind {
            crate::plan::DocKind::Letter(code) => format!("{}{to}", code.code()),
            _ => doc.title.clone(),
        };
        let copy = match doc.copies {
            crate::plan::Copies::InternalOnly => "  (internal copy only)",
            crate::plan::Copies::AnonymisedOnly => "  (anonymised, to the parties only)",
            _ if publication.makes_publication_copy(doc) => "",
            _ => "  (no publication copy)",
        };
        say!(
            "{:<width$}  {}  {kind}  [{}]{copy}",
            doc.file,
            doc.date,
            doc.powers
        );
    }
    let pending = crate::plan::pending(&case, engine.templates().rules().plan_words());
    if !pending.is_empty() {
        say!();
        for step in &pending {
            let body = case
                .body(&step.body)
                .map_or(step.body.as_str(), |b| b.short_name.as_str());
            say!(
                "pending  {}: {body} will not comply; no document is made until the step is recorded (`kind = \"{}\"` under [[escalation.events]], with its date)",
                step.what,
                step.event
            );
        }
    }
    say!();
    publish::print_publication(&mut stdout(), &case, &publication)?;
    Ok(ExitCode::SUCCESS)
}
