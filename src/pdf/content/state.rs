//! The graphics-state operators: saving and restoring the state (`q`,
//! `Q`), the transformation matrix (`cm`), line width (`w`), named states
//! (`gs`: opacity, line width, font) and colours in every colour space
//! (`g`, `rg`, `k`, `cs`, `sc`, `scn` and their stroking forms).

use std::rc::Rc;

use lopdf::{Dictionary, Object};

use super::super::colour::Space;
use super::super::fonts::Font;
use super::super::geometry::Matrix;
use super::super::resolve::{self, deref};
use super::operands::Operands;
use super::{Frame, GState, Interpreter};

/// The deepest `q` nesting kept.
const MAX_SAVES: usize = 1024;

impl<'d, 'b> Interpreter<'d, 'b> {
    /// Runs `op` if it is a graphics-state operator; whether it was one.
    pub(super) fn graphics_state_operator<'r>(
        &mut self,
        op: &[u8],
        args: &Operands,
        frame: &mut Frame,
        resources: Option<&'r Dictionary>,
    ) -> bool
    where
        'd: 'r,
    {
        let Frame { gs, saved, .. } = frame;
        let nums = args.nums.as_slice();
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
                if let Some(m) = args.matrix().filter(Matrix::is_finite) {
                    gs.ctm = m.then(&gs.ctm);
                }
            }
            b"w" => gs.line_width = args.num(0).abs(),
            b"gs" => {
                if let Some(name) = args.last_name() {
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
                let space = args
                    .last_name()
                    .map_or(Space::Other, |n| self.space(resources, n));
                let initial = space.initial();
                if op == b"cs" {
                    (gs.fill_space, gs.fill) = (space, initial);
                } else {
                    (gs.stroke_space, gs.stroke) = (space, initial);
                }
            }
            b"sc" | b"scn" => {
                gs.fill = if args.last_name().is_some() {
                    None
                } else {
                    gs.fill_space.colour(nums)
                }
            }
            b"SC" | b"SCN" => {
                gs.stroke = if args.last_name().is_some() {
                    None
                } else {
                    gs.stroke_space.colour(nums)
                }
            }
            _ => return false,
        }
        true
    }

    /// Applies a named graphics state (`/ExtGState`): opacity, line width
    /// and font.
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

    /// A colour space by name: a device space, or one the resources name.
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
