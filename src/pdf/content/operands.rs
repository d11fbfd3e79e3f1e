//! A content stream read token by token: the operands given before each
//! operator (numbers, names and strings, their bytes kept in one buffer as
//! ranges into it, inline dictionaries and array brackets), the operators,
//! and comments. Garbage is bounded: past [`MAX_OPERANDS`] the list is not
//! grown, and inline dictionaries are parsed to a nesting limit.

use std::ops::Range;

use lopdf::{Dictionary, Object};

use super::super::geometry::Matrix;
use super::super::syntax::{self, Parser};

/// The most operands kept before an operator (more is garbage).
const MAX_OPERANDS: usize = 100_000;

#[derive(Debug)]
pub(super) enum Operand {
    Num(f32),
    /// A name, as a range of the operands' bytes.
    Name(usize, usize),
    /// A string, as a range of the operands' bytes.
    Str(usize, usize),
    ArrayStart,
    ArrayEnd,
    Dict(Dictionary),
    Other,
}

/// What the next bytes of a content stream are.
pub(super) enum Token {
    /// White space, or a stray delimiter: nothing.
    Nothing,
    /// A comment's text (after its `%`).
    Comment(Range<usize>),
    /// An operand, its bytes and number already kept in [`Operands`].
    Operand(Operand),
    /// An operator (or any other word that is not an operand).
    Operator(Range<usize>),
}

/// The operands read since the last operator.
#[derive(Debug, Default)]
pub(super) struct Operands {
    pub(super) list: Vec<Operand>,
    /// The bytes of the strings and names among the operands.
    pub(super) bytes: Vec<u8>,
    /// The numbers among the operands.
    pub(super) nums: Vec<f32>,
}

impl Operands {
    /// Keeps an operand, unless there are too many already.
    pub(super) fn push(&mut self, operand: Operand) {
        if self.list.len() < MAX_OPERANDS {
            self.list.push(operand);
        }
    }

    /// Forgets them all, once their operator has run.
    pub(super) fn clear(&mut self) {
        self.list.clear();
        self.nums.clear();
        self.bytes.clear();
    }

    /// The `i`th number, or 0.
    pub(super) fn num(&self, i: usize) -> f32 {
        self.nums.get(i).copied().unwrap_or(0.0)
    }

    /// The last name given.
    pub(super) fn last_name(&self) -> Option<&[u8]> {
        self.list.iter().rev().find_map(|o| match o {
            Operand::Name(a, b) => Some(&self.bytes[*a..*b]),
            _ => None,
        })
    }

    /// The last string given.
    pub(super) fn last_string(&self) -> Option<&[u8]> {
        self.list.iter().rev().find_map(|o| match o {
            Operand::Str(a, b) => Some(&self.bytes[*a..*b]),
            _ => None,
        })
    }

    /// The first six numbers as a matrix, if there are six.
    pub(super) fn matrix(&self) -> Option<Matrix> {
        (self.nums.len() >= 6).then(|| {
            Matrix::new([
                self.num(0),
                self.num(1),
                self.num(2),
                self.num(3),
                self.num(4),
                self.num(5),
            ])
        })
    }

    /// Reads the token at `at` (its bytes and number kept here, where it
    /// has them); returns it and where the next one starts.
    pub(super) fn read(&mut self, content: &[u8], at: usize, nesting: usize) -> (Token, usize) {
        match content[at] {
            b if syntax::is_space(b) => (Token::Nothing, at + 1),
            b'%' => {
                let end = syntax::skip_line(content, at);
                (Token::Comment(at + 1..end), end)
            }
            b'(' => {
                let start = self.bytes.len();
                let next = syntax::literal_into(content, at + 1, &mut self.bytes);
                (Token::Operand(Operand::Str(start, self.bytes.len())), next)
            }
            b'<' if content.get(at + 1) == Some(&b'<') => {
                let mut parser = Parser::new(content, at, nesting);
                match parser.object() {
                    Ok(Object::Dictionary(d)) => (Token::Operand(Operand::Dict(d)), parser.at),
                    _ => (Token::Operand(Operand::Other), at + 2),
                }
            }
            b'<' => {
                let start = self.bytes.len();
                let next = syntax::hex_into(content, at + 1, &mut self.bytes);
                (Token::Operand(Operand::Str(start, self.bytes.len())), next)
            }
            b'[' => (Token::Operand(Operand::ArrayStart), at + 1),
            b']' => (Token::Operand(Operand::ArrayEnd), at + 1),
            b'/' => {
                let (n, next) = syntax::name(content, at + 1);
                let start = self.bytes.len();
                self.bytes.extend_from_slice(&n);
                (Token::Operand(Operand::Name(start, self.bytes.len())), next)
            }
            b'{' | b'}' | b')' | b'>' => (Token::Nothing, at + 1),
            _ => {
                let end = syntax::word_end(content, at).max(at + 1);
                (self.word(&content[at..end], at..end), end)
            }
        }
    }

    /// A word: a number, `true`, `false` or `null` (operands), or an
    /// operator.
    fn word(&mut self, word: &[u8], range: Range<usize>) -> Token {
        if matches!(word[0], b'0'..=b'9' | b'-' | b'+' | b'.') {
            Token::Operand(match syntax::number(word) {
                Some(n) => {
                    self.nums.push(n);
                    Operand::Num(n)
                }
                None => Operand::Other,
            })
        } else if matches!(word, b"true" | b"false" | b"null") {
            Token::Operand(Operand::Other)
        } else {
            Token::Operator(range)
        }
    }
}
