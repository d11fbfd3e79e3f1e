//! The text operators: text objects (`BT`, `ET`), the text state (`Tc`,
//! `Tw`, `Tz`, `TL`, `Ts`, `Tr`, and `Tf`, which selects a font from the
//! resources), text positioning (`Td`, `TD`, `Tm`, `T*`) and showing
//! (`Tj`, `'`, `"`, `TJ`; each glyph is placed by `show`). Text in a font
//! the resources do not define is read in the font viewers fall back to.

use std::rc::Rc;

use lopdf::{Dictionary, Document, Object};

use super::super::canvas::Canvas;
use super::super::fonts::Font;
use super::super::geometry::Matrix;
use super::super::limits::{Budget, Exceeded};
use super::super::resolve;
use super::operands::{Operand, Operands};
use super::{Frame, Interpreter};

impl<'d, 'b> Interpreter<'d, 'b> {
    /// Runs `op` if it is a text operator; whether it was one.
    pub(super) fn text_operator<'r>(
        &mut self,
        op: &[u8],
        args: &Operands,
        frame: &mut Frame,
        resources: Option<&'r Dictionary>,
        canvas: &mut Canvas,
    ) -> Result<bool, Exceeded>
    where
        'd: 'r,
    {
        let Frame {
            fonts, gs, tm, tlm, ..
        } = frame;
        let num = |i: usize| args.num(i);
        match op {
            b"BT" => {
                *tm = Matrix::IDENTITY;
                *tlm = Matrix::IDENTITY;
            }
            b"ET" => {}
            b"Tc" => gs.char_spacing = num(0),
            b"Tw" => gs.word_spacing = num(0),
            b"Tz" => gs.scaling = num(0) / 100.0,
            b"TL" => gs.leading = num(0),
            b"Ts" => gs.rise = num(0),
            b"Tr" => gs.mode = num(0).clamp(0.0, 7.0) as u8,
            b"Tf" => {
                gs.size = num(0);
                let name = args.last_name().unwrap_or_default();
                // Pages switch between a few fonts all the time.
                if let Some((_, font)) = fonts.iter().find(|(n, _)| n.as_slice() == name) {
                    gs.font = Some(font.clone());
                    return Ok(true);
                }
                gs.font = match self.font(resources, name)? {
                    Some(font) => Some(font),
                    None => {
                        // Viewers draw such text in a font of their own:
                        // read it as one, and refuse the file (content off
                        // any page is read with any font it might mean).
                        if canvas.placed() {
                            self.problems.push(format!(
                                "text is drawn in font /{}, which its resources do not define",
                                String::from_utf8_lossy(name)
                            ));
                        }
                        Some(self.fallback.clone())
                    }
                };
                if let Some(font) = &gs.font {
                    fonts.push((name.to_vec(), font.clone()));
                }
            }
            b"Td" | b"TD" => {
                if op == b"TD" {
                    gs.leading = -num(1);
                }
                *tlm = Matrix::translate(num(0), num(1)).then(tlm);
                *tm = *tlm;
            }
            b"Tm" => {
                if let Some(m) = args.matrix().filter(Matrix::is_finite) {
                    *tlm = m;
                    *tm = m;
                }
            }
            b"T*" => {
                *tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                *tm = *tlm;
            }
            b"Tj" | b"'" | b"\"" => {
                if op != b"Tj" {
                    if op == b"\"" {
                        gs.word_spacing = num(0);
                        gs.char_spacing = num(1);
                    }
                    *tlm = Matrix::translate(0.0, -gs.leading).then(tlm);
                    *tm = *tlm;
                }
                if let Some(string) = args.last_string() {
                    self.show(string, gs, tm, canvas);
                }
            }
            b"TJ" => {
                for operand in &args.list {
                    match operand {
                        &Operand::Str(a, b) => self.show(&args.bytes[a..b], gs, tm, canvas),
                        Operand::Num(n) => {
                            let shift = -n / 1000.0 * gs.size * gs.scaling;
                            *tm = Matrix::translate(shift, 0.0).then(tm);
                        }
                        _ => {}
                    }
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A font the resources name, read once per document where it is an
    /// object of its own.
    fn font<'r>(
        &mut self,
        resources: Option<&'r Dictionary>,
        name: &[u8],
    ) -> Result<Option<Rc<Font>>, Exceeded>
    where
        'd: 'r,
    {
        let Some((id, object)) = self.resource(resources, b"Font", name) else {
            return Ok(None);
        };
        let Some(dict) = resolve::as_dict(object) else {
            return Ok(None);
        };
        // Fonts written directly into resources are read each time (their
        // address says nothing once the dictionary holding them is gone).
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Ok(Some(font.clone()));
        }
        let font = Rc::new(Font::read(self.doc, dict, self.budget)?);
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        // Its character maps were read as the font's; not as text again.
        if font.problem.is_none() {
            for key in [b"ToUnicode".as_slice(), b"Encoding"] {
                if let Ok(Object::Reference(map)) = dict.get(key) {
                    self.read.insert(*map);
                }
            }
        }
        Ok(Some(font))
    }
}

/// Helvetica in WinAnsiEncoding, what viewers draw in when a font is missing.
pub(super) fn fallback_font(budget: &Budget) -> Font {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Font".to_vec()));
    dict.set("Subtype", Object::Name(b"Type1".to_vec()));
    dict.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    dict.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    Font::read(&Document::new(), &dict, budget).expect("a font with no streams reads")
}
