//! Paths, painting and clipping: path construction (`m`, `l`, curves,
//! `h`, `re`), painting (`S`, `f`, `B` and their forms, `n`), the clipping
//! operators (`W`, `W*`, which take effect at the next painting) and
//! shadings (`sh`). Painted shapes that are mostly opaque are recorded on
//! the canvas as covers, which can hide text drawn before them.

use super::super::canvas::{Canvas, Paint, Shape};
use super::super::geometry::{Point, Rect};
use super::super::limits::Exceeded;
use super::operands::Operands;
use super::{Frame, GState, Interpreter};

/// Segments a curve is drawn with.
const CURVE_STEPS: usize = 6;

impl<'d, 'b> Interpreter<'d, 'b> {
    /// Runs `op` if it builds, paints or clips a path, or paints a
    /// shading; whether it was one.
    pub(super) fn path_operator(
        &self,
        op: &[u8],
        args: &Operands,
        frame: &mut Frame,
        canvas: &mut Canvas,
    ) -> Result<bool, Exceeded> {
        let Frame {
            gs,
            path,
            clip_pending,
            ..
        } = frame;
        let num = |i: usize| args.num(i);
        match op {
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
                    return Ok(true);
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
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Counts points drawn on the page against the limit.
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
}

/// Records a painted path as a cover: fills and strokes that are mostly
/// opaque (a see-through shape hides nothing).
fn paint(
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

/// The point at `t` along a cubic Bézier curve.
fn cubic(p0: Point, p1: Point, p2: Point, p3: Point, t: f32) -> Point {
    let u = 1.0 - t;
    let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
    [
        w[0] * p0[0] + w[1] * p1[0] + w[2] * p2[0] + w[3] * p3[0],
        w[0] * p0[1] + w[1] * p1[1] + w[2] * p2[1] + w[3] * p3[1],
    ]
}
