//! The organisations in a case: the bodies complained about (and others
//! named), what kind each is, and who letters to them are addressed to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prose::Prose;
use super::texts::{no_text, texts};

/// An organisation in the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// A short id used to refer to this body elsewhere in the file.
    pub id: String,
    /// Legal name: "Calderbrook Metropolitan Borough Council".
    pub name: String,
    /// The defined short name used in the text: "the Council".
    pub short_name: String,
    /// Trading names and other names the text uses (kept, never redacted).
    #[serde(default)]
    pub other_names: Vec<String>,
    /// What the publication copies call the body instead of `name` and
    /// `other_names`, when these are or hold a person's name ("Dr S Anand &
    /// Partners" → "the GP practice"). `redress check` asks for one when a
    /// body's name holds a listed person's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_name: Option<String>,
    /// What kind of body, which decides the powers that apply.
    pub kind: BodyKind,
    /// This body's record reference: the case number, with a letter suffix for
    /// the second and later bodies (`23 004 118a`).
    pub reference: String,
    /// Website category for this body's record.
    #[serde(default)]
    pub category: Option<Prose>,
    /// Who letters are addressed to.
    #[serde(default)]
    pub addressee: Option<Addressee>,
    /// Why the refusal of this body is of particular importance (health bodies):
    /// recorded when the Ombudsmen decide a special report under s14(3) is due.
    #[serde(default)]
    pub particular_importance: Option<Prose>,
    /// For a health body: which part of the PHSO's remit brings it into
    /// jurisdiction (Health Service Commissioners Act 1993, section 3).
    #[serde(default)]
    pub remit: Option<HealthRemit>,
}

/// How a health body comes within the Health Service Commissioner's remit
/// (Health Service Commissioners Act 1993, section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HealthRemit {
    /// An NHS body: an NHS trust or foundation trust, an integrated care
    /// board, NHS England (section 3(1)).
    #[default]
    HealthServiceBody,
    /// A GP practice, dentist, pharmacist or optician under contract to the
    /// NHS (a family health service provider, section 3(1A)).
    FamilyHealthServiceProvider,
    /// An independent provider of NHS-funded services (section 3(1C)).
    IndependentProvider,
}

/// The kinds of body, by the law that brings them into jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// A council, under Part 3 of the Local Government Act 1974.
    Council,
    /// An NHS body or provider of NHS services, under the Health Service
    /// Commissioners Act 1993.
    HealthBody,
    /// An independent adult social care provider, under Part 3A of the 1974 Act.
    CareProvider,
    /// A social landlord, under the Housing Ombudsman Scheme.
    HousingLandlord,
}

/// The person letters to a body are addressed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Addressee {
    /// Their name (never published).
    pub name: String,
    /// Their position: "Chief Executive".
    pub position: String,
    /// Postal address.
    #[serde(default)]
    pub address: Option<String>,
}

// `particular_importance` before `category`: the order the anonymiser's
// log has always listed them in.
texts!(Body {
    id,
    name,
    short_name,
    other_names,
    published_name,
    kind,
    reference,
    particular_importance,
    category,
    addressee,
    remit,
});

texts!(Addressee {
    name,
    position,
    address,
});

no_text!(HealthRemit, BodyKind);
