//! Matching listed structured values: phones, NHS and NI numbers,
//! postcodes, emails (and addresses nobody listed that carry a listed name),
//! dates of birth and of death.

use super::{Category, Hit, Identifiers, Source};
use crate::anonymise::values::{self, Shape};

impl Identifiers {
    /// The listed values among `candidates`, the value-shaped pieces of
    /// `text` ([`values::candidates`], found once for every reader of the
    /// text).
    pub(super) fn value_hits(&self, text: &str, candidates: &[values::Candidate]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for c in candidates {
            let found = match c.shape {
                Shape::Date => self.date_hit(text, c),
                Shape::Email => self.email_hit(c),
                shape => self.values.get(&(shape, c.key.clone())).map(|&p| {
                    let category = match shape {
                        Shape::Phone => Category::Phone,
                        Shape::Nhs => Category::NhsNumber,
                        Shape::Nino => Category::NiNumber,
                        _ => Category::Postcode,
                    };
                    let placeholder = category.placeholder();
                    Hit::new(
                        Source::Listed,
                        c.range.clone(),
                        category,
                        Some(p),
                        placeholder,
                    )
                }),
            };
            hits.extend(found);
        }
        hits
    }

    fn email_hit(&self, c: &values::Candidate) -> Option<Hit> {
        let person = self
            .values
            .get(&(Shape::Email, c.key.clone()))
            .copied()
            .or_else(|| {
                // An address nobody listed that carries a listed name is still
                // that person's: "peggy.oneill58@…".
                let local: String = c
                    .key
                    .split('@')
                    .next()?
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .collect();
                self.email_tokens
                    .iter()
                    .find(|(t, _)| local.contains(t.as_str()))
                    .map(|(_, p)| *p)
            })?;
        let placeholder = Category::Email.placeholder();
        Some(Hit::new(
            Source::Listed,
            c.range.clone(),
            Category::Email,
            Some(person),
            placeholder,
        ))
    }

    fn date_hit(&self, text: &str, c: &values::Candidate) -> Option<Hit> {
        if let Some(p) = c.dates.iter().find_map(|d| self.births.get(d)) {
            let placeholder = Category::DateOfBirth.placeholder();
            return Some(Hit::new(
                Source::Listed,
                c.range.clone(),
                Category::DateOfBirth,
                Some(*p),
                placeholder,
            ));
        }
        let (date, p) = c
            .dates
            .iter()
            .find_map(|d| self.deaths.get(d).map(|p| (*d, *p)))?;
        // A date of death is published as month and year at most:
        // "on 3 June 2023" becomes "in June 2023".
        let before = &text[..c.range.start];
        let (start, replacement) = match before.strip_suffix("on ") {
            Some(rest) if before.len() >= 3 && !rest.ends_with(char::is_alphanumeric) => {
                (c.range.start - 3, format!("in {}", date.month_year()))
            }
            _ => (c.range.start, date.month_year()),
        };
        Some(Hit::new(
            Source::Listed,
            start..c.range.end,
            Category::DateOfDeath,
            Some(p),
            replacement,
        ))
    }
}
