//! The investigator's desk: `redress schema` (the case file's JSON Schema,
//! for editors) and `redress new` (a commented starter case that passes
//! `check` and renders).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use std::io::Write;

use super::common::{UsageError, usage};
use super::output::stdout;
use crate::case::Date;

/// The starter case, a template so that an office can reword it.
const STARTER: &str = include_str!("../../templates/new-case.toml.j2");

#[derive(Debug, Args)]
pub(super) struct SchemaArgs {
    /// Write the schema to this file instead of standard output.
    #[arg(short, long)]
    out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(super) struct NewArgs {
    /// The case file to write (`.toml`); it must not exist yet.
    file: PathBuf,
    /// Which Ombudsmen investigate.
    #[arg(long, value_enum, default_value_t = Jurisdiction::LgscoPhso)]
    jurisdiction: Jurisdiction,
    /// Draft (for comment) or final decision.
    #[arg(long, value_enum, default_value_t = Stage::Final)]
    stage: Stage,
    /// The case reference.
    #[arg(long, default_value = "26 000 001")]
    reference: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
enum Jurisdiction {
    /// The Local Government and Social Care Ombudsman alone.
    Lgsco,
    /// With the Parliamentary and Health Service Ombudsman.
    LgscoPhso,
    /// With the Housing Ombudsman.
    LgscoHos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "snake_case")]
enum Stage {
    Draft,
    Final,
}

/// `redress schema`.
pub(super) fn schema(args: SchemaArgs) -> Result<ExitCode, UsageError> {
    let text = serde_json::to_string_pretty(&crate::case::schema()).expect("schemas serialise");
    match args.out {
        Some(path) => std::fs::write(&path, format!("{text}\n")).map_err(|e| {
            usage(
                format!("cannot write `{}`: {e}", crate::diag::display_path(&path)),
                "choose a folder you can write to",
            )
        })?,
        None => say!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The second body of a joint case, and what the starter says about it.
#[derive(Serialize)]
struct SecondBody {
    id: &'static str,
    name: &'static str,
    short_name: &'static str,
    kind: &'static str,
    reference: String,
    category: &'static str,
    address: &'static str,
    point: &'static str,
    finding: &'static str,
}

fn second_body(jurisdiction: Jurisdiction, reference: &str) -> Option<SecondBody> {
    match jurisdiction {
        Jurisdiction::Lgsco => None,
        Jurisdiction::LgscoPhso => Some(SecondBody {
            id: "trust",
            name: "Brindle Cross Hospitals NHS Foundation Trust",
            short_name: "the Trust",
            kind: "health_body",
            reference: format!("{reference}a"),
            category: "Health > Care and treatment",
            address: "Brindle Cross General Hospital, Mill Road, Brindle Cross, BX2 5HT",
            point: "did not tell Mr Hallworth's GP that his medication had changed when he left hospital.",
            finding: "The Trust's discharge summary did not tell Mr Hallworth's GP that his medication had changed. That was fault. It left his GP without the information needed to review his medication, and caused Ms Hallworth uncertainty.",
        }),
        Jurisdiction::LgscoHos => Some(SecondBody {
            id: "landlord",
            name: "Brindle Homes Group",
            short_name: "the landlord",
            kind: "housing_landlord",
            reference: "202600001".into(),
            category: "Housing > Repairs",
            address: "Brindle House, 4 Canal Street, Brindle Cross, BX3 9LH",
            point: "took four months to fit the grab rails the Council's occupational therapist recommended.",
            finding: "The landlord took four months to fit grab rails that its own policy says it fits within 28 days. That was fault. It left Mr Hallworth at risk of falling and caused Ms Hallworth time and trouble.",
        }),
    }
}

/// `redress new`.
pub(super) fn new(args: NewArgs) -> Result<ExitCode, UsageError> {
    let shown = crate::diag::display_path(&args.file);
    if args.file.exists() {
        return Err(usage(
            format!("`{shown}` already exists"),
            "give the name of a new file; redress never overwrites a case",
        ));
    }
    let text = starter(&args, super::publish::today())?;
    if let Some(parent) = args.file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            usage(
                format!(
                    "cannot create the folder `{}`: {e}",
                    crate::diag::display_path(parent)
                ),
                "choose a folder you can write to",
            )
        })?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.file)
        .map_err(|e| {
            usage(
                format!("cannot create `{shown}`: {e}"),
                "choose a folder you can write to",
            )
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    note!(
        "wrote {shown}: a starter {} case at the {} stage; `redress check {shown}` checks it",
        serde_json::to_value(args.jurisdiction)
            .expect("serialises")
            .as_str()
            .unwrap_or(""),
        serde_json::to_value(args.stage)
            .expect("serialises")
            .as_str()
            .unwrap_or(""),
    );
    Ok(ExitCode::SUCCESS)
}

/// The starter case's text, dated `today`.
fn starter(args: &NewArgs, today: Date) -> Result<String, UsageError> {
    let second = second_body(args.jurisdiction, &args.reference);
    let ombudsmen = match args.jurisdiction {
        Jurisdiction::Lgsco => "the Local Government and Social Care Ombudsman",
        Jurisdiction::LgscoPhso => {
            "the Local Government and Social Care Ombudsman and the Parliamentary and Health Service Ombudsman"
        }
        Jurisdiction::LgscoHos => {
            "the Local Government and Social Care Ombudsman and the Housing Ombudsman"
        }
    };
    let bodies_defined = match &second {
        None => "Brindle Cross Borough Council (the Council)".to_string(),
        Some(b) => format!(
            "Brindle Cross Borough Council (the Council) and {} ({})",
            b.name, b.short_name
        ),
    };
    let (second_summary, second_scope) = match args.jurisdiction {
        Jurisdiction::Lgsco => ("", ""),
        Jurisdiction::LgscoPhso => (
            ", and the Trust did not tell his GP that his medication had changed",
            ", and the information the Trust gave his GP when he left hospital",
        ),
        Jurisdiction::LgscoHos => (
            ", and the landlord took four months to fit the grab rails he needed",
            ", and how the landlord dealt with the repairs he needed",
        ),
    };
    let mut env = minijinja::Environment::new();
    env.set_keep_trailing_newline(true);
    let schema = crate::case::schema();
    env.add_function("one_of", move |definition: String| {
        one_of(&schema, &definition).ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!("the case file has no kind of value called `{definition}`"),
            )
        })
    });
    env.add_filter("comment", |text: String| comment(&text));
    let text = env
        .render_str(
            STARTER,
            minijinja::context! {
                file => crate::diag::display_path(&args.file),
                reference => &args.reference,
                jurisdiction => args.jurisdiction,
                stage => args.stage,
                ombudsmen,
                bodies_defined,
                second,
                second_summary,
                second_scope,
                decision_date => today.to_string(),
                received => today.plus_days(-120).to_string(),
            },
        )
        .map_err(|e| usage(format!("the starter template failed: {e}"), "report this"))?;
    Ok(if text.ends_with('\n') {
        text
    } else {
        text + "\n"
    })
}

/// Text as TOML comment lines of at most 78 characters.
fn comment(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= 78 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(format!("# {word}")),
        }
    }
    lines.join("\n")
}

/// The values a kind of value of the case file takes (`Compliance`), as the
/// schema lists them, in words: "agreed, complied or refused". The
/// upper-case codes an exception may also be given by are left out.
pub(crate) fn one_of(schema: &serde_json::Value, definition: &str) -> Option<String> {
    let node = schema.get("$defs")?.get(definition)?;
    let values: Vec<&str> = match (node.get("enum"), node.get("oneOf")) {
        (Some(serde_json::Value::Array(values)), _) => values
            .iter()
            .filter_map(serde_json::Value::as_str)
            .collect(),
        (_, Some(serde_json::Value::Array(branches))) => branches
            .iter()
            .filter_map(|b| b.get("const")?.as_str())
            .collect(),
        _ => return None,
    };
    let values: Vec<&str> = values
        .into_iter()
        .filter(|v| !v.chars().any(|c| c.is_ascii_uppercase()) || definition == "Title")
        .collect();
    match values.as_slice() {
        [] => None,
        [one] => Some((*one).to_string()),
        [init @ .., last] => Some(format!("{} or {last}", init.join(", "))),
    }
}
