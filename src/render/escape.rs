//! Case text reaches Typst only as data: every value a template prints
//! becomes a Typst string literal, so no case text is ever parsed as markup
//! or code (naive interpolation would *execute* `#read(..)`).
//!
//! - In markup, `{{ value }}` prints `#"…";`: an embedded string expression,
//!   ended by `;` so that whatever the template writes next stays markup.
//!   A string shows its characters verbatim (no smart quotes, no markup).
//! - In code, `{{ value|str }}` prints the bare literal `"…"`.
//! - Only the template's own text is markup; nothing from the case file is
//!   ever marked safe.

use minijinja::value::Value;
use minijinja::{Error, ErrorKind, Output, State};

/// A Typst string literal holding `s` exactly.
pub(crate) fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The formatter for `{{ … }}`: values become `#"…";`.
pub(crate) fn format_value(
    out: &mut Output<'_>,
    _state: &State<'_, '_>,
    value: &Value,
) -> Result<(), Error> {
    if value.is_safe() {
        return out.write_str(&value.to_string()).map_err(Error::from);
    }
    if value.is_undefined() || value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "the template printed a value that is missing",
        ));
    }
    let text = value.to_string();
    if text.is_empty() {
        return Ok(());
    }
    write!(out, "#{};", string_literal(&text)).map_err(Error::from)
}

/// The `str` filter: a bare Typst string literal, for code positions.
pub(crate) fn str_filter(value: Value) -> Result<Value, Error> {
    if value.is_undefined() || value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "`str` was given a value that is missing",
        ));
    }
    Ok(Value::from_safe_string(string_literal(&value.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_exactly_what_typst_needs() {
        assert_eq!(string_literal(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string_literal("x\ny"), r#""x\ny""#);
        assert_eq!(
            string_literal("O'Sullivan #read() $x$ *b* <l> @l // c ]"),
            "\"O'Sullivan #read() $x$ *b* <l> @l // c ]\""
        );
    }
}
