//! What a case's redacted PDFs are checked against before they are
//! written: the verifier's own needles and the anonymiser's leak check,
//! over the same extracted text.

use crate::anonymise::{self, Identifiers};
use crate::case::Case;
use crate::verify::{self, Needles, VerifyReport};

/// What a case's redacted PDFs are verified against: the verifier's own
/// needles and the anonymiser's own leak check, over the same extracted
/// text. Both must find nothing before a file is written (`require_clean`,
/// where a document is made).
pub struct Checks {
    /// The verifier's needles, built once per case.
    pub needles: Needles,
    /// The anonymiser's identifiers, built once per case.
    pub identifiers: Identifiers,
    /// Each person's label, by index (`people[1]` is called "Mr Y").
    pub labels: Vec<String>,
    people: usize,
}

impl std::fmt::Debug for Checks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checks")
            .field("people", &self.people)
            .finish_non_exhaustive()
    }
}

impl Checks {
    /// The checks of `case`, whose people carry `labels`, and whose
    /// documents print `office` names as the office's own (the
    /// investigator, the signatories).
    pub fn new(
        case: &Case,
        labels: &[String],
        identifiers: Identifiers,
        office: &[String],
    ) -> Self {
        Self {
            needles: Needles::with_office(case, office).with_labels(labels),
            identifiers,
            labels: labels.to_vec(),
            people: case.people.len(),
        }
    }

    /// Verifies a redacted PDF by both readings.
    pub fn verify(&self, pdf: &[u8]) -> VerifyReport {
        self.verify_with_text(pdf).0
    }

    /// [`verify`](Self::verify), also returning each page's text as
    /// extracted.
    pub fn verify_with_text(&self, pdf: &[u8]) -> (VerifyReport, Vec<String>) {
        verify::verify_with_text(pdf, &self.needles, &[self])
    }

    /// The kinds of listed identifier either reading finds in a text (a
    /// web page's, a record's): what keeps it from being published.
    pub fn text_leaks(&self, text: &str) -> Vec<verify::Kind> {
        let normalised = verify::normalise(text);
        let mut kinds: Vec<verify::Kind> = self
            .needles
            .find(text)
            .into_iter()
            .chain(verify::OtherReading::find(self, &normalised))
            .map(|found| found.kind)
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }
}

/// The anonymiser's leak check as a reading of the verify stage.
impl verify::OtherReading for Checks {
    fn reader(&self) -> verify::Reader {
        verify::Reader::Anonymiser
    }

    fn find(&self, text: &str) -> Vec<verify::Found> {
        self.identifiers
            .leaks(text)
            .into_iter()
            .map(|hit| verify::Found {
                range: hit.range,
                kind: kind_of(hit.category),
                field: hit
                    .person
                    .filter(|&p| p < self.people)
                    .map(|p| format!("people[{p}]")),
            })
            .collect()
    }
}

/// The verifier's kind for an anonymiser's category.
fn kind_of(category: anonymise::Category) -> verify::Kind {
    use anonymise::Category as C;
    use verify::Kind as K;
    match category {
        C::Name | C::AmbiguousName | C::OnlineId => K::Name,
        C::Address => K::Address,
        C::Postcode => K::Postcode,
        C::Phone => K::Phone,
        C::Email => K::Email,
        C::NhsNumber => K::NhsNumber,
        C::NiNumber => K::NiNumber,
        C::RecordNumber => K::RecordNumber,
        C::DateOfBirth => K::DateOfBirth,
        C::DateOfDeath => K::DateOfDeath,
        C::Generalised => K::Generalised,
        C::Vehicle | C::BankDetails => K::Other,
    }
}
