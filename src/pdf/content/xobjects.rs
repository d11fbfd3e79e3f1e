//! Drawing XObjects and inline images: `Do` draws an image (counted and
//! recorded as a cover) or a Form XObject (run as content, recursively, to
//! a depth limit, refusing a form that draws itself); `BI … ID … EI`, an
//! inline image, is skipped and counted.

use lopdf::{Dictionary, Object};

use super::super::canvas::{Canvas, Paint, Shape};
use super::super::geometry::{Matrix, Rect};
use super::super::limits::{Exceeded, Undecoded};
use super::super::resolve;
use super::super::syntax;
use super::operands::Operands;
use super::{GState, Interpreter};

impl<'d, 'b> Interpreter<'d, 'b> {
    /// Runs `op` if it is `Do`; whether it was.
    pub(super) fn xobject_operator<'r>(
        &mut self,
        op: &[u8],
        args: &Operands,
        gs: &GState,
        resources: Option<&'r Dictionary>,
        canvas: &mut Canvas,
        depth: usize,
    ) -> Result<bool, Exceeded>
    where
        'd: 'r,
    {
        if op != b"Do" {
            return Ok(false);
        }
        if let Some(name) = args.last_name() {
            self.xobject(resources, name, gs, canvas, depth)?;
        }
        Ok(true)
    }

    /// Draws an image: counted, and a cover over what it hides.
    pub(super) fn image(&mut self, gs: &GState, canvas: &mut Canvas) {
        canvas.images += 1;
        let corners = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]].map(|p| gs.ctm.apply(p));
        if let Some(bbox) = Rect::around(corners) {
            canvas.cover(bbox, Shape::Image(corners), Paint::Unknown);
        }
    }

    /// Draws a named XObject: an image, or a form run as content.
    fn xobject<'r>(
        &mut self,
        resources: Option<&'r Dictionary>,
        name: &[u8],
        gs: &GState,
        canvas: &mut Canvas,
        depth: usize,
    ) -> Result<(), Exceeded>
    where
        'd: 'r,
    {
        let Some((id, Object::Stream(stream))) = self.resource(resources, b"XObject", name) else {
            return Ok(());
        };
        let subtype = resolve::name(self.doc, &stream.dict, b"Subtype");
        if subtype == Some(b"Image") {
            if let Some(id) = id {
                self.read.insert(id);
            }
            self.image(gs, canvas);
            return Ok(());
        }
        if subtype != Some(b"Form") {
            return Ok(());
        }
        let Some(id) = id else { return Ok(()) };
        if self.drawing.contains(&id) {
            self.problems.push(format!("form {} draws itself", id.0));
            return Ok(());
        }
        if depth >= self.budget.limits.forms {
            return Err(Exceeded(format!(
                "its forms draw one another more than {} deep (the limit)",
                self.budget.limits.forms
            )));
        }
        self.read.insert(id);
        let data = match self.budget.decode(stream, &format!("form {}", id.0)) {
            Ok(data) => data,
            Err(Undecoded::Exceeded(e)) => return Err(e),
            Err(_) => {
                self.problems.push(format!(
                    "form {} cannot be decoded, so its text cannot be read",
                    id.0
                ));
                return Ok(());
            }
        };
        let dict = &stream.dict;
        let mut inner = gs.clone();
        if let Some(m) = resolve::numbers(self.doc, dict, b"Matrix").filter(|m| m.len() == 6) {
            inner.ctm = Matrix::new([m[0], m[1], m[2], m[3], m[4], m[5]]).then(&gs.ctm);
        }
        if let Some(bbox) =
            resolve::numbers(self.doc, dict, b"BBox").and_then(|b| Rect::from_array(&b))
        {
            let area = bbox.transformed(&inner.ctm);
            inner.clip = Some(inner.clip.map_or(area, |c| c.intersect(&area)));
        }
        let own = resolve::dict(self.doc, dict, b"Resources");
        self.drawing.push(id);
        let result = self.run(&data, own.or(resources), inner, canvas, depth + 1);
        self.drawing.pop();
        result
    }
}

/// Skips an inline image (`BI … ID data EI`) from after `BI`.
pub(super) fn skip_inline_image(content: &[u8], mut at: usize) -> usize {
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
