//! What a match is: its category, where it comes from, what replaces it and
//! whether a person should check it.

use std::ops::Range;

use serde::Serialize;

/// What kind of identifier a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A listed person's name (any form).
    Name,
    /// A surname shared by several people, not attributable to one.
    AmbiguousName,
    /// A listed street address.
    Address,
    /// A postcode.
    Postcode,
    /// A phone number.
    Phone,
    /// An email address.
    Email,
    /// An NHS number.
    NhsNumber,
    /// A National Insurance number.
    NiNumber,
    /// A date of birth.
    DateOfBirth,
    /// A full date of death (generalised to month and year).
    DateOfDeath,
    /// A term the case asked to generalise.
    Generalised,
    /// A vehicle registration.
    Vehicle,
    /// A bank sort code, account number or IBAN.
    BankDetails,
    /// A web address or username that carries a listed name.
    OnlineId,
    /// A number another record knows a person by: a hospital number, a
    /// tenancy or council tax reference.
    RecordNumber,
}

impl Category {
    /// The entity name the anon-bench scorer (Presidio's names) uses.
    pub fn bench_type(self) -> &'static str {
        match self {
            Self::Name | Self::AmbiguousName => "PERSON",
            Self::Address => "LOCATION",
            Self::Postcode => "UK_POSTCODE",
            Self::Phone => "PHONE_NUMBER",
            Self::Email => "EMAIL_ADDRESS",
            Self::NhsNumber => "UK_NHS",
            Self::NiNumber => "UK_NINO",
            Self::DateOfBirth | Self::DateOfDeath => "DATE_TIME",
            Self::Generalised => "GENERALISED",
            Self::Vehicle => "UK_VEHICLE_REGISTRATION",
            Self::BankDetails => "IBAN_CODE",
            Self::OnlineId => "URL",
            Self::RecordNumber => "RECORD_NUMBER",
        }
    }

    /// The placeholder printed in its place (names print the label instead).
    pub fn placeholder(self) -> &'static str {
        match self {
            Self::Name | Self::AmbiguousName => "[name]",
            Self::Address => "[address]",
            Self::Postcode => "[postcode]",
            Self::Phone => "[phone number]",
            Self::Email => "[email address]",
            Self::NhsNumber => "[NHS number]",
            Self::NiNumber => "[National Insurance number]",
            Self::DateOfBirth => "[date of birth]",
            Self::DateOfDeath => "[date of death]",
            Self::Generalised => "[generalised]",
            Self::Vehicle => "[vehicle registration]",
            Self::BankDetails => "[bank details]",
            Self::OnlineId => "[username]",
            Self::RecordNumber => "[record number]",
        }
    }

    /// In words, for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::AmbiguousName => "name shared by several people",
            Self::Address => "address",
            Self::Postcode => "postcode",
            Self::Phone => "phone number",
            Self::Email => "email address",
            Self::NhsNumber => "NHS number",
            Self::NiNumber => "National Insurance number",
            Self::DateOfBirth => "date of birth",
            Self::DateOfDeath => "date of death",
            Self::Generalised => "term to generalise",
            Self::Vehicle => "vehicle registration",
            Self::BankDetails => "bank details",
            Self::OnlineId => "web address or username",
            Self::RecordNumber => "record number",
        }
    }
}

/// One listed identifier found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Listed in the case, or found by a detector.
    pub source: Source,
    /// Byte range in the text.
    pub range: Range<usize>,
    /// What it is.
    pub category: Category,
    /// Whose it is (index into `case.people`), where known.
    pub person: Option<usize>,
    /// What to print instead.
    pub replacement: String,
    /// Why a person should look at it, if they should.
    pub doubt: Option<Doubt>,
}

impl Hit {
    /// A hit with no doubt about it.
    pub(crate) fn new(
        source: Source,
        range: Range<usize>,
        category: Category,
        person: Option<usize>,
        replacement: impl Into<String>,
    ) -> Self {
        Self {
            source,
            range,
            category,
            person,
            replacement: replacement.into(),
            doubt: None,
        }
    }

    /// The same hit, with a doubt.
    #[must_use]
    pub(crate) fn doubted(mut self, doubt: Option<Doubt>) -> Self {
        self.doubt = doubt;
        self
    }
}

/// Why a replacement needs a person's eye before publication. Holds labels,
/// never original values.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Doubt {
    /// A name that is also a word, where no rule decides which the text
    /// means ("Grace was upset"): the label was printed.
    UndecidedWord {
        /// The label printed.
        label: String,
    },
    /// A name more than one person has, that nothing in the text tells
    /// apart ("Mrs Okonkwo" for a mother and a daughter).
    Shared {
        /// The labels of the people it could be.
        candidates: Vec<String>,
    },
    /// A word a letter or two from a listed name ("Kowalczik"): probably a
    /// misspelling of that person's name.
    NearMiss {
        /// The labels of the people whose name it is near.
        candidates: Vec<String>,
    },
    /// A short form of a listed given name the pet-name table does not
    /// know ("Seun" for Oluwaseun): probably that person, perhaps someone
    /// else with a name of their own.
    ShortForm {
        /// The labels of the people whose given name it shortens.
        candidates: Vec<String>,
    },
    /// A listed name inside a longer name that is not listed: a misspelt
    /// double-barrelled name ("Mrs D Tranter-Wylde"), a surname written
    /// after a given name ("Grainne O'Sullivan"), or two people's names
    /// side by side. The whole name was taken.
    PartOfName {
        /// The labels of the people whose name it holds.
        candidates: Vec<String>,
    },
    /// A sentence whose point was the name itself (a misspelling, a
    /// nickname, a wrong name on a letter): the label keeps the person
    /// safe and loses what the sentence says.
    NamePoint {
        /// The label printed.
        label: String,
        /// Why the text used the name, where the case says.
        #[serde(skip_serializing_if = "Option::is_none")]
        alias: Option<crate::case::AliasKind>,
    },
    /// A label and the words around it say the same thing twice ("C's
    /// physiotherapist was the physiotherapist", "Mrs Y, known as Mrs Y").
    Tautology {
        /// The label printed.
        label: String,
    },
}

impl Doubt {
    /// The stable kind of the doubt, as `redactions.json` writes it and
    /// `check` names its warning (with hyphens).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::UndecidedWord { .. } => "undecided_word",
            Self::Shared { .. } => "shared",
            Self::NearMiss { .. } => "near_miss",
            Self::ShortForm { .. } => "short_form",
            Self::PartOfName { .. } => "part_of_name",
            Self::NamePoint { .. } => "name_point",
            Self::Tautology { .. } => "tautology",
        }
    }

    /// Whether the doubt is about how the published sentence reads (a
    /// label that garbles it), not about whose name it is.
    pub fn is_garble(&self) -> bool {
        matches!(self, Self::NamePoint { .. } | Self::Tautology { .. })
    }
}

/// Where a hit comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A detector found it and it is only reported (too weak to replace).
    Flagged,
    /// A detector found it: a heuristic shape.
    Heuristic,
    /// A detector found it: a validated shape.
    Validated,
    /// A term the case asked to generalise.
    Generalised,
    /// Listed in the case file.
    Listed,
}

/// How strong a claim a hit makes, for resolving overlaps: listed beats
/// validated beats heuristic; within listed, structured values beat
/// addresses beat names.
pub(super) fn priority(hit: &Hit) -> u8 {
    let within = match hit.category {
        Category::Address => 1,
        Category::Name | Category::AmbiguousName => 0,
        _ => 2,
    };
    match hit.source {
        Source::Listed => 10 + within,
        Source::Generalised => 8,
        Source::Validated => 6,
        Source::Heuristic => 4,
        Source::Flagged => 2,
    }
}
