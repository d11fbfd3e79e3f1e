//! The case file: the facts of one complaint, as an investigator writes them.
//!
//! One schema for TOML (written by people) and JSON (written by case systems).
//! Every struct rejects unknown fields, so a misspelt key is an error with a
//! "did you mean" hint rather than silently ignored. Prose fields hold plain
//! text with real names: paragraphs are separated by a blank line and a line
//! starting `- ` is a list item. Nothing in a case file is ever executed.
//!
//! [`load`] reads and parses a file, [`validate`] checks what serde cannot.

mod alias;
mod date;
mod doc_checks;
mod help;
mod limits;
mod load;
mod outcome;
mod publication;
mod schema;
mod tree;
mod validate;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use alias::{Alias, AliasKind};
pub use date::{Date, Deadline, MONTHS, Money, number_name};
pub(crate) use doc_checks::issues_document;
pub use limits::{MAX_DEPTH, MAX_FILE_BYTES};
pub use load::{Loaded, load, load_bytes, load_str, load_toml, locate};
pub use outcome::{
    Answer, BodyOutcome, Determined, OutcomeDetail, Statistics, answer, injustice_to,
    outcome_detail, status_as_of, website_decision,
};
pub use schema::schema;
pub(crate) use tree::Seg;
pub use validate::{Coverage, MAX_FIELD_CHARS};
pub(crate) use validate::{parse_label, real_initials};

/// The facts of one complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The schema this file follows (`redress schema`), for editors of JSON
    /// case files; redress itself ignores it. TOML files name theirs in a
    /// `#:schema` comment instead.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// References, dates and the summary.
    pub case: CaseInfo,
    /// Every natural person the case mentions.
    #[serde(default)]
    pub people: Vec<Person>,
    /// The organisations complained about (and others named in the case).
    pub bodies: Vec<Body>,
    /// What the complainant complained about.
    pub complaint: Complaint,
    /// Scope and evidence.
    #[serde(default)]
    pub investigation: Investigation,
    /// Relevant law and guidance.
    #[serde(default)]
    pub law: Vec<LawItem>,
    /// Findings, per body.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The remedies recommended (or, for the Housing Ombudsman, ordered).
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    /// The decision.
    pub outcome: Outcome,
    /// Whether and how the decision is published.
    #[serde(default)]
    pub publication: Publication,
    /// What happened after the decision when a body did not comply.
    #[serde(default)]
    pub escalation: Escalation,
    /// Terms that identify someone indirectly, and what to write instead.
    #[serde(default)]
    pub generalise: Vec<Generalisation>,
    /// What publication staff have reviewed.
    #[serde(default)]
    pub review: Review,
}

/// References, dates and the summary of the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseInfo {
    /// The Ombudsman's reference, `YY NNN NNN`.
    pub reference: String,
    /// Which Ombudsmen investigated.
    pub jurisdiction: Jurisdiction,
    /// Draft (for comment) or final.
    #[serde(default)]
    pub stage: Stage,
    /// Website category, e.g. "Adult care services > Assessment and care plan".
    #[serde(default)]
    pub category: Option<String>,
    /// When the complaint was received.
    #[serde(default)]
    pub received: Option<Date>,
    /// The date of this decision (draft or final); also the PDF's date.
    pub decision_date: Date,
    /// The Housing Ombudsman's complaint reference, for joint housing cases.
    #[serde(default)]
    pub hos_reference: Option<String>,
    /// The Summary: one paragraph, in "we".
    pub summary: String,
    /// When the draft decision was sent to the parties for comment (a
    /// final decision follows it; a draft is dated `decision_date`).
    #[serde(default)]
    pub draft_sent: Option<Date>,
    /// The investigator who signs the decision and the letters, with the
    /// office's contact details (never anonymised: they are the office's,
    /// not a party's). Required: an unsigned decision or letter is an error.
    #[serde(default)]
    pub investigator: Option<Investigator>,
    /// In a joint case with the Housing Ombudsman: its adjudicator, who
    /// signs the decision and the joint letter with the investigator.
    #[serde(default)]
    pub adjudicator: Option<Investigator>,
}

/// The investigator named in letters, and how to reach them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Investigator {
    /// Their name, as they sign: "Aisha Thorne".
    pub name: String,
    /// Their job title; "Investigator" when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// Their office telephone line.
    #[serde(default)]
    pub phone: Option<String>,
    /// Their office email address.
    #[serde(default)]
    pub email: Option<String>,
}

/// Which Ombudsmen investigated the complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    /// The Local Government and Social Care Ombudsman alone.
    Lgsco,
    /// LGSCO and the Parliamentary and Health Service Ombudsman jointly.
    LgscoPhso,
    /// LGSCO and the Housing Ombudsman jointly.
    LgscoHos,
}

impl Jurisdiction {
    /// Whether two Ombudsmen are involved.
    pub fn is_joint(self) -> bool {
        !matches!(self, Self::Lgsco)
    }
}

/// Draft or final decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Sent to the parties for comment.
    Draft,
    /// The decision.
    #[default]
    Final,
}

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
    pub job_role: Option<String>,
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

    /// How the key to names describes the role.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Complainant => "the complainant",
            Self::PersonAffected => "the person affected",
            Self::Representative => "the complainant's representative",
            Self::Relative => "a relative",
            Self::Neighbour => "a neighbour",
            Self::Officer => "an officer",
            Self::Clinician => "a clinician",
            Self::Councillor => "a councillor",
            Self::Mp => "a Member of Parliament",
            Self::Witness => "a witness",
            Self::Other => "a person mentioned",
        }
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
    pub relation: String,
}

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
    pub category: Option<String>,
    /// Who letters are addressed to.
    #[serde(default)]
    pub addressee: Option<Addressee>,
    /// Why the refusal of this body is of particular importance (health bodies):
    /// recorded when the Ombudsmen decide a special report under s14(3) is due.
    #[serde(default)]
    pub particular_importance: Option<String>,
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

/// What the complainant complained about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Complaint {
    /// The points of complaint, each against one body.
    pub points: Vec<ComplaintPoint>,
    /// The injustice the complainant says it caused.
    pub injustice: String,
    /// What the complainant wanted to happen.
    #[serde(default)]
    pub outcome_sought: Option<String>,
}

/// One point of complaint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintPoint {
    /// The body it is about.
    pub body: String,
    /// The point, completing "complained that the Council …".
    pub text: String,
}

/// The scope of the investigation, the evidence considered and the facts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Investigation {
    /// What was and was not investigated, and why.
    #[serde(default)]
    pub scope: String,
    /// How the complaint was considered: evidence, advice, comments.
    #[serde(default)]
    pub considered: String,
    /// The facts found, as prose in date order.
    #[serde(default)]
    pub what_happened: String,
}

/// A piece of law or guidance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LawItem {
    /// Its name: "Care Act 2014".
    pub title: String,
    /// What it says that matters here.
    pub text: String,
}

/// A finding about one body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The body.
    pub body: String,
    /// Whether there was fault (maladministration or service failure).
    pub fault: bool,
    /// Whether the fault caused injustice.
    #[serde(default)]
    pub injustice: bool,
    /// The reasoning.
    pub text: String,
    /// The people (ids) this fault caused injustice to. When empty, a
    /// finding of injustice names the people affected, the complainant and
    /// anyone the body is asked to pay.
    #[serde(default)]
    pub injustice_to: Vec<String>,
    /// For the Housing Ombudsman: the determination on this finding.
    #[serde(default)]
    pub determination: Option<Determination>,
    /// For the Housing Ombudsman: the defined complaint the determination
    /// decides, completing "… by the landlord in respect of": "its handling
    /// of the resident's reports of antisocial behaviour".
    #[serde(default)]
    pub complaint: Option<String>,
}

/// The Housing Ombudsman's determinations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Determination {
    /// Severe maladministration.
    SevereMaladministration,
    /// Maladministration.
    Maladministration,
    /// Service failure.
    ServiceFailure,
    /// No maladministration.
    NoMaladministration,
    /// Reasonable redress.
    ReasonableRedress,
}

impl Determination {
    /// How serious, for choosing a landlord's overall determination: severe
    /// maladministration first.
    pub fn severity(self) -> u8 {
        match self {
            Self::SevereMaladministration => 4,
            Self::Maladministration => 3,
            Self::ServiceFailure => 2,
            Self::ReasonableRedress => 1,
            Self::NoMaladministration => 0,
        }
    }

    /// As a record's `Decision` shows it: "Maladministration".
    pub fn label(self) -> &'static str {
        match self {
            Self::SevereMaladministration => "Severe maladministration",
            Self::Maladministration => "Maladministration",
            Self::ServiceFailure => "Service failure",
            Self::NoMaladministration => "No maladministration",
            Self::ReasonableRedress => "Reasonable redress",
        }
    }

    /// The wording used in the determination.
    pub fn phrase(self) -> &'static str {
        match self {
            Self::SevereMaladministration => "severe maladministration",
            Self::Maladministration => "maladministration",
            Self::ServiceFailure => "service failure",
            Self::NoMaladministration => "no maladministration",
            Self::ReasonableRedress => "reasonable redress",
        }
    }
}

/// A remedy for one body (or a joint remedy for several).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The body that must act.
    #[serde(default)]
    pub body: Option<String>,
    /// For a joint remedy: the bodies that act together.
    #[serde(default)]
    pub bodies: Vec<String>,
    /// What kind of remedy.
    pub kind: RemedyKind,
    /// The action, completing "the Council has agreed to …".
    pub text: String,
    /// For payments: the amount in pounds.
    #[serde(default)]
    pub amount: Option<Money>,
    /// For payments: the person paid (a person id).
    #[serde(default)]
    pub beneficiary: Option<String>,
    /// For a joint payment: each body's share in pounds. Absent: the bodies
    /// agree the split between them.
    #[serde(default)]
    pub split: BTreeMap<String, Money>,
    /// How long the body has, from the final decision.
    pub deadline: Deadline,
    /// A recommendation (LGSCO, PHSO) or an order (Housing Ombudsman).
    #[serde(default)]
    pub instrument: Instrument,
    /// Whether the body has done it.
    #[serde(default)]
    pub status: Compliance,
}

impl Recommendation {
    /// The bodies that must act.
    pub fn body_ids(&self) -> Vec<&str> {
        self.body
            .iter()
            .chain(&self.bodies)
            .map(String::as_str)
            .collect()
    }
}

/// Kinds of remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemedyKind {
    /// An apology.
    Apology,
    /// A payment.
    Payment,
    /// A refund.
    Refund,
    /// Waiving a charge.
    WaiveCharge,
    /// A new assessment or review of a person's needs.
    Reassessment,
    /// A review of policy or procedure.
    ReviewPolicy,
    /// Training or guidance for staff.
    Training,
    /// Writing to others who may have been affected.
    WriteToOthers,
    /// An action plan.
    ActionPlan,
    /// Anything else.
    Other,
}

impl RemedyKind {
    /// Whether the remedy is a sum of money.
    pub fn is_financial(self) -> bool {
        matches!(self, Self::Payment | Self::Refund | Self::WaiveCharge)
    }
}

/// Recommendation or order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// A recommendation.
    #[default]
    Recommendation,
    /// A Housing Ombudsman order.
    Order,
}

/// Whether a body has carried out a remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// The body agreed; not yet due.
    #[default]
    Agreed,
    /// Done on time.
    Complied,
    /// Done after the deadline.
    CompliedLate,
    /// Done in part.
    PartiallyComplied,
    /// The body refused.
    Refused,
    /// The body did not respond.
    NotResponded,
}

impl Compliance {
    /// Whether the body will not (or did not) put things right.
    pub fn is_non_compliance(self) -> bool {
        matches!(
            self,
            Self::Refused | Self::NotResponded | Self::PartiallyComplied
        )
    }
}

/// The decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The website decision for the case as a whole.
    pub decision: WebsiteDecision,
    /// Words the investigator adds to the final paragraph, printed after
    /// the sentences redress writes from each body's outcome and answer
    /// ("We cannot say the outcome would have been different."). Not a
    /// place to restate the outcome: `check` warns where it contradicts it.
    #[serde(default)]
    pub final_decision: Option<String>,
    /// Decisions per body record, where they differ from `decision`.
    #[serde(default)]
    pub per_body: BTreeMap<String, WebsiteDecision>,
    /// The outcome code of the case, finer than the website's decision:
    /// `upheld.fault_injustice`, `not_upheld.no_fault`,
    /// `closed.initial_enquiries.late` …; worked out from the findings if
    /// absent.
    #[serde(default)]
    pub detail: Option<OutcomeDetail>,
    /// Fine-grained outcomes per body record, where the findings alone do
    /// not say it (`not_upheld.no_fault`, `closed.initial_enquiries.late`).
    #[serde(default)]
    pub per_body_detail: BTreeMap<String, OutcomeDetail>,
}

/// The `Decision` shown on the website.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum WebsiteDecision {
    /// Upheld.
    Upheld,
    /// Not upheld.
    NotUpheld,
    /// Closed after initial enquiries.
    ClosedAfterInitialEnquiries,
}

impl WebsiteDecision {
    /// As shown on the website.
    pub fn label(self) -> &'static str {
        match self {
            Self::Upheld => "Upheld",
            Self::NotUpheld => "Not upheld",
            Self::ClosedAfterInitialEnquiries => "Closed after initial enquiries",
        }
    }

    /// As a case file writes it: `not_upheld`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Upheld => "upheld",
            Self::NotUpheld => "not_upheld",
            Self::ClosedAfterInitialEnquiries => "closed_after_initial_enquiries",
        }
    }
}

/// Whether and how the decision is published (docs/domain.md §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    /// Publish on the website (the default for every decision).
    #[serde(default = "yes")]
    pub publish: bool,
    /// Why not, when `publish` is false.
    #[serde(default)]
    pub exception: Option<Exception>,
    /// Body records withheld while the others are published, with the
    /// exception for each (a part found premature, or under review).
    #[serde(default)]
    pub per_body: BTreeMap<String, Exception>,
}

fn yes() -> bool {
    true
}

impl Default for Publication {
    fn default() -> Self {
        Self {
            publish: true,
            exception: None,
            per_body: BTreeMap::new(),
        }
    }
}

/// Reasons not to publish a decision. A case file may write either the
/// short name (`identifiable`) or its code (`NOT_IN_INTERESTS.IDENTIFIABLE`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Exception {
    /// The complaint is premature.
    #[serde(alias = "PREMATURE")]
    Premature,
    /// A review of the decision is under way.
    #[serde(alias = "REVIEW")]
    Review,
    /// Sensitive or unusual facts: someone could be identified.
    #[serde(alias = "NOT_IN_INTERESTS.IDENTIFIABLE")]
    Identifiable,
    /// The person affected asked us not to publish, and we agreed.
    #[serde(alias = "NOT_IN_INTERESTS.REQUEST")]
    Request,
    /// A Part 3A provider who is a sole trader.
    #[serde(alias = "SOLE_TRADER")]
    SoleTrader,
    /// An employment or personnel matter.
    #[serde(alias = "EMPLOYMENT")]
    Employment,
    /// Consent could not properly be given.
    #[serde(alias = "CONSENT")]
    Consent,
    /// Other specific grounds.
    #[serde(alias = "OTHER")]
    Other,
}

impl Exception {
    /// The exception's code: `NOT_IN_INTERESTS.IDENTIFIABLE`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Premature => "PREMATURE",
            Self::Review => "REVIEW",
            Self::Identifiable => "NOT_IN_INTERESTS.IDENTIFIABLE",
            Self::Request => "NOT_IN_INTERESTS.REQUEST",
            Self::SoleTrader => "SOLE_TRADER",
            Self::Employment => "EMPLOYMENT",
            Self::Consent => "CONSENT",
            Self::Other => "OTHER",
        }
    }

    /// Whether the decision may still be published later: only a review
    /// under way holds it back for a time; every other exception means it
    /// is never published.
    pub fn is_temporary(self) -> bool {
        matches!(self, Self::Review)
    }

    /// Whether the exception can hold back one body's record while the
    /// others are published. Those about the people in the case (or a
    /// sole trader's identity) cannot: the same statement is on every
    /// body's record.
    pub fn can_apply_to_one_body(self) -> bool {
        matches!(
            self,
            Self::Premature | Self::Review | Self::Employment | Self::Other
        )
    }

    /// The reason in words.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Premature => "the complaint is premature",
            Self::Review => "a review of the decision is under way",
            Self::Identifiable => "the facts are unusual enough that someone could be identified",
            Self::Request => "we have agreed to a request not to publish",
            Self::SoleTrader => "the care provider is a sole trader",
            Self::Employment => "it concerns an employment matter",
            Self::Consent => "consent could not properly be given",
            Self::Other => "of other specific grounds",
        }
    }
}

/// What happened after the decision when a body did not put things right.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// Dated events since the decision, in order.
    #[serde(default)]
    pub events: Vec<EscalationEvent>,
    /// Parliamentary details for a special report under s14(3).
    #[serde(default)]
    pub parliament: Option<Parliament>,
    /// Documents asked for explicitly (checked against the facts). Without
    /// any, redress plans them from the facts alone.
    #[serde(default)]
    pub requested: Vec<DocumentRequest>,
    /// How and where an adverse findings notice must be published.
    #[serde(default)]
    pub notice: Option<NoticeDirections>,
    /// No longer read: each escalation document now has its own view, as
    /// of its date, on the event that issues it
    /// ([`EscalationEvent::view`]). Kept so that an old file gets an error
    /// that says how to convert it.
    #[serde(default, skip_serializing)]
    #[schemars(skip)]
    pub view: Option<String>,
}

/// An escalation document asked for by the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentRequest {
    /// Which document.
    pub document: RequestKind,
    /// The body it concerns; inferred when only one body fits.
    #[serde(default)]
    pub body: Option<String>,
}

/// The escalation documents a case can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// A report under s30 of the 1974 Act (councils).
    Report,
    /// A further report under s31(2A) of the 1974 Act (councils).
    FurtherReport,
    /// A joint report under s18ZA / s33ZA (health bodies).
    JointReport,
    /// A special report under s14(3) of the 1993 Act (health bodies).
    SpecialReport,
    /// An adverse findings notice under s34I (Part 3A care providers).
    AdverseFindingsNotice,
}

/// One dated event after the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationEvent {
    /// When.
    pub date: Date,
    /// What happened.
    pub kind: EventKind,
    /// The body concerned.
    #[serde(default)]
    pub body: Option<String>,
    /// What happened, in words.
    pub text: String,
    /// For an event that issues a document (a report, a further report, a
    /// joint or special report, a notice required): the Ombudsmen's view of
    /// the body's response as that document gives it, written as of the
    /// event's date.
    #[serde(default)]
    pub view: Option<String>,
    /// For a further report: issued by both Ombudsmen, the PHSO's part
    /// under their joint working powers (LGA 1974 s33ZA). Without it a
    /// further report under s31(2A) is the Local Government and Social Care
    /// Ombudsman's alone.
    #[serde(default)]
    pub joint: bool,
}

/// Kinds of escalation event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The body refused a recommendation.
    Refusal,
    /// A report under s30 was issued.
    Report,
    /// The body published its notice of the report.
    PublicNotice,
    /// The body considered the report at a meeting.
    Meeting,
    /// The body responded.
    Response,
    /// A further report under s31(2A) was issued.
    FurtherReport,
    /// A joint report under s18ZA/s33ZA was issued.
    JointReport,
    /// A special report under s14(3) was laid.
    SpecialReport,
    /// The council was required to publish a statement under s31(2D) of
    /// the 1974 Act (after a further report it did not act on).
    StatementRequired,
    /// An adverse findings notice was required.
    NoticeRequired,
    /// The notice was published.
    NoticePublished,
    /// Anything else.
    Other,
}

/// The parliamentary furniture of a special report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parliament {
    /// "HC 1234".
    pub hc_number: String,
    /// "2024–25".
    pub session: String,
    /// The date the House ordered it printed.
    pub ordered_printed: Date,
}

/// How an adverse findings notice must be published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeDirections {
    /// Where: "the home page of its website", "its reception area".
    pub places: Vec<String>,
    /// For how long, e.g. "6 months".
    pub period: String,
    /// By when.
    pub by: Date,
    /// The provider's reasons, if it asked for them to be included.
    #[serde(default)]
    pub provider_reasons: Option<String>,
    /// What we found, in a few sentences written for the notice: it is
    /// displayed in public, so it names no other body and describes no one's
    /// age or health. Without it the notice says only that we found fault
    /// causing injustice.
    #[serde(default)]
    pub summary: Option<String>,
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

/// Findings that publication staff have reviewed: in the case file's
/// `[review]` table, and in the review file `redress review` keeps beside
/// the case file (merged in when the case is loaded).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Finding ids accepted as they are.
    #[serde(default)]
    pub accepted: Vec<String>,
    /// Who signed the review off, and when: `--require-review` needs it.
    #[serde(default)]
    pub signed_off: Option<SignOff>,
    /// Who accepted which finding, and when, as the review file records
    /// it (its ids are also in `accepted`).
    #[serde(skip)]
    #[schemars(skip)]
    pub recorded: Vec<Acceptance>,
}

/// A finding accepted by a member of publication staff, as the review file
/// records it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acceptance {
    /// The finding's id.
    pub id: String,
    /// Who accepted it.
    pub by: String,
    /// When.
    pub on: Date,
}

/// A review signed off by a member of publication staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// Their name (internal: the review sheet is never published).
    pub by: String,
    /// The date they signed it off.
    pub on: Date,
}

impl Case {
    /// Every free-text field with its path (`investigation.what_happened`),
    /// as [`crate::anonymise`] and the review sheet name them.
    pub fn prose(&self) -> Vec<(String, String)> {
        self.clone()
            .prose_mut()
            .into_iter()
            .map(|(path, text)| (path, text.clone()))
            .collect()
    }

    /// Every free-text field, with its path: what the anonymiser rewrites.
    /// Names, ids, references, dates and amounts are not free text.
    pub(crate) fn prose_mut(&mut self) -> Vec<(String, &mut String)> {
        let mut out: Vec<(String, &mut String)> = vec![
            ("case.summary".into(), &mut self.case.summary),
            ("complaint.injustice".into(), &mut self.complaint.injustice),
            ("investigation.scope".into(), &mut self.investigation.scope),
            (
                "investigation.considered".into(),
                &mut self.investigation.considered,
            ),
            (
                "investigation.what_happened".into(),
                &mut self.investigation.what_happened,
            ),
        ];
        let optional = [
            ("case.category", &mut self.case.category),
            (
                "complaint.outcome_sought",
                &mut self.complaint.outcome_sought,
            ),
            ("outcome.final_decision", &mut self.outcome.final_decision),
        ];
        for (path, field) in optional {
            if let Some(text) = field {
                out.push((path.into(), text));
            }
        }
        for (i, p) in self.complaint.points.iter_mut().enumerate() {
            out.push((format!("complaint.points[{i}].text"), &mut p.text));
        }
        for (i, l) in self.law.iter_mut().enumerate() {
            out.push((format!("law[{i}].title"), &mut l.title));
            out.push((format!("law[{i}].text"), &mut l.text));
        }
        for (i, f) in self.findings.iter_mut().enumerate() {
            out.push((format!("findings[{i}].text"), &mut f.text));
            if let Some(complaint) = &mut f.complaint {
                out.push((format!("findings[{i}].complaint"), complaint));
            }
        }
        for (i, r) in self.recommendations.iter_mut().enumerate() {
            out.push((format!("recommendations[{i}].text"), &mut r.text));
        }
        for (i, p) in self.people.iter_mut().enumerate() {
            if let Some(rel) = &mut p.relationship {
                out.push((format!("people[{i}].relationship.as"), &mut rel.relation));
            }
            if let Some(role) = &mut p.job_role {
                out.push((format!("people[{i}].job_role"), role));
            }
        }
        for (i, b) in self.bodies.iter_mut().enumerate() {
            if let Some(text) = &mut b.particular_importance {
                out.push((format!("bodies[{i}].particular_importance"), text));
            }
            if let Some(category) = &mut b.category {
                out.push((format!("bodies[{i}].category"), category));
            }
        }
        for (i, e) in self.escalation.events.iter_mut().enumerate() {
            out.push((format!("escalation.events[{i}].text"), &mut e.text));
            if let Some(view) = &mut e.view {
                out.push((format!("escalation.events[{i}].view"), view));
            }
        }
        if let Some(notice) = &mut self.escalation.notice {
            for (i, place) in notice.places.iter_mut().enumerate() {
                out.push((format!("escalation.notice.places[{i}]"), place));
            }
            out.push(("escalation.notice.period".into(), &mut notice.period));
            if let Some(reasons) = &mut notice.provider_reasons {
                out.push(("escalation.notice.provider_reasons".into(), reasons));
            }
            if let Some(summary) = &mut notice.summary {
                out.push(("escalation.notice.summary".into(), summary));
            }
        }
        out
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The complainant (validation guarantees exactly one).
    pub fn complainant(&self) -> Option<&Person> {
        self.people.iter().find(|p| p.role == Role::Complainant)
    }

    /// Whether any finding says this body was at fault.
    pub fn at_fault(&self, body: &str) -> bool {
        self.findings.iter().any(|f| f.body == body && f.fault)
    }
}

/// Small cases for unit tests elsewhere in the crate.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// The smallest case that validates: one council, one complainant.
    pub(crate) const MINIMAL: &str = r#"
[case]
reference = "23 004 118"
jurisdiction = "lgsco"
decision_date = 2024-03-01
investigator = { name = "Aisha Thorne" }
summary = "We found fault by the Council."

[[people]]
id = "jane"
name = "Jane Smith"
title = "Mrs"
role = "complainant"

[[bodies]]
id = "council"
name = "Westley Borough Council"
short_name = "the Council"
kind = "council"
reference = "23 004 118"

[complaint]
injustice = "Distress."
points = [{ body = "council", text = "did not reply to her letters" }]

[outcome]
decision = "upheld"
"#;

    /// [`MINIMAL`], parsed.
    pub(crate) fn minimal_case() -> Case {
        let loaded = load_str("minimal.toml", MINIMAL, &Coverage::all());
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        loaded.case.expect("minimal case loads")
    }
}
