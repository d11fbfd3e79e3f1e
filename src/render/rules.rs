//! Configuration the documents depend on (`templates/rules.toml`): periods,
//! which office signs each kind of document (by its power) and in which
//! voice, and the one table of statutory citations the templates print,
//! each entry naming its source and whether it was checked against the
//! statute's published text. An unverified citation is never printed.
//! Kept out of the code so that an office can check and change them
//! without a rebuild. The names of those who sign are in `office.toml`
//! ([`super::Office`]).
//!
//! So are the offices' words that Rust prints outside the templates: the
//! plan's titles, powers and publication sentences ([`crate::plan::Words`])
//! and the words around a document's text ([`wording`]). Every entry of
//! them is checked when the templates load: one missing, empty, or with a
//! placeholder its entry cannot fill is an error naming it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::english::and_join;
use crate::case::HealthRemit;
use crate::plan::{DocKind, Explanations, LetterCode, Powers, Steps, Titles, Words};

mod wording;

pub use wording::{Markings, Names, RunningHeads};

/// The values of `rules.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Weeks after a final decision before it is published.
    pub publication_delay_weeks: u32,
    /// Working days allowed for comments on a draft decision.
    pub draft_comment_working_days: u32,
    /// Months after a final decision within which a party may ask for a review.
    pub review_request_months: u32,
    /// Weeks a council has to give public notice of a report, once checked
    /// against the statute's current text; absent, the documents state the
    /// duty without a period.
    #[serde(default)]
    pub report_notice_weeks: Option<u32>,
    /// Weeks a report must be available for inspection.
    pub report_inspection_weeks: u32,
    /// Months a council has to respond to a report (s31(2)).
    pub report_response_months: u32,
    /// Months a care provider has to respond to a statement (s34I).
    pub notice_response_months: u32,
    /// Who signs each kind of document, and in which voice.
    pub documents: BTreeMap<String, Signing>,
    /// Who signs each covering letter, by its code.
    pub letters: BTreeMap<String, Signing>,
    /// Every statutory citation the templates print.
    pub citations: BTreeMap<String, Citation>,
    /// Who a special report is addressed to, and its imprint.
    pub special_report: SpecialReport,
    /// Public lines and mailboxes the detectors leave alone.
    pub allow: Allow,
    /// Each document's title.
    pub titles: Titles,
    /// What each document is issued under, in brief (`redress plan`).
    pub powers: Powers,
    /// The escalation steps due, as `redress plan` lists them.
    pub pending: Steps,
    /// Why a decision is or is not published.
    pub publication: Explanations,
    /// The running head of every page.
    pub running_heads: RunningHeads,
    /// How copies not for publication are marked in their metadata.
    pub markings: Markings,
    /// How the documents name the Ombudsmen, their staff and an unnamed
    /// addressee.
    pub names: Names,
}

/// Organisations' public phone lines and mailboxes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    /// Phone numbers, any format.
    pub phones: Vec<String>,
    /// Email addresses, or local parts ending in `@`.
    pub emails: Vec<String>,
}

/// Who signs a kind of document, and the voice of what they sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    /// `investigator`, `adjudicator`, `lgsco`, `phso` or `hos`, in the
    /// order they sign.
    /// An office not involved in the case is left out.
    pub signed_by: Vec<Signer>,
    /// `I` or `we`: the voice of the text the signatories sign.
    pub voice: Voice,
}

/// Who can sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    /// The investigator named in the case file.
    Investigator,
    /// The Housing Ombudsman's adjudicator named in the case file (joint
    /// housing cases only).
    Adjudicator,
    /// The Local Government and Social Care Ombudsman.
    Lgsco,
    /// The Parliamentary and Health Service Ombudsman.
    Phso,
    /// The Housing Ombudsman.
    Hos,
}

/// The voice of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Voice {
    /// One person writes.
    #[serde(rename = "I")]
    I,
    /// The Ombudsman or Ombudsmen write.
    #[serde(rename = "we")]
    We,
}

/// One statutory citation and where it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The Act: "Local Government Act 1974".
    pub act: String,
    /// The provision: "section 30(1B)", "sections 26(1) and 26A(1)", "Part
    /// 3A"; empty when the instrument is cited as a whole.
    #[serde(default)]
    pub at: String,
    /// Whether ", as amended" follows.
    #[serde(default)]
    pub amended: bool,
    /// Where the citation was checked: a statute section read in a
    /// consolidated text, an office's manual, or its published decisions.
    pub source: String,
    /// Whether it was checked against the statute's published text (or a
    /// paper laid under it). An unverified citation is not printed: the
    /// sentence it would close stands without it.
    pub verified: bool,
}

/// Who a special report is addressed to, and its imprint page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialReport {
    /// The select committee asked to consider it.
    pub committee: String,
    /// The government department asked to act.
    pub department: String,
    /// The copyright line; `{year}` becomes the year of the report.
    pub copyright: String,
    /// The licence line under it.
    pub licence: String,
}

impl Rules {
    /// Parses `rules.toml` and checks that every citation names its source
    /// and that every kind of document and letter says who signs it.
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.contains("[signatories]") {
            return Err("[signatories] has moved to office.toml, where each office names the office holder who signs for it".into());
        }
        let rules: Self = toml::from_str(text).map_err(|e| e.to_string())?;
        for (key, c) in &rules.citations {
            if c.source.trim().is_empty() {
                return Err(format!(
                    "citation `{key}` names no source: say where it was checked"
                ));
            }
            if c.act.trim().is_empty() {
                return Err(format!("citation `{key}` names no Act"));
            }
        }
        for kind in DOC_KINDS {
            if !rules.documents.contains_key(*kind) {
                return Err(format!("[documents.{kind}] is missing: say who signs it"));
            }
        }
        for code in LetterCode::ALL {
            if !rules.letters.contains_key(code.code()) {
                return Err(format!(
                    "[letters.\"{}\"] is missing: say who signs it",
                    code.code()
                ));
            }
        }
        for (name, s) in rules.documents.iter().chain(&rules.letters) {
            if s.signed_by.is_empty() {
                return Err(format!("`{name}` is signed by no one"));
            }
        }
        rules.titles.check()?;
        rules.powers.check()?;
        rules.pending.check()?;
        rules.publication.check()?;
        rules.running_heads.check()?;
        rules.markings.check()?;
        rules.names.check()?;
        Ok(rules)
    }

    /// The words the plan writes: titles, powers, the steps due and why a
    /// decision is or is not published.
    pub fn plan_words(&self) -> Words<'_> {
        Words {
            titles: &self.titles,
            powers: &self.powers,
            pending: &self.pending,
            publication: &self.publication,
        }
    }

    /// Who signs a document of this kind.
    pub fn signing(&self, kind: DocKind) -> &Signing {
        let found = match kind {
            DocKind::Letter(code) => self.letters.get(code.code()),
            other => self.documents.get(doc_key(other)),
        };
        found.expect("checked when the rules were parsed")
    }

    /// The citation for `keys`, grouped by Act in the order of first
    /// mention: `["hsca_remit", "lga_fault"]` → "Health Service
    /// Commissioners Act 1993, section 3(1), and Local Government Act 1974,
    /// sections 26(1) and 26A(1), as amended". Unverified entries are left
    /// out; none verified is an error (see [`Rules::cited`]).
    pub fn cite(&self, keys: &[&str]) -> Result<String, String> {
        let list = keys
            .iter()
            .map(|k| self.citation(k))
            .collect::<Result<Vec<_>, _>>()?;
        cite_all(&verified(&list, keys)?)
    }

    /// The citation for `keys` in brackets after a sentence, " (…)", or
    /// nothing when none of them is verified.
    pub fn cited(&self, keys: &[&str]) -> Result<String, String> {
        let list = keys
            .iter()
            .map(|k| self.citation(k))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(bracketed(&list))
    }

    /// One citation in the form of a formula: "section 14(3) of the Health
    /// Service Commissioners Act 1993" ("Presented to Parliament pursuant
    /// to …", "Made under …").
    pub fn cite_of(&self, key: &str) -> Result<String, String> {
        let c = self.citation(key)?;
        verified(&[c], &[key])?;
        Ok(formula(c))
    }

    fn citation(&self, key: &str) -> Result<&Citation, String> {
        self.citations.get(key).ok_or_else(|| unknown(key))
    }
}

/// Why a citation key cannot be cited.
pub(crate) fn unknown(key: &str) -> String {
    format!("no citation `{key}` in rules.toml [citations]")
}

/// The verified citations of a list; an error when there are none.
pub fn verified<'a>(list: &[&'a Citation], keys: &[&str]) -> Result<Vec<&'a Citation>, String> {
    let out: Vec<&Citation> = list.iter().copied().filter(|c| c.verified).collect();
    if out.is_empty() && !list.is_empty() {
        return Err(format!(
            "citation `{}` is not verified in rules.toml: check it against the statute's published text and set `verified = true`, or write the sentence with `cited(…)`, which leaves an unverified citation out",
            keys.join("`, `")
        ));
    }
    Ok(out)
}

/// " (Act, section …)" for the verified citations of a list, or nothing.
pub fn bracketed(list: &[&Citation]) -> String {
    let shown: Vec<&Citation> = list.iter().copied().filter(|c| c.verified).collect();
    match cite_all(&shown) {
        Ok(text) => format!(" ({text})"),
        Err(_) => String::new(),
    }
}

/// Citations, grouped by Act in the order of first mention (see
/// [`Rules::cite`]).
pub fn cite_all(citations: &[&Citation]) -> Result<String, String> {
    let mut acts: Vec<(&str, Vec<&Citation>)> = Vec::new();
    for &c in citations {
        match acts.iter_mut().find(|(act, _)| *act == c.act) {
            Some((_, list)) => {
                if !list.iter().any(|x| x.at == c.at) {
                    list.push(c);
                }
            }
            None => acts.push((&c.act, vec![c])),
        }
    }
    if acts.is_empty() {
        return Err("cite() needs at least one citation key".into());
    }
    let parts: Vec<String> = acts
        .iter()
        .map(|(act, list)| {
            let ats: Vec<&str> = list
                .iter()
                .map(|c| c.at.as_str())
                .filter(|a| !a.trim().is_empty())
                .collect();
            let amended = if list.iter().any(|c| c.amended) {
                ", as amended"
            } else {
                ""
            };
            if ats.is_empty() {
                format!("{act}{amended}")
            } else {
                format!("{act}, {}{amended}", provisions(ats))
            }
        })
        .collect();
    Ok(parts.join(", and "))
}

/// One citation as a formula (see [`Rules::cite_of`]).
pub fn formula(c: &Citation) -> String {
    let act = c.act.strip_prefix("the ").unwrap_or(&c.act);
    if c.at.trim().is_empty() {
        format!("the {act}")
    } else {
        format!("{} of the {act}", c.at)
    }
}

/// The key of a document kind in `[documents]`.
pub fn doc_key(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Decision => "decision",
        DocKind::Report => "report",
        DocKind::FurtherReport => "further_report",
        DocKind::JointReport => "joint_report",
        DocKind::SpecialReport => "special_report",
        DocKind::Notice => "adverse_findings_notice",
        DocKind::Statement => "statement",
        DocKind::NameKey => "name_key",
        DocKind::Letter(_) => "letter",
    }
}

/// The kinds of document rendered on their own (not letters), each of
/// which `[documents]` must say who signs.
const DOC_KINDS: &[&str] = &[
    "decision",
    "name_key",
    "report",
    "further_report",
    "joint_report",
    "special_report",
    "adverse_findings_notice",
];

/// "section 3(1)" + "section 3(1A)" → "sections 3(1) and 3(1A)"; other
/// provisions ("Part 3A") are joined as they are.
fn provisions(ats: Vec<&str>) -> String {
    if ats.len() == 1 {
        return ats[0].to_string();
    }
    let stripped: Option<Vec<&str>> = ats
        .iter()
        .map(|a| {
            a.strip_prefix("sections ")
                .or_else(|| a.strip_prefix("section "))
        })
        .collect();
    match stripped {
        // "34H(1) and (3)" + "34I" → "34H(1) and (3), and 34I": a comma
        // keeps the parts apart when one is itself a pair.
        Some(parts) if parts.iter().any(|p| p.contains(" and ")) => {
            let (last, init) = parts.split_last().expect("two or more");
            format!("sections {}, and {last}", init.join(", "))
        }
        Some(parts) => format!(
            "sections {}",
            and_join(parts.into_iter().map(str::to_string).collect())
        ),
        None => and_join(ats.into_iter().map(str::to_string).collect()),
    }
}

/// The citation key of a PHSO remit.
pub(crate) fn remit_key(remit: HealthRemit) -> &'static str {
    match remit {
        HealthRemit::HealthServiceBody => "hsca_remit",
        HealthRemit::FamilyHealthServiceProvider => "hsca_remit_fhsp",
        HealthRemit::IndependentProvider => "hsca_remit_independent",
    }
}

#[cfg(test)]
mod tests;
