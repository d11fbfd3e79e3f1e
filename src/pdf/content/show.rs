//! Showing text: each glyph of a string placed on the canvas with its
//! text, and how it is hidden where that is known when it is drawn (render
//! mode, colour, opacity, size, clipping).

use super::super::canvas::{Canvas, How, Paint, Placed, Shape, Shown};
use super::super::geometry::{self, Matrix, Point};
use super::{GState, Interpreter};

impl<'d, 'b> Interpreter<'d, 'b> {
    /// Shows a string: places each glyph, joins its text, notes how it is
    /// hidden where that is known now.
    pub(super) fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix, canvas: &mut Canvas) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        // Within a string only the text matrix's translation moves: one
        // matrix for the string, glyph origins along it.
        let text_to_page = tm.then(&gs.ctm);
        let up = text_to_page.apply_vector([0.0, gs.size]);
        let across = text_to_page.apply_vector([gs.size * gs.scaling, 0.0]);
        let em = geometry::length(up);
        let wide = geometry::length(across);
        let direction = if wide > 1e-6 {
            geometry::scaled(across, 1.0 / wide)
        } else if em > 1e-6 {
            [up[1] / em, -up[0] / em]
        } else {
            [1.0, 0.0]
        };
        let tiny = em < 1.0 || wide < 1.0;
        let (colour, alpha) = gs.paint();
        let look = Look {
            tiny,
            plain: !matches!(gs.mode, 3 | 7)
                && gs.clip.is_none()
                && !tiny
                && alpha >= 0.1
                && colour.is_some_and(|c| c.iter().any(|v| 1.0 - v >= 0.06)),
            direction,
            em,
        };
        let mut x = 0.0f32;
        let mut alt = String::new();
        font.glyphs(bytes, |glyph| {
            let mut placed = Placed {
                origin: text_to_page.apply([x, gs.rise]),
                advance: geometry::scaled(across, glyph.width),
                up,
                ascent: font.ascent,
                descent: font.descent,
                text: (0, 0),
                seq: 0,
                hidden: None,
            };
            if !glyph.mapped {
                canvas.unmapped += 1;
                let why = match &font.problem {
                    Some(problem) => format!("{} ({problem})", font.name),
                    None => font.name.clone(),
                };
                if !canvas.unreadable_fonts.contains(&why) {
                    canvas.unreadable_fonts.push(why);
                }
            }
            if let Some(a) = &glyph.alt {
                alt.push_str(a);
            }
            if canvas.placed() && !glyph.blank {
                placed.hidden = hidden_when_drawn(gs, &look, &placed, canvas);
            }
            // A block glyph (█) covers what was drawn under it.
            let block =
                (glyph.block && canvas.placed() && gs.fill_alpha >= 0.5).then(|| placed.bbox());
            canvas.glyph(
                placed,
                &Shown {
                    text: &glyph.text,
                    blank: glyph.blank,
                    direction: look.direction,
                    em: look.em,
                },
            );
            if let Some(block_box) = block {
                let corners = [
                    [block_box.x0, block_box.y0],
                    [block_box.x1, block_box.y0],
                    [block_box.x1, block_box.y1],
                    [block_box.x0, block_box.y1],
                ];
                canvas.cover(
                    block_box,
                    Shape::Fill {
                        polygons: vec![corners.to_vec()],
                        even_odd: false,
                    },
                    gs.fill.map_or(Paint::Unknown, Paint::Colour),
                );
            }
            let spacing = gs.char_spacing
                + if glyph.word_space {
                    gs.word_spacing
                } else {
                    0.0
                };
            x += (glyph.width * gs.size + spacing) * gs.scaling;
        });
        *tm = Matrix::translate(x, 0.0).then(tm);
        if !alt.is_empty() {
            canvas.extra.push_str(&alt);
            canvas.extra.push('\n');
        }
    }
}

/// What holds for every glyph of a string.
struct Look {
    /// Under 1 pt tall or wide.
    tiny: bool,
    /// Painted plainly, in a colour no page is (not white), unclipped: only
    /// where it lands and what is under it can hide it.
    plain: bool,
    direction: Point,
    em: f32,
}

/// How a glyph is hidden by what is known when it is drawn.
fn hidden_when_drawn(gs: &GState, look: &Look, glyph: &Placed, canvas: &Canvas) -> Option<How> {
    let page = canvas.page?;
    if matches!(gs.mode, 3 | 7) {
        return Some(How::Invisible);
    }
    let centre = glyph.centre();
    if !page.contains(centre) {
        return Some(How::OffPage);
    }
    if look.plain && canvas.covers.is_empty() {
        return None;
    }
    if let Some(clip) = gs.clip
        && !clip.grown(0.5).contains(centre)
    {
        return Some(How::Clipped);
    }
    if look.tiny {
        return Some(How::Tiny);
    }
    let (colour, alpha) = gs.paint();
    if alpha < 0.1 {
        return Some(How::Transparent);
    }
    if let (Some(colour), Some(background)) = (colour, canvas.background(centre))
        && colour
            .iter()
            .zip(background)
            .all(|(a, b)| (a - b).abs() < 0.06)
    {
        return Some(How::SameColourAsBackground);
    }
    None
}
