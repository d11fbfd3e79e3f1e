//! A parsed case file with the byte range of every key and value, whatever
//! its format. Parsing gives syntax errors with positions; the tree then
//! turns into a `serde_json::Value` for typed deserialisation, and answers
//! "where in the file is `people[2].born`?" for every later diagnostic.

use std::ops::Range;

use serde_json::{Map, Value};

use crate::diag::Diagnostic;

/// A value with its byte range in the file.
#[derive(Debug, Clone)]
pub(crate) struct Spanned {
    pub node: Node,
    pub span: Range<usize>,
}

/// A value of a case file.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Strings, and TOML dates kept in their written form.
    Str(String),
    Array(Vec<Spanned>),
    Table(Vec<Entry>),
}

/// A key and its value.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub value: Spanned,
}

/// One step of a path into the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Formats a path the way users write it: `people[2].born`.
pub(crate) fn path_string(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

impl Spanned {
    /// The value as JSON, for serde.
    pub fn to_json(&self) -> Value {
        match &self.node {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(i) => Value::from(*i),
            Node::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Node::Str(s) => Value::String(s.clone()),
            Node::Array(items) => Value::Array(items.iter().map(Spanned::to_json).collect()),
            Node::Table(entries) => {
                let mut map = Map::new();
                for e in entries {
                    map.insert(e.key.clone(), e.value.to_json());
                }
                Value::Object(map)
            }
        }
    }

    /// The string value at `path`, if there is one there.
    pub fn string_at(&self, path: &[Seg]) -> Option<&str> {
        let mut node = self;
        for seg in path {
            node = match (seg, &node.node) {
                (Seg::Key(k), Node::Table(entries)) => &entries.iter().find(|e| &e.key == k)?.value,
                (Seg::Index(i), Node::Array(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        match &node.node {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The range of the deepest node on `path` that exists. With `key_only`,
    /// a final key segment points at the key rather than its value.
    pub fn locate(&self, path: &[Seg], key_only: bool) -> Range<usize> {
        let mut node = self;
        for (i, seg) in path.iter().enumerate() {
            let last = i + 1 == path.len();
            match (seg, &node.node) {
                (Seg::Key(k), Node::Table(entries)) => {
                    let Some(e) = entries.iter().find(|e| &e.key == k) else {
                        return node.span.clone();
                    };
                    if last && key_only {
                        return e.key_span.clone();
                    }
                    node = &e.value;
                }
                (Seg::Index(i), Node::Array(items)) => match items.get(*i) {
                    Some(item) => node = item,
                    None => return node.span.clone(),
                },
                _ => return node.span.clone(),
            }
        }
        node.span.clone()
    }
}

/// Parses TOML.
pub(crate) fn parse_toml(text: &str) -> Result<Spanned, Diagnostic> {
    let table = toml::de::DeTable::parse(text).map_err(|e| {
        let message = e.message().trim().trim_end_matches('.').to_string();
        let hint = if message.contains("date") {
            "dates are written YYYY-MM-DD, without quotes, and must exist"
        } else {
            "check quoting and brackets near this point; multi-line text goes between \"\"\" and \"\"\""
        };
        let diag = Diagnostic::error("syntax", format!("failed to parse TOML ({message})")).hint(hint);
        match e.span() {
            Some(span) => diag.with_range(span),
            None => diag,
        }
    })?;
    let span = 0..text.len();
    Ok(Spanned {
        node: toml_table(table.into_inner()),
        span,
    })
}

fn toml_table(table: toml::de::DeTable<'_>) -> Node {
    let entries = table
        .into_iter()
        .map(|(k, v)| {
            let key_span = k.span();
            Entry {
                key: k.into_inner().into_owned(),
                key_span,
                value: toml_value(v),
            }
        })
        .collect();
    Node::Table(entries)
}

fn toml_value(value: toml::Spanned<toml::de::DeValue<'_>>) -> Spanned {
    use toml::de::DeValue;
    let span = value.span();
    let node = match value.into_inner() {
        DeValue::String(s) => Node::Str(s.into_owned()),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            i64::from_str_radix(&digits, i.radix()).map_or(Node::Null, Node::Int)
        }
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse()
            .map_or(Node::Null, Node::Float),
        DeValue::Boolean(b) => Node::Bool(b),
        DeValue::Datetime(d) => Node::Str(d.to_string()),
        DeValue::Array(items) => Node::Array(items.into_iter().map(toml_value).collect()),
        DeValue::Table(t) => toml_table(t),
    };
    Spanned { node, span }
}

/// Parses strict JSON (no comments, no trailing commas).
pub(crate) fn parse_json(text: &str) -> Result<Spanned, Diagnostic> {
    use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
    };
    let result = parse_to_ast(text, &CollectOptions::default(), &options).map_err(|e| {
        let range = e.range();
        Diagnostic::error("syntax", format!("failed to parse JSON ({})", e.kind()))
            .hint("a case file is one JSON object, `{ \"case\": { … }, \"people\": [ … ], … }`: check for a missing comma, quote, `}` or `]` near this point")
            .with_range(range.start..range.end.max(range.start))
    })?;
    let Some(value) = result.value else {
        return Err(Diagnostic::error("syntax", "the JSON file is empty")
            .hint("a case file is one JSON object: `{ \"case\": { … }, … }`")
            .with_range(0..0));
    };
    // The parser takes some JSON5 besides (single-quoted strings, hex
    // numbers): a case file is strict JSON, as the schema says.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let at = offset_of(text, e.line(), e.column());
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        return Err(Diagnostic::error(
            "syntax",
            format!("failed to parse JSON ({message}): a case file is strict JSON"),
        )
        .hint("strings and keys take double quotes (\"…\", never '…'), numbers are decimal, and nothing follows the last item of an object or array")
        .with_range(at..at));
    }
    json_value(value)
}

/// The byte offset of a 1-based line and column (as serde_json counts them).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn json_value(value: jsonc_parser::ast::Value<'_>) -> Result<Spanned, Diagnostic> {
    use jsonc_parser::ast::Value as J;
    let (node, range) = match value {
        J::StringLit(s) => (Node::Str(s.value.into_owned()), s.range),
        J::NumberLit(n) => {
            let node = match n.value.parse::<i64>() {
                Ok(i) => Node::Int(i),
                Err(_) => n.value.parse::<f64>().map_or(Node::Null, Node::Float),
            };
            (node, n.range)
        }
        J::BooleanLit(b) => (Node::Bool(b.value), b.range),
        J::NullKeyword(n) => (Node::Null, n.range),
        J::Array(a) => {
            let items = a
                .elements
                .into_iter()
                .map(json_value)
                .collect::<Result<_, _>>()?;
            (Node::Array(items), a.range)
        }
        J::Object(o) => {
            let mut entries: Vec<Entry> = Vec::new();
            // A set, not a scan of `entries`: an object of many keys must
            // not take quadratic time.
            let mut keys = std::collections::HashSet::new();
            for prop in o.properties {
                let key_range = match &prop.name {
                    jsonc_parser::ast::ObjectPropName::String(s) => s.range,
                    jsonc_parser::ast::ObjectPropName::Word(w) => w.range,
                };
                let key = prop.name.into_string();
                let key_span = key_range.start..key_range.end;
                if !keys.insert(key.clone()) {
                    return Err(Diagnostic::error(
                        "duplicate-key",
                        format!("duplicate key `{key}`"),
                    )
                    .with_range(key_span)
                    .hint("each key may appear once in an object: remove or merge one of them"));
                }
                entries.push(Entry {
                    key,
                    key_span,
                    value: json_value(prop.value)?,
                });
            }
            (Node::Table(entries), o.range)
        }
    };
    Ok(Spanned {
        node,
        span: range.start..range.end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_paths_locate_keys_and_values() {
        let text = "[case]\nreference = \"23 004 118\"\n\n[[people]]\nid = \"a\"\n\n[[people]]\nid = \"b\"\nborn = 1990-02-03\n";
        let tree = parse_toml(text).unwrap();
        let path = [
            Seg::Key("people".into()),
            Seg::Index(1),
            Seg::Key("born".into()),
        ];
        let value = tree.locate(&path, false);
        assert_eq!(&text[value], "1990-02-03");
        let key = tree.locate(&path, true);
        assert_eq!(&text[key], "born");
        assert_eq!(tree.to_json()["people"][1]["born"], "1990-02-03");
        assert_eq!(path_string(&path), "people[1].born");
    }

    #[test]
    fn json_paths_locate_and_duplicates_are_errors() {
        let text = r#"{"people": [{"id": "a"}, {"id": "b", "nmae": "x"}]}"#;
        let tree = parse_json(text).unwrap();
        let path = [
            Seg::Key("people".into()),
            Seg::Index(1),
            Seg::Key("nmae".into()),
        ];
        assert_eq!(&text[tree.locate(&path, true)], "\"nmae\"");
        let dup = parse_json(r#"{"a": 1, "a": 2}"#).unwrap_err();
        assert_eq!(dup.code, "duplicate-key");
        assert!(parse_json("{\"a\": 1,}").is_err());
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse_toml("[case]\nreference = \"unterminated\n").unwrap_err();
        assert!(err.range.is_some());
        assert!(
            err.message.starts_with("failed to parse TOML"),
            "{}",
            err.message
        );
    }
}
