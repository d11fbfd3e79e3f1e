//! Text a reader of the page cannot see, whatever it says: the way Free
//! Law Project's x-ray finds bad redactions, but for every way of hiding.
//!
//! Each glyph is placed on the page (by the content interpreter) and checked where
//! its centre is: under a filled shape, an image or a thick line drawn
//! after it (a black box laid over text hides nothing from a copy and
//! paste), or, when it is drawn, invisible (render mode 3), transparent,
//! the colour of what lies under it, off the page, clipped away, or under
//! 1 pt. Hidden glyphs next to one another, hidden the same way, make one
//! finding with its box in points (x0 y0 x1 y1, the page's own
//! coordinates). White space hidden is no finding.

use serde::Serialize;

use super::canvas::{Canvas, How, Placed};
use super::geometry::Rect;
use super::limits::Exceeded;

/// Text hidden on a page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hidden {
    /// The page (1-based).
    pub page: usize,
    /// Where, in points: x0 y0 x1 y1.
    #[serde(rename = "box")]
    pub bbox: [f32; 4],
    /// How it is hidden.
    pub how: How,
    /// How many glyphs.
    pub glyphs: usize,
}

impl std::fmt::Display for Hidden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [x0, y0, x1, y1] = self.bbox;
        write!(
            f,
            "hidden text on page {} at {x0:.0} {y0:.0} {x1:.0} {y1:.0}: {}",
            self.page,
            self.how.describe()
        )
    }
}

/// The most glyph-and-cover pairs compared on one page.
const MAX_CHECKS: u64 = 50_000_000;

/// The hidden text of a page's canvas.
pub fn find(canvas: &Canvas, page: usize) -> Result<Vec<Hidden>, Exceeded> {
    if canvas.covers.is_empty() && canvas.glyphs.iter().all(|g| g.hidden.is_none()) {
        return Ok(Vec::new());
    }
    let mut hows: Vec<Option<How>> = Vec::with_capacity(canvas.glyphs.len());
    let mut checks = 0u64;
    for glyph in &canvas.glyphs {
        let text = &canvas.glyph_text[glyph.text.0 as usize..glyph.text.1 as usize];
        // White space hides nothing; a block glyph is a shape, not text.
        if text.chars().all(char::is_whitespace) || super::canvas::is_block(text) {
            hows.push(None);
            continue;
        }
        if glyph.hidden.is_some() {
            hows.push(glyph.hidden);
            continue;
        }
        hows.push(covered(canvas, glyph, &mut checks)?);
    }
    Ok(merge(canvas, &hows, page))
}

/// Whether something drawn after the glyph covers its centre.
fn covered(canvas: &Canvas, glyph: &Placed, checks: &mut u64) -> Result<Option<How>, Exceeded> {
    let centre = glyph.centre();
    let em = glyph.em();
    for cover in canvas.covers.iter().rev() {
        if cover.seq < glyph.seq {
            break;
        }
        *checks += 1;
        if *checks > MAX_CHECKS {
            return Err(Exceeded(format!(
                "a page draws more than {MAX_CHECKS} shapes over its text to check (the limit)"
            )));
        }
        if let super::canvas::Shape::Stroke { half_width, .. } = cover.shape
            && half_width < 0.35 * em
        {
            // A line thinner than the text (an underline, a strike-through).
            continue;
        }
        if cover.covers(centre) {
            return Ok(Some(cover.how()));
        }
    }
    Ok(None)
}

/// Runs of hidden glyphs, next to one another on a line and hidden the same
/// way, as one finding each.
fn merge(canvas: &Canvas, hows: &[Option<How>], page: usize) -> Vec<Hidden> {
    let mut out: Vec<Hidden> = Vec::new();
    let mut open: Option<(How, Rect, usize, usize)> = None;
    for (i, (glyph, how)) in canvas.glyphs.iter().zip(hows).enumerate() {
        let Some(how) = *how else {
            continue;
        };
        let bbox = glyph.bbox();
        match &mut open {
            Some((h, rect, count, last))
                if *h == how && *last + 2 >= i && close(rect, &bbox, glyph.em()) =>
            {
                *rect = rect.union(&bbox);
                *count += 1;
                *last = i;
            }
            _ => {
                if let Some(done) = open.take() {
                    out.push(finding(done, page));
                }
                open = Some((how, bbox, 1, i));
            }
        }
    }
    if let Some(done) = open {
        out.push(finding(done, page));
    }
    out
}

fn close(a: &Rect, b: &Rect, em: f32) -> bool {
    a.grown(em.max(1.0)).contains([b.x0, b.y0]) || a.grown(em.max(1.0)).contains([b.x1, b.y1])
}

fn finding((how, rect, glyphs, _): (How, Rect, usize, usize), page: usize) -> Hidden {
    let round = |v: f32| (v * 10.0).round() / 10.0;
    Hidden {
        page,
        bbox: [
            round(rect.x0),
            round(rect.y0),
            round(rect.x1),
            round(rect.y1),
        ],
        how,
        glyphs,
    }
}
