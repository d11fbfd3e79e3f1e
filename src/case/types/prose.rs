//! Free text as a type: [`Prose`], what an investigator writes in their own
//! words (the summary, the facts, a finding's reasoning), with real names
//! in it. Every free-text field of a case is a `Prose`, and the walk in
//! [`texts`](super::texts) finds every one by its type, so the anonymiser
//! rewrites a free-text field added later without anyone adding it to a
//! list. Names, ids, references, dates and amounts are plain `String`s (or
//! their own types), never `Prose`.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize, Serializer};

/// Free text, as written in the case file: real names and all. It reads
/// like a `&str` (it derefs to one) and is written in a case file as a
/// plain string; the JSON Schema of a case file cannot tell it from one.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(transparent)]
pub struct Prose(String);

impl Prose {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, to rewrite in place: only the walk over a case's free
    /// text ([`Case::prose_mut`](super::Case::prose_mut)) hands it out.
    pub(in crate::case) fn as_mut_string(&mut self) -> &mut String {
        &mut self.0
    }
}

impl Deref for Prose {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Prose {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// As a `String` prints: quoted, escaped.
impl fmt::Debug for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<String> for Prose {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<&str> for Prose {
    fn from(text: &str) -> Self {
        Self(text.to_string())
    }
}

impl From<Prose> for String {
    fn from(prose: Prose) -> Self {
        prose.0
    }
}

impl PartialEq<str> for Prose {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Prose {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for Prose {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

/// The name a serializer is given for a [`Prose`] value.
pub(in crate::case) const PROSE: &str = "Prose";

/// Serialised as a newtype named [`PROSE`], which every format writes as
/// the plain string (JSON, TOML and the templates' values alike), so that
/// a walk through serde can tell free text from other strings: the test
/// that [`Case::prose`](super::Case::prose) misses none does.
impl Serialize for Prose {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(PROSE, &self.0)
    }
}

/// Exactly a string's schema, so that the published schema of a case file
/// (`redress schema`) is unchanged by the type.
impl JsonSchema for Prose {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_written_and_read_as_a_plain_string() {
        let prose = Prose::from("She wrote to the Council.");
        assert_eq!(
            serde_json::to_string(&prose).unwrap(),
            r#""She wrote to the Council.""#
        );
        let back: Prose = serde_json::from_str(r#""She wrote.""#).unwrap();
        assert_eq!(back, "She wrote.");
        assert_eq!(format!("{back:?}"), format!("{:?}", "She wrote."));
        assert_eq!(
            serde_json::to_value(Prose::json_schema(&mut SchemaGenerator::default())).unwrap(),
            serde_json::to_value(String::json_schema(&mut SchemaGenerator::default())).unwrap()
        );
    }
}
