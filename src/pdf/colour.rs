//! Colours, as far as telling text from its background needs: every colour
//! space a page can set, reduced to RGB where the space says what a colour
//! looks like. Separations and DeviceN are read as ink (no ink is white);
//! indexed colours through their table; patterns and Lab are not known.

use std::rc::Rc;

use lopdf::{Document, Object};

use super::resolve::{self, deref};

/// A colour space.
#[derive(Debug, Clone)]
pub enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// Separation or DeviceN with this many tints: ink on white.
    Ink(usize),
    /// A table of colours in a base space.
    Indexed(Rc<Indexed>),
    /// Patterns, Lab: the colour is not known.
    Other,
}

#[derive(Debug)]
pub struct Indexed {
    base: Space,
    table: Vec<u8>,
}

impl Space {
    /// A device colour space by name, if it is one.
    pub fn device(name: &[u8]) -> Option<Self> {
        match name {
            b"DeviceGray" | b"G" | b"CalGray" => Some(Self::Gray),
            b"DeviceRGB" | b"RGB" | b"CalRGB" => Some(Self::Rgb),
            b"DeviceCMYK" | b"CMYK" => Some(Self::Cmyk),
            _ => None,
        }
    }

    /// A colour space written as a name or an array.
    pub fn read(doc: &Document, object: &Object, depth: usize) -> Self {
        let object = deref(doc, object);
        if let Object::Name(n) = object {
            return Self::device(n).unwrap_or(Self::Other);
        }
        let Object::Array(items) = object else {
            return Self::Other;
        };
        let family = match items.first().map(|o| deref(doc, o)) {
            Some(Object::Name(n)) => n.as_slice(),
            _ => return Self::Other,
        };
        match family {
            b"ICCBased" => {
                let n = items
                    .get(1)
                    .and_then(|s| resolve::as_dict(deref(doc, s)))
                    .and_then(|d| resolve::number_at(doc, d, b"N"));
                match n {
                    Some(1.0) => Self::Gray,
                    Some(3.0) => Self::Rgb,
                    Some(4.0) => Self::Cmyk,
                    _ => Self::Other,
                }
            }
            b"CalRGB" => Self::Rgb,
            b"CalGray" => Self::Gray,
            b"Separation" => Self::Ink(1),
            b"DeviceN" => match items.get(1).map(|o| deref(doc, o)) {
                Some(Object::Array(names)) => Self::Ink(names.len().max(1)),
                _ => Self::Other,
            },
            b"Indexed" | b"I" if depth < 2 => {
                let base = items
                    .get(1)
                    .map_or(Self::Other, |b| Self::read(doc, b, depth + 1));
                let table = match items.get(3).map(|o| deref(doc, o)) {
                    Some(Object::String(s, _)) => s.clone(),
                    // 256 entries of 4 components at most.
                    Some(Object::Stream(s)) => {
                        s.decompressed_content_with_limit(1024).unwrap_or_default()
                    }
                    _ => Vec::new(),
                };
                if matches!(base, Self::Indexed(_) | Self::Other) {
                    Self::Other
                } else {
                    Self::Indexed(Rc::new(Indexed { base, table }))
                }
            }
            _ => Self::Other,
        }
    }

    fn components(&self) -> usize {
        match self {
            Self::Gray | Self::Indexed(_) => 1,
            Self::Rgb => 3,
            Self::Cmyk => 4,
            Self::Ink(n) => *n,
            Self::Other => 0,
        }
    }

    /// The colour a space starts with (black, full ink, the first entry).
    pub fn initial(&self) -> Option<[f32; 3]> {
        match self {
            Self::Cmyk => Some([0.0; 3]),
            Self::Ink(n) => self.colour(&vec![1.0; *n]),
            _ => self.colour(&vec![0.0; self.components()]),
        }
    }

    /// A colour as RGB; `None` where the space does not say.
    pub fn colour(&self, values: &[f32]) -> Option<[f32; 3]> {
        let v = |i: usize| values.get(i).copied().unwrap_or(0.0).clamp(0.0, 1.0);
        match self {
            Self::Gray => Some([v(0); 3]),
            Self::Rgb => Some([v(0), v(1), v(2)]),
            Self::Cmyk => {
                let k = v(3);
                Some([0, 1, 2].map(|i| 1.0 - (v(i) + k).min(1.0)))
            }
            Self::Ink(n) => {
                let ink = (0..*n).map(v).fold(0.0f32, f32::max);
                Some([1.0 - ink; 3])
            }
            Self::Indexed(indexed) => {
                let n = indexed.base.components();
                let index = values.first().copied().unwrap_or(0.0).max(0.0) as usize;
                let entry = indexed.table.get(index * n..index * n + n)?;
                let components: Vec<f32> = entry.iter().map(|&b| f32::from(b) / 255.0).collect();
                indexed.base.colour(&components)
            }
            Self::Other => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::StringFormat;

    #[test]
    fn colours_read_as_rgb() {
        let doc = Document::new();
        assert_eq!(Space::Cmyk.colour(&[0.0, 0.0, 0.0, 0.0]), Some([1.0; 3]));
        let separation = Object::Array(vec![
            Object::Name(b"Separation".to_vec()),
            Object::Name(b"Spot".to_vec()),
        ]);
        let ink = Space::read(&doc, &separation, 0);
        assert_eq!(ink.colour(&[0.0]), Some([1.0; 3]), "no ink is white");
        assert_eq!(ink.initial(), Some([0.0; 3]));
        let indexed = Object::Array(vec![
            Object::Name(b"Indexed".to_vec()),
            Object::Name(b"DeviceRGB".to_vec()),
            Object::Integer(1),
            Object::String(vec![0, 0, 0, 255, 255, 255], StringFormat::Hexadecimal),
        ]);
        let space = Space::read(&doc, &indexed, 0);
        assert_eq!(space.colour(&[1.0]), Some([1.0; 3]));
        assert_eq!(space.colour(&[5.0]), None);
    }
}
