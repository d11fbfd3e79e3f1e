//! The bundled fonts: the only fonts redress ever uses (never system fonts,
//! so output is the same on every machine). Loaded once per process.

use typst::foundations::Bytes;
use typst::text::{Font, FontInfo};
use typst_kit::fonts::FontStore;

/// The font files in `fonts/`, embedded in the binary.
pub(crate) const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf"),
];

/// The family the house style sets text in.
pub const FAMILY: &str = "Liberation Sans";

/// The bundled fonts, parsed, with their coverage.
pub(crate) struct FontBase {
    pub store: FontStore,
    infos: Vec<FontInfo>,
}

impl FontBase {
    /// Parses the embedded fonts.
    pub fn embedded() -> Self {
        let mut store = FontStore::new();
        let mut infos = Vec::new();
        for data in FONT_FILES {
            for font in Font::iter(Bytes::new(data)) {
                infos.push(font.info().clone());
                let info = font.info().clone();
                store.push((font, info));
            }
        }
        Self { store, infos }
    }

    /// Whether some bundled font can draw `c`.
    pub fn covers(&self, c: char) -> bool {
        self.infos
            .iter()
            .any(|info| info.coverage.contains(c as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_cover_the_text_of_english_casework() {
        let fonts = FontBase::embedded();
        assert_eq!(fonts.infos.len(), 4);
        for c in "Wiśniewska Łukasz Zoë Ó’Neill £1,140 – “quoted” é ß".chars() {
            assert!(fonts.covers(c) || c == ' ', "{c}");
        }
        assert!(!fonts.covers('王'));
        assert!(!fonts.covers('🙂'));
    }
}
