//! What a field of the case file takes, in the words of someone writing
//! one, with an example: for messages about a value of the wrong type. The
//! kinds come from the JSON Schema (so from the loader's own types), the
//! examples from the bundled samples, so a message never names a Rust type
//! ("struct Relationship") and every example is one that loads.

use std::sync::LazyLock;

use serde_json::Value;

use super::format::Format;
use super::tree::Seg;

/// The schema, made once (messages are rare).
static SCHEMA: LazyLock<Value> = LazyLock::new(super::schema::schema);

/// The samples as JSON values, parsed once.
static SAMPLES: LazyLock<Vec<Value>> = LazyLock::new(|| {
    super::schema::SAMPLES
        .iter()
        .filter_map(|text| toml::from_str::<toml::Value>(text).ok())
        .map(super::schema::json_of)
        .collect()
});

/// The longest example shown whole.
const EXAMPLE_CHARS: usize = 110;

/// What the field at a path takes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldHelp {
    /// "a table with the fields `to` and `as`", "a date", "a list of texts".
    pub kind: String,
    /// `relationship = { to = "debs", as = "mother" }`, as the file's
    /// format writes it, when a sample has a short one.
    pub example: Option<String>,
}

/// What the field at `path` takes, if the schema knows the path.
pub(crate) fn field_help(path: &[Seg], format: Format) -> Option<FieldHelp> {
    let node = node_at(&SCHEMA, path)?;
    let kind = kind(node, 0)?;
    let key = path.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(k.as_str()),
        Seg::Index(_) => None,
    });
    let example = key.and_then(|key| {
        let value = SAMPLES.iter().find_map(|sample| sample_at(sample, path))?;
        let written = written(
            key,
            value,
            matches!(path.last(), Some(Seg::Index(_))),
            format,
        )?;
        (written.chars().count() <= EXAMPLE_CHARS).then_some(written)
    });
    Some(FieldHelp { kind, example })
}

/// The schema node that describes the value at `path`.
fn node_at<'a>(root: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    let mut node = resolve(root, root)?;
    for seg in path {
        node = match seg {
            Seg::Key(key) => match node.get("properties").and_then(|p| p.get(key)) {
                Some(field) => field,
                None => node.get("additionalProperties").filter(|a| a.is_object())?,
            },
            Seg::Index(_) => node.get("items")?,
        };
        node = resolve(root, node)?;
    }
    Some(node)
}

/// Through `$ref`, and past the `null` of an optional field.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> Option<&'a Value> {
    if let Some(target) = node.get("$ref").and_then(Value::as_str) {
        let target = root.pointer(target.strip_prefix('#')?)?;
        return resolve(root, target);
    }
    if let Some(branches) = node.get("anyOf").and_then(Value::as_array) {
        let real: Vec<&Value> = branches
            .iter()
            .filter(|b| b.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        if let [one] = real.as_slice() {
            return resolve(root, one);
        }
    }
    Some(node)
}

/// The kind of value a schema node takes, in words.
fn kind(node: &Value, depth: usize) -> Option<String> {
    let node = resolve(&SCHEMA, node)?;
    if depth > 3 {
        return None;
    }
    let values = allowed_values(node);
    if !values.is_empty() {
        return Some(format!("one of {}", ticked(&values, "or")));
    }
    if let Some(properties) = node.get("properties").and_then(Value::as_object) {
        let mut fields: Vec<String> = properties
            .keys()
            .filter(|k| !k.starts_with('$'))
            .cloned()
            .collect();
        let required: Vec<String> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        if fields.len() > 4 {
            fields.retain(|f| required.contains(f));
            return Some(if fields.is_empty() {
                "a table of fields".to_string()
            } else {
                format!(
                    "a table with (at least) the fields {}",
                    ticked(&fields, "and")
                )
            });
        }
        return Some(format!(
            "a table with the fields {}",
            ticked(&fields, "and")
        ));
    }
    match node.get("type").and_then(Value::as_str) {
        Some("object") => Some(
            match node
                .get("additionalProperties")
                .and_then(|v| kind(v, depth + 1))
            {
                Some(value) => format!("a table of names (ids) and values, each {value}"),
                None => "a table".to_string(),
            },
        ),
        Some("array") => Some(match node.get("items").and_then(|i| kind(i, depth + 1)) {
            Some(item) if item.starts_with("a table") => {
                format!("a list of tables, each {item}")
            }
            Some(item) => format!("a list, each item {item}"),
            None => "a list".to_string(),
        }),
        Some("string") if node.get("format").and_then(Value::as_str) == Some("date") => {
            Some("a date, YYYY-MM-DD".to_string())
        }
        Some("string") => Some("text in double quotes".to_string()),
        Some("integer") => Some("a whole number".to_string()),
        Some("number") => Some("a number".to_string()),
        Some("boolean") => Some("`true` or `false`".to_string()),
        _ => None,
    }
}

/// The values an enumeration allows (lower-case names; the upper-case codes
/// an exception may also be given by are left out).
fn allowed_values(node: &Value) -> Vec<String> {
    let values: Vec<&str> = match (node.get("enum"), node.get("oneOf")) {
        (Some(Value::Array(values)), _) => values.iter().filter_map(Value::as_str).collect(),
        (_, Some(Value::Array(branches))) => branches
            .iter()
            .filter_map(|b| b.get("const")?.as_str())
            .collect(),
        _ => Vec::new(),
    };
    let lower: Vec<String> = values
        .iter()
        .filter(|v| !v.contains('.') && v.to_lowercase() == **v)
        .map(|v| v.to_string())
        .collect();
    if lower.is_empty() {
        values.into_iter().map(String::from).collect()
    } else {
        lower
    }
}

fn ticked(names: &[String], conjunction: &str) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// The first value in a sample at `path`, any list index standing for any.
fn sample_at<'a>(value: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    let Some((first, rest)) = path.split_first() else {
        return Some(value);
    };
    match first {
        Seg::Key(key) => sample_at(value.get(key)?, rest),
        Seg::Index(_) => value
            .as_array()?
            .iter()
            .find_map(|item| sample_at(item, rest)),
    }
}

/// A value as the file's format writes it after its key: `key = value` in
/// TOML (dates bare), `"key": value` in JSON; an item of a list alone.
fn written(key: &str, value: &Value, item: bool, format: Format) -> Option<String> {
    let text = match format {
        Format::Json => serde_json::to_string(value).ok()?,
        Format::Toml => toml_inline(value)?,
    };
    Some(match (item, format) {
        (true, _) => text,
        (false, Format::Toml) => format!("{key} = {text}"),
        (false, Format::Json) => format!("\"{key}\": {text}"),
    })
}

/// A JSON value as an inline TOML value; a `YYYY-MM-DD` string is a date.
fn toml_inline(value: &Value) -> Option<String> {
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if is_date(s) => s.clone(),
        Value::String(s) => toml::Value::String(s.clone()).to_string(),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(toml_inline)
                .collect::<Option<Vec<_>>>()?
                .join(", ")
        ),
        Value::Object(fields) => format!(
            "{{ {} }}",
            fields
                .iter()
                .map(|(k, v)| Some(format!("{} = {}", toml_key(k), toml_inline(v)?)))
                .collect::<Option<Vec<_>>>()?
                .join(", ")
        ),
    })
}

fn toml_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_string()
    } else {
        toml::Value::String(key.to_string()).to_string()
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(parts: &[&str]) -> Vec<Seg> {
        parts
            .iter()
            .map(|p| match p.parse() {
                Ok(i) => Seg::Index(i),
                Err(_) => Seg::Key(p.to_string()),
            })
            .collect()
    }

    #[test]
    fn a_table_is_described_by_its_fields_with_an_example_from_the_samples() {
        let help = field_help(&path(&["people", "0", "relationship"]), Format::Toml).unwrap();
        assert_eq!(help.kind, "a table with the fields `as` and `to`");
        let example = help.example.unwrap();
        assert!(
            example.starts_with("relationship = { as = \"") && example.contains("to = \""),
            "{example}"
        );
        let json = field_help(&path(&["people", "0", "relationship"]), Format::Json).unwrap();
        assert!(json.example.unwrap().starts_with("\"relationship\": {\""));
    }

    #[test]
    fn values_dates_lists_and_numbers_in_words() {
        let kind = |p: &[&str]| field_help(&path(p), Format::Toml).unwrap().kind;
        assert!(kind(&["recommendations", "0", "status"]).starts_with("one of `agreed`"));
        assert_eq!(kind(&["case", "decision_date"]), "a date, YYYY-MM-DD");
        assert_eq!(
            kind(&["people", "0", "phones"]),
            "a list, each item text in double quotes"
        );
        assert_eq!(kind(&["findings", "0", "fault"]), "`true` or `false`");
        let born = field_help(&path(&["people", "0", "born"]), Format::Toml).unwrap();
        assert!(
            born.example
                .as_deref()
                .is_some_and(|e| e.starts_with("born = 19")),
            "{born:?}"
        );
    }

    #[test]
    fn an_unknown_path_has_no_help() {
        assert_eq!(field_help(&path(&["case", "nonsense"]), Format::Toml), None);
    }
}
