//! The content-stream interpreter: runs a page's operators with as much of
//! the graphics state as placing text needs (the current transformation
//! matrix, the text matrix and text state, colours and opacity, the
//! clipping box), draws Form XObjects where `Do` draws them (recursively,
//! to a depth limit, refusing a form that draws itself), and records every
//! glyph, filled or stroked path, image and shading on a [`Canvas`].
//!
//! Marked content with `/ActualText` replaces the glyphs it spans in the
//! text (typst's soft hyphens are spans whose ActualText is U+00AD); the
//! glyphs themselves are still searched, in the canvas's extra text.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::canvas::{Canvas, Paint, Shape};
use super::colour::Space;
use super::fonts::Font;
use super::geometry::{Matrix, Point, Rect};
use super::limits::{Budget, Exceeded};
use super::resolve::{self, deref};
use super::syntax::{self, Parser};

mod draw;
mod show;

use draw::paint;

/// The graphics state (with the text state, which is part of it).
#[derive(Debug, Clone)]
pub struct GState {
    pub ctm: Matrix,
    fill: Option<[f32; 3]>,
    stroke: Option<[f32; 3]>,
    fill_space: Space,
    stroke_space: Space,
    fill_alpha: f32,
    stroke_alpha: f32,
    line_width: f32,
    pub clip: Option<Rect>,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scaling: f32,
    leading: f32,
    rise: f32,
    mode: u8,
}

impl GState {
    /// The colour and opacity text is painted with (stroke-only render
    /// modes paint with the stroke).
    fn paint(&self) -> (Option<[f32; 3]>, f32) {
        if matches!(self.mode, 1 | 5) {
            (self.stroke, self.stroke_alpha)
        } else {
            (self.fill, self.fill_alpha)
        }
    }

    /// The state a page starts with.
    pub fn new(ctm: Matrix) -> Self {
        Self {
            ctm,
            fill: Some([0.0; 3]),
            stroke: Some([0.0; 3]),
            fill_space: Space::Gray,
            stroke_space: Space::Gray,
            fill_alpha: 1.0,
            stroke_alpha: 1.0,
            line_width: 1.0,
            clip: None,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scaling: 1.0,
            leading: 0.0,
            rise: 0.0,
            mode: 0,
        }
    }
}

#[derive(Debug)]
enum Operand {
    Num(f32),
    /// A name, as a range of the frame's bytes.
    Name(usize, usize),
    /// A string, as a range of the frame's bytes.
    Str(usize, usize),
    ArrayStart,
    ArrayEnd,
    Dict(Dictionary),
    Other,
}

/// The most operands kept before an operator (more is garbage).
const MAX_OPERANDS: usize = 100_000;
/// The deepest `q` nesting kept.
const MAX_SAVES: usize = 1024;
/// Segments a curve is drawn with.
const CURVE_STEPS: usize = 6;

/// Reads content streams for one document.
pub struct Interpreter<'d, 'b> {
    pub doc: &'d Document,
    pub budget: &'b Budget,
    fonts: HashMap<ObjectId, Rc<Font>>,
    /// Streams read as content or drawn as images.
    pub read: HashSet<ObjectId>,
    /// Forms being drawn, innermost last.
    drawing: Vec<ObjectId>,
    /// Reasons to refuse the file found while reading.
    pub problems: Vec<String>,
    /// The font text with an undefined font is read in.
    fallback: Rc<Font>,
}

/// Marked content open in a stream: the ActualText of a span, and where
/// its text starts.
type Marked = Option<(String, usize)>;

/// The state of one content stream being run.
struct Frame {
    /// The fonts the stream has selected, by resource name.
    fonts: Vec<(Vec<u8>, Rc<Font>)>,
    operands: Vec<Operand>,
    /// The bytes of the strings and names among the operands.
    bytes: Vec<u8>,
    /// The numbers among the operands.
    nums: Vec<f32>,
    gs: GState,
    saved: Vec<GState>,
    marked: Vec<Marked>,
    path: Vec<Vec<Point>>,
    clip_pending: bool,
    tm: Matrix,
    tlm: Matrix,
}

impl Frame {
    fn new(gs: GState) -> Self {
        Self {
            fonts: Vec::new(),
            operands: Vec::new(),
            bytes: Vec::new(),
            nums: Vec::new(),
            gs,
            saved: Vec::new(),
            marked: Vec::new(),
            path: Vec::new(),
            clip_pending: false,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
        }
    }
}

impl<'d, 'b> Interpreter<'d, 'b> {
    pub fn new(doc: &'d Document, budget: &'b Budget) -> Self {
        Self {
            doc,
            budget,
            fonts: HashMap::new(),
            read: HashSet::new(),
            drawing: Vec::new(),
            problems: Vec::new(),
            fallback: Rc::new(fallback_font(budget)),
        }
    }

    /// Interprets `content` with `resources`, drawing on `canvas`.
    pub fn run<'r>(
        &mut self,
        content: &[u8],
        resources: Option<&'r Dictionary>,
        gs: GState,
        canvas: &mut Canvas,
        depth: usize,
    ) -> Result<(), Exceeded>
    where
        'd: 'r,
    {
        self.budget.interpret(content.len())?;
        let mut frame = Frame::new(gs);
        let mut at = 0;
        while at < content.len() {
            let b = content[at];
            let operand = match b {
                b if syntax::is_space(b) => {
                    at += 1;
                    continue;
                }
                b'%' => {
                    // Not drawn, but in the file for anyone who opens it:
                    // searched with the page's other text.
                    let end = syntax::skip_line(content, at);
                    push_stray(canvas, &content[at + 1..end]);
                    at = end;
                    continue;
                }
                b'(' => {
                    let start = frame.bytes.len();
                    at = syntax::literal_into(content, at + 1, &mut frame.bytes);
                    Operand::Str(start, frame.bytes.len())
                }
                b'<' if content.get(at + 1) == Some(&b'<') => {
                    let mut parser = Parser::new(content, at, self.budget.limits.nesting);
                    match parser.object() {
                        Ok(Object::Dictionary(d)) => {
                            at = parser.at;
                            Operand::Dict(d)
                        }
                        _ => {
                            at += 2;
                            Operand::Other
                        }
                    }
                }
                b'<' => {
                    let start = frame.bytes.len();
                    at = syntax::hex_into(content, at + 1, &mut frame.bytes);
                    Operand::Str(start, frame.bytes.len())
                }
                b'[' => {
                    at += 1;
                    Operand::ArrayStart
                }
                b']' => {
                    at += 1;
                    Operand::ArrayEnd
                }
                b'/' => {
                    let (n, next) = syntax::name(content, at + 1);
                    at = next;
                    let start = frame.bytes.len();
                    frame.bytes.extend_from_slice(&n);
                    Operand::Name(start, frame.bytes.len())
                }
                b'{' | b'}' | b')' | b'>' => {
                    at += 1;
                    continue;
                }
                _ => {
                    let end = syntax::word_end(content, at).max(at + 1);
                    let word = &content[at..end];
                    at = end;
                    if matches!(word[0], b'0'..=b'9' | b'-' | b'+' | b'.') {
                        match syntax::number(word) {
                            Some(n) => {
                                frame.nums.push(n);
                                Operand::Num(n)
                            }
                            None => Operand::Other,
                        }
                    } else if matches!(word, b"true" | b"false" | b"null") {
                        Operand::Other
                    } else {
                        if word == b"BI" {
                            at = skip_inline_image(content, at);
                            self.image(&frame.gs, canvas);
                        } else {
                            self.operator(word, &mut frame, resources, canvas, depth)?;
                        }
                        frame.operands.clear();
                        frame.nums.clear();
                        frame.bytes.clear();
                        continue;
                    }
                }
            };
            if frame.operands.len() < MAX_OPERANDS {
                frame.operands.push(operand);
            }
        }
        while let Some(span) = frame.marked.pop() {
            close_span(span, canvas);
        }
        Ok(())
    }

    fn operator<'r>(
        &mut self,
        op: &[u8],
        frame: &mut Frame,
        resources: Option<&'r Dictionary>,
        canvas: &mut Canvas,
        depth: usize,
    ) -> Result<(), Exceeded>
    where
        'd: 'r,
    {
        let Frame {
            operands,
            bytes,
            fonts,
            nums,
            gs,
            saved,
            marked,
            path,
            clip_pending,
            tm,
            tlm,
        } = frame;
        let (operands, bytes, nums): (&[Operand], &[u8], &[f32]) = (operands, bytes, nums);
        let num = |i: usize| nums.get(i).copied().unwrap_or(0.0);
        let last_name = || {
            operands.iter().rev().find_map(|o| match o {
                Operand::Name(a, b) => Some(&bytes[*a..*b]),
                _ => None,
            })
        };
        let matrix = || {
            (nums.len() >= 6).then(|| Matrix::new([num(0), num(1), num(2), num(3), num(4), num(5)]))
        };
        match op {
            b"q" => {
                if saved.len() < MAX_SAVES {
                    saved.push(gs.clone());
                }
            }
            b"Q" => {
                if let Some(s) = saved.pop() {
                    *gs = s;
                }
            }
            b"cm" => {
                if let Some(m) = matrix().filter(Matrix::is_finite) {
                    gs.ctm = m.then(&gs.ctm);
                }
            }
            b"w" => gs.line_width = num(0).abs(),
            b"gs" => {
                if let Some(name) = last_name() {
                    self.ext_gstate(resources, name, gs);
                }
            }
            b"g" | b"rg" | b"k" | b"G" | b"RG" | b"K" => {
                let space = match op {
                    b"g" | b"G" => Space::Gray,
                    b"rg" | b"RG" => Space::Rgb,
                    _ => Space::Cmyk,
                };
                let colour = space.colour(nums);
                if op[0].is_ascii_lowercase() {
                    (gs.fill_space, gs.fill) = (space, colour);
                } else {
                    (gs.stroke_space, gs.stroke) = (space, colour);
                }
            }
            b"cs" | b"CS" => {
                let space = last_name().map_or(Space::Other, |n| self.space(resources, n));
                let initial = space.initial();
                if op == b"cs" {
                    (gs.fill_space, gs.fill) = (space, initial);
                } else {
                    (gs.stroke_space, gs.stroke) = (space, initial);
                }
            }
            b"sc" | b"scn" => {
                gs.fill = if last_name().is_some() {
                    None
                } else {
                    gs.fill_space.colour(nums)
                }
            }
            b"SC" | b"SCN" => {
                gs.stroke = if last_name().is_some() {
                    None
                } else {
                    gs.stroke_space.colour(nums)
                }
            }
            b"m" => {
                path.push(vec![gs.ctm.apply([num(0), num(1)])]);
                self.count_points(canvas, 1)?;
            }
            b"l" => {
                let p = gs.ctm.apply([num(0), num(1)]);
                match path.last_mut() {
                    Some(sub) => sub.push(p),
                    None => path.push(vec![p]),
                }
                self.count_points(canvas, 1)?;
            }
            b"c" | b"v" | b"y" => {
                let Some(&from) = path.last().and_then(|s| s.last()) else {
                    return Ok(());
                };
                let to_page = |x: f32, y: f32| gs.ctm.apply([x, y]);
                let (c1, c2, end) = match op {
                    b"c" => (
                        to_page(num(0), num(1)),
                        to_page(num(2), num(3)),
                        to_page(num(4), num(5)),
                    ),
                    b"v" => (from, to_page(num(0), num(1)), to_page(num(2), num(3))),
                    _ => (
                        to_page(num(0), num(1)),
                        to_page(num(2), num(3)),
                        to_page(num(2), num(3)),
                    ),
                };
                let sub = path.last_mut().expect("a subpath");
                for i in 1..=CURVE_STEPS {
                    sub.push(cubic(from, c1, c2, end, i as f32 / CURVE_STEPS as f32));
                }
                self.count_points(canvas, CURVE_STEPS)?;
            }
            b"h" => {
                if let Some(sub) = path.last_mut()
                    && let Some(&first) = sub.first()
                {
                    sub.push(first);
                }
            }
            b"re" => {
                let (x, y, w, h) = (num(0), num(1), num(2), num(3));
                path.push(
                    [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]
                        .map(|p| gs.ctm.apply(p))
                        .to_vec(),
                );
                self.count_points(canvas, 5)?;
            }
            b"W" | b"W*" => *clip_pending = true,
            b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"n" => {
                let taken = std::mem::take(path);
                if *clip_pending {
                    *clip_pending = false;
                    if let Some(bbox) = Rect::around(taken.iter().flatten().copied()) {
                        gs.clip = Some(gs.clip.map_or(bbox, |c| c.intersect(&bbox)));
                    }
                }
                let fill = match op {
                    b"f" | b"F" | b"B" | b"b" => Some(false),
                    b"f*" | b"B*" | b"b*" => Some(true),
                    _ => None,
                };
                let stroke = matches!(op, b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*");
                paint(taken, fill, stroke, gs, canvas);
            }
            b"sh" => {
                let area = gs.clip.or(canvas.page);
                if let Some(area) = area {
                    canvas.cover(area, Shape::Area, Paint::Unknown);
                }
            }
            b"BT" => {
                *tm = Matrix::IDENTITY;
                *tlm = Matrix::IDENTITY;
            }
            b"ET" => {}
            b"Tc" => gs.char_spacing = num(0),
            b"Tw" => gs.word_spacing = num(0),
            b"Tz" => gs.scaling = num(0) / 100.0,
            b"TL" => gs.leading = num(0),
            b"Ts" => gs.rise = num(0),
            b"Tr" => gs.mode = num(0).clamp(0.0, 7.0) as u8,
            b"Tf" => {
                gs.size = num(0);
                let name = last_name().unwrap_or_default();
                // Pages switch between a few fonts all the time.
                if let Some((_, font)) = fonts.iter().find(|(n, _)| n.as_slice() == name) {
                    gs.font = Some(font.clone());
                    return Ok(());
                }
                gs.font = match self.font(resources, name)? {
                    Some(font) => Some(font),
                    None => {
                        // Viewers draw such text in a font of their own:
                        // read it as one, and refuse the file (content off
                        // any page is read with any font it might mean).
                        if canvas.placed() {
                            self.problems.push(format!(
                                "text is drawn in font /{}, which its resources do not define",
                                String::from_utf8_lossy(name)
                            ));
                        }
                        Some(self.fallback.clone())
                    }
                };
                if let Some(font) = &gs.font {
                    fonts.push((name.to_vec(), font.clone()));
                }
            }
            b"Td" | b"TD" => {
                if op == b"TD" {
                    gs.leading = -num(1);
                }
                *tlm = Matrix::translate(num(0), num(1)).then(tlm);
                *tm = *tlm;
            }
            b"Tm" => {
                if let Some(m) = matrix().filter(Matrix::is_finite) {
                    *tlm = m;
                    *tm = m;
                }
            }
            b"T*" => {
                *tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                *tm = *tlm;
            }
            b"Tj" | b"'" | b"\"" => {
                if op != b"Tj" {
                    if op == b"\"" {
                        gs.word_spacing = num(0);
                        gs.char_spacing = num(1);
                    }
                    *tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    *tm = *tlm;
                }
                if let Some(&Operand::Str(a, b)) = operands
                    .iter()
                    .rev()
                    .find(|o| matches!(o, Operand::Str(..)))
                {
                    self.show(&bytes[a..b], gs, tm, canvas);
                }
            }
            b"TJ" => {
                for operand in operands {
                    match operand {
                        &Operand::Str(a, b) => self.show(&bytes[a..b], gs, tm, canvas),
                        Operand::Num(n) => {
                            let shift = -n / 1000.0 * gs.size * gs.scaling;
                            *tm = Matrix::translate(shift, 0.0).then(tm);
                        }
                        _ => {}
                    }
                }
            }
            b"Do" => {
                if let Some(name) = last_name() {
                    self.xobject(resources, name, gs, canvas, depth)?;
                }
            }
            b"BDC" | b"BMC" | b"DP" | b"MP" => {
                let props: Option<&Dictionary> = match operands.last() {
                    Some(Operand::Dict(d)) if op != b"BMC" => Some(d),
                    Some(&Operand::Name(a, b)) if op != b"BMC" && operands.len() >= 2 => self
                        .resource(resources, b"Properties", &bytes[a..b])
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
                    marked.push(actual.map(|a| (a, canvas.text.len())));
                } else if let Some(a) = actual {
                    canvas.extra.push_str(&a);
                    canvas.extra.push('\n');
                }
            }
            b"EMC" => {
                if let Some(span) = marked.pop() {
                    close_span(span, canvas);
                }
            }
            _ => {
                // A word no PDF operator has, or strings given to an
                // operator that shows none, are in the file all the same.
                if !is_operator(op) {
                    push_stray(canvas, op);
                }
                for operand in operands.iter() {
                    if let &Operand::Str(a, b) = operand {
                        push_stray(canvas, &bytes[a..b]);
                    }
                }
            }
        }
        Ok(())
    }

    fn count_points(&self, canvas: &mut Canvas, n: usize) -> Result<(), Exceeded> {
        canvas.points += n;
        if canvas.points > self.budget.limits.path_points_per_page {
            return Err(Exceeded(format!(
                "a page draws paths of more than {} points (the limit)",
                self.budget.limits.path_points_per_page
            )));
        }
        Ok(())
    }

    /// A named resource of a category: its object id (when indirect) and
    /// the object.
    fn resource<'r>(
        &self,
        resources: Option<&'r Dictionary>,
        category: &[u8],
        name: &[u8],
    ) -> Option<(Option<ObjectId>, &'r Object)>
    where
        'd: 'r,
    {
        let entries = resolve::dict(self.doc, resources?, category)?;
        let entry = entries.get(name).ok()?;
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        Some((id, deref(self.doc, entry)))
    }

    fn font<'r>(
        &mut self,
        resources: Option<&'r Dictionary>,
        name: &[u8],
    ) -> Result<Option<Rc<Font>>, Exceeded>
    where
        'd: 'r,
    {
        let Some((id, object)) = self.resource(resources, b"Font", name) else {
            return Ok(None);
        };
        let Some(dict) = resolve::as_dict(object) else {
            return Ok(None);
        };
        // Fonts written directly into resources are read each time (their
        // address says nothing once the dictionary holding them is gone).
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Ok(Some(font.clone()));
        }
        let font = Rc::new(Font::read(self.doc, dict, self.budget)?);
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        // Its character maps were read as the font's; not as text again.
        if font.problem.is_none() {
            for key in [b"ToUnicode".as_slice(), b"Encoding"] {
                if let Ok(Object::Reference(map)) = dict.get(key) {
                    self.read.insert(*map);
                }
            }
        }
        Ok(Some(font))
    }

    fn ext_gstate<'r>(&mut self, resources: Option<&'r Dictionary>, name: &[u8], gs: &mut GState)
    where
        'd: 'r,
    {
        let Some(dict) = self
            .resource(resources, b"ExtGState", name)
            .and_then(|(_, o)| resolve::as_dict(o))
        else {
            return;
        };
        if let Some(a) = resolve::number_at(self.doc, dict, b"ca") {
            gs.fill_alpha = a;
        }
        if let Some(a) = resolve::number_at(self.doc, dict, b"CA") {
            gs.stroke_alpha = a;
        }
        if let Some(w) = resolve::number_at(self.doc, dict, b"LW") {
            gs.line_width = w.abs();
        }
        if let Some(Object::Array(font)) = resolve::get(self.doc, dict, b"Font")
            && let [font, size] = font.as_slice()
            && let Some(font_dict) = resolve::as_dict(deref(self.doc, font))
        {
            gs.size = resolve::number(deref(self.doc, size)).unwrap_or(gs.size);
            let id = font.as_reference().ok();
            if let Some(f) = id.and_then(|id| self.fonts.get(&id)) {
                gs.font = Some(f.clone());
            } else if let Ok(f) = Font::read(self.doc, font_dict, self.budget) {
                let f = Rc::new(f);
                if let Some(id) = id {
                    self.fonts.insert(id, f.clone());
                }
                gs.font = Some(f);
            }
        }
    }

    fn space<'r>(&self, resources: Option<&'r Dictionary>, name: &[u8]) -> Space
    where
        'd: 'r,
    {
        if let Some(space) = Space::device(name) {
            return space;
        }
        match self.resource(resources, b"ColorSpace", name) {
            Some((_, object)) => Space::read(self.doc, object, 0),
            None => Space::Other,
        }
    }
}

/// Helvetica in WinAnsiEncoding, what viewers draw in when a font is missing.
/// Bytes of a content stream that no operator draws (a comment, a word
/// that is no operator, a string an operator does not show): kept with the
/// page's other text, so that what is in the file is searched too.
fn push_stray(canvas: &mut Canvas, bytes: &[u8]) {
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

fn fallback_font(budget: &Budget) -> Font {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Font".to_vec()));
    dict.set("Subtype", Object::Name(b"Type1".to_vec()));
    dict.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    dict.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    Font::read(&Document::new(), &dict, budget).expect("a font with no streams reads")
}

/// Closes a marked-content span: its ActualText takes the place of the
/// glyphs it spans, which are kept as extra text.
fn close_span(span: Marked, canvas: &mut Canvas) {
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

fn cubic(p0: Point, p1: Point, p2: Point, p3: Point, t: f32) -> Point {
    let u = 1.0 - t;
    let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
    [
        w[0] * p0[0] + w[1] * p1[0] + w[2] * p2[0] + w[3] * p3[0],
        w[0] * p0[1] + w[1] * p1[1] + w[2] * p2[1] + w[3] * p3[1],
    ]
}

/// Skips an inline image (`BI … ID data EI`) from after `BI`.
fn skip_inline_image(content: &[u8], mut at: usize) -> usize {
    // The dictionary: up to the `ID` operator.
    while at < content.len() {
        at = syntax::skip_space(content, at);
        if content[at..].starts_with(b"ID")
            && content.get(at + 2).is_none_or(|&b| syntax::is_space(b))
        {
            at += 3;
            break;
        }
        at = syntax::word_end(content, at).max(at + 1);
    }
    // The data: up to `EI` between white space.
    while at + 2 < content.len() {
        if syntax::is_space(content[at])
            && &content[at + 1..at + 3] == b"EI"
            && content.get(at + 3).is_none_or(|&b| syntax::is_space(b))
        {
            return at + 3;
        }
        at += 1;
    }
    content.len()
}
