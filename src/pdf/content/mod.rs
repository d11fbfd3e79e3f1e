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
//!
//! This module reads the stream token by token ([`operands`]) and hands
//! each operator to its family: the graphics state ([`state`]), paths,
//! painting and clipping ([`paths`]), text ([`text_ops`], each glyph placed
//! by [`show`]), XObjects and inline images ([`xobjects`]) and marked
//! content ([`marked`]); what no family runs is kept as text ([`stray`]).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::canvas::Canvas;
use super::colour::Space;
use super::fonts::Font;
use super::geometry::{Matrix, Point, Rect};
use super::limits::{Budget, Exceeded};
use super::resolve::{self, deref};

mod marked;
mod operands;
mod paths;
mod show;
mod state;
mod stray;
mod text_ops;
mod xobjects;

use marked::Marked;
use operands::{Operands, Token};

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

/// The state of one content stream being run.
struct Frame {
    /// The fonts the stream has selected, by resource name.
    fonts: Vec<(Vec<u8>, Rc<Font>)>,
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
            fallback: Rc::new(text_ops::fallback_font(budget)),
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
        let mut args = Operands::default();
        let mut at = 0;
        while at < content.len() {
            let (token, next) = args.read(content, at, self.budget.limits.nesting);
            at = next;
            match token {
                Token::Nothing => {}
                // Not drawn, but in the file for anyone who opens it:
                // searched with the page's other text.
                Token::Comment(text) => stray::push_stray(canvas, &content[text]),
                Token::Operand(operand) => args.push(operand),
                Token::Operator(word) => {
                    if &content[word.clone()] == b"BI" {
                        at = xobjects::skip_inline_image(content, at);
                        self.image(&frame.gs, canvas);
                    } else {
                        let op = &content[word];
                        self.operator(op, &args, &mut frame, resources, canvas, depth)?;
                    }
                    args.clear();
                }
            }
        }
        while let Some(span) = frame.marked.pop() {
            marked::close_span(span, canvas);
        }
        Ok(())
    }

    /// Runs one operator, with the operands given before it, by its family.
    fn operator<'r>(
        &mut self,
        op: &[u8],
        args: &Operands,
        frame: &mut Frame,
        resources: Option<&'r Dictionary>,
        canvas: &mut Canvas,
        depth: usize,
    ) -> Result<(), Exceeded>
    where
        'd: 'r,
    {
        let ran = self.graphics_state_operator(op, args, frame, resources)
            || self.path_operator(op, args, frame, canvas)?
            || self.text_operator(op, args, frame, resources, canvas)?
            || self.xobject_operator(op, args, &frame.gs, resources, canvas, depth)?
            || self.marked_content_operator(op, args, frame, resources, canvas);
        if !ran {
            // A word no PDF operator has, or strings given to an operator
            // that shows none, are in the file all the same.
            stray::unshown(op, args, canvas);
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
}
