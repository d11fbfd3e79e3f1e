//! Marked content (`BDC`, `BMC`, `DP`, `MP`, `EMC`): a span's
//! `/ActualText` takes the place of the glyphs it spans in the text
//! (typst's soft hyphens are spans whose ActualText is U+00AD), and the
//! glyphs themselves are kept as extra text, still searched; `/Alt`, `/E`
//! and `/T` are extra text too.

use lopdf::{Dictionary, Object};

use super::super::canvas::Canvas;
use super::super::resolve;
use super::super::syntax;
use super::operands::{Operand, Operands};
use super::{Frame, Interpreter};

/// Marked content open in a stream: the ActualText of a span, and where
/// its text starts.
pub(super) type Marked = Option<(String, usize)>;

impl<'d, 'b> Interpreter<'d, 'b> {
    /// Runs `op` if it is a marked-content operator; whether it was one.
    pub(super) fn marked_content_operator<'r>(
        &self,
        op: &[u8],
        args: &Operands,
        frame: &mut Frame,
        resources: Option<&'r Dictionary>,
        canvas: &mut Canvas,
    ) -> bool
    where
        'd: 'r,
    {
        match op {
            b"BDC" | b"BMC" | b"DP" | b"MP" => {
                let operands = args.list.as_slice();
                let props: Option<&Dictionary> = match operands.last() {
                    Some(Operand::Dict(d)) if op != b"BMC" => Some(d),
                    Some(&Operand::Name(a, b)) if op != b"BMC" && operands.len() >= 2 => self
                        .resource(resources, b"Properties", &args.bytes[a..b])
                        .and_then(|(_, o)| resolve::as_dict(o)),
                    _ => None,
                };
                let actual = props.and_then(|d| text_of(d.get(b"ActualText").ok()?));
                for key in [b"Alt".as_slice(), b"E", b"T"] {
                    if let Some(t) = props.and_then(|d| text_of(d.get(key).ok()?)) {
                        canvas.extra.push_str(&t);
                        canvas.extra.push('\n');
                    }
                }
                if matches!(op, b"BDC" | b"BMC") {
                    frame.marked.push(actual.map(|a| (a, canvas.text.len())));
                } else if let Some(a) = actual {
                    canvas.extra.push_str(&a);
                    canvas.extra.push('\n');
                }
            }
            b"EMC" => {
                if let Some(span) = frame.marked.pop() {
                    close_span(span, canvas);
                }
            }
            _ => return false,
        }
        true
    }
}

/// Closes a marked-content span: its ActualText takes the place of the
/// glyphs it spans, which are kept as extra text.
pub(super) fn close_span(span: Marked, canvas: &mut Canvas) {
    let Some((actual, start)) = span else { return };
    if start <= canvas.text.len() && canvas.text.is_char_boundary(start) {
        let shown = canvas.text.split_off(start);
        if !shown.trim().is_empty() {
            canvas.extra.push_str(&shown);
            canvas.extra.push('\n');
        }
    }
    canvas.text.push_str(&actual);
}

/// The text of a text string.
fn text_of(object: &Object) -> Option<String> {
    match object {
        Object::String(s, _) => {
            let mut out = String::new();
            syntax::text_string(s, &mut out);
            Some(out)
        }
        _ => None,
    }
}
