//! The offices' words the plan writes, from `templates/rules.toml`: each
//! document's title (`[titles]`), the powers `redress plan` says it is
//! issued under (`[powers]`), the escalation steps it says are due
//! (`[pending]`), and why a decision is or is not published
//! (`[publication]`, with each exception's reason in
//! `[publication.reasons]`). Rust decides which entry a document takes, by the
//! codes the templates receive too: its kind (`doc.kind_key`), the case's
//! jurisdiction, a letter's code and who it goes to. The words are the
//! office's, so that it can change them without a rebuild.
//!
//! The render stage reads these tables with the rest of `rules.toml` and
//! checks them when the templates load ([`check_entry`]): a missing entry
//! is an error there, naming it, and so is an empty one or a placeholder
//! (`{body}`, `{date}`) its entry cannot fill. [`fill`] puts the facts into
//! the placeholders.

use serde::{Deserialize, Serialize};

use super::document::LetterCode;
use crate::case::{Exception, Jurisdiction};

/// The plan's words, borrowed from the loaded rules.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// Each document's title.
    pub titles: &'a Titles,
    /// What each document is issued under, in brief.
    pub powers: &'a Powers,
    /// The escalation steps due, by the event that records each.
    pub pending: &'a Steps,
    /// Why a decision is or is not published.
    pub publication: &'a Explanations,
}

/// Each document's title: on its first page, in its PDF metadata, on the
/// website, in `manifest.json` and in `redress plan` (`[titles]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    /// The key to names of an anonymised draft.
    pub name_key: String,
    /// A report under s30(1): the LGSCO's, and in a case with the PHSO
    /// the joint team's.
    pub report: ByJurisdiction,
    /// A further report under s31(2A): the LGSCO's alone.
    pub further_report: String,
    /// A further report the PHSO joins in (its event says `joint`).
    pub joint_further_report: String,
    /// A joint report under s18ZA / s33ZA.
    pub joint_report: String,
    /// A special report under s14(3).
    pub special_report: String,
    /// An adverse findings notice under s34I.
    pub adverse_findings_notice: String,
    /// A final decision, by jurisdiction.
    pub decision: ByJurisdiction,
    /// A draft decision, by jurisdiction.
    pub draft_decision: ByJurisdiction,
    /// A covering letter, by who it goes to.
    pub letter: ByRecipient,
}

/// Words that differ by the case's jurisdiction (`[case] jurisdiction`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByJurisdiction {
    /// The LGSCO alone.
    pub lgsco: String,
    /// The LGSCO and the PHSO jointly.
    pub lgsco_phso: String,
    /// The LGSCO and the Housing Ombudsman jointly.
    pub lgsco_hos: String,
}

/// A covering letter's title, by who it goes to; `{body}` is the body's
/// short name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByRecipient {
    /// The complainant.
    pub complainant: String,
    /// A body.
    pub body: String,
    /// Everyone, in one joint letter.
    pub all: String,
}

/// What each document is issued under, in brief, as `redress plan` shows
/// it; the documents cite the statute from `[citations]` (`[powers]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Powers {
    /// A draft decision, whatever the jurisdiction.
    pub draft_decision: String,
    /// The key to names of a draft.
    pub name_key: String,
    /// A report under s30(1).
    pub report: String,
    /// A further report under s31(2A).
    pub further_report: String,
    /// A joint report.
    pub joint_report: String,
    /// A special report.
    pub special_report: String,
    /// An adverse findings notice.
    pub adverse_findings_notice: String,
    /// A final decision, by jurisdiction.
    pub decision: ByJurisdiction,
    /// The covering letters, by code.
    pub letters: LetterPowers,
}

/// The powers each covering letter states, by its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterPowers {
    /// CL-STD-DRAFT.
    #[serde(rename = "CL-STD-DRAFT")]
    pub std_draft: String,
    /// CL-STD-FINAL.
    #[serde(rename = "CL-STD-FINAL")]
    pub std_final: String,
    /// CL-HOS-JOINT.
    #[serde(rename = "CL-HOS-JOINT")]
    pub hos_joint: String,
    /// CL-S30.
    #[serde(rename = "CL-S30")]
    pub s30: String,
    /// CL-S30-NOTIFY.
    #[serde(rename = "CL-S30-NOTIFY")]
    pub s30_notify: String,
    /// CL-S31.
    #[serde(rename = "CL-S31")]
    pub s31: String,
    /// CL-S18ZA.
    #[serde(rename = "CL-S18ZA")]
    pub s18za: String,
    /// CL-S14-3.
    #[serde(rename = "CL-S14-3")]
    pub s14_3: String,
    /// CL-AFN.
    #[serde(rename = "CL-AFN")]
    pub afn: String,
    /// CL-S31-2D.
    #[serde(rename = "CL-S31-2D")]
    pub s31_2d: String,
}

/// What `redress plan` says is due when a body will not comply and the
/// event that issues the next document is not yet recorded, by the kind
/// of that event (`[[escalation.events]] kind`; `[pending]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    /// A report under s30.
    pub report: String,
    /// A further report under s31(2A).
    pub further_report: String,
    /// The requirement to publish a statement under s31(2D).
    pub statement_required: String,
    /// A joint report (or a special report).
    pub joint_report: String,
    /// A special report, for a refusal of particular importance.
    pub special_report: String,
    /// An adverse findings notice.
    pub notice_required: String,
}

/// Why a decision is or is not published, in one sentence for people
/// (`[publication]`): `manifest.json`, the review sheet, `redress plan`
/// and `redress publish` say it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explanations {
    /// A final decision to be published from `{date}`.
    pub published_from: String,
    /// A final decision to be published, with no date (not reached: a
    /// published decision has its date).
    pub published: String,
    /// A draft.
    pub draft: String,
    /// Withheld under exception `{code}`, because `{reason}`.
    pub withheld: String,
    /// Withheld under an exception that only puts publication off (a
    /// review under way).
    pub withheld_until_review: String,
    /// Withheld with no exception recorded.
    pub withheld_without_exception: String,
    /// Added to a withheld decision's sentence when the case has a report
    /// or notice, which is always published.
    pub report_published: String,
    /// ... when it has several.
    pub reports_published: String,
    /// Why a decision is not published, by its exception
    /// (`[publication.reasons]`).
    pub reasons: Reasons,
}

/// Why a decision is not published, by the exception the case file names
/// (`[publication] exception`): `{reason}` in the sentences of
/// [`Explanations`], and the covering letters' "because ..." (`doc.exception`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reasons {
    /// `PREMATURE`.
    pub premature: String,
    /// `REVIEW`: a review of the decision under way.
    pub review: String,
    /// `NOT_IN_INTERESTS.IDENTIFIABLE`.
    pub identifiable: String,
    /// `NOT_IN_INTERESTS.REQUEST`.
    pub request: String,
    /// `SOLE_TRADER`: a Part 3A provider who is a sole trader.
    pub sole_trader: String,
    /// `EMPLOYMENT`.
    pub employment: String,
    /// `CONSENT`.
    pub consent: String,
    /// `OTHER`.
    pub other: String,
}

impl Reasons {
    /// The reason an exception gives.
    pub fn of(&self, exception: Exception) -> &str {
        match exception {
            Exception::Premature => &self.premature,
            Exception::Review => &self.review,
            Exception::Identifiable => &self.identifiable,
            Exception::Request => &self.request,
            Exception::SoleTrader => &self.sole_trader,
            Exception::Employment => &self.employment,
            Exception::Consent => &self.consent,
            Exception::Other => &self.other,
        }
    }

    fn entries(&self) -> [(&str, &str); 8] {
        [
            ("premature", &self.premature),
            ("review", &self.review),
            ("identifiable", &self.identifiable),
            ("request", &self.request),
            ("sole_trader", &self.sole_trader),
            ("employment", &self.employment),
            ("consent", &self.consent),
            ("other", &self.other),
        ]
    }
}

impl ByJurisdiction {
    /// The entry for a jurisdiction.
    pub fn of(&self, jurisdiction: Jurisdiction) -> &str {
        match jurisdiction {
            Jurisdiction::Lgsco => &self.lgsco,
            Jurisdiction::LgscoPhso => &self.lgsco_phso,
            Jurisdiction::LgscoHos => &self.lgsco_hos,
        }
    }

    /// Each entry, with its key: the jurisdiction's code.
    pub fn entries(&self) -> [(&'static str, &str); 3] {
        [
            ("lgsco", &self.lgsco),
            ("lgsco_phso", &self.lgsco_phso),
            ("lgsco_hos", &self.lgsco_hos),
        ]
    }
}

impl LetterPowers {
    /// The powers a letter states.
    pub fn of(&self, code: LetterCode) -> &str {
        match code {
            LetterCode::StdDraft => &self.std_draft,
            LetterCode::StdFinal => &self.std_final,
            LetterCode::HosJoint => &self.hos_joint,
            LetterCode::S30 => &self.s30,
            LetterCode::S30Notify => &self.s30_notify,
            LetterCode::S31 => &self.s31,
            LetterCode::S18za => &self.s18za,
            LetterCode::S14_3 => &self.s14_3,
            LetterCode::Afn => &self.afn,
            LetterCode::S31_2D => &self.s31_2d,
        }
    }
}

impl Steps {
    /// Checks every step: none empty, none with a placeholder.
    pub fn check(&self) -> Result<(), String> {
        for (key, text) in [
            ("report", &self.report),
            ("further_report", &self.further_report),
            ("statement_required", &self.statement_required),
            ("joint_report", &self.joint_report),
            ("special_report", &self.special_report),
            ("notice_required", &self.notice_required),
        ] {
            check_entry("pending", key, text, &[])?;
        }
        Ok(())
    }
}

impl Titles {
    /// Checks every title: none empty, and only `{body}` in a letter's.
    pub fn check(&self) -> Result<(), String> {
        let plain = [
            ("name_key", &self.name_key),
            ("further_report", &self.further_report),
            ("joint_further_report", &self.joint_further_report),
            ("joint_report", &self.joint_report),
            ("special_report", &self.special_report),
            ("adverse_findings_notice", &self.adverse_findings_notice),
            ("letter.complainant", &self.letter.complainant),
            ("letter.all", &self.letter.all),
        ];
        for (key, text) in plain {
            check_entry("titles", key, text, &[])?;
        }
        check_entry("titles", "letter.body", &self.letter.body, &["body"])?;
        for (table, by) in [
            ("report", &self.report),
            ("decision", &self.decision),
            ("draft_decision", &self.draft_decision),
        ] {
            for (key, text) in by.entries() {
                check_entry("titles", &format!("{table}.{key}"), text, &[])?;
            }
        }
        Ok(())
    }
}

impl Powers {
    /// Checks every entry: none empty, none with a placeholder.
    pub fn check(&self) -> Result<(), String> {
        let plain = [
            ("draft_decision", &self.draft_decision),
            ("name_key", &self.name_key),
            ("report", &self.report),
            ("further_report", &self.further_report),
            ("joint_report", &self.joint_report),
            ("special_report", &self.special_report),
            ("adverse_findings_notice", &self.adverse_findings_notice),
        ];
        for (key, text) in plain {
            check_entry("powers", key, text, &[])?;
        }
        for (key, text) in self.decision.entries() {
            check_entry("powers", &format!("decision.{key}"), text, &[])?;
        }
        for code in LetterCode::ALL {
            let key = format!("letters.\"{}\"", code.code());
            check_entry("powers", &key, self.letters.of(code), &[])?;
        }
        Ok(())
    }
}

impl Explanations {
    /// Checks every sentence: none empty, and only the placeholders each
    /// can fill.
    pub fn check(&self) -> Result<(), String> {
        let exception: &[&str] = &["code", "reason"];
        let entries: [(&str, &str, &[&str]); 8] = [
            ("published_from", &self.published_from, &["date"]),
            ("published", &self.published, &[]),
            ("draft", &self.draft, &[]),
            ("withheld", &self.withheld, exception),
            (
                "withheld_until_review",
                &self.withheld_until_review,
                exception,
            ),
            (
                "withheld_without_exception",
                &self.withheld_without_exception,
                &[],
            ),
            ("report_published", &self.report_published, &[]),
            ("reports_published", &self.reports_published, &[]),
        ];
        for (key, text, allowed) in entries {
            check_entry("publication", key, text, allowed)?;
        }
        for (key, text) in self.reasons.entries() {
            check_entry("publication.reasons", key, text, &[])?;
        }
        Ok(())
    }
}

/// Checks one entry of a table of `rules.toml`: not empty, and every
/// `{placeholder}` in it one that `allowed` names.
pub fn check_entry(table: &str, key: &str, text: &str, allowed: &[&str]) -> Result<(), String> {
    // An entry at the top of its file, outside any table, is named alone.
    let entry = if table.is_empty() {
        format!("`{key}`")
    } else {
        format!("[{table}] `{key}`")
    };
    if text.trim().is_empty() {
        return Err(format!(
            "{entry} is empty: give the words the documents print"
        ));
    }
    for name in placeholders(text) {
        if !allowed.contains(&name) {
            let offered = match allowed {
                [] => "it takes none".to_string(),
                _ => format!("it takes {{{}}}", allowed.join("}, {")),
            };
            return Err(format!(
                "{entry} has the placeholder {{{name}}}, which redress cannot fill: {offered}"
            ));
        }
    }
    Ok(())
}

/// The names of the `{placeholders}` in a text.
fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

/// The text with each `{name}` of `values` replaced by its value, in one
/// pass (a value that itself holds braces is left as it is).
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.split_once('}').and_then(|(name, tail)| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, tail))
        });
        match value {
            Some((v, tail)) => {
                out.push_str(v);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The bundled words, for the tests.
#[cfg(test)]
pub(crate) fn bundled() -> Words<'static> {
    #[derive(Deserialize)]
    struct Tables {
        titles: Titles,
        powers: Powers,
        pending: Steps,
        publication: Explanations,
    }
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    let t = TABLES.get_or_init(|| {
        toml::from_str(include_str!("../../templates/rules.toml")).expect("the bundled rules.toml")
    });
    Words {
        titles: &t.titles,
        powers: &t.powers,
        pending: &t.pending,
        publication: &t.publication,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_one_pass() {
        assert_eq!(
            fill("Covering letter to {body}", &[("body", "the Council")]),
            "Covering letter to the Council"
        );
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "x")]), "{b} x");
        assert_eq!(fill("no {such} {", &[("a", "x")]), "no {such} {");
    }

    #[test]
    fn the_bundled_tables_are_complete_and_fill_only_what_they_can() {
        let words = bundled();
        words.titles.check().unwrap();
        words.powers.check().unwrap();
        words.pending.check().unwrap();
        words.publication.check().unwrap();
        let err = check_entry("titles", "report.lgsco", "Report {to}", &[]).unwrap_err();
        assert!(err.contains("[titles] `report.lgsco`"), "{err}");
        assert!(err.contains("{to}"), "{err}");
        let err = check_entry("titles", "name_key", " ", &[]).unwrap_err();
        assert!(err.contains("`name_key` is empty"), "{err}");
    }
}
