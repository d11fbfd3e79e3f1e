//! Mutations for the fuzz targets: blind ones on bytes, and ones that know
//! the shape of the input (lines and values of a TOML case file, the tree of
//! a JSON one, identifiers dressed up in a text, the tokens of a PDF), so
//! that most inputs get past the first parser and into the code behind it.

use fastrand::Rng;
use serde_json::Value;

/// Bytes that mean something to one of the parsers.
const PDF_TOKENS: &[&[u8]] = &[
    b"<<",
    b">>",
    b"[",
    b"]",
    b"(",
    b")",
    b"<",
    b">",
    b"/",
    b"\\",
    b" obj ",
    b" endobj ",
    b"stream\n",
    b"\nendstream",
    b" 0 R ",
    b" 99999999 0 R ",
    b"-1",
    b"9999999999999999999",
    b"/Length 0",
    b"/Length 999999999",
    b"/Filter /FlateDecode",
    b"/Type /Page",
    b"/Kids [",
    b"/Contents",
    b"/Font",
    b"/ToUnicode",
    b"beginbfchar",
    b"endbfchar",
    b"beginbfrange",
    b"BT",
    b"ET",
    b" Tj ",
    b" TJ ",
    b" Tf ",
    b" Td ",
    b" Tm ",
    b" Do ",
    b"q",
    b"Q",
    b"cm",
    b"/Encoding /Identity-H",
    b"/Differences [",
    b"xref",
    b"trailer",
    b"startxref",
    b"%%EOF",
    b"/Prev 0",
    b"/Root 1 0 R",
    b"/ObjStm",
    b"/XRef",
    b"<FEFF>",
    b"<>",
    b"()",
    b"(\\)",
];

/// Characters that text handling gets wrong.
const HOSTILE_CHARS: &[char] = &[
    '\0', '\r', '\t', '\u{7}', '\u{85}', '\u{a0}', '\u{ad}', '\u{200b}', '\u{200d}', '\u{202e}',
    '\u{2011}', '\u{2019}', '\u{fe0f}', '\u{feff}', '\u{fffd}', '\u{301}', '\u{338}', 'ß', 'İ',
    'ǅ', 'ﬁ', 'Ω', '𝔸', '🙂', '中', '\'', '"', '\\', '#', '[', ']', '{', '}', '=', '.',
];

/// Values a case file should refuse, or handle at its edges.
const TOML_VALUES: &[&str] = &[
    "9999-12-31",
    "0000-01-01",
    "0001-01-01",
    "1899-12-31",
    "1900-01-01",
    "2199-12-31",
    "2200-01-01",
    "2024-02-29",
    "2023-02-29",
    "2024-03-01T10:00:00Z",
    "10:00:00",
    "0",
    "-1",
    "9223372036854775807",
    "-9223372036854775808",
    "1e308",
    "-0.0",
    "inf",
    "nan",
    "0x7f",
    "true",
    "\"\"",
    "\" \"",
    "\"../../etc/passwd\"",
    "\"a/b\"",
    "\"CON\"",
    "\"23 004 118\"",
    "\"23 004 118a\"",
    "\"99 999 999\"",
    "\"Mrs X\"",
    "\"X\"",
    "\"council\"",
    "\"trust\"",
    "\"1 month\"",
    "\"744 months\"",
    "\"744 working days\"",
    "\"0 weeks\"",
    "\"£300\"",
    "\"999 954 2557\"",
    "\"QQ 12 34 56 C\"",
    "\"07700 900461\"",
    "\"x@example.net\"",
    "\"\\u0000\"",
    "\"\\u202e\"",
    "\"#{x}\"",
    "\"$x$\"",
    "\"\\\\\"",
    "[]",
    "{}",
    "[1, \"a\"]",
    "{ body = \"council\", text = \"x\" }",
    "[{ document = \"special_report\" }]",
    "\"\"\"\nmulti\nline\"\"\"",
    "'literal'",
    "'''\nraw\n'''",
];

/// Keys a case file uses, to put where they do not belong.
const KEYS: &[&str] = &[
    "reference",
    "id",
    "body",
    "bodies",
    "decision_date",
    "born",
    "died",
    "date",
    "deadline",
    "amount",
    "split",
    "kind",
    "role",
    "label",
    "title",
    "name",
    "jurisdiction",
    "status",
    "decision",
    "publish",
    "exception",
    "requested",
    "document",
    "text",
    "hos_reference",
    "accepted",
    "child",
    "aliases",
    "phones",
    "emails",
    "postcodes",
    "nhs_number",
    "ni_number",
    "addresses",
    "beneficiary",
    "per_body",
    "particular_importance",
    "instrument",
    "events",
];

const HEADERS: &[&str] = &[
    "[case]",
    "[[people]]",
    "[[bodies]]",
    "[complaint]",
    "[investigation]",
    "[[law]]",
    "[[findings]]",
    "[[recommendations]]",
    "[outcome]",
    "[publication]",
    "[escalation]",
    "[[escalation.events]]",
    "[[escalation.requested]]",
    "[escalation.parliament]",
    "[escalation.notice]",
    "[[generalise]]",
    "[review]",
    "[case.case]",
    "[[case]]",
];

/// A position on a character boundary of `s`.
fn boundary(rng: &mut Rng, s: &str) -> usize {
    floor(s, rng.usize(..=s.len()))
}

/// `at`, or the character boundary before it.
fn floor(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A range within `len` of at most `max` bytes.
fn range(rng: &mut Rng, len: usize, max: usize) -> std::ops::Range<usize> {
    let start = rng.usize(..=len);
    start..(start + rng.usize(..=max)).min(len)
}

fn nested(rng: &mut Rng, open: &str, close: &str) -> String {
    let depth = if rng.bool() {
        rng.usize(1..40)
    } else {
        rng.usize(40..3000)
    };
    format!("{}{}", open.repeat(depth), close.repeat(depth))
}

fn hostile_string(rng: &mut Rng) -> String {
    match rng.u8(0..4) {
        0 => "x".repeat(rng.usize(0..60_000)),
        1 => (0..rng.usize(1..20))
            .map(|_| HOSTILE_CHARS[rng.usize(..HOSTILE_CHARS.len())])
            .collect(),
        2 => "Jane Smith ".repeat(rng.usize(1..50)),
        _ => String::new(),
    }
}

/// Blind mutations of bytes, with tokens from `dictionary`.
pub fn bytes(rng: &mut Rng, input: &[u8], dictionary: &[&[u8]]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..rng.usize(1..=4) {
        let len = out.len();
        match rng.u8(0..8) {
            0 if len > 0 => {
                let i = rng.usize(..len);
                out[i] ^= 1 << rng.u8(0..8);
            }
            1 if len > 0 => {
                let i = rng.usize(..len);
                out[i] = [
                    0, 0xff, b'\\', b'"', b'[', b'{', b'(', b')', b'<', b'>', b'\n', b'0',
                ][rng.usize(..12)];
            }
            2 => {
                out.drain(range(rng, len, 64));
            }
            3 => {
                let r = range(rng, len, 256);
                let chunk = out[r].to_vec();
                let at = rng.usize(..=out.len());
                out.splice(at..at, chunk);
            }
            4 if !dictionary.is_empty() => {
                let token = dictionary[rng.usize(..dictionary.len())];
                let at = rng.usize(..=len);
                out.splice(at..at, token.iter().copied());
            }
            5 => out.truncate(rng.usize(..=len)),
            6 => {
                let at = rng.usize(..=len);
                let noise: Vec<u8> = (0..rng.usize(1..16)).map(|_| rng.u8(..)).collect();
                out.splice(at..at, noise);
            }
            _ if len > 1 => {
                let (a, b) = (range(rng, len, 128), rng.usize(..len));
                let chunk = out[a].to_vec();
                let end = (b + chunk.len()).min(len);
                out[b..end].copy_from_slice(&chunk[..end - b]);
            }
            _ => {}
        }
    }
    out
}

/// A PDF with its tokens and bytes disturbed.
pub fn pdf(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    bytes(rng, input, PDF_TOKENS)
}

/// A TOML case file with lines moved, dropped or doubled, values replaced
/// by hostile ones, headers and keys where they do not belong.
pub fn toml(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(input);
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for _ in 0..rng.usize(1..=3) {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let i = rng.usize(..lines.len());
        match rng.u8(0..9) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let line = lines[i].clone();
                let at = rng.usize(..=lines.len());
                lines.insert(at, line);
            }
            2 => {
                let j = rng.usize(..lines.len());
                lines.swap(i, j);
            }
            3 | 4 => {
                let value = match rng.u8(0..4) {
                    0 => nested(rng, "[", "]"),
                    1 => format!("\"{}\"", hostile_string(rng).replace(['"', '\\'], "")),
                    _ => TOML_VALUES[rng.usize(..TOML_VALUES.len())].to_string(),
                };
                let key = match lines[i].split_once(" = ") {
                    Some((key, _)) => key.to_string(),
                    None => KEYS[rng.usize(..KEYS.len())].to_string(),
                };
                lines[i] = format!("{key} = {value}");
            }
            5 => lines.insert(i, HEADERS[rng.usize(..HEADERS.len())].to_string()),
            6 => {
                let line = &mut lines[i];
                let at = boundary(rng, line);
                line.insert(at, HOSTILE_CHARS[rng.usize(..HOSTILE_CHARS.len())]);
            }
            7 => {
                let key = (0..rng.usize(2..120))
                    .map(|_| KEYS[rng.usize(..KEYS.len())])
                    .collect::<Vec<_>>()
                    .join(".");
                lines.insert(i, format!("{key} = 1"));
            }
            _ => {
                let line = &mut lines[i];
                let at = boundary(rng, line);
                line.truncate(at);
            }
        }
    }
    let mut out = lines.join("\n").into_bytes();
    if rng.u8(0..8) == 0 {
        out = bytes(
            rng,
            &out,
            &[b"\"", b"[", b"]", b"=", b"\n", b"#", b"'''", b"\"\"\""],
        );
    }
    out
}

/// A JSON case file with nodes of its tree replaced, removed, doubled or
/// renamed.
pub fn json(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<Value>(input) else {
        return bytes(rng, input, &[b"{", b"}", b"[", b"]", b"\"", b",", b":"]);
    };
    for _ in 0..rng.usize(1..=3) {
        let node = random_node(rng, &mut value);
        match rng.u8(0..6) {
            0 => *node = hostile_json(rng),
            1 => {
                if let Value::Object(map) = node
                    && !map.is_empty()
                {
                    let key = map
                        .keys()
                        .nth(rng.usize(..map.len()))
                        .cloned()
                        .unwrap_or_default();
                    map.remove(&key);
                }
            }
            2 => {
                if let Value::Object(map) = node {
                    map.insert(KEYS[rng.usize(..KEYS.len())].into(), hostile_json(rng));
                }
            }
            3 => {
                if let Value::Array(items) = node
                    && !items.is_empty()
                {
                    let item = items[rng.usize(..items.len())].clone();
                    items.push(item);
                }
            }
            4 => *node = Value::Array(vec![node.take()]),
            _ => {
                if let Value::Object(map) = node
                    && !map.is_empty()
                {
                    let key = map
                        .keys()
                        .nth(rng.usize(..map.len()))
                        .cloned()
                        .unwrap_or_default();
                    if let Some(v) = map.remove(&key) {
                        map.insert(format!("{key}{}", ["_", "s", "X", " "][rng.usize(..4)]), v);
                    }
                }
            }
        }
    }
    let text = if rng.bool() {
        serde_json::to_vec_pretty(&value)
    } else {
        serde_json::to_vec(&value)
    };
    let mut out = text.unwrap_or_default();
    if rng.u8(0..8) == 0 {
        // Deeper than serde_json builds: only as text.
        let deep = nested(rng, "[", "]");
        let at = rng.usize(..=out.len());
        out.splice(at..at, deep.bytes());
    }
    if rng.u8(0..8) == 0 {
        out = bytes(
            rng,
            &out,
            &[b"{", b"}", b"[", b"]", b"\"", b",", b":", b"\\u0000"],
        );
    }
    out
}

fn random_node<'a>(rng: &mut Rng, mut value: &'a mut Value) -> &'a mut Value {
    for _ in 0..rng.usize(0..6) {
        let len = match &*value {
            Value::Object(map) => map.len(),
            Value::Array(items) => items.len(),
            _ => 0,
        };
        if len == 0 {
            break;
        }
        let i = rng.usize(..len);
        value = match value {
            Value::Object(map) => map.values_mut().nth(i).expect("in range"),
            Value::Array(items) => &mut items[i],
            _ => unreachable!(),
        };
    }
    value
}

fn hostile_json(rng: &mut Rng) -> Value {
    match rng.u8(0..6) {
        0 => {
            let text = nested(rng, "[", "]");
            serde_json::from_str(&text).unwrap_or(Value::Null)
        }
        1 => Value::String(hostile_string(rng)),
        2 => [
            serde_json::json!(i64::MAX),
            serde_json::json!(i64::MIN),
            serde_json::json!(u64::MAX),
            serde_json::json!(1e308),
            serde_json::json!(-1),
            serde_json::json!(0.1),
        ][rng.usize(..6)]
        .clone(),
        3 => Value::String(
            TOML_VALUES[rng.usize(..TOML_VALUES.len())]
                .trim_matches('"')
                .to_string(),
        ),
        4 => serde_json::json!({ "body": "council", "text": "x", "date": "9999-12-31" }),
        _ => [
            Value::Null,
            Value::Bool(true),
            serde_json::json!([]),
            serde_json::json!({}),
        ][rng.usize(..4)]
        .clone(),
    }
}

/// A text with the case's identifiers dressed up (case, separators,
/// invisible characters, marks) and put in, and ranges moved, doubled or
/// cut.
pub fn text(rng: &mut Rng, input: &str, identifiers: &[String]) -> String {
    let mut out = input.to_string();
    for _ in 0..rng.usize(1..=4) {
        match rng.u8(0..6) {
            0 | 1 if !identifiers.is_empty() => {
                let which = rng.usize(..identifiers.len());
                let value = dress(rng, &identifiers[which]);
                let at = boundary(rng, &out);
                out.insert_str(at, &value);
            }
            2 => {
                let (a, b) = (boundary(rng, &out), boundary(rng, &out));
                let (a, b) = (a.min(b), floor(&out, a.max(b).min(a.min(b) + 200)));
                out.replace_range(a..b, "");
            }
            3 => {
                let (a, b) = (boundary(rng, &out), boundary(rng, &out));
                let chunk = out[a.min(b)..a.max(b)]
                    .chars()
                    .take(300)
                    .collect::<String>();
                let at = boundary(rng, &out);
                out.insert_str(at, &chunk);
            }
            4 => {
                let at = boundary(rng, &out);
                out.insert(at, HOSTILE_CHARS[rng.usize(..HOSTILE_CHARS.len())]);
            }
            _ => {
                let (a, b) = (boundary(rng, &out), boundary(rng, &out));
                let (a, b) = (a.min(b), a.max(b));
                let flipped = out[a..b].to_uppercase();
                out.replace_range(a..b, &flipped);
            }
        }
    }
    out
}

/// An identifier as a careless or hostile writer might type it.
fn dress(rng: &mut Rng, value: &str) -> String {
    let separators = [
        " ", "", "-", ".", "\u{a0}", "\u{ad}", "\u{200b}", "\u{2011}", "  ",
    ];
    let mut out = String::new();
    for c in value.chars() {
        let c = match rng.u8(0..6) {
            0 => c.to_uppercase().collect::<String>(),
            1 => c.to_lowercase().collect::<String>(),
            _ => c.to_string(),
        };
        out.push_str(&c);
        match rng.u8(0..12) {
            0 => out.push_str(separators[rng.usize(..separators.len())]),
            1 => out.push('\u{301}'),
            _ => {}
        }
    }
    if rng.bool() {
        out = out.replace(' ', separators[rng.usize(..separators.len())]);
    }
    if rng.u8(0..4) == 0 {
        out.push_str(["'s", "\u{2019}s", "s'", "'"][rng.usize(..4)]);
    }
    format!(" {out} ")
}
