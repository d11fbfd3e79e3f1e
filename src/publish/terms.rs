//! The website's words for the codes a record carries
//! (`templates/html/terms.toml`): a label and a meaning for every decision,
//! determination, kind of body, remedy type and state, compliance state and
//! kind of document. Rust computes the code; the office's words come from
//! here, so a phrase can change without a rebuild. Every code must have its
//! words: a missing one is an error when the templates load.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::record::{DocumentKind, RemedyType};
use super::words::SiteWords;
use crate::case::{BodyKind, Compliance, Determination, WebsiteDecision};
use crate::render::RenderError;

/// The file's name among the HTML templates.
pub const FILE: &str = "terms.toml";

/// One code's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Short, as a list item or a filter value: "Refused a remedy".
    pub label: String,
    /// What it means, for the glossary.
    pub meaning: String,
}

/// One table of the glossary: its name, its heading and its terms, each
/// with its code.
pub type GlossaryTable<'a> = (&'static str, &'a str, Vec<(&'a str, &'a Term)>);

/// Every table of terms, by name: `decision`, `compliance`, …
#[derive(Debug, Clone, Default, Serialize)]
pub struct Terms {
    tables: BTreeMap<String, BTreeMap<String, Term>>,
}

/// The tables, in the order the glossary shows them (their headings are
/// the site's words, [`super::words`]).
pub const TABLES: [&str; 7] = [
    "decision",
    "determination",
    "remedy_type",
    "remedy_status",
    "compliance",
    "document",
    "body_kind",
];

/// A code as records.json writes it (its serde name).
pub fn code_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

impl Terms {
    /// Parses and checks `terms.toml`.
    pub fn parse(text: &str) -> Result<Self, RenderError> {
        let fail = |message: String| RenderError {
            template: format!("html/{FILE}"),
            line: None,
            message,
        };
        let tables: BTreeMap<String, BTreeMap<String, Term>> =
            toml::from_str(text).map_err(|e| fail(e.to_string()))?;
        let terms = Self { tables };
        for (table, codes) in required() {
            for code in codes {
                if terms.get(table, &code).is_none() {
                    return Err(fail(format!(
                        "`[{table}]` has no words for `{code}`: add `\"{code}\" = {{ label = \"…\", meaning = \"…\" }}`"
                    )));
                }
            }
        }
        Ok(terms)
    }

    /// The words of `code` in `table`.
    pub fn get(&self, table: &str, code: &str) -> Option<&Term> {
        self.tables.get(table)?.get(code)
    }

    /// The label of `code` in `table` (the code itself, for one the file
    /// does not know, which [`parse`](Self::parse) rules out for every code
    /// redress makes).
    pub fn label(&self, table: &str, code: &str) -> String {
        self.get(table, code)
            .map_or_else(|| code.to_string(), |t| t.label.clone())
    }

    /// The label of a value's code.
    pub fn label_of<T: Serialize>(&self, table: &str, value: &T) -> String {
        self.label(table, &code_of(value))
    }

    /// The glossary: each table with its heading (from the site's words)
    /// and terms, in order.
    pub fn glossary<'a>(&'a self, words: &'a SiteWords) -> Vec<GlossaryTable<'a>> {
        TABLES
            .iter()
            .map(|table| {
                let terms = self
                    .tables
                    .get(*table)
                    .map(|t| t.iter().map(|(c, t)| (c.as_str(), t)).collect())
                    .unwrap_or_default();
                (*table, words.glossary_heading(table), terms)
            })
            .collect()
    }
}

/// Every code redress can print, by table.
fn required() -> Vec<(&'static str, Vec<String>)> {
    use WebsiteDecision as W;
    let decisions = [W::Upheld, W::NotUpheld, W::ClosedAfterInitialEnquiries];
    let determinations = [
        Determination::SevereMaladministration,
        Determination::Maladministration,
        Determination::ServiceFailure,
        Determination::ReasonableRedress,
        Determination::NoMaladministration,
    ];
    let kinds = [
        BodyKind::Council,
        BodyKind::HealthBody,
        BodyKind::CareProvider,
        BodyKind::HousingLandlord,
    ];
    let remedy_types = [
        RemedyType::Apology,
        RemedyType::PuttingRight,
        RemedyType::Financial,
        RemedyType::ServiceImprovement,
        RemedyType::Other,
    ];
    let statuses = [
        Compliance::Agreed,
        Compliance::Complied,
        Compliance::CompliedLate,
        Compliance::PartiallyComplied,
        Compliance::Refused,
        Compliance::NotResponded,
    ];
    let compliance = [
        "agreed",
        "complied_on_time",
        "complied_late",
        "partially_complied",
        "refused",
        "not_responded",
        "escalated.s30",
        "escalated.s31_2A",
        "escalated.s18ZA_report",
        "escalated.s14_3",
        "escalated.afn",
    ];
    let codes = |values: &[String]| values.to_vec();
    vec![
        ("decision", codes(&decisions.map(|d| code_of(&d)))),
        ("determination", codes(&determinations.map(|d| code_of(&d)))),
        ("body_kind", codes(&kinds.map(|k| code_of(&k)))),
        ("remedy_type", codes(&remedy_types.map(|t| code_of(&t)))),
        ("remedy_status", codes(&statuses.map(|s| code_of(&s)))),
        (
            "compliance",
            compliance.iter().map(|c| c.to_string()).collect(),
        ),
        ("document", DocumentKind::ALL.iter().map(code_of).collect()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_terms_cover_every_code() {
        let text = super::super::html::TEMPLATES
            .iter()
            .find(|(n, _)| *n == FILE)
            .unwrap()
            .1;
        let terms = Terms::parse(text).unwrap();
        assert_eq!(terms.label("compliance", "escalated.s30"), "Report issued");
        assert_eq!(
            terms.label_of("determination", &Determination::ServiceFailure),
            "Service failure"
        );
    }

    #[test]
    fn a_missing_code_is_an_error_that_says_what_to_add() {
        let e = Terms::parse("[decision]\nupheld = { label = \"Upheld\", meaning = \"x\" }\n")
            .unwrap_err();
        assert!(e.message.contains("not_upheld"), "{}", e.message);
    }
}
