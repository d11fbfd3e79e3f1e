//! The walk finds every [`Prose`] that serde finds, in every sample and in
//! a case with every free-text field filled, and lists them in the order
//! the anonymiser's log has always had.

use std::fmt::Display;

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeMap, SerializeSeq, SerializeStruct};

use crate::case::types::prose::PROSE;
use crate::case::{Case, Coverage, load_str};

/// Every [`Prose`] a value holds, as serde meets it (a newtype named
/// [`PROSE`]), with its path: serde's own view of the case, apart from the
/// walk.
#[derive(Default)]
struct ProseFinder {
    /// The path to the value being serialised, one segment (`.name`,
    /// `[2]`) at a time.
    at: Vec<String>,
    /// The map key just serialised, for the value that follows it.
    key: Option<String>,
    found: Vec<(String, String)>,
}

impl ProseFinder {
    fn of(case: &Case) -> Vec<(String, String)> {
        let mut finder = Self::default();
        case.serialize(&mut finder).expect("a case serialises");
        finder.found
    }

    fn path(&self) -> String {
        self.at.concat().trim_start_matches('.').to_string()
    }

    fn within<T: Serialize + ?Sized>(
        &mut self,
        segment: String,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.at.push(segment);
        let result = value.serialize(&mut *self);
        self.at.pop();
        result
    }
}

fn unsupported(what: impl Display) -> serde_json::Error {
    ser::Error::custom(format!("a case holds no {what}"))
}

/// Values other than prose, structs, lists, maps and options are leaves.
macro_rules! leaves {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, _: $ty) -> Result<(), serde_json::Error> {
            Ok(())
        }
    )*};
}

impl<'f> ser::Serializer for &'f mut ProseFinder {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Seq<'f>;
    type SerializeTuple = Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = Impossible<(), serde_json::Error>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), serde_json::Error>;

    leaves!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_none(self) -> Result<(), serde_json::Error> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), serde_json::Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), serde_json::Error> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), serde_json::Error> {
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        if name != PROSE {
            return value.serialize(self);
        }
        let text = serde_json::to_value(value)?;
        let text = text
            .as_str()
            .ok_or_else(|| unsupported("prose that is not text"))?;
        let path = self.path();
        self.found.push((path, text.to_string()));
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: &T,
    ) -> Result<(), serde_json::Error> {
        Err(unsupported(variant))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'f>, serde_json::Error> {
        Ok(Seq {
            finder: self,
            index: 0,
        })
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, serde_json::Error> {
        Err(unsupported("tuple"))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, serde_json::Error> {
        Err(unsupported(name))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, serde_json::Error> {
        Err(unsupported(variant))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self, serde_json::Error> {
        Ok(self)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, serde_json::Error> {
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, serde_json::Error> {
        Err(unsupported(variant))
    }
}

/// The items of a list, each at its index.
struct Seq<'f> {
    finder: &'f mut ProseFinder,
    index: usize,
}

impl SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_element<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.finder.within(format!("[{}]", self.index), value)?;
        self.index += 1;
        Ok(())
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

impl SerializeStruct for &mut ProseFinder {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        self.within(format!(".{key}"), value)
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

impl SerializeMap for &mut ProseFinder {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), serde_json::Error> {
        let key = serde_json::to_value(key)?;
        self.key = Some(key.as_str().unwrap_or_default().to_string());
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let key = self.key.take().unwrap_or_default();
        self.within(format!(".{key}"), value)
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

/// Every sample case, loaded.
fn samples() -> Vec<(String, Case)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the samples folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "the samples were read: {paths:?}");
    paths
        .into_iter()
        .map(|path| {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path).expect("a readable sample");
            let loaded = load_str(&name, &text, &Coverage::all());
            let case = loaded.case.unwrap_or_else(|| panic!("{name} loads"));
            (name, case)
        })
        .collect()
}

/// A case with every free-text field filled (and two of a list where a
/// case may have several).
const FULL: &str = r#"{
  "case": {
    "reference": "23 004 118", "jurisdiction": "lgsco", "decision_date": "2024-03-01",
    "category": "Adult care services", "summary": "We found fault."
  },
  "people": [
    { "id": "jane", "name": "Jane Smith", "role": "complainant",
      "relationship": { "to": "tom", "as": "mother" } },
    { "id": "tom", "name": "Tom Smith", "role": "officer", "job_role": "the social worker" }
  ],
  "bodies": [
    { "id": "council", "name": "Westley Borough Council", "short_name": "the Council",
      "kind": "council", "reference": "23 004 118", "category": "Assessment",
      "particular_importance": "Many people are at risk." }
  ],
  "complaint": {
    "points": [
      { "body": "council", "text": "did not reply" },
      { "body": "council", "text": "lost her letters" }
    ],
    "injustice": "Distress.", "outcome_sought": "An apology."
  },
  "investigation": { "scope": "The events of 2023.", "considered": "Her letters.",
    "what_happened": "She wrote twice." },
  "law": [{ "title": "Care Act 2014", "text": "Councils must assess." }],
  "findings": [
    { "body": "council", "fault": true, "injustice": true, "text": "It did not reply.",
      "complaint": "its handling of her letters" }
  ],
  "recommendations": [
    { "body": "council", "kind": "apology", "text": "apologise", "deadline": "1 month" }
  ],
  "outcome": { "decision": "upheld", "final_decision": "We cannot say more." },
  "escalation": {
    "events": [
      { "date": "2024-05-01", "kind": "report", "body": "council", "text": "We issued a report.",
        "view": "The Council has not replied." }
    ],
    "notice": { "places": ["its website", "its reception"], "period": "6 months",
      "by": "2024-06-01", "provider_reasons": "It disagrees.", "summary": "We found fault." }
  }
}"#;

fn full() -> Case {
    serde_json::from_str(FULL).expect("the full case reads")
}

fn sorted(mut fields: Vec<(String, String)>) -> Vec<(String, String)> {
    fields.sort();
    fields
}

#[test]
fn the_walk_finds_every_prose_that_serde_finds() {
    for (name, case) in samples().into_iter().chain([("full".into(), full())]) {
        let serde = ProseFinder::of(&case);
        assert!(!serde.is_empty(), "{name}: the finder found prose");
        assert_eq!(sorted(case.prose()), sorted(serde), "{name}");
    }
}

#[test]
fn prose_lists_the_fields_in_the_order_they_have_always_had() {
    let paths: Vec<String> = full().prose().into_iter().map(|(path, _)| path).collect();
    assert_eq!(
        paths,
        [
            "case.summary",
            "complaint.injustice",
            "investigation.scope",
            "investigation.considered",
            "investigation.what_happened",
            "case.category",
            "complaint.outcome_sought",
            "outcome.final_decision",
            "complaint.points[0].text",
            "complaint.points[1].text",
            "law[0].title",
            "law[0].text",
            "findings[0].text",
            "findings[0].complaint",
            "recommendations[0].text",
            "people[0].relationship.as",
            "people[1].job_role",
            "bodies[0].particular_importance",
            "bodies[0].category",
            "escalation.events[0].text",
            "escalation.events[0].view",
            "escalation.notice.places[0]",
            "escalation.notice.places[1]",
            "escalation.notice.period",
            "escalation.notice.provider_reasons",
            "escalation.notice.summary",
        ]
    );
}

#[test]
fn prose_mut_rewrites_what_prose_lists() {
    let mut case = full();
    let listed = case.prose();
    for (path, text) in case.prose_mut() {
        *text = format!("[{path}]");
    }
    let rewritten = case.prose();
    assert_eq!(rewritten.len(), listed.len());
    for ((path, before), (again, after)) in listed.iter().zip(&rewritten) {
        assert_eq!(path, again);
        assert_ne!(before, after);
        assert_eq!(after, &format!("[{path}]"));
    }
    assert_eq!(case.findings[0].text, "[findings[0].text]");
    assert_eq!(case.people[0].name, "Jane Smith", "names are not free text");
}
