//! What the planner produces: the kinds of document, the covering letters
//! by the powers they state, who a letter is addressed to, and each planned
//! document with the copies (variants) made of it. Every later stage reads
//! these types; they import nothing but `serde` and the case's dates.

use serde::Serialize;

use crate::case::Date;

/// The kinds of document redress makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// The decision statement (draft or final).
    Decision,
    /// A report under s30 of the Local Government Act 1974.
    Report,
    /// A further report under s31(2A) of the 1974 Act.
    FurtherReport,
    /// A joint report under s18ZA of the 1993 Act and s33ZA of the 1974 Act.
    JointReport,
    /// A special report under s14(3) of the 1993 Act.
    SpecialReport,
    /// An adverse findings notice under s34I of the 1974 Act (Part 3A).
    Notice,
    /// The statement a council is required to publish under s31(2D) of the
    /// 1974 Act: its letter (CL-S31-2D) says what it must contain. Letters
    /// cover it; redress makes no document of its own for it.
    Statement,
    /// The confidential key to the names of an anonymised draft.
    NameKey,
    /// A covering letter.
    Letter(LetterCode),
}

/// The covering letters, by the powers they state (docs/domain.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum LetterCode {
    /// Draft decision for comment.
    #[serde(rename = "CL-STD-DRAFT")]
    StdDraft,
    /// Final decision, remedies agreed.
    #[serde(rename = "CL-STD-FINAL")]
    StdFinal,
    /// One joint letter for an LGSCO/Housing Ombudsman decision.
    #[serde(rename = "CL-HOS-JOINT")]
    HosJoint,
    /// The decision is a report under s30: to the council at fault.
    #[serde(rename = "CL-S30")]
    S30,
    /// A report was issued about another body: to everyone else.
    #[serde(rename = "CL-S30-NOTIFY")]
    S30Notify,
    /// A further report under s31(2A): to the council.
    #[serde(rename = "CL-S31")]
    S31,
    /// A joint report under s18ZA / s33ZA: to the health body.
    #[serde(rename = "CL-S18ZA")]
    S18za,
    /// A special report under s14(3): to the health body and the complainant.
    #[serde(rename = "CL-S14-3")]
    S14_3,
    /// An adverse findings notice: to the care provider.
    #[serde(rename = "CL-AFN")]
    Afn,
    /// The requirement to publish a statement under s31(2D): to the
    /// council.
    #[serde(rename = "CL-S31-2D")]
    S31_2D,
}

impl LetterCode {
    /// Every code.
    pub const ALL: [LetterCode; 10] = [
        Self::StdDraft,
        Self::StdFinal,
        Self::HosJoint,
        Self::S30,
        Self::S30Notify,
        Self::S31,
        Self::S18za,
        Self::S14_3,
        Self::Afn,
        Self::S31_2D,
    ];

    /// The code as the manual writes it.
    pub fn code(self) -> &'static str {
        match self {
            Self::StdDraft => "CL-STD-DRAFT",
            Self::StdFinal => "CL-STD-FINAL",
            Self::HosJoint => "CL-HOS-JOINT",
            Self::S30 => "CL-S30",
            Self::S30Notify => "CL-S30-NOTIFY",
            Self::S31 => "CL-S31",
            Self::S18za => "CL-S18ZA",
            Self::S14_3 => "CL-S14-3",
            Self::Afn => "CL-AFN",
            Self::S31_2D => "CL-S31-2D",
        }
    }
}

/// Who a letter is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "id")]
pub enum Recipient {
    /// The complainant.
    Complainant,
    /// A body, by id.
    Body(String),
    /// Everyone, in one joint letter.
    All,
}

/// One document to make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentPlan {
    /// What it is.
    pub kind: DocKind,
    /// The file stem: `decision`, `report`, `letter-s30-council`.
    pub file: String,
    /// The template that renders it.
    pub template: &'static str,
    /// Its title, as in the PDF metadata (`rules.toml` `[titles]`).
    pub title: String,
    /// The powers it is issued under, in brief (`rules.toml` `[powers]`).
    pub powers: String,
    /// Who it is addressed to (letters).
    pub recipient: Option<Recipient>,
    /// The body whose non-compliance it is about (escalation documents).
    pub about: Option<String>,
    /// The escalation document a letter covers.
    pub covers: Option<DocKind>,
    /// The document's date (also its PDF date): the document shows what
    /// was known on it, and its deadlines run from it.
    pub date: Date,
    /// Which copies are made.
    pub copies: Copies,
}

/// The copies made of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Copies {
    /// A publication copy (anonymised, verified clean) and the internal
    /// copy: decisions, reports, notices.
    PublicationAndInternal,
    /// The internal copy only: letters (addressed to named people, never
    /// published) and the key to names of a draft.
    InternalOnly,
    /// The anonymised copy only, verified clean like a publication copy
    /// but never published: the draft sent to the parties for comment.
    AnonymisedOnly,
}

impl DocumentPlan {
    /// The variants made of this document.
    pub fn variants(&self) -> &'static [Variant] {
        match self.copies {
            Copies::PublicationAndInternal => &[Variant::Redacted, Variant::Unredacted],
            Copies::InternalOnly => &[Variant::Unredacted],
            Copies::AnonymisedOnly => &[Variant::Redacted],
        }
    }

    /// Whether its anonymised copy is a publication copy (one that may go
    /// on the website).
    pub fn publication_copy(&self) -> bool {
        self.copies == Copies::PublicationAndInternal
    }
}

/// Which variant of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// For publication: labels, no personal details, verified clean.
    Redacted,
    /// The internal file copy, with real names: NOT FOR PUBLICATION.
    Unredacted,
}

impl Variant {
    /// The word used in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Redacted => "redacted",
            Self::Unredacted => "unredacted",
        }
    }
}
