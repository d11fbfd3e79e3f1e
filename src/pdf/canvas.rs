//! What a content stream draws, as plain data: every glyph placed on the
//! page (in points, the page's default space), every shape and image that
//! could cover one, and the text in drawing order.
//!
//! Text is joined by position, not by how it was written: a glyph that
//! starts where the previous one ended continues its word, a gap of more
//! than 0.15 em is a space, a step to another baseline is a new line. So a
//! name written one text object per letter still reads as a word. Where
//! glyphs are drawn out of reading order (backwards along a line, or back to
//! a line already left), the page is marked for a second reading in
//! position order (which the `text` module gives).

use super::geometry::{self, Point, Rect};

/// How a glyph is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// Under a filled shape drawn after it.
    UnderFill,
    /// Under an image drawn after it.
    UnderImage,
    /// Under a thick line drawn after it.
    UnderStroke,
    /// Render mode 3 or 7: drawn without paint.
    Invisible,
    /// Painted fully or nearly transparent.
    Transparent,
    /// The colour of what lies under it (white on white, black on black).
    SameColourAsBackground,
    /// Outside the page's visible area.
    OffPage,
    /// Outside the clipping path.
    Clipped,
    /// Too small or too squashed to read (under 1 pt).
    Tiny,
    /// Drawn on the same spot as other text.
    Overprinted,
}

impl How {
    /// How the text is hidden, in words for a report.
    pub fn describe(self) -> &'static str {
        match self {
            Self::UnderFill => "under a filled shape drawn over it",
            Self::UnderImage => "under an image drawn over it",
            Self::UnderStroke => "under a thick line drawn over it",
            Self::Invisible => "invisible (render mode 3)",
            Self::Transparent => "transparent",
            Self::SameColourAsBackground => "the colour of its background (white text)",
            Self::OffPage => "off the page",
            Self::Clipped => "clipped away",
            Self::Tiny => "too small to read",
            Self::Overprinted => "drawn over other text",
        }
    }
}

/// A glyph placed on a page.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The origin of the glyph.
    pub origin: Point,
    /// Its advance, as a vector.
    pub advance: Point,
    /// One em up from the baseline, as a vector.
    pub up: Point,
    /// Ascent and descent, in ems.
    pub ascent: f32,
    pub descent: f32,
    /// Its text: a range of [`Canvas::glyph_text`].
    pub text: (u32, u32),
    /// Drawing order.
    pub seq: u32,
    /// How it is hidden, as far as is known when it is drawn.
    pub hidden: Option<How>,
}

impl Placed {
    pub fn centre(&self) -> Point {
        let mid = (self.ascent + self.descent) / 2.0;
        geometry::add(
            geometry::add(self.origin, geometry::scaled(self.advance, 0.5)),
            geometry::scaled(self.up, mid),
        )
    }

    pub fn em(&self) -> f32 {
        geometry::length(self.up)
    }

    pub fn bbox(&self) -> Rect {
        let low = geometry::add(self.origin, geometry::scaled(self.up, self.descent));
        let high = geometry::add(self.origin, geometry::scaled(self.up, self.ascent));
        Rect::around([
            low,
            high,
            geometry::add(low, self.advance),
            geometry::add(high, self.advance),
        ])
        .unwrap_or(Rect {
            x0: self.origin[0],
            y0: self.origin[1],
            x1: self.origin[0],
            y1: self.origin[1],
        })
    }

    /// Whether the glyph is drawn mirrored: its frame reflected (one em up
    /// lies clockwise of its advance), as a text matrix or a transformation
    /// with a negative scale draws it. Seen on the page, a mirrored line
    /// reads against the order its glyphs were drawn in.
    pub fn mirrored(&self) -> bool {
        geometry::cross(self.direction(), self.up) < 0.0
    }

    /// The unit direction of the text.
    pub fn direction(&self) -> Point {
        let len = geometry::length(self.advance);
        if len > 1e-6 {
            geometry::scaled(self.advance, 1.0 / len)
        } else {
            let up = self.em();
            if up > 1e-6 {
                [self.up[1] / up, -self.up[0] / up]
            } else {
                [1.0, 0.0]
            }
        }
    }
}

/// The shape of something that covers.
#[derive(Debug, Clone)]
pub enum Shape {
    /// Closed polygons, by the winding rule or even-odd.
    Fill {
        polygons: Vec<Vec<Point>>,
        even_odd: bool,
    },
    /// Line segments with half their width.
    Stroke {
        segments: Vec<(Point, Point)>,
        half_width: f32,
    },
    /// An image: the unit square mapped onto the page.
    Image([Point; 4]),
    /// Everything inside a rectangle (a shading, `sh`).
    Area,
}

/// What covers paint with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paint {
    /// An opaque colour, as RGB.
    Colour([f32; 3]),
    /// A colour not known (patterns, separations, images).
    Unknown,
}

/// Something drawn that can hide what was drawn before it.
#[derive(Debug, Clone)]
pub struct Cover {
    pub seq: u32,
    pub bbox: Rect,
    pub shape: Shape,
    pub paint: Paint,
}

impl Cover {
    /// Whether it covers `p`.
    pub fn covers(&self, p: Point) -> bool {
        if !self.bbox.contains(p) {
            return false;
        }
        match &self.shape {
            Shape::Area => true,
            Shape::Fill { polygons, even_odd } => geometry::inside(p, polygons, *even_odd),
            Shape::Image(corners) => geometry::inside(p, &[corners.to_vec()], false),
            Shape::Stroke {
                segments,
                half_width,
            } => segments
                .iter()
                .any(|&(a, b)| geometry::distance_to_segment(p, a, b) <= *half_width),
        }
    }

    pub fn how(&self) -> How {
        match self.shape {
            Shape::Image(_) => How::UnderImage,
            Shape::Stroke { .. } => How::UnderStroke,
            _ => How::UnderFill,
        }
    }
}

/// A glyph's text, and what its string says about it.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a> {
    pub text: &'a str,
    /// Nothing but white space (or nothing).
    pub blank: bool,
    /// The unit direction of the text.
    pub direction: Point,
    /// One em, in points.
    pub em: f32,
}

impl<'a> Shown<'a> {
    /// What a glyph shows, worked out from the glyph itself.
    #[cfg(test)]
    pub fn of(glyph: &Placed, text: &'a str) -> Self {
        Self {
            text,
            blank: text.chars().all(char::is_whitespace),
            direction: glyph.direction(),
            em: glyph.em(),
        }
    }
}

/// Where the last glyph ended, for joining the next one.
#[derive(Debug, Clone, Copy)]
struct Pen {
    origin: Point,
    first: Option<char>,
    end: Point,
    direction: Point,
    em: f32,
    baseline: f32,
    whitespace: bool,
}

/// A combining mark, drawn over the letter before it on purpose.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Block and shade characters: glyphs that are filled shapes, used to
/// black out text.
pub fn is_block(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            matches!(
                c,
                '\u{2580}'..='\u{259F}' | '\u{25A0}' | '\u{25AC}' | '\u{25AE}'
            )
        })
}

/// A line of text already left, for noticing a return to it.
#[derive(Debug, Clone, Copy)]
struct Line {
    direction: Point,
    baseline: f32,
}

/// Everything one page (or one stream read off any page) draws.
#[derive(Debug, Default)]
pub struct Canvas {
    /// The page's visible area; `None` for a stream read off any page.
    pub page: Option<Rect>,
    /// The text in drawing order, joined by position.
    pub text: String,
    /// Other text to search: ActualText, alternative readings, the glyphs
    /// an ActualText replaces.
    pub extra: String,
    /// The text of each glyph, back to back.
    pub glyph_text: String,
    pub glyphs: Vec<Placed>,
    pub covers: Vec<Cover>,
    /// Images drawn.
    pub images: usize,
    /// Glyphs with no text, and the fonts that drew them.
    pub unmapped: usize,
    pub unreadable_fonts: Vec<String>,
    /// Drawn out of reading order: read again in position order.
    pub disordered: bool,
    /// Path points so far.
    pub points: usize,
    seq: u32,
    pen: Option<Pen>,
    lines: Vec<Line>,
}

/// The most earlier lines compared with a new one; past that the page is
/// simply read again in position order.
const MAX_LINES: usize = 4000;

impl Canvas {
    pub fn new(page: Option<Rect>) -> Self {
        Self {
            page,
            ..Default::default()
        }
    }

    /// Whether positions matter (a page, not a stream read off any page).
    pub fn placed(&self) -> bool {
        self.page.is_some()
    }

    pub fn next_seq(&mut self) -> u32 {
        self.seq += 1;
        self.seq
    }

    /// Adds a glyph's text in drawing order, with the separator its position
    /// calls for, and keeps the glyph when positions matter.
    pub fn glyph(&mut self, mut glyph: Placed, shown: &Shown<'_>) {
        let text = shown.text;
        let direction = shown.direction;
        let em = shown.em.max(1e-3);
        let normal = [-direction[1], direction[0]];
        let baseline = geometry::dot(glyph.origin, normal);
        let whitespace = shown.blank;
        let first = text.chars().next();
        if self.placed() && glyph.mirrored() {
            self.disordered = true;
        }
        if let Some(pen) = self.pen {
            let scale = em.max(pen.em);
            let d = geometry::sub(glyph.origin, pen.end);
            let along = geometry::dot(d, pen.direction);
            let across = geometry::dot(d, [-pen.direction[1], pen.direction[0]]);
            // Drawn where the last glyph was drawn (so before where it ended).
            if along < 0.0
                && self.placed()
                && glyph.hidden.is_none()
                && !whitespace
                && !pen.whitespace
            {
                let back = geometry::sub(glyph.origin, pen.origin);
                if geometry::dot(back, back) < (0.15 * scale).powi(2)
                    && pen.first != first
                    && !first.is_some_and(is_mark)
                {
                    glyph.hidden = Some(How::Overprinted);
                }
            }
            let same_direction = geometry::dot(direction, pen.direction) > 0.99;
            if across.abs() > 0.5 * scale || !same_direction {
                self.new_line(pen);
                self.revisit(direction, baseline, em);
            } else if along < -0.5 * scale {
                self.disordered = true;
                self.new_line(pen);
            } else if along > 0.15 * scale && !whitespace && !pen.whitespace {
                self.text.push(' ');
            }
        }
        self.text.push_str(text);
        self.pen = Some(Pen {
            origin: glyph.origin,
            first,
            end: geometry::add(glyph.origin, glyph.advance),
            direction,
            em,
            baseline,
            whitespace,
        });
        if self.placed() && !text.is_empty() {
            let start = self.glyph_text.len() as u32;
            self.glyph_text.push_str(text);
            glyph.text = (start, self.glyph_text.len() as u32);
            glyph.seq = self.next_seq();
            self.glyphs.push(glyph);
        }
    }

    fn new_line(&mut self, pen: Pen) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        if self.lines.len() < MAX_LINES {
            self.lines.push(Line {
                direction: pen.direction,
                baseline: pen.baseline,
            });
        } else {
            self.disordered = true;
        }
    }

    /// A new line on a baseline already left: drawn out of reading order.
    fn revisit(&mut self, direction: Point, baseline: f32, em: f32) {
        if self.disordered || !self.placed() {
            return;
        }
        if self.lines.iter().any(|l| {
            geometry::dot(l.direction, direction) > 0.99 && (l.baseline - baseline).abs() < 0.3 * em
        }) {
            self.disordered = true;
        }
    }

    /// Covers drawn since the last glyph: kept only when positions matter.
    pub fn cover(&mut self, bbox: Rect, shape: Shape, paint: Paint) {
        if self.placed() {
            let seq = self.next_seq();
            self.covers.push(Cover {
                seq,
                bbox,
                shape,
                paint,
            });
        }
    }

    /// The colour under `p` from what was drawn before (`None` when an
    /// image or an unknown colour is there); white where nothing was.
    pub fn background(&self, p: Point) -> Option<[f32; 3]> {
        for cover in self.covers.iter().rev() {
            if cover.covers(p) {
                return match (cover.paint, &cover.shape) {
                    (_, Shape::Image(_)) => None,
                    (Paint::Colour(c), _) => Some(c),
                    (Paint::Unknown, _) => None,
                };
            }
        }
        Some([1.0, 1.0, 1.0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f32, y: f32, width: f32) -> Placed {
        Placed {
            origin: [x, y],
            advance: [width, 0.0],
            up: [0.0, 10.0],
            ascent: 0.8,
            descent: -0.2,
            text: (0, 0),
            seq: 0,
            hidden: None,
        }
    }

    #[test]
    fn glyphs_join_by_position() {
        let mut c = Canvas::new(Some(Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 600.0,
            y1: 800.0,
        }));
        // "Jo hn" drawn letter by letter, with a word gap before the next.
        let add = |c: &mut Canvas, g: Placed, t: &str| c.glyph(g.clone(), &Shown::of(&g, t));
        add(&mut c, glyph(100.0, 700.0, 5.0), "J");
        add(&mut c, glyph(105.0, 700.0, 5.5), "o");
        add(&mut c, glyph(110.5, 700.0, 5.5), "h");
        add(&mut c, glyph(116.0, 700.0, 5.5), "n");
        add(&mut c, glyph(124.5, 700.0, 5.5), "S");
        add(&mut c, glyph(100.0, 688.0, 5.5), "x");
        assert_eq!(c.text, "John S\nx");
        assert!(!c.disordered);
        add(&mut c, glyph(130.0, 700.0, 5.5), "y");
        assert!(c.disordered, "back to a line already left");
    }
}
