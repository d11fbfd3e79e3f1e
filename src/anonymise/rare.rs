//! Which of the anonymiser's rarer patterns a text can match, as plain
//! facts: the one pass that finds them out is the identifiers' (it knows
//! every pattern), and the stages that own each pattern read these flags
//! before running it.
//!
//! Seven patterns (phone numbers, NHS numbers, National Insurance numbers,
//! postcodes, street addresses, the text no detector may touch, the words
//! that introduce a person) match in few of a case's texts, yet each costs
//! a scan of every byte. One scan of a set made of all seven says which can
//! match at all: a pattern it rules out has no match, so skipping it
//! changes nothing.

/// The rarer patterns a text can match. [`Rare::UNREAD`] says every one
/// may: what a caller passes when it has not read the text for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rare {
    /// A phone number's shape.
    pub phone: bool,
    /// An NHS number's shape (three, three and four digits).
    pub nhs: bool,
    /// A National Insurance number's shape.
    pub nino: bool,
    /// A postcode's shape.
    pub postcode: bool,
    /// A street address (a number, names and a street's kind).
    pub street: bool,
    /// A reference, a sum of money, a statute or one of its sections.
    pub protected: bool,
    /// A word that introduces a person ("her neighbour", "a man named").
    pub introduced: bool,
}

impl Rare {
    /// Every pattern may match: each runs.
    pub(crate) const UNREAD: Self = Self {
        phone: true,
        nhs: true,
        nino: true,
        postcode: true,
        street: true,
        protected: true,
        introduced: true,
    };
}
