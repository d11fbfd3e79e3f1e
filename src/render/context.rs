//! The typed input of every template: the facts a document shows, worked
//! out in Rust (who, what, when, which status), so that the templates and
//! `rules.toml` hold every word the offices write.
//!
//! A document is frozen at its own date: an escalation document shows only
//! events up to that date, and its deadlines run from it. The same builder
//! serves both variants; only the names differ. The redacted variant is
//! built from an [`AnonymisedCase`](crate::anonymise::AnonymisedCase), whose
//! people are already their labels and whose prose is already clean.
//!
//! The context is a plain serialisable value: the publication pages are
//! built from the same value as the PDFs.
//!
//! The words around the text come from the office's files too: the
//! authors are the offices' names (`office.toml`); the title, running head,
//! markings and the names of the Ombudsmen and staff are `rules.toml`'s,
//! picked here by the document's kind and the case's stage and
//! jurisdiction.

use serde::Serialize;

use super::actions::{self, ActionGroup, BodyRemedies};
use super::bodies::{self, BodyView, ComplaintView, FindingsView};
use super::escalation::{self, EscalationView};
use super::letters::{self, LetterView};
use super::office::{Office, OfficeInfo};
use super::people::{self, KeyRow, PersonView};
use super::prose::{Block, blocks};
use super::rules::{Names, Rules, Signer, Voice, remit_key};
use super::voice;
use crate::case::{BodyKind, Case, Jurisdiction, Stage};
use crate::plan::{DocKind, DocumentPlan, Variant, fill};

/// Everything a template can print.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    doc: DocView,
    complainant: PersonView,
    people: Vec<PersonView>,
    bodies: Vec<BodyView>,
    summary: Vec<Block>,
    complaint: ComplaintView,
    scope: Vec<Block>,
    considered: Vec<Block>,
    law: Vec<LawView>,
    what_happened: Vec<Block>,
    findings: Vec<FindingsView>,
    actions: Vec<ActionGroup>,
    final_decision: Vec<Block>,
    remedies: Vec<BodyRemedies>,
    key: Vec<KeyRow>,
    letter: Option<LetterView>,
    escalation: Option<EscalationView>,
    rules: Rules,
    office: Office,
}

impl Context {
    /// Marks the publication variant as a preview of a held copy: a line on
    /// every page, the preview marking in its title and keywords
    /// (`rules.toml` `[markings]`).
    pub(crate) fn mark_preview(&mut self) {
        let markings = &self.rules.markings;
        self.doc.preview = true;
        self.doc.meta_title = fill(
            &markings.preview,
            &[
                ("title", &self.doc.title),
                ("reference", &self.doc.reference),
            ],
        );
        self.doc
            .keywords
            .extend(markings.preview_keywords.iter().cloned());
    }
}

/// The document itself: what it is, its date, who signs it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct DocView {
    kind: DocKind,
    /// The key of its kind in `rules.toml`: "decision", "report", "letter".
    kind_key: &'static str,
    /// The short running header: "Final decision", "Report".
    running: String,
    pub decision_date: String,
    file: String,
    title: String,
    meta_title: String,
    authors: Vec<String>,
    keywords: Vec<String>,
    pub reference: String,
    references: Vec<RefView>,
    hos_reference: Option<String>,
    /// The Housing Ombudsman's reference is already a body's reference.
    hos_listed: bool,
    pub date: String,
    date_short: String,
    /// The year of the document's date (copyright lines).
    year: i32,
    pub draft: bool,
    redacted: bool,
    /// A preview of a publication copy that is held back: marked on every
    /// page and in its metadata, never published.
    preview: bool,
    jurisdiction: Jurisdiction,
    pub joint: bool,
    phso: bool,
    hos: bool,
    /// "the Ombudsmen" or "the Ombudsman".
    pub ombudsmen: String,
    /// "Ombudsmen's" or "Ombudsman's".
    ombudsmen_s: String,
    ombudsmen_names: Vec<String>,
    category: Option<String>,
    decision: &'static str,
    publish: bool,
    exception: Option<String>,
    /// Who signs, in order: the investigator (and the Housing Ombudsman's
    /// adjudicator), or the office holders whose power it is.
    signers: Vec<SignerView>,
    /// The offices a letter is headed with, LGSCO first.
    letterhead: Vec<OfficeInfo>,
    /// "I" or "we": the voice of what they sign.
    voice: Voice,
    /// The investigator named in the case file.
    investigator: Option<InvestigatorView>,
    /// The Housing Ombudsman's adjudicator, in a joint housing case.
    adjudicator: Option<InvestigatorView>,
    /// No council at fault has refused: the Ombudsman is satisfied, so a
    /// statement of reasons can stand instead of a report (s30(1B)).
    satisfied: bool,
    /// Some council in the case.
    councils: bool,
    /// Some Part 3A care provider in the case.
    care_provider: bool,
    /// The citation keys of the PHSO remits the case's health bodies fall
    /// under (HSCA 1993 s3(1), (1A), (1C)).
    remit_keys: Vec<&'static str>,
    /// The citation keys of the joint-working powers used.
    joint_keys: Vec<&'static str>,
    /// How many organisations, in words: "two", "three".
    pub organisations: String,
}

#[derive(Debug, Clone, Serialize)]
struct RefView {
    reference: String,
    body: String,
}

/// One signature: the name printed and who it is.
#[derive(Debug, Clone, Serialize)]
pub(super) struct SignerView {
    /// "investigator", "adjudicator", "lgsco", "phso" or "hos".
    who: Signer,
    name: String,
    /// "Investigator", "Local Government and Social Care Ombudsman".
    title: String,
    /// For the investigator and the adjudicator: on whose behalf they
    /// sign ("the Ombudsmen", "the Housing Ombudsman").
    on_behalf: Option<String>,
}

/// The investigator who signs the letters, and how to reach them.
#[derive(Debug, Clone, Serialize)]
pub(super) struct InvestigatorView {
    name: String,
    title: String,
    phone: Option<String>,
    email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
struct LawView {
    title: String,
    blocks: Vec<Block>,
}

/// Builds the context of one document.
pub(crate) fn build(
    case: &Case,
    plan: &DocumentPlan,
    variant: Variant,
    rules: &Rules,
    office: &Office,
) -> Context {
    let people: Vec<PersonView> = case
        .people
        .iter()
        .map(|p| people::person(case, p, variant))
        .collect();
    let complainant = case
        .people
        .iter()
        .position(|p| p.role == crate::case::Role::Complainant)
        .map_or_else(|| people[0].clone(), |i| people[i].clone());
    let bodies: Vec<BodyView> = case
        .bodies
        .iter()
        .map(|b| bodies::body(case, b, variant))
        .collect();
    let doc = doc_view(case, plan, variant, rules, office, &bodies);
    let letter = plan
        .recipient
        .as_ref()
        .map(|r| letters::letter(case, plan, r, &complainant, &bodies, rules, variant));
    let escalation = plan
        .about
        .as_ref()
        .and_then(|id| escalation::build(case, id, plan, &bodies, rules));
    // Reports, notices and special reports speak as "we" throughout; the
    // case's prose was written in the investigator's "I".
    let ours = |prose: &str| -> Vec<Block> {
        let mut out = blocks(prose);
        if !matches!(plan.kind, DocKind::Decision | DocKind::Letter(_)) {
            for b in &mut out {
                b.text = voice::plural(&b.text);
                for item in &mut b.items {
                    *item = voice::plural(item);
                }
            }
        }
        out
    };
    Context {
        // A decision (and its letters) shows each body's answer as of the
        // decision; an escalation document as of its own date.
        remedies: actions::remedies(
            case,
            &bodies,
            match plan.kind {
                DocKind::Decision | DocKind::NameKey | DocKind::Letter(_) => {
                    case.case.decision_date
                }
                _ => plan.date,
            },
        ),
        actions: actions::groups(case, &bodies),
        key: people::key_to_names(case, &people),
        escalation,
        rules: rules.clone(),
        office: office.clone(),
        summary: blocks(&case.case.summary),
        complaint: bodies::complaint(case, &bodies),
        scope: ours(&case.investigation.scope),
        considered: ours(&case.investigation.considered),
        law: case
            .law
            .iter()
            .map(|l| LawView {
                title: l.title.to_string(),
                blocks: blocks(&l.text),
            })
            .collect(),
        what_happened: ours(&case.investigation.what_happened),
        findings: bodies::findings(case, &bodies, &ours),
        final_decision: case
            .outcome
            .final_decision
            .as_deref()
            .map(blocks)
            .unwrap_or_default(),
        doc,
        complainant,
        people,
        bodies,
        letter,
    }
}

fn doc_view(
    case: &Case,
    plan: &DocumentPlan,
    variant: Variant,
    rules: &Rules,
    office: &Office,
    bodies: &[BodyView],
) -> DocView {
    let info = &case.case;
    let joint = info.jurisdiction.is_joint();
    let names = &rules.names;
    let authors: Vec<String> = offices_of(info.jurisdiction, office)
        .into_iter()
        .map(|o| o.name)
        .collect();
    let redacted = variant == Variant::Redacted;
    let (meta_title, keywords) = metadata(case, plan, variant, rules);
    let signing = rules.signing(plan.kind);
    let staff = |i: &crate::case::Investigator, title: &str| InvestigatorView {
        name: i.name.clone(),
        title: i.title.clone().unwrap_or_else(|| title.into()),
        phone: i.phone.clone(),
        email: i.email.clone(),
    };
    let investigator = info
        .investigator
        .as_ref()
        .map(|i| staff(i, &names.investigator));
    let adjudicator = info
        .adjudicator
        .as_ref()
        .filter(|_| info.jurisdiction == Jurisdiction::LgscoHos)
        .map(|i| staff(i, &names.adjudicator));
    // A further report (and its letter) is the LGSCO's alone unless its
    // event states the joint-working basis of the PHSO's part.
    let further = matches!(
        plan.covers.unwrap_or(plan.kind),
        DocKind::FurtherReport | DocKind::Statement
    );
    let joint_further = plan.about.as_deref().is_some_and(|about| {
        case.escalation.events.iter().any(|e| {
            e.joint
                && e.kind == crate::case::EventKind::FurtherReport
                && e.body.as_deref() == Some(about)
        })
    });
    let ombudsmen = names.ombudsmen.of(info.jurisdiction);
    let signers: Vec<SignerView> = signing
        .signed_by
        .iter()
        .filter(|s| match s {
            Signer::Investigator | Signer::Lgsco => true,
            Signer::Adjudicator => adjudicator.is_some(),
            Signer::Phso => {
                info.jurisdiction == Jurisdiction::LgscoPhso && (!further || joint_further)
            }
            Signer::Hos => info.jurisdiction == Jurisdiction::LgscoHos,
        })
        .map(|&who| match who {
            Signer::Investigator => signer_staff(who, investigator.as_ref(), ombudsmen, names),
            Signer::Adjudicator => {
                signer_staff(who, adjudicator.as_ref(), &names.housing_ombudsman, names)
            }
            _ => {
                let o = office.of(who).expect("an office");
                SignerView {
                    who,
                    name: o.signatory.name.clone(),
                    title: o.signatory.title.clone(),
                    on_behalf: None,
                }
            }
        })
        .collect();
    // A letter is headed by the offices that sign it: the office holders
    // whose power it is, or, for the investigator's letters, every office
    // in the case.
    let offices: Vec<OfficeInfo> = signers
        .iter()
        .filter_map(|s: &SignerView| office.of(s.who).cloned())
        .collect();
    let letterhead = if !offices.is_empty() && offices.len() == signers.len() {
        offices
    } else {
        offices_of(info.jurisdiction, office)
    };
    let has = |k: BodyKind| case.bodies.iter().any(|b| b.kind == k);
    let mut remit_keys: Vec<&'static str> = Vec::new();
    for b in case
        .bodies
        .iter()
        .filter(|b| b.kind == BodyKind::HealthBody)
    {
        let key = remit_key(b.remit.unwrap_or_default());
        if !remit_keys.contains(&key) {
            remit_keys.push(key);
        }
    }
    let mut joint_keys = Vec::new();
    if info.jurisdiction == Jurisdiction::LgscoPhso {
        if has(BodyKind::Council) || !has(BodyKind::CareProvider) {
            joint_keys.push("lga_joint");
        }
        if has(BodyKind::CareProvider) {
            joint_keys.push("lga_joint_part3a");
        }
        joint_keys.push("hsca_joint");
    }
    DocView {
        kind: plan.kind,
        kind_key: super::rules::doc_key(plan.kind),
        file: plan.file.clone(),
        title: plan.title.clone(),
        meta_title,
        authors: authors.clone(),
        keywords,
        reference: info.reference.clone(),
        references: case
            .bodies
            .iter()
            .map(|b| RefView {
                reference: b.reference.clone(),
                body: b.name.clone(),
            })
            .collect(),
        hos_reference: info.hos_reference.clone(),
        hos_listed: info
            .hos_reference
            .as_ref()
            .is_some_and(|h| case.bodies.iter().any(|b| &b.reference == h)),
        running: rules.running_heads.of(plan.kind, info.stage).to_string(),
        date: plan.date.long(),
        date_short: plan.date.short(),
        year: plan.date.year(),
        decision_date: info.decision_date.long(),
        draft: info.stage == Stage::Draft,
        redacted,
        preview: false,
        jurisdiction: info.jurisdiction,
        joint,
        phso: info.jurisdiction == Jurisdiction::LgscoPhso,
        hos: info.jurisdiction == Jurisdiction::LgscoHos,
        ombudsmen: ombudsmen.to_string(),
        ombudsmen_s: names.ombudsmen_s.of(info.jurisdiction).to_string(),
        ombudsmen_names: authors,
        category: info.category.as_deref().map(String::from),
        decision: case.outcome.decision.label(),
        publish: case.publication.publish,
        exception: case
            .publication
            .exception
            .map(|e| rules.publication.reasons.of(e).to_string()),
        signers,
        letterhead,
        voice: signing.voice,
        investigator,
        adjudicator,
        satisfied: !bodies
            .iter()
            .any(|b| b.kind == BodyKind::Council && b.not_agreed),
        councils: has(BodyKind::Council),
        care_provider: has(BodyKind::CareProvider),
        remit_keys,
        joint_keys,
        organisations: crate::case::number_name(case.bodies.len() as u32)
            .map_or_else(|| case.bodies.len().to_string(), str::to_string),
    }
}

/// The offices of a case, LGSCO first: the authors of its documents, and
/// the letterhead of the investigator's letters.
fn offices_of(jurisdiction: Jurisdiction, office: &Office) -> Vec<OfficeInfo> {
    let mut all = vec![office.lgsco.clone()];
    match jurisdiction {
        Jurisdiction::LgscoPhso => all.push(office.phso.clone()),
        Jurisdiction::LgscoHos => all.push(office.hos.clone()),
        Jurisdiction::Lgsco => {}
    }
    all
}

/// The PDF title and keywords of a document: an internal copy and a draft
/// are marked as `rules.toml` `[markings]` says.
fn metadata(
    case: &Case,
    plan: &DocumentPlan,
    variant: Variant,
    rules: &Rules,
) -> (String, Vec<String>) {
    let info = &case.case;
    let markings = &rules.markings;
    let mut keywords = vec![info.reference.clone()];
    let meta_title = match variant {
        Variant::Redacted => format!("{} {}", plan.title, info.reference),
        Variant::Unredacted => {
            keywords.extend(markings.not_for_publication_keywords.iter().cloned());
            fill(
                &markings.not_for_publication,
                &[("title", &plan.title), ("reference", &info.reference)],
            )
        }
    };
    if info.stage == Stage::Draft {
        keywords.extend(markings.draft_keywords.iter().cloned());
    }
    (meta_title, keywords)
}

/// The investigator or the adjudicator, by name (validation makes a case
/// without its investigator an error); titled as `rules.toml` `[names]`
/// says when the case file gives no title.
fn signer_staff(
    who: Signer,
    staff: Option<&InvestigatorView>,
    on_behalf: &str,
    names: &Names,
) -> SignerView {
    SignerView {
        who,
        name: staff.map(|s| s.name.clone()).unwrap_or_default(),
        title: staff.map_or_else(
            || match who {
                Signer::Adjudicator => names.adjudicator.clone(),
                _ => names.investigator.clone(),
            },
            |s| s.title.clone(),
        ),
        on_behalf: Some(on_behalf.to_string()),
    }
}
