//! How wide each glyph of a font is, in glyph space: `/Widths` (simple
//! fonts), `/W` and `/DW` (composite fonts); the standard 14 fonts, which
//! carry no widths, are measured with the bundled Liberation Sans
//! (metric-compatible with Helvetica and Arial) or as Courier's fixed 600.

use std::sync::LazyLock;

use lopdf::{Dictionary, Document, Object};

use super::super::resolve::{self, deref};

#[derive(Debug)]
pub(super) enum Widths {
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
    },
    Cid {
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
    },
    Standard(Standard),
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Standard {
    Courier,
    Sans { bold: bool },
}

impl Widths {
    /// The width of `code` (`cid` for a composite font), in glyph space;
    /// a standard 14 font's by the first character of its `text`.
    pub(super) fn of(&self, code: u32, cid: u32, text: Option<&str>) -> f32 {
        match self {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .unwrap_or(*missing),
            Widths::Cid { ranges, default } => ranges
                .iter()
                .find(|&&(lo, hi, _)| cid >= lo && cid <= hi)
                .map_or(*default, |&(_, _, w)| w),
            Widths::Standard(family) => {
                let c = text.and_then(|t| t.chars().next()).unwrap_or('n');
                standard_width(*family, c)
            }
        }
    }
}

/// The widths of a simple font: `/Widths` from `/FirstChar`, or a
/// standard 14 font's measured by family.
pub(super) fn simple_widths(
    doc: &Document,
    font: &Dictionary,
    descriptor: Option<&Dictionary>,
    name: &str,
) -> Widths {
    let missing = descriptor
        .and_then(|d| resolve::number_at(doc, d, b"MissingWidth"))
        .unwrap_or(0.0);
    if let Some(widths) = resolve::numbers(doc, font, b"Widths") {
        let first = resolve::number_at(doc, font, b"FirstChar")
            .unwrap_or(0.0)
            .max(0.0) as u32;
        return Widths::Simple {
            first,
            widths,
            missing,
        };
    }
    let base = name.split_once('+').map_or(name, |(_, b)| b);
    if base.starts_with("Courier") {
        Widths::Standard(Standard::Courier)
    } else {
        Widths::Standard(Standard::Sans {
            bold: base.contains("Bold") || base.contains("Black") || base.contains("Heavy"),
        })
    }
}

pub(super) fn cid_widths(doc: &Document, descendant: &Dictionary) -> Widths {
    let default = resolve::number_at(doc, descendant, b"DW").unwrap_or(1000.0);
    let mut ranges = Vec::new();
    if let Some(Object::Array(w)) = resolve::get(doc, descendant, b"W") {
        let mut i = 0;
        while i < w.len() {
            let first = resolve::number(deref(doc, &w[i])).unwrap_or(0.0).max(0.0) as u32;
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(each)) => {
                    for (k, width) in each.iter().enumerate() {
                        if let Some(width) = resolve::number(deref(doc, width)) {
                            let cid = first.saturating_add(k as u32);
                            ranges.push((cid, cid, width));
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let last = resolve::number(last).unwrap_or(0.0).max(0.0) as u32;
                    let width = w
                        .get(i + 2)
                        .and_then(|o| resolve::number(deref(doc, o)))
                        .unwrap_or(default);
                    ranges.push((first, last, width));
                    i += 3;
                }
                None => break,
            }
        }
    }
    Widths::Cid { ranges, default }
}

/// A standard 14 font's width of `c`, in thousandths of an em.
fn standard_width(family: Standard, c: char) -> f32 {
    static SANS: LazyLock<[Option<ttf_parser::Face<'static>>; 2]> = LazyLock::new(|| {
        let read = |data: &'static [u8]| ttf_parser::Face::parse(data, 0).ok();
        [
            read(crate::typeset::fonts::FONT_FILES[0]),
            read(crate::typeset::fonts::FONT_FILES[1]),
        ]
    });
    match family {
        Standard::Courier => 600.0,
        Standard::Sans { bold } => SANS[usize::from(bold)]
            .as_ref()
            .and_then(|face| {
                let id = face.glyph_index(c)?;
                let advance = f32::from(face.glyph_hor_advance(id)?);
                Some(advance * 1000.0 / f32::from(face.units_per_em()))
            })
            .unwrap_or(556.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_fonts_are_measured() {
        let w = standard_width(Standard::Sans { bold: false }, 'm');
        assert!((w - 833.0).abs() < 2.0, "{w}");
        assert!((standard_width(Standard::Sans { bold: false }, 'i') - 222.0).abs() < 2.0);
        assert_eq!(standard_width(Standard::Courier, 'i'), 600.0);
    }
}
