//! Other names a text uses for a person: `"Peggy"`, or typed, as
//! `{ text = "Mrs Wilde", kind = "misspelling" }`. The kind says why the
//! text uses the name, so that a sentence whose point was the name (a
//! misspelling, a nickname, a wrong name on a letter) can be rewritten or
//! reported rather than turned into a tautology ("Mrs X, known to her
//! family as Mrs X").

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Another name a text uses for a person. Written as a plain string, or as
/// a table with its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as the text writes it: "Peggy", "Mrs Wilde".
    pub text: String,
    /// Why the text uses it.
    pub kind: AliasKind,
}

/// Why a text uses another name for a person.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    /// Another name of theirs: a maiden name, a shorter form, another
    /// spelling they use.
    #[default]
    Other,
    /// What family or friends call them ("Peggy").
    Nickname,
    /// A misspelling of their name in someone's letter or record
    /// ("Mrs Wilde" for Mrs Tranter-Wilde).
    Misspelling,
    /// A name that is not theirs, used for them by mistake (invoices
    /// addressed to "Mr M Clarke").
    WrongName,
}

impl AliasKind {
    /// The kind as the case file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Other => "other",
            Self::Nickname => "nickname",
            Self::Misspelling => "misspelling",
            Self::WrongName => "wrong_name",
        }
    }

    /// Whether the text uses the name to make a point about it (a
    /// mistake), so that the label alone loses what the sentence says.
    pub fn is_mistake(self) -> bool {
        matches!(self, Self::Misspelling | Self::WrongName)
    }
}

impl Alias {
    /// A plain alias of kind [`AliasKind::Other`].
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            kind: AliasKind::Other,
        }
    }
}

impl Deref for Alias {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Alias {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl From<&str> for Alias {
    fn from(text: &str) -> Self {
        Self::plain(text)
    }
}

impl fmt::Display for Alias {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The table form of an alias.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct TypedAlias {
    /// The name as the text writes it: "Mrs Wilde".
    text: String,
    /// Why the text uses it: `nickname`, `misspelling`, `wrong_name` or
    /// `other`.
    #[serde(default)]
    kind: AliasKind,
}

/// What the schema says an alias is: either form.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(
    dead_code,
    reason = "never built: only its schema is used, serde reads either form through `Alias`"
)]
enum AliasForm {
    /// Another name the text uses: "Peggy".
    Plain(String),
    /// Another name, with why the text uses it.
    Typed(TypedAlias),
}

impl Serialize for Alias {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.kind {
            AliasKind::Other => s.serialize_str(&self.text),
            kind => TypedAlias {
                text: self.text.clone(),
                kind,
            }
            .serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Alias {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AliasVisitor;

        impl<'de> Visitor<'de> for AliasVisitor {
            type Value = Alias;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a name (\"Peggy\") or a table such as { text = \"Mrs Wilde\", kind = \"misspelling\" }",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Alias, E> {
                Ok(Alias::plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Alias, A::Error> {
                let typed = TypedAlias::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Alias {
                    text: typed.text,
                    kind: typed.kind,
                })
            }
        }

        d.deserialize_any(AliasVisitor)
    }
}

impl JsonSchema for Alias {
    fn schema_name() -> Cow<'static, str> {
        "Alias".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = AliasForm::json_schema(generator);
        schema.insert(
            "description".into(),
            "Another name the text uses for the person: a plain name (\"Peggy\"), or a table \
             saying why, `{ text = \"Mrs Wilde\", kind = \"misspelling\" }` (kinds: nickname, \
             misspelling, wrong_name, other)."
                .into(),
        );
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, Serialize)]
    struct Holder {
        aliases: Vec<Alias>,
    }

    #[test]
    fn plain_and_typed_aliases_load() {
        let h: Holder = toml::from_str(
            r#"aliases = ["Peggy", { text = "Mrs Wilde", kind = "misspelling" }, { text = "Debs" }]"#,
        )
        .unwrap();
        assert_eq!(h.aliases[0], Alias::plain("Peggy"));
        assert_eq!(h.aliases[1].kind, AliasKind::Misspelling);
        assert_eq!(&*h.aliases[1], "Mrs Wilde");
        assert_eq!(h.aliases[2].kind, AliasKind::Other);
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(
            json,
            r#"{"aliases":["Peggy",{"text":"Mrs Wilde","kind":"misspelling"},"Debs"]}"#
        );
    }

    #[test]
    fn a_wrong_kind_or_key_is_an_error() {
        let bad = toml::from_str::<Holder>(r#"aliases = [{ text = "X", kind = "typo" }]"#);
        assert!(bad.is_err());
        let bad = toml::from_str::<Holder>(r#"aliases = [{ txt = "X" }]"#);
        assert!(bad.unwrap_err().to_string().contains("txt"));
        let bad = toml::from_str::<Holder>(r#"aliases = [3]"#);
        assert!(bad.unwrap_err().to_string().contains("a name"));
    }
}
