//! The render stage: case facts → Typst source, through minijinja templates.
//!
//! Templates live in `templates/` and are embedded in the binary; a folder
//! given with `--templates` overrides them file by file. The offices'
//! sentences are in `templates/words.j2` ([`WORDS`]), which the website's
//! HTML templates load too. Every value a
//! template prints is escaped into a Typst string literal ([`escape`]), so
//! case text is data, never markup or code.
//!
//! The redacted variant is rendered from an [`AnonymisedCase`] only; the
//! unredacted variant from the raw [`Case`] with its labels.

mod actions;
mod bodies;
mod context;
mod english;
mod escalation;
mod escape;
mod letters;
mod office;
mod people;
mod prose;
mod rules;
mod voice;
mod words;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::Serialize;

pub use crate::plan::Variant;
pub use context::Context;
pub use office::{Office, OfficeInfo, Signatory};
pub use prose::{Block, blocks};
pub use rules::{Citation, Rules, Signer, Signing, Voice};
pub use voice::plural as plural_voice;
pub use words::{WORDS, add_functions as add_word_functions};

use crate::anonymise::{AnonymisedCase, Rewrites};
use crate::case::Case;
use crate::plan::DocumentPlan;
use crate::typeset::TypstSource;

/// A bundled template: its file name and text.
macro_rules! bundled {
    ($name:literal) => {
        ($name, include_str!(concat!("../../templates/", $name)))
    };
}

/// The templates bundled with redress: (file name, text).
pub const BUNDLED: &[(&str, &str)] = &[
    bundled!("house.typ"),
    bundled!("words.j2"),
    bundled!("macros.typ.j2"),
    bundled!("decision.typ.j2"),
    bundled!("letter.typ.j2"),
    bundled!("report.typ.j2"),
    bundled!("further-report.typ.j2"),
    bundled!("joint-report.typ.j2"),
    bundled!("special-report.typ.j2"),
    bundled!("notice.typ.j2"),
    bundled!("review.typ.j2"),
    bundled!("key.typ.j2"),
    bundled!("rules.toml"),
    bundled!("rewrites.toml"),
    bundled!("office.toml"),
];

/// Reads into `files`, by file name, every file in `dir` whose name `keep`
/// accepts: an office's overrides of bundled templates.
pub(crate) fn read_overrides(
    dir: &Path,
    files: &mut BTreeMap<String, String>,
    keep: impl Fn(&str) -> bool,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if keep(&name) {
            files.insert(name, std::fs::read_to_string(&path)?);
        }
    }
    Ok(())
}

/// Why a template could not be rendered.
#[derive(Debug, Clone, thiserror::Error)]
#[error("template `{template}`{}: {message}", line.map(|l| format!(", line {l}")).unwrap_or_default())]
pub struct RenderError {
    /// The template.
    pub template: String,
    /// The line in it, where known.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
}

/// The template set, loaded once per process.
pub struct Templates {
    env: Environment<'static>,
    house: String,
    rules: Rules,
    rewrites: Arc<Rewrites>,
    office: Office,
    fingerprint: String,
}

impl Templates {
    /// The bundled templates.
    pub fn bundled() -> Result<Self, RenderError> {
        Self::from_files(
            BUNDLED
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
        )
    }

    /// The bundled templates, with any file in `dir` replacing the bundled
    /// one of the same name (and new ones added).
    pub fn with_overrides(dir: &Path) -> std::io::Result<Result<Self, RenderError>> {
        let mut files: BTreeMap<String, String> = BUNDLED
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        read_overrides(dir, &mut files, |name| {
            name.ends_with(".j2")
                || name.ends_with(".typ")
                || name == "rules.toml"
                || name == "rewrites.toml"
                || name == "office.toml"
        })?;
        Ok(Self::from_files(files.into_iter().collect()))
    }

    fn from_files(files: Vec<(String, String)>) -> Result<Self, RenderError> {
        let fingerprint = fingerprint(&files);
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_keep_trailing_newline(true);
        // A custom auto-escape mode: every value goes through our formatter,
        // and macro output (already escaped) comes back marked safe.
        env.set_auto_escape_callback(|_| AutoEscape::Custom("typst"));
        env.set_formatter(escape::format_value);
        env.add_filter("str", escape::str_filter);
        words::add_functions(&mut env);
        let mut house = String::new();
        let mut rules = None;
        let mut rewrites = None;
        let mut office = None;
        for (name, text) in files {
            if name == "house.typ" {
                house = text;
            } else if name == "office.toml" {
                let parsed = Office::parse(&text).map_err(|message| RenderError {
                    template: name.clone(),
                    line: None,
                    message,
                })?;
                office = Some(parsed);
            } else if name == "rewrites.toml" {
                let parsed = Rewrites::parse(&text).map_err(|message| RenderError {
                    template: name.clone(),
                    line: None,
                    message,
                })?;
                rewrites = Some(Arc::new(parsed));
            } else if name == "rules.toml" {
                let parsed = Rules::parse(&text).map_err(|message| RenderError {
                    template: name.clone(),
                    line: None,
                    message,
                })?;
                rules = Some(parsed);
            } else {
                env.add_template_owned(name.clone(), text)
                    .map_err(|e| error(&name, &e))?;
            }
        }
        let rules = rules.ok_or_else(|| RenderError {
            template: "rules.toml".into(),
            line: None,
            message: "missing".into(),
        })?;
        let office = office.ok_or_else(|| RenderError {
            template: "office.toml".into(),
            line: None,
            message: "missing".into(),
        })?;
        Ok(Self {
            env,
            house,
            rules,
            rewrites: rewrites.unwrap_or_else(Rewrites::bundled),
            office,
            fingerprint,
        })
    }

    /// How the publication copies rewrite the clauses that held a
    /// person's details (`rewrites.toml`).
    pub fn rewrites(&self) -> &Arc<Rewrites> {
        &self.rewrites
    }

    /// A digest of every template, the house style, `rules.toml`,
    /// `rewrites.toml` and `office.toml`: what `publish` keeps beside a
    /// case's pages, so that a case made with other templates is made again.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The configuration values of `rules.toml`.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The offices, their letterheads and signatories (`office.toml`).
    pub fn office(&self) -> &Office {
        &self.office
    }

    /// The house style (Typst), served to every document as `/house.typ`.
    pub fn house_style(&self) -> &str {
        &self.house
    }

    /// The publication variant, from anonymised facts only.
    pub fn render_redacted(
        &self,
        case: &AnonymisedCase,
        plan: &DocumentPlan,
    ) -> Result<TypstSource, RenderError> {
        let context = context::build(
            case.case(),
            plan,
            Variant::Redacted,
            &self.rules,
            &self.office,
        );
        self.render(
            plan,
            &context,
            &case.case().case.reference,
            Variant::Redacted,
        )
    }

    /// A preview of the publication variant, for a copy that is held back
    /// (`render --preview`): the same text, marked PREVIEW, NOT FOR
    /// PUBLICATION on every page and in its metadata.
    pub fn render_preview(
        &self,
        case: &AnonymisedCase,
        plan: &DocumentPlan,
    ) -> Result<TypstSource, RenderError> {
        let mut context = context::build(
            case.case(),
            plan,
            Variant::Redacted,
            &self.rules,
            &self.office,
        );
        context.mark_preview();
        let mut source = self.render(
            plan,
            &context,
            &case.case().case.reference,
            Variant::Redacted,
        )?;
        source.name = source.name.replace(".redacted", ".preview");
        Ok(source)
    }

    /// The context the publication variant is rendered from: the HTML
    /// pages of a published document are made from the same one.
    pub fn redacted_context(&self, case: &AnonymisedCase, plan: &DocumentPlan) -> Context {
        context::build(
            case.case(),
            plan,
            Variant::Redacted,
            &self.rules,
            &self.office,
        )
    }

    /// The internal variant, with real names, marked NOT FOR PUBLICATION.
    pub fn render_unredacted(
        &self,
        case: &Case,
        labels: &[String],
        plan: &DocumentPlan,
    ) -> Result<TypstSource, RenderError> {
        let context = self.unredacted_context(case, labels, plan);
        self.render(plan, &context, &case.case.reference, Variant::Unredacted)
    }

    /// The context the internal variant is rendered from (the live
    /// preview shows it as HTML beside the publication copy).
    pub fn unredacted_context(
        &self,
        case: &Case,
        labels: &[String],
        plan: &DocumentPlan,
    ) -> Context {
        let mut labelled = case.clone();
        for (person, label) in labelled.people.iter_mut().zip(labels) {
            person.label = Some(label.clone());
        }
        context::build(
            &labelled,
            plan,
            Variant::Unredacted,
            &self.rules,
            &self.office,
        )
    }

    /// The review sheet (internal: it shows original values), from the
    /// review stage's sheet as a plain serialisable value.
    pub fn render_review(
        &self,
        case: &Case,
        sheet: &impl Serialize,
    ) -> Result<TypstSource, RenderError> {
        let reference = &case.case.reference;
        let context = minijinja::context! {
            doc => minijinja::context! {
                meta_title => format!("INTERNAL: Review sheet {reference}"),
                authors => vec!["Local Government and Social Care Ombudsman"],
                keywords => vec![reference.clone(), "internal".to_string()],
                reference => reference,
                running => "Review sheet (internal)",
                redacted => false,
                draft => false,
            },
            sheet => sheet,
        };
        let template = self
            .env
            .get_template("review.typ.j2")
            .map_err(|e| error("review.typ.j2", &e))?;
        let text = template
            .render(context)
            .map_err(|e| error("review.typ.j2", &e))?;
        Ok(TypstSource {
            name: format!("{}/review-sheet", reference.replace(' ', "-")),
            text,
        })
    }

    fn render(
        &self,
        plan: &DocumentPlan,
        context: &Context,
        reference: &str,
        variant: Variant,
    ) -> Result<TypstSource, RenderError> {
        let template = self
            .env
            .get_template(plan.template)
            .map_err(|e| error(plan.template, &e))?;
        let text = template
            .render(context)
            .map_err(|e| error(plan.template, &e))?;
        Ok(TypstSource {
            name: format!(
                "{}/{}.{}",
                reference.replace(' ', "-"),
                plan.file,
                variant.as_str()
            ),
            text,
        })
    }
}

fn error(template: &str, e: &minijinja::Error) -> RenderError {
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

/// SHA-256 over a set of files' names and texts, in name order.
pub fn fingerprint(files: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = files.iter().collect();
    sorted.sort();
    let mut all = Vec::new();
    for (name, text) in sorted {
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(&(text.len() as u64).to_le_bytes());
        all.extend_from_slice(text.as_bytes());
    }
    crate::digest::sha256_hex(&all)
}
