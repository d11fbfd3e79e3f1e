//! What happened after the decision when a body did not put things right:
//! the dated events, the documents asked for, and the furniture of the
//! reports and notices.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::prose::Prose;
use super::texts::{no_text, texts};
use crate::case::date::Date;

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
    pub text: Prose,
    /// For an event that issues a document (a report, a further report, a
    /// joint or special report, a notice required): the Ombudsmen's view of
    /// the body's response as that document gives it, written as of the
    /// event's date.
    #[serde(default)]
    pub view: Option<Prose>,
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
    pub places: Vec<Prose>,
    /// For how long, e.g. "6 months".
    pub period: Prose,
    /// By when.
    pub by: Date,
    /// The provider's reasons, if it asked for them to be included.
    #[serde(default)]
    pub provider_reasons: Option<Prose>,
    /// What we found, in a few sentences written for the notice: it is
    /// displayed in public, so it names no other body and describes no one's
    /// age or health. Without it the notice says only that we found fault
    /// causing injustice.
    #[serde(default)]
    pub summary: Option<Prose>,
}

texts!(Escalation {
    events,
    parliament,
    requested,
    notice,
    view,
});

texts!(DocumentRequest { document, body });

texts!(EscalationEvent {
    date,
    kind,
    body,
    text,
    view,
    joint,
});

texts!(Parliament {
    hc_number,
    session,
    ordered_printed,
});

texts!(NoticeDirections {
    places,
    period,
    by,
    provider_reasons,
    summary,
});

no_text!(RequestKind, EventKind);
