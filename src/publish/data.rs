//! The site's open data: every published record in `records.json` (with
//! its format version, the day the site shows, the licence, absolute URLs
//! and the JSON Schema it follows, `records.schema.json`) and in
//! `records.csv`. Both are written record by record as each case's records
//! are read back from the site's store: no run holds every record at once.

use std::io::Write;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::SiteError;
use super::record::Record;
use super::staging::Staging;
use super::store;
use super::terms::Terms;
use crate::case::Date;

/// The version of records.json's format: the major number changes when a
/// field is removed or changes meaning, the minor when one is added.
pub const FORMAT_VERSION: &str = "2.0";

/// The licence the records are published under.
pub const LICENCE: (&str, &str) = (
    "Open Government Licence v3.0",
    "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
);

/// records.json: the published records and what they are.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct RecordsFile {
    /// Always "redress records".
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: String,
    /// The day the site shows: no record says anything dated later.
    pub as_of: Date,
    /// The program that wrote it: "redress 0.1.0".
    pub generated_by: String,
    /// The licence the data is published under.
    pub licence: Licence,
    /// The JSON Schema of this file (absolute URL).
    pub schema: String,
    /// The site's address: every link below is under it.
    pub site: String,
    /// Every published record, newest decision first.
    pub records: Vec<Record>,
}

/// A licence.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Licence {
    /// Its name.
    pub name: String,
    /// Where to read it.
    pub url: String,
}

/// The columns of records.csv.
const COLUMNS: [&str; 18] = [
    "reference",
    "case_reference",
    "organisation",
    "organisation_type",
    "category",
    "decision",
    "website_decision",
    "outcome_detail",
    "determinations",
    "decision_date",
    "compliance",
    "remedy_types",
    "remedies",
    "payments",
    "documents",
    "url",
    "pdf_url",
    "summary",
];

/// Writes records.json, records.csv and records.schema.json from the
/// stored records of `keys` (newest first); returns how many records.
pub fn write_all(
    keys: &[&str],
    terms: &Terms,
    base: &str,
    as_of: Date,
    staging: &Staging,
) -> Result<usize, SiteError> {
    let io = |path: &str| {
        let path = staging.path(path);
        move |error| SiteError::Io { path, error }
    };
    let mut json = staging.create("records.json").map_err(io("records.json"))?;
    let mut csv =
        csv::Writer::from_writer(staging.create("records.csv").map_err(io("records.csv"))?);
    let header = RecordsFile {
        format: "redress records".into(),
        format_version: FORMAT_VERSION.into(),
        as_of,
        generated_by: format!("redress {}", env!("CARGO_PKG_VERSION")),
        licence: Licence {
            name: LICENCE.0.into(),
            url: LICENCE.1.into(),
        },
        schema: format!("{base}records.schema.json"),
        site: base.into(),
        records: Vec::new(),
    };
    let opening = serde_json::to_string_pretty(&header).expect("the header serialises");
    let opening = opening
        .strip_suffix("[]\n}")
        .expect("the records come last")
        .to_string();
    let mut written = 0;
    (|| -> std::io::Result<()> {
        json.write_all(opening.as_bytes())?;
        json.write_all(b"[")?;
        csv.write_record(COLUMNS)?;
        for key in keys {
            for record in store::read_records(staging.dir(), key)? {
                let record = record.with_base(base);
                json.write_all(if written == 0 { b"\n    " } else { b",\n    " })?;
                serde_json::to_writer(&mut json, &record)?;
                csv.write_record(row(&record, terms))?;
                written += 1;
            }
        }
        json.write_all(if written == 0 {
            b"]\n}\n"
        } else {
            b"\n  ]\n}\n"
        })?;
        json.flush()?;
        csv.flush()?;
        Ok(())
    })()
    .map_err(io("records.json"))?;
    drop(json);
    drop(csv);
    for file in ["records.json", "records.csv"] {
        staging.settle(file).map_err(io(file))?;
    }
    let schema = schemars::schema_for!(RecordsFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("the schema serialises");
    text.push('\n');
    staging.write("records.schema.json", text.as_bytes())?;
    Ok(written)
}

/// One record as a row of records.csv.
fn row(r: &Record, terms: &Terms) -> Vec<String> {
    let mut types: Vec<String> = r
        .remedies
        .iter()
        .map(|m| super::terms::code_of(&m.kind_group))
        .collect();
    types.dedup();
    let payments: i64 = r
        .remedies
        .iter()
        .filter_map(|m| m.amount)
        .map(|m| m.pence())
        .sum();
    let determinations: Vec<String> = r
        .outcome
        .determinations
        .iter()
        .map(|d| super::terms::code_of(&d.determination))
        .collect();
    let documents: Vec<String> = r
        .documents
        .iter()
        .map(|d| format!("{}:{}", super::terms::code_of(&d.kind), d.date))
        .collect();
    [
        r.reference.clone(),
        r.case_reference.clone(),
        r.body.clone(),
        terms.label_of("body_kind", &r.body_kind),
        r.category.clone().unwrap_or_default(),
        r.decision.clone(),
        super::terms::code_of(&r.outcome.website),
        r.outcome
            .detail
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        determinations.join(" "),
        r.decision_date.to_string(),
        r.compliance.clone().unwrap_or_default(),
        types.join(" "),
        r.remedies.len().to_string(),
        if payments == 0 {
            String::new()
        } else {
            format!("{}.{:02}", payments / 100, payments % 100)
        },
        documents.join(" "),
        r.html.clone(),
        r.pdf.clone().unwrap_or_default(),
        r.summary.clone(),
    ]
    .into_iter()
    .map(defuse)
    .collect()
}

/// A cell a spreadsheet would read as a formula is written as text (a
/// leading apostrophe), as spreadsheet guidance advises.
fn defuse(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_would_be_formulas_are_text() {
        assert_eq!(defuse("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("Upheld".into()), "Upheld");
    }
}
