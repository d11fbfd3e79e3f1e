//! A page's text read in position order: glyphs grouped into lines by
//! direction and baseline, each line read along its direction. The drawing
//! order already gives this for well-made pages; where glyphs were drawn
//! out of order (a name written backwards letter by letter, a line finished
//! after others), the lines this reading gives that the drawing order did
//! not are searched too. A mirrored line (drawn with a reflected matrix)
//! reads one way in a mirror and the other way on the page: both are
//! searched.

use super::canvas::Canvas;
use super::geometry;

/// A glyph of the page, placed on its line.
struct Item {
    angle: i32,
    mirrored: bool,
    baseline: f32,
    along: f32,
    end: f32,
    em: f32,
    index: usize,
}

/// The lines of the page in position order that its drawing-order text
/// does not already hold, a line each.
pub fn in_position_order(canvas: &Canvas) -> String {
    let mut items: Vec<Item> = canvas
        .glyphs
        .iter()
        .enumerate()
        .map(|(index, g)| {
            let d = g.direction();
            let normal = [-d[1], d[0]];
            let along = geometry::dot(g.origin, d);
            Item {
                angle: degrees(d),
                mirrored: g.mirrored(),
                baseline: geometry::dot(g.origin, normal),
                along,
                end: along + geometry::length(g.advance),
                em: g.em().max(1e-3),
                index,
            }
        })
        .collect();
    items.sort_by(|a, b| {
        (a.angle, a.mirrored)
            .cmp(&(b.angle, b.mirrored))
            .then(b.baseline.total_cmp(&a.baseline))
    });
    let mut lines: Vec<String> = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let first = &items[start];
        let mut end = start + 1;
        while end < items.len()
            && (items[end].angle, items[end].mirrored) == (first.angle, first.mirrored)
            && (first.baseline - items[end].baseline).abs() < 0.4 * first.em
        {
            end += 1;
        }
        let line = &mut items[start..end];
        line.sort_by(|a, b| a.along.total_cmp(&b.along));
        lines.push(read_line(canvas, line.iter()));
        if line[0].mirrored {
            lines.push(read_line(canvas, line.iter().rev()));
        }
        start = end;
    }
    // Lines the drawing order gave as they are need no second search.
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let drawn: std::collections::HashSet<String> = canvas.text.lines().map(tidy).collect();
    let mut out = String::new();
    for line in lines {
        let line = tidy(&line);
        if !line.is_empty() && !drawn.contains(&line) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// One line's glyphs read in the order given: a space where a gap lies
/// between two glyphs, a glyph drawn twice in one place read once.
fn read_line<'a>(canvas: &Canvas, items: impl DoubleEndedIterator<Item = &'a Item>) -> String {
    let mut text = String::new();
    let mut previous: Option<(&Item, &str)> = None;
    for item in items {
        let glyph = &canvas.glyphs[item.index];
        let s = &canvas.glyph_text[glyph.text.0 as usize..glyph.text.1 as usize];
        if let Some((last, last_text)) = previous {
            // The same glyph drawn twice in one place (fake bold).
            if last_text == s && (item.along - last.along).abs() < 0.1 * item.em {
                continue;
            }
            // The gap between the two, whichever way the line is read.
            let gap = (item.along - last.end).max(last.along - item.end);
            if gap > 0.15 * item.em
                && !s.starts_with(char::is_whitespace)
                && !last_text.ends_with(char::is_whitespace)
            {
                text.push(' ');
            }
        }
        text.push_str(s);
        previous = Some((item, s));
    }
    text
}

/// The direction's angle in whole degrees; text along the page (the
/// common case) without the trigonometry.
fn degrees(d: geometry::Point) -> i32 {
    if d[1] == 0.0 && d[0] > 0.0 {
        0
    } else {
        d[1].atan2(d[0]).to_degrees().round() as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::canvas::{Placed, Shown};
    use crate::pdf::geometry::Rect;

    /// A page with `glyphs` drawn in the order given, each at its x on one
    /// baseline, advancing `advance` (negative: to the left, mirrored).
    fn page_of(glyphs: &[(f32, &str)], advance: f32) -> Canvas {
        let mut canvas = Canvas::new(Some(Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 600.0,
            y1: 800.0,
        }));
        for &(x, t) in glyphs {
            let glyph = Placed {
                origin: [x, 700.0],
                advance: [advance, 0.0],
                up: [0.0, 10.0],
                ascent: 0.8,
                descent: -0.2,
                text: (0, 0),
                seq: 0,
                hidden: None,
            };
            let shown = Shown::of(&glyph, t);
            canvas.glyph(glyph, &shown);
        }
        canvas
    }

    #[test]
    fn glyphs_drawn_backwards_read_forwards() {
        let canvas = page_of(
            &[(115.0, "n"), (110.0, "h"), (105.0, "o"), (100.0, "J")],
            5.0,
        );
        assert!(canvas.disordered);
        assert_eq!(in_position_order(&canvas), "John\n");
    }

    /// Drawn with a reflected matrix: each glyph advances to the left, so
    /// the drawing order reads "nhoJ" and the page, left to right, "John".
    #[test]
    fn a_mirrored_line_is_read_both_ways() {
        let canvas = page_of(
            &[(120.0, "n"), (115.0, "h"), (110.0, "o"), (105.0, "J")],
            -5.0,
        );
        assert!(canvas.glyphs.iter().all(Placed::mirrored));
        assert_eq!(canvas.text, "nhoJ");
        assert!(
            canvas.disordered,
            "a mirrored glyph asks for the page's positions"
        );
        assert_eq!(in_position_order(&canvas), "John\n");
    }
}
