//! Drawing what is not text: images (counted and recorded as covers),
//! Form XObjects (run as content, recursively), and painted paths (covers
//! that can hide text drawn before them).

use lopdf::{Dictionary, Object};

use super::super::canvas::{Canvas, Paint, Shape};
use super::super::geometry::{Matrix, Point, Rect};
use super::super::limits::{Exceeded, Undecoded};
use super::super::resolve::{self};
use super::{GState, Interpreter};

impl<'d, 'b> Interpreter<'d, 'b> {
    pub(super) fn image(&mut self, gs: &GState, canvas: &mut Canvas) {
        canvas.images += 1;
        let corners = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]].map(|p| gs.ctm.apply(p));
        if let Some(bbox) = Rect::around(corners) {
            canvas.cover(bbox, Shape::Image(corners), Paint::Unknown);
        }
    }

    pub(super) fn xobject<'r>(
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

/// Records a painted path as a cover: fills and strokes that are mostly
/// opaque (a see-through shape hides nothing).
pub(super) fn paint(
    path: Vec<Vec<Point>>,
    fill: Option<bool>,
    stroke: bool,
    gs: &GState,
    canvas: &mut Canvas,
) {
    if !canvas.placed() || path.is_empty() {
        return;
    }
    let Some(bbox) = Rect::around(path.iter().flatten().copied()) else {
        return;
    };
    let paint_of = |c: Option<[f32; 3]>| c.map_or(Paint::Unknown, Paint::Colour);
    if stroke && gs.stroke_alpha >= 0.5 {
        let half_width = gs.line_width * gs.ctm.scale() / 2.0;
        if half_width >= 1.0 {
            let segments = path
                .iter()
                .flat_map(|sub| sub.windows(2).map(|w| (w[0], w[1])))
                .collect();
            canvas.cover(
                bbox.grown(half_width),
                Shape::Stroke {
                    segments,
                    half_width,
                },
                paint_of(gs.stroke),
            );
        }
    }
    if let Some(even_odd) = fill
        && gs.fill_alpha >= 0.5
    {
        canvas.cover(
            bbox,
            Shape::Fill {
                polygons: path,
                even_odd,
            },
            paint_of(gs.fill),
        );
    }
}
