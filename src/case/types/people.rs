//! The natural persons a case mentions: their names, titles, roles and
//! relationships, and the terms that identify someone indirectly.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prose::Prose;
use super::texts::{no_text, texts};
use crate::case::alias::Alias;
use crate::case::date::Date;

/// A natural person mentioned in the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// A short id used to refer to this person elsewhere in the file.
    pub id: String,
    /// Full name, given names first: "Margaret O'Neill".
    pub name: String,
    /// The family name, when it is not the last word of `name`.
    #[serde(default)]
    pub family_name: Option<String>,
    /// Mr, Mrs, Ms, Miss, Mx or Dr (adults only).
    #[serde(default)]
    pub title: Option<Title>,
    /// Other names the text uses: nicknames, maiden names, other spellings,
    /// as plain names or typed (`{ text = "Mrs Wilde", kind = "misspelling" }`).
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// The person's part in the case.
    pub role: Role,
    /// A child or young person: referred to by a letter only.
    #[serde(default)]
    pub child: bool,
    /// How this person is related to another, e.g. `{ to = "debs", as = "mother" }`.
    #[serde(default)]
    pub relationship: Option<Relationship>,
    /// The label used in published documents ("Mrs X", "C"); assigned if absent.
    #[serde(default)]
    pub label: Option<String>,
    /// For officers and clinicians: the role used instead of the name.
    #[serde(default)]
    pub job_role: Option<Prose>,
    /// In a joint case with the Housing Ombudsman: how its parts of the
    /// document refer to this person ("the resident", "Mr A").
    #[serde(default)]
    pub hos_label: Option<String>,
    /// For officers and clinicians: the body they work for.
    #[serde(default)]
    pub body: Option<String>,
    /// Postal addresses, the first one used for letters.
    #[serde(default)]
    pub addresses: Vec<String>,
    /// Postcodes not already part of an address.
    #[serde(default)]
    pub postcodes: Vec<String>,
    /// Telephone numbers, in any format.
    #[serde(default)]
    pub phones: Vec<String>,
    /// Email addresses.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Date of birth.
    #[serde(default)]
    pub born: Option<Date>,
    /// Date of death.
    #[serde(default)]
    pub died: Option<Date>,
    /// NHS number (ten digits).
    #[serde(default)]
    pub nhs_number: Option<String>,
    /// National Insurance number.
    #[serde(default)]
    pub ni_number: Option<String>,
    /// The numbers other records know the person by: a hospital number, a
    /// tenancy, rent or council tax reference, a benefit claim, a pupil
    /// number ("RX1 234567"). Found however the text spaces or cases them.
    #[serde(default)]
    pub record_numbers: Vec<String>,
}

/// A title used before a surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Title {
    /// Mr
    Mr,
    /// Mrs
    Mrs,
    /// Ms
    Ms,
    /// Miss
    Miss,
    /// Mx
    Mx,
    /// Dr
    Dr,
}

impl Title {
    /// The title as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mr => "Mr",
            Self::Mrs => "Mrs",
            Self::Ms => "Ms",
            Self::Miss => "Miss",
            Self::Mx => "Mx",
            Self::Dr => "Dr",
        }
    }

    /// Every title, for matching.
    pub const ALL: [Title; 6] = [
        Self::Mr,
        Self::Mrs,
        Self::Ms,
        Self::Miss,
        Self::Mx,
        Self::Dr,
    ];
}

/// A person's part in the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Made the complaint.
    Complainant,
    /// Suffered the injustice complained about.
    PersonAffected,
    /// Complained on someone else's behalf.
    Representative,
    /// A family member.
    Relative,
    /// A neighbour.
    Neighbour,
    /// Someone working for a body.
    Officer,
    /// A doctor, nurse or therapist.
    Clinician,
    /// An elected councillor.
    Councillor,
    /// A Member of Parliament.
    Mp,
    /// A witness.
    Witness,
    /// Anyone else.
    Other,
}

impl Role {
    /// People referred to by their job role rather than a letter.
    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Self::Officer | Self::Clinician | Self::Councillor | Self::Mp
        )
    }
}

/// How a person is related to another person in the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// The other person's id.
    pub to: String,
    /// What this person is to them: "mother", "son", "daughter".
    #[serde(rename = "as")]
    pub relation: Prose,
}

/// A term that identifies someone indirectly, and what to print instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Generalisation {
    /// The term as the text writes it: "St Ives Lane Primary".
    pub term: String,
    /// What to print instead: "the School".
    pub replacement: String,
}

texts!(Person {
    id,
    name,
    family_name,
    title,
    aliases,
    role,
    child,
    relationship,
    label,
    job_role,
    hos_label,
    body,
    addresses,
    postcodes,
    phones,
    emails,
    born,
    died,
    nhs_number,
    ni_number,
    record_numbers,
});

texts!(Relationship { to, relation as "as" });

texts!(Generalisation { term, replacement });

no_text!(Title, Role);
