//! Semantic checks: what serde cannot see. Every check runs and every
//! problem is returned, each with the path of the value it is about.
//!
//! Errors stop a case from rendering; warnings are shown and the case goes
//! on (an NHS number that fails its check digit is still that person's
//! number, and is still redacted).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::tree::Seg;
use super::{BodyKind, Case, Instrument, Jurisdiction, Person, Role};
use crate::diag::{Diagnostic, did_you_mean};
use crate::ids;

/// The characters the bundled fonts can draw.
#[derive(Clone)]
pub struct Coverage(Option<Arc<dyn Fn(char) -> bool + Send + Sync>>);

impl Coverage {
    /// Every character (for tests that do not typeset).
    pub fn all() -> Self {
        Self(None)
    }

    /// The characters for which `covered` is true.
    pub fn new(covered: impl Fn(char) -> bool + Send + Sync + 'static) -> Self {
        Self(Some(Arc::new(covered)))
    }

    /// Whether `c` can be drawn.
    pub fn contains(&self, c: char) -> bool {
        self.0.as_ref().is_none_or(|f| c.is_whitespace() || f(c))
    }
}

impl std::fmt::Debug for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Coverage(fonts)"
        } else {
            "Coverage(all)"
        })
    }
}

/// The longest text a single field may hold. Typst has no time limit, so
/// the size of what reaches it is bounded here.
pub const MAX_FIELD_CHARS: usize = 50_000;

/// The longest name, address or number (anything the anonymiser searches
/// the text for, and anything that becomes a file name). The longest real
/// ones are a fraction of this; the matchers built from them grow faster
/// than their length (a name of 4,000 characters took seconds).
pub const MAX_VALUE_CHARS: usize = 300;

/// The fields of people, bodies and generalisations that hold names,
/// addresses and numbers.
const IDENTIFIER_FIELDS: [&str; 18] = [
    "id",
    "name",
    "family_name",
    "aliases",
    "label",
    "job_role",
    "hos_label",
    "addresses",
    "postcodes",
    "phones",
    "emails",
    "nhs_number",
    "ni_number",
    "short_name",
    "other_names",
    "reference",
    "term",
    "replacement",
];

/// Whether the string at `path` is held to [`MAX_VALUE_CHARS`].
fn is_identifier_field(path: &[Seg]) -> bool {
    let section = matches!(path.first(), Some(Seg::Key(k)) if ["people", "bodies", "generalise"].contains(&k.as_str()));
    let field = path.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(k.as_str()),
        Seg::Index(_) => None,
    });
    section && field.is_some_and(|f| IDENTIFIER_FIELDS.contains(&f))
}

type Found = Vec<(Vec<Seg>, Diagnostic)>;

/// Checks a deserialised case; returns every problem with its path.
pub(crate) fn validate(case: &Case, coverage: &Coverage) -> Found {
    let mut v = Validator {
        case,
        out: Vec::new(),
    };
    v.references();
    v.ids();
    v.people();
    v.bodies();
    v.complaint_and_findings();
    v.recommendations();
    v.outcome_and_publication();
    v.out.extend(super::publication::check(case));
    v.escalation();
    v.text(coverage);
    v.out
}

struct Validator<'a> {
    case: &'a Case,
    out: Found,
}

fn path(parts: &[&dyn PathPart]) -> Vec<Seg> {
    parts.iter().map(|p| p.seg()).collect()
}

trait PathPart {
    fn seg(&self) -> Seg;
}
impl PathPart for &str {
    fn seg(&self) -> Seg {
        Seg::Key((*self).to_string())
    }
}
impl PathPart for usize {
    fn seg(&self) -> Seg {
        Seg::Index(*self)
    }
}

impl Validator<'_> {
    fn push(&mut self, at: Vec<Seg>, diag: Diagnostic) {
        self.out.push((at, diag));
    }

    fn body_ref(&mut self, at: Vec<Seg>, id: &str, what: &str) {
        if self.case.body(id).is_some() {
            return;
        }
        let ids = self.case.bodies.iter().map(|b| b.id.as_str());
        let diag = Diagnostic::error(
            "unknown-body",
            format!("{what} names the body `{id}`, which is not in the case"),
        );
        let diag = match did_you_mean(id, ids) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None => {
                diag.hint("add it under [[bodies]] or use the `id` of one of the bodies listed")
            }
        };
        self.push(at, diag);
    }

    fn person_ref(&mut self, at: Vec<Seg>, id: &str, what: &str) {
        if self.case.person(id).is_some() {
            return;
        }
        let ids = self.case.people.iter().map(|p| p.id.as_str());
        let diag = Diagnostic::error(
            "unknown-person",
            format!("{what} names the person `{id}`, who is not in the case"),
        );
        let diag = match did_you_mean(id, ids) {
            Some(s) => diag.hint(format!("did you mean `{s}`?")),
            None => diag.hint("add them under [[people]] or use the `id` of someone listed"),
        };
        self.push(at, diag);
    }

    fn references(&mut self) {
        let reference = &self.case.case.reference;
        let case_reference_ok = is_reference(reference, false);
        if !case_reference_ok {
            self.push(
                path(&[&"case", &"reference"]),
                Diagnostic::error("bad-reference", "the case reference is not in the form `YY NNN NNN`")
                    .hint("write it like `23 004 118`: two digits, a space, three digits, a space, three digits"),
            );
        }
        for (i, body) in self.case.bodies.iter().enumerate() {
            let at = path(&[&"bodies", &i, &"reference"]);
            let hos_record =
                body.kind == BodyKind::HousingLandlord && is_hos_reference(&body.reference);
            if hos_record {
                continue;
            }
            if !is_reference(&body.reference, true) {
                self.push(
                    at,
                    Diagnostic::error("bad-reference", "a body's reference is not in the form `YY NNN NNN` with an optional letter")
                        .hint("write it like `23 004 118` or `23 004 118a`"),
                );
            } else if case_reference_ok && !body.reference.starts_with(reference.as_str()) {
                self.push(
                    at,
                    Diagnostic::warning("reference-mismatch", "this body's reference is not the case reference with a letter")
                        .hint(format!("joint cases share one number: `{reference}` for the first body, then `{reference}a`, `{reference}b`")),
                );
            }
        }
        let hos = &self.case.case.hos_reference;
        if self.case.case.jurisdiction == Jurisdiction::LgscoHos && hos.is_none() {
            self.push(
                path(&[&"case", &"jurisdiction"]),
                Diagnostic::error(
                    "missing-hos-reference",
                    "a joint case with the Housing Ombudsman needs its reference",
                )
                .hint("add `hos_reference = \"202312647\"` under [case]"),
            );
        }
        if let Some(h) = hos
            && !is_hos_reference(h)
        {
            self.push(
                path(&[&"case", &"hos_reference"]),
                Diagnostic::error(
                    "bad-reference",
                    "a Housing Ombudsman reference is nine digits starting with the year",
                )
                .hint("write it like `202312647`"),
            );
        }
    }

    fn ids(&mut self) {
        // Ids are compared without case: a body's id becomes a file name,
        // and `Council` and `council` are one file on Windows and macOS.
        let mut seen: HashMap<String, &str> = HashMap::new();
        let people = self
            .case
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| ("people", i, p.id.as_str()));
        let bodies = self
            .case
            .bodies
            .iter()
            .enumerate()
            .map(|(i, b)| ("bodies", i, b.id.as_str()));
        let all: Vec<_> = people.chain(bodies).collect();
        for (list, i, id) in all {
            let at = path(&[&list, &i, &"id"]);
            if id.trim().is_empty() {
                self.push(at, Diagnostic::error("empty-id", "an id cannot be empty"));
                continue;
            }
            if let Some(problem) = id_problem(id) {
                self.push(
                    at,
                    Diagnostic::error("bad-id", format!("an id {problem}"))
                        .hint("ids become file names (`letter-<id>.redacted.pdf`): use letters, digits, `-` and `_`, e.g. `council` or `trust_2`"),
                );
                continue;
            }
            match seen.insert(id.to_ascii_lowercase(), id) {
                None => {}
                Some(first) if first == id => self.push(
                    at,
                    Diagnostic::error("duplicate-id", format!("the id `{id}` is used twice"))
                        .hint("every person and body needs its own id"),
                ),
                Some(first) => self.push(
                    at,
                    Diagnostic::error(
                        "duplicate-id",
                        format!("the ids `{first}` and `{id}` differ only in case"),
                    )
                    .hint("ids become file names, and Windows and macOS do not tell these apart: give each its own id"),
                ),
            }
        }
    }

    fn people(&mut self) {
        let complainants: Vec<usize> = (0..self.case.people.len())
            .filter(|&i| self.case.people[i].role == Role::Complainant)
            .collect();
        match complainants.as_slice() {
            [] => self.push(
                path(&[&"people"]),
                Diagnostic::error("no-complainant", "no person has `role = \"complainant\"`")
                    .hint("every case has exactly one complainant; a representative complains for someone else"),
            ),
            [_] => {}
            [_, more @ ..] => {
                for &i in more {
                    self.push(
                        path(&[&"people", &i, &"role"]),
                        Diagnostic::error("two-complainants", "a second person has `role = \"complainant\"`")
                            .hint("make the other person `person_affected` or `representative`"),
                    );
                }
            }
        }
        let mut labels: BTreeMap<String, usize> = BTreeMap::new();
        for (i, person) in self.case.people.iter().enumerate() {
            self.person(i, person);
            if let Some(label) = &person.label
                && let Some(first) = labels.insert(label.clone(), i)
            {
                self.push(
                    path(&[&"people", &i, &"label"]),
                    Diagnostic::error(
                        "duplicate-label",
                        format!("the label `{label}` is also used for `people[{first}]`"),
                    )
                    .hint("each person needs their own letter, so readers can tell them apart"),
                );
            }
        }
    }

    fn person(&mut self, i: usize, p: &Person) {
        let at = |field: &str| path(&[&"people", &i, &field]);
        if p.name.split_whitespace().next().is_none() {
            self.push(
                at("name"),
                Diagnostic::error("empty-name", "a person's name cannot be empty"),
            );
        }
        if p.child && p.title.is_some() {
            self.push(
                at("title"),
                Diagnostic::error("child-title", "a child is given a title").hint(
                    "children are referred to by a letter only (\"her son, C\"): remove `title`",
                ),
            );
        }
        if let Some(label) = &p.label {
            self.label(at("label"), p, label);
        }
        if p.role.is_staff()
            && p.job_role.is_none()
            && !matches!(p.role, Role::Councillor | Role::Mp)
        {
            self.push(
                at("role"),
                Diagnostic::error(
                    "missing-job-role",
                    "officers and clinicians are referred to by their role, but none is given",
                )
                .hint("add `job_role = \"the social worker\"` (or whatever their role is)"),
            );
        }
        if let Some(rel) = &p.relationship {
            self.person_ref(
                path(&[&"people", &i, &"relationship", &"to"]),
                &rel.to,
                "the relationship",
            );
        }
        if let Some(body) = &p.body {
            self.body_ref(at("body"), body, "this person");
        }
        self.person_dates(i, p);
        self.person_numbers(i, p);
    }

    fn label(&mut self, at: Vec<Seg>, p: &Person, label: &str) {
        let Some((title, letter)) = parse_label(label) else {
            if !p.role.is_staff() {
                self.push(
                    at,
                    Diagnostic::error("bad-label", "a label is a title and one capital letter (\"Mrs X\") or, for a child, the letter alone")
                        .hint("write e.g. `label = \"Mrs X\"`, or leave it out to have one assigned"),
                );
            }
            return;
        };
        if p.child && title.is_some() {
            self.push(
                at.clone(),
                Diagnostic::error("child-title", "a child's label has a title")
                    .hint(format!("use the letter alone: `label = \"{letter}\"`")),
            );
        }
        if real_initials(p).contains(&letter) {
            self.push(
                at,
                Diagnostic::error("real-initial", format!("the label uses `{letter}`, one of the person's real initials"))
                    .hint("LGSCO practice never uses a real initial: choose another letter, e.g. X, Y or Z"),
            );
        }
    }

    fn person_dates(&mut self, i: usize, p: &Person) {
        let decision = self.case.case.decision_date;
        if let Some(born) = p.born {
            if born > decision {
                self.push(
                    path(&[&"people", &i, &"born"]),
                    Diagnostic::error(
                        "impossible-date",
                        "the date of birth is after the decision date",
                    ),
                );
            } else if born.years_until(decision) > 120 {
                self.push(
                    path(&[&"people", &i, &"born"]),
                    Diagnostic::warning(
                        "unlikely-date",
                        "the date of birth makes this person over 120 years old",
                    ),
                );
            }
            if p.child && born.years_until(decision) >= 18 {
                self.push(
                    path(&[&"people", &i, &"child"]),
                    Diagnostic::warning(
                        "adult-child",
                        "this person is marked as a child but was 18 or over at the decision",
                    )
                    .hint("young adults are usually given a title and letter (\"Mr Y\")"),
                );
            }
        }
        if let (Some(born), Some(died)) = (p.born, p.died)
            && died < born
        {
            self.push(
                path(&[&"people", &i, &"died"]),
                Diagnostic::error(
                    "impossible-date",
                    "the date of death is before the date of birth",
                ),
            );
        }
        if let Some(died) = p.died
            && died > decision
        {
            self.push(
                path(&[&"people", &i, &"died"]),
                Diagnostic::error(
                    "impossible-date",
                    "the date of death is after the decision date",
                ),
            );
        }
    }

    fn person_numbers(&mut self, i: usize, p: &Person) {
        if let Some(nhs) = &p.nhs_number {
            let at = path(&[&"people", &i, &"nhs_number"]);
            if ids::digits(nhs).len() != 10
                || nhs
                    .chars()
                    .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
            {
                self.push(
                    at,
                    Diagnostic::error("bad-nhs-number", "an NHS number is ten digits")
                        .hint("write it as printed, e.g. \"999 954 2557\""),
                );
            } else if !ids::nhs_valid(nhs) {
                self.push(at, Diagnostic::warning("nhs-check-digit", "this NHS number fails its check digit")
                    .hint("check it against the records; it is still treated as this person's number and redacted"));
            }
        }
        if let Some(nino) = &p.ni_number {
            let at = path(&[&"people", &i, &"ni_number"]);
            match ids::nino_key(nino) {
                None => self.push(at, Diagnostic::error("bad-ni-number", "a National Insurance number is two letters, six digits and a letter A to D")),
                Some(key) if !ids::nino_valid(&key) => self.push(at, Diagnostic::warning("ni-prefix", "this National Insurance number has a prefix that is never issued")
                    .hint("check it against the records; it is still redacted")),
                Some(_) => {}
            }
        }
        for (j, phone) in p.phones.iter().enumerate() {
            if ids::phone_key(phone).is_none() {
                self.push(
                    path(&[&"people", &i, &"phones", &j]),
                    Diagnostic::warning(
                        "bad-phone",
                        "this is not a UK phone number of 10 or 11 digits",
                    )
                    .hint("it is still redacted wherever the same digits appear"),
                );
            }
        }
        for (j, email) in p.emails.iter().enumerate() {
            let ok = email
                .split_once('@')
                .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'));
            if !ok {
                self.push(
                    path(&[&"people", &i, &"emails", &j]),
                    Diagnostic::error("bad-email", "this is not an email address"),
                );
            }
        }
        for (j, postcode) in p.postcodes.iter().enumerate() {
            if ids::postcode_key(postcode).is_none() {
                self.push(
                    path(&[&"people", &i, &"postcodes", &j]),
                    Diagnostic::warning("bad-postcode", "this is not a valid UK postcode")
                        .hint("it is still redacted where it appears"),
                );
            }
        }
    }

    fn bodies(&mut self) {
        if self.case.bodies.is_empty() {
            self.push(
                path(&[&"bodies"]),
                Diagnostic::error("no-bodies", "the case names no body").hint(
                    "add the council or other organisation complained about under [[bodies]]",
                ),
            );
        }
        let has = |k: BodyKind| self.case.bodies.iter().any(|b| b.kind == k);
        let jurisdiction = self.case.case.jurisdiction;
        let at = path(&[&"case", &"jurisdiction"]);
        if jurisdiction == Jurisdiction::LgscoHos && !has(BodyKind::HousingLandlord) {
            self.push(
                at.clone(),
                Diagnostic::error(
                    "jurisdiction-bodies",
                    "a joint case with the Housing Ombudsman has no housing landlord",
                )
                .hint("add the landlord with `kind = \"housing_landlord\"`"),
            );
        }
        if jurisdiction == Jurisdiction::LgscoPhso && !has(BodyKind::HealthBody) {
            self.push(at.clone(), Diagnostic::error("jurisdiction-bodies", "a joint case with the PHSO has no health body")
                .hint("add the NHS body with `kind = \"health_body\"`, or use `jurisdiction = \"lgsco\"`"));
        }
        if jurisdiction == Jurisdiction::Lgsco && has(BodyKind::HealthBody) {
            self.push(at.clone(), Diagnostic::error("jurisdiction-bodies", "an LGSCO-only case names a health body")
                .hint("health bodies are investigated with the PHSO: use `jurisdiction = \"lgsco_phso\"`"));
        }
        if jurisdiction != Jurisdiction::LgscoHos && has(BodyKind::HousingLandlord) {
            self.push(
                at,
                Diagnostic::error(
                    "jurisdiction-bodies",
                    "a housing landlord is named but the Housing Ombudsman is not involved",
                )
                .hint("use `jurisdiction = \"lgsco_hos\"`"),
            );
        }
    }

    fn complaint_and_findings(&mut self) {
        for (i, point) in self.case.complaint.points.iter().enumerate() {
            self.body_ref(
                path(&[&"complaint", &"points", &i, &"body"]),
                &point.body,
                "this point of complaint",
            );
        }
        if self.case.complaint.points.is_empty() {
            self.push(
                path(&[&"complaint", &"points"]),
                Diagnostic::error("no-points", "the complaint has no points")
                    .hint("add at least one `{ body = \"…\", text = \"…\" }`"),
            );
        }
        for (i, finding) in self.case.findings.iter().enumerate() {
            self.body_ref(
                path(&[&"findings", &i, &"body"]),
                &finding.body,
                "this finding",
            );
            if finding.injustice && !finding.fault {
                self.push(path(&[&"findings", &i, &"injustice"]), Diagnostic::error("injustice-without-fault", "injustice is found without fault")
                    .hint("the Ombudsmen find injustice caused by fault: set `fault = true` or `injustice = false`"));
            }
            if finding.determination.is_some()
                && self
                    .case
                    .body(&finding.body)
                    .is_some_and(|b| b.kind != BodyKind::HousingLandlord)
            {
                self.push(
                    path(&[&"findings", &i, &"determination"]),
                    Diagnostic::error(
                        "determination-body",
                        "only the Housing Ombudsman makes determinations, on landlords",
                    )
                    .hint("remove `determination`, or move it to the landlord's finding"),
                );
            }
        }
    }

    fn recommendations(&mut self) {
        for (i, rec) in self.case.recommendations.iter().enumerate() {
            let at = |f: &str| path(&[&"recommendations", &i, &f]);
            match (&rec.body, rec.bodies.len()) {
                (Some(_), 0) | (None, 2..) => {}
                (Some(_), _) => self.push(
                    at("bodies"),
                    Diagnostic::error(
                        "body-and-bodies",
                        "a recommendation has both `body` and `bodies`",
                    )
                    .hint("use `body` for one body, or `bodies` for a joint action"),
                ),
                (None, 0) => self.push(
                    path(&[&"recommendations", &i]),
                    Diagnostic::error("no-body", "a recommendation names no body")
                        .hint("add `body = \"council\"` (or `bodies = [..]` for a joint action)"),
                ),
                (None, _) => self.push(
                    at("bodies"),
                    Diagnostic::error("joint-of-one", "a joint action names only one body")
                        .hint("use `body = \"…\"` for one body"),
                ),
            }
            if let Some(body) = &rec.body {
                self.body_ref(at("body"), body, "this recommendation");
            }
            for (j, body) in rec.bodies.iter().enumerate() {
                self.body_ref(
                    path(&[&"recommendations", &i, &"bodies", &j]),
                    body,
                    "this recommendation",
                );
            }
            if let Some(b) = &rec.beneficiary {
                self.person_ref(at("beneficiary"), b, "this recommendation");
            }
            if rec.kind.is_financial() && rec.amount.is_none() {
                self.push(
                    at("kind"),
                    Diagnostic::error("missing-amount", "a financial remedy has no amount")
                        .hint("add `amount = 500` (pounds)"),
                );
            }
            self.split(i, rec);
            let landlord = rec.body_ids().iter().any(|b| {
                self.case
                    .body(b)
                    .is_some_and(|b| b.kind == BodyKind::HousingLandlord)
            });
            if rec.instrument == Instrument::Order && !landlord {
                self.push(
                    at("instrument"),
                    Diagnostic::error(
                        "order-not-landlord",
                        "only the Housing Ombudsman makes orders, and only to landlords",
                    )
                    .hint("LGSCO and PHSO make recommendations: remove `instrument`"),
                );
            }
        }
    }

    fn split(&mut self, i: usize, rec: &super::Recommendation) {
        if rec.split.is_empty() {
            return;
        }
        let at = path(&[&"recommendations", &i, &"split"]);
        let ids = rec.body_ids();
        for key in rec.split.keys() {
            if !ids.contains(&key.as_str()) {
                self.push(at.clone(), Diagnostic::error("split-body", format!("the split names `{key}`, which is not one of this recommendation's bodies")));
            }
        }
        let total: i64 = rec.split.values().map(|m| m.pence()).sum();
        if rec.amount.is_some_and(|a| a.pence() != total) {
            self.push(at, Diagnostic::error("split-total", "the shares of the split do not add up to the amount")
                .hint("make the shares add up to `amount`, or leave out `split` to let the bodies agree it"));
        }
    }

    fn outcome_and_publication(&mut self) {
        let keys: Vec<String> = self.case.outcome.per_body.keys().cloned().collect();
        for key in keys {
            self.body_ref(
                path(&[&"outcome", &"per_body", &key.as_str()]),
                &key,
                "the outcome",
            );
        }
        let publication = &self.case.publication;
        if !publication.publish && publication.exception.is_none() {
            self.push(
                path(&[&"publication", &"publish"]),
                Diagnostic::error(
                    "no-exception",
                    "the decision is not to be published, but no exception says why",
                )
                .hint("add `exception = \"premature\"` (or another code from the README)"),
            );
        }
        if let Some(sign_off) = &self.case.review.signed_off {
            if sign_off.by.trim().is_empty() {
                self.push(
                    path(&[&"review", &"signed_off", &"by"]),
                    Diagnostic::error("empty-sign-off", "the review is signed off by nobody")
                        .hint("give the name of the person who reviewed the publication copies"),
                );
            }
            if sign_off.on < self.case.case.decision_date {
                self.push(
                    path(&[&"review", &"signed_off", &"on"]),
                    Diagnostic::error(
                        "sign-off-before-decision",
                        "the review is signed off before the date of the decision it reviews",
                    )
                    .hint("the review of the publication copies comes after the decision: check the date"),
                );
            }
        }
        if publication.publish && publication.exception.is_some() {
            self.push(
                path(&[&"publication", &"exception"]),
                Diagnostic::warning(
                    "exception-but-published",
                    "an exception is recorded but the decision is still to be published",
                )
                .hint("set `publish = false` if the exception applies"),
            );
        }
    }

    fn escalation(&mut self) {
        let esc = &self.case.escalation;
        for (i, r) in esc.requested.iter().enumerate() {
            if let Some(body) = &r.body {
                self.body_ref(
                    path(&[&"escalation", &"requested", &i, &"body"]),
                    body,
                    "this request",
                );
            }
        }
        for (i, e) in esc.events.iter().enumerate() {
            if let Some(body) = &e.body {
                self.body_ref(
                    path(&[&"escalation", &"events", &i, &"body"]),
                    body,
                    "this event",
                );
            }
        }
        let mut dates: Vec<_> = esc.events.iter().map(|e| e.date).collect();
        if !dates.is_sorted() {
            dates.sort();
            self.push(
                path(&[&"escalation", &"events"]),
                Diagnostic::error("events-out-of-order", "the events are not in date order")
                    .hint("list them oldest first: each document shows the events up to its own date, in this order"),
            );
        }
        for (at, diag) in crate::plan::problems(self.case) {
            self.push(at, diag);
        }
        for (at, diag) in super::doc_checks::problems(self.case) {
            self.push(at, diag);
        }
    }

    /// Every string: length bound, control characters, font coverage.
    fn text(&mut self, coverage: &Coverage) {
        let value = serde_json::to_value(self.case).expect("a case always serialises");
        let mut strings = Vec::new();
        collect_strings(&value, &mut Vec::new(), &mut strings);
        for (at, s) in strings {
            if is_identifier_field(&at) && s.chars().count() > MAX_VALUE_CHARS {
                self.push(
                    at.clone(),
                    Diagnostic::error(
                        "too-long",
                        format!("this value is longer than {MAX_VALUE_CHARS} characters, which no name, address or number is"),
                    )
                    .hint("names, addresses and numbers are searched for everywhere in the text: check that prose was not pasted into this field"),
                );
            } else if s.chars().count() > MAX_FIELD_CHARS {
                self.push(
                    at.clone(),
                    Diagnostic::error(
                        "too-long",
                        format!("this text is longer than {MAX_FIELD_CHARS} characters"),
                    )
                    .hint("split it, or check that a file was not pasted in by mistake"),
                );
            }
            if let Some(c) = s
                .chars()
                .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            {
                self.push(
                    at.clone(),
                    Diagnostic::error(
                        "control-character",
                        format!("the text holds the control character U+{:04X}", c as u32),
                    )
                    .hint("remove it; it cannot be printed"),
                );
            }
            // Control characters are reported above; no font draws them.
            let mut missing: Vec<char> = s
                .chars()
                .filter(|&c| !c.is_control() && !coverage.contains(c))
                .collect();
            missing.dedup();
            if let Some(&c) = missing.first() {
                self.push(at, Diagnostic::error("no-glyph", format!("the character `{c}` (U+{:04X}) cannot be printed: no bundled font has it", c as u32))
                    .hint("replace it with a character the fonts cover (Latin, Greek and Cyrillic scripts are covered)"));
            }
        }
    }
}

fn collect_strings<'a>(
    value: &'a serde_json::Value,
    at: &mut Vec<Seg>,
    out: &mut Vec<(Vec<Seg>, &'a str)>,
) {
    match value {
        serde_json::Value::String(s) => out.push((at.clone(), s)),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(Seg::Index(i));
                collect_strings(item, at, out);
                at.pop();
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                at.push(Seg::Key(k.clone()));
                collect_strings(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The longest id: with its document's name around it, a file name stays
/// far below the 255 bytes file systems allow.
const MAX_ID_LEN: usize = 64;

/// What is wrong with an id as part of a file name, if anything: ids are
/// ASCII letters, digits, `-` and `_`, at most [`MAX_ID_LEN`] long.
pub(crate) fn id_problem(id: &str) -> Option<String> {
    if id.len() > MAX_ID_LEN {
        return Some(format!("is longer than {MAX_ID_LEN} characters"));
    }
    let bad = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_')))?;
    Some(if bad.is_whitespace() || bad.is_control() {
        format!(
            "cannot hold a space or control character (U+{:04X})",
            bad as u32
        )
    } else {
        format!("cannot hold `{bad}`: only letters, digits, `-` and `_`")
    })
}

/// Whether `s` is a Housing Ombudsman reference: nine digits, year first.
fn is_hos_reference(s: &str) -> bool {
    s.len() == 9 && s.starts_with("20") && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `s` is `YY NNN NNN`, optionally with a lower-case letter.
fn is_reference(s: &str, letter_allowed: bool) -> bool {
    let b = s.as_bytes();
    let base = b.len() >= 10
        && b[..2].iter().all(u8::is_ascii_digit)
        && b[2] == b' '
        && b[3..6].iter().all(u8::is_ascii_digit)
        && b[6] == b' '
        && b[7..10].iter().all(u8::is_ascii_digit);
    match b.len() {
        10 => base,
        11 => base && letter_allowed && b[10].is_ascii_lowercase(),
        _ => false,
    }
}

/// Splits a label into its title and letter: "Mrs X" → (Some("Mrs"), 'X').
pub(crate) fn parse_label(label: &str) -> Option<(Option<&str>, char)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let letter = |w: &str| {
        let mut chars = w.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_uppercase() => Some(c),
            _ => None,
        }
    };
    match words.as_slice() {
        [l] => Some((None, letter(l)?)),
        [t, l] if super::Title::ALL.iter().any(|x| x.as_str() == *t) => {
            Some((Some(*t), letter(l)?))
        }
        _ => None,
    }
}

/// The upper-case initials of every name the person goes by.
pub(crate) fn real_initials(p: &Person) -> Vec<char> {
    let mut names: Vec<&str> = p.name.split_whitespace().collect();
    names.extend(p.aliases.iter().flat_map(|a| a.split_whitespace()));
    names.extend(p.family_name.iter().flat_map(|f| f.split_whitespace()));
    let mut out: Vec<char> = names
        .iter()
        .flat_map(|n| n.split(['-', '\'']))
        .filter(|part| !super::Title::ALL.iter().any(|t| t.as_str() == *part))
        .filter_map(|part| part.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(|c| deunicode::deunicode_char(c).unwrap_or("").chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_the_modern_shape() {
        assert!(is_reference("23 004 118", false));
        assert!(is_reference("23 004 118a", true));
        assert!(!is_reference("23 004 118a", false));
        assert!(!is_reference("23-004-118", true));
        assert!(!is_reference("05/B/8409", true));
    }

    #[test]
    fn names_addresses_and_numbers_are_short_fields() {
        let at = |parts: &[&dyn PathPart]| is_identifier_field(&path(parts));
        assert!(at(&[&"people", &0, &"name"]));
        assert!(at(&[&"people", &1, &"aliases", &3]));
        assert!(at(&[&"bodies", &0, &"addressee", &"name"]));
        assert!(at(&[&"generalise", &0, &"term"]));
        assert!(!at(&[&"investigation", &"what_happened"]));
        assert!(!at(&[&"findings", &0, &"text"]));
        assert!(!at(&[&"case", &"reference"]));
    }

    #[test]
    fn ids_are_file_name_safe() {
        for ok in ["council", "Trust_2", "care-home", "a"] {
            assert_eq!(id_problem(ok), None, "{ok}");
        }
        for bad in [
            "../x", "a/b", "a\\b", "a b", "a.b", "é", "a\u{0}", ".", "..",
        ] {
            assert!(id_problem(bad).is_some(), "{bad:?}");
        }
        assert!(id_problem(&"x".repeat(65)).unwrap().contains("longer"));
    }

    #[test]
    fn labels_parse() {
        assert_eq!(parse_label("Mrs X"), Some((Some("Mrs"), 'X')));
        assert_eq!(parse_label("C"), Some((None, 'C')));
        assert_eq!(parse_label("the social worker"), None);
        assert_eq!(parse_label("Mrs XY"), None);
    }
}
