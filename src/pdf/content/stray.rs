//! What a content stream holds that no operator draws: comments, words
//! that are no operator of ISO 32000, strings given to an operator that
//! shows none. None of it is drawn, but it is in the file for anyone who
//! opens it, so it is kept with the page's other text and searched too.

use super::super::canvas::Canvas;
use super::operands::{Operand, Operands};

/// An operator none of the families ran: the word itself if it is no PDF
/// operator, and any strings it was given.
pub(super) fn unshown(op: &[u8], args: &Operands, canvas: &mut Canvas) {
    if !is_operator(op) {
        push_stray(canvas, op);
    }
    for operand in &args.list {
        if let &Operand::Str(a, b) = operand {
            push_stray(canvas, &args.bytes[a..b]);
        }
    }
}

/// Bytes of a content stream that no operator draws (a comment, a word
/// that is no operator, a string an operator does not show): kept with the
/// page's other text, so that what is in the file is searched too.
pub(super) fn push_stray(canvas: &mut Canvas, bytes: &[u8]) {
    if bytes.iter().any(u8::is_ascii_alphanumeric) || !bytes.is_ascii() {
        canvas.extra.push_str(&String::from_utf8_lossy(bytes));
        canvas.extra.push('\n');
    }
}

/// Whether a word is one of the content-stream operators of ISO 32000.
fn is_operator(word: &[u8]) -> bool {
    matches!(
        word,
        b"b" | b"B"
            | b"b*"
            | b"B*"
            | b"BDC"
            | b"BI"
            | b"BMC"
            | b"BT"
            | b"BX"
            | b"c"
            | b"cm"
            | b"CS"
            | b"cs"
            | b"d"
            | b"d0"
            | b"d1"
            | b"Do"
            | b"DP"
            | b"EI"
            | b"EMC"
            | b"ET"
            | b"EX"
            | b"f"
            | b"F"
            | b"f*"
            | b"G"
            | b"g"
            | b"gs"
            | b"h"
            | b"i"
            | b"ID"
            | b"j"
            | b"J"
            | b"K"
            | b"k"
            | b"l"
            | b"m"
            | b"M"
            | b"MP"
            | b"n"
            | b"re"
            | b"RG"
            | b"rg"
            | b"ri"
            | b"s"
            | b"S"
            | b"SC"
            | b"sc"
            | b"SCN"
            | b"scn"
            | b"sh"
            | b"T*"
            | b"Tc"
            | b"Td"
            | b"TD"
            | b"Tf"
            | b"TJ"
            | b"Tj"
            | b"TL"
            | b"Tm"
            | b"Tr"
            | b"Ts"
            | b"Tw"
            | b"Tz"
            | b"v"
            | b"w"
            | b"W"
            | b"W*"
            | b"y"
            | b"'"
            | b"\""
    )
}
