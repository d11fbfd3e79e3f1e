//! Which characters the bundled fonts can draw: the typesetter's answer,
//! which case validation asks so that a character no font has is an error
//! at its line rather than a missing glyph at typesetting.

use std::sync::Arc;

/// The characters the bundled fonts can draw.
#[derive(Clone)]
pub struct Coverage(Option<Arc<dyn Fn(char) -> bool + Send + Sync>>);

impl Coverage {
    /// Every character (for tests that do not typeset).
    pub fn all() -> Self {
        Self(None)
    }

    /// The characters for which `covered` is true.
    pub fn new(covered: impl Fn(char) -> bool + Send + Sync + 'static) -> Self {
        Self(Some(Arc::new(covered)))
    }

    /// Whether `c` can be drawn.
    pub fn contains(&self, c: char) -> bool {
        self.0.as_ref().is_none_or(|f| c.is_whitespace() || f(c))
    }
}

impl std::fmt::Debug for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Coverage(fonts)"
        } else {
            "Coverage(all)"
        })
    }
}
