//! No case text is ever executed: a hostile payload in every string field of
//! a sample renders literally, in both variants.

use redress::case::{Case, load_str};
use redress::pipeline::RenderOptions;
use serde_json::Value;

use crate::util::{engine, load, pdftotext, samples, tempdir};

const PAYLOAD: &str = r#" #read("/etc/passwd") #import "x": * $x^2$ *b* <l> @l // c ] \ " `raw` = heading O'Sullivan"#;

/// Identity fields of people: appending to these changes who the person is
/// (their name tokens would be redacted everywhere), so they are skipped.
const IDENTITY: [&str; 10] = [
    "name",
    "family_name",
    "aliases",
    "addresses",
    "postcodes",
    "phones",
    "emails",
    "nhs_number",
    "ni_number",
    "label",
];

#[test]
fn hostile_text_in_every_field_renders_literally() {
    let path = &samples()[0];
    let case = load(path);
    let (hostile, injected) = inject_everywhere(&case);
    assert!(
        injected.len() > 40,
        "only {} fields took the payload: {injected:?}",
        injected.len()
    );
    let out = tempdir();
    let report = engine()
        .render_case(&hostile, out.path(), RenderOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    for doc in &report.documents {
        let text = redress::verify::normalise(&pdftotext(&report.dir.join(&doc.file)));
        for literal in [
            "#read(",
            "#import \"x\": *",
            "$x^2$",
            "*b* <l> @l // c ]",
            "`raw` = heading O'Sullivan",
        ] {
            assert!(
                text.contains(literal),
                "{}: `{literal}` is not shown literally",
                doc.file
            );
        }
        assert!(!text.contains("root:x:0"), "{}: a file was read", doc.file);
    }
}

/// Appends the payload to every string field that still validates with it.
fn inject_everywhere(case: &Case) -> (Case, Vec<String>) {
    inject(case, PAYLOAD)
}

/// Appends `payload` to every string field that still validates with it.
pub fn inject(case: &Case, payload: &str) -> (Case, Vec<String>) {
    let mut value = serde_json::to_value(case).unwrap();
    let mut paths = Vec::new();
    strings(&value, String::new(), &mut paths);
    let mut injected = Vec::new();
    for path in paths {
        if is_identity(&path) {
            continue;
        }
        let before = value.clone();
        if let Some(Value::String(s)) = value.pointer_mut(&path) {
            s.push_str(payload);
        }
        let loaded = load_str("hostile.json", &value.to_string(), engine().coverage());
        if loaded.has_errors() {
            value = before;
        } else {
            injected.push(path);
        }
    }
    let loaded = load_str("hostile.json", &value.to_string(), engine().coverage());
    (loaded.case.expect("the hostile case is valid"), injected)
}

fn is_identity(pointer: &str) -> bool {
    let parts: Vec<&str> = pointer.split('/').collect();
    (parts.get(1) == Some(&"people") && parts.get(3).is_some_and(|f| IDENTITY.contains(f)))
        || pointer.ends_with("/addressee/name")
}

fn strings(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::String(_) => out.push(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                strings(v, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}
