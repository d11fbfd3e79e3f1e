//! The offices' words around a document's text, from `templates/rules.toml`:
//! the running head of every page (`[running_heads]`), how an internal
//! copy, a preview and a draft are marked in their PDF metadata
//! (`[markings]`), and how the documents name the Ombudsmen, the staff
//! who sign and an addressee the case file does not name (`[names]`). The
//! context ([`super::super::context`]) picks the entry by the document's
//! kind, the case's stage and jurisdiction; the words are the office's.

use serde::{Deserialize, Serialize};

use crate::case::Stage;
use crate::plan::{ByJurisdiction, DocKind, check_entry};

/// The short title at the top of every page, by kind of document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunningHeads {
    /// A final decision.
    pub decision: String,
    /// A draft decision.
    pub draft_decision: String,
    /// The key to names of a draft.
    pub name_key: String,
    /// A report.
    pub report: String,
    /// A further report.
    pub further_report: String,
    /// A joint report.
    pub joint_report: String,
    /// A special report.
    pub special_report: String,
    /// An adverse findings notice.
    pub adverse_findings_notice: String,
    /// A covering letter.
    pub letter: String,
    /// A covering letter of a draft decision.
    pub draft_letter: String,
}

/// How copies not for publication are marked in their PDF metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markings {
    /// The PDF title of an internal copy; `{title}` is the document's
    /// title, `{reference}` the case's.
    pub not_for_publication: String,
    /// The PDF title of a preview of a held publication copy.
    pub preview: String,
    /// The keywords added to an internal copy.
    pub not_for_publication_keywords: Vec<String>,
    /// The keywords added to a preview.
    pub preview_keywords: Vec<String>,
    /// The keywords added to every copy of a draft's documents.
    pub draft_keywords: Vec<String>,
}

/// How the documents name the Ombudsmen, the staff who sign, and an
/// addressee the case file does not name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// On whose behalf the Housing Ombudsman's adjudicator signs.
    pub housing_ombudsman: String,
    /// The investigator's title when the case file gives none.
    pub investigator: String,
    /// The adjudicator's title when the case file gives none.
    pub adjudicator: String,
    /// Whom a letter greets when its addressee is not named ("Dear …,").
    pub unnamed_addressee: String,
    /// The Ombudsman, or the Ombudsmen of a joint case, by jurisdiction:
    /// "the Ombudsmen" (the investigator signs on their behalf).
    pub ombudsmen: ByJurisdiction,
    /// The same, possessive: "Ombudsmen's" ("The Ombudsmen's role and
    /// powers").
    pub ombudsmen_s: ByJurisdiction,
}

impl RunningHeads {
    /// The running head of a document. A statement under s31(2D) has no
    /// document of its own: its letter carries it.
    pub fn of(&self, kind: DocKind, stage: Stage) -> &str {
        let draft = stage == Stage::Draft;
        match kind {
            DocKind::Decision if draft => &self.draft_decision,
            DocKind::Decision => &self.decision,
            DocKind::NameKey => &self.name_key,
            DocKind::Report => &self.report,
            DocKind::FurtherReport => &self.further_report,
            DocKind::JointReport => &self.joint_report,
            DocKind::SpecialReport => &self.special_report,
            DocKind::Notice => &self.adverse_findings_notice,
            DocKind::Statement | DocKind::Letter(_) if draft => &self.draft_letter,
            DocKind::Statement | DocKind::Letter(_) => &self.letter,
        }
    }

    /// Checks every head: none empty, none with a placeholder.
    pub fn check(&self) -> Result<(), String> {
        for (key, text) in [
            ("decision", &self.decision),
            ("draft_decision", &self.draft_decision),
            ("name_key", &self.name_key),
            ("report", &self.report),
            ("further_report", &self.further_report),
            ("joint_report", &self.joint_report),
            ("special_report", &self.special_report),
            ("adverse_findings_notice", &self.adverse_findings_notice),
            ("letter", &self.letter),
            ("draft_letter", &self.draft_letter),
        ] {
            check_entry("running_heads", key, text, &[])?;
        }
        Ok(())
    }
}

impl Markings {
    /// Checks the titles (`{title}` and `{reference}` only) and that no
    /// keyword is empty.
    pub fn check(&self) -> Result<(), String> {
        let filled = &["title", "reference"];
        check_entry(
            "markings",
            "not_for_publication",
            &self.not_for_publication,
            filled,
        )?;
        check_entry("markings", "preview", &self.preview, filled)?;
        for (key, list) in [
            (
                "not_for_publication_keywords",
                &self.not_for_publication_keywords,
            ),
            ("preview_keywords", &self.preview_keywords),
            ("draft_keywords", &self.draft_keywords),
        ] {
            for word in list {
                check_entry("markings", key, word, &[])?;
            }
        }
        Ok(())
    }
}

impl Names {
    /// Checks every name: none empty, none with a placeholder.
    pub fn check(&self) -> Result<(), String> {
        for (key, text) in [
            ("housing_ombudsman", &self.housing_ombudsman),
            ("investigator", &self.investigator),
            ("adjudicator", &self.adjudicator),
            ("unnamed_addressee", &self.unnamed_addressee),
        ] {
            check_entry("names", key, text, &[])?;
        }
        for (table, by) in [
            ("ombudsmen", &self.ombudsmen),
            ("ombudsmen_s", &self.ombudsmen_s),
        ] {
            for (key, text) in by.entries() {
                check_entry("names", &format!("{table}.{key}"), text, &[])?;
            }
        }
        Ok(())
    }
}
