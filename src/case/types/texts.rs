//! The one walk over a case's free text: [`Texts`], which finds every
//! [`Prose`] in a value, with where it is (`findings[2].text`).
//!
//! Every part of a case implements it. A struct's walk is written by
//! [`texts!`] from a list of all its fields, destructured without `..`: a
//! field added later does not compile until it is added to the list, and
//! once it is there its type decides whether it is free text. Values that
//! hold none (names, ids, dates, sums, fixed words) implement it as a walk
//! that finds nothing ([`no_text!`]). [`Case::prose`](super::Case::prose)
//! and [`Case::prose_mut`](super::Case::prose_mut), what the anonymiser
//! rewrites, come from this walk.

use std::collections::BTreeMap;
use std::fmt;

use super::prose::Prose;
use crate::case::alias::Alias;
use crate::case::date::{Date, Deadline, Money};

/// Where a value sits in a case, as the anonymiser, the lint and the review
/// sheet name it: `findings[2].text`. Built on the stack as a walk goes
/// down, and written out only where free text is found.
#[derive(Debug, Clone, Copy)]
pub(crate) enum At<'a> {
    /// The value walked from.
    Root,
    /// A field (by its name in the case file) or a map's key.
    Key(&'a At<'a>, &'a str),
    /// An item of a list.
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    /// The field or map entry `key` under this place.
    pub(crate) fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    /// The `index`th item of the list at this place.
    pub(crate) fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }
}

/// As a case file's paths are written: `people[0].relationship.as`.
impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root => Ok(()),
            At::Key(At::Root, key) => f.write_str(key),
            At::Key(parent, key) => write!(f, "{parent}.{key}"),
            At::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A value that may hold free text.
pub(crate) trait Texts {
    /// Calls `found` with every [`Prose`] in the value, and where it is.
    fn texts<'a>(&'a self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a Prose));

    /// [`texts`](Texts::texts), for rewriting the text in place.
    fn texts_mut<'a>(&'a mut self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a mut Prose));
}

impl Texts for Prose {
    fn texts<'a>(&'a self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a Prose)) {
        found(at, self);
    }

    fn texts_mut<'a>(&'a mut self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a mut Prose)) {
        found(at, self);
    }
}

/// An absent value holds nothing; a present one is walked where it is.
impl<T: Texts> Texts for Option<T> {
    fn texts<'a>(&'a self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a Prose)) {
        if let Some(value) = self {
            value.texts(at, found);
        }
    }

    fn texts_mut<'a>(&'a mut self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a mut Prose)) {
        if let Some(value) = self {
            value.texts_mut(at, found);
        }
    }
}

/// Each item in turn, at `[0]`, `[1]` …
impl<T: Texts> Texts for Vec<T> {
    fn texts<'a>(&'a self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a Prose)) {
        for (i, item) in self.iter().enumerate() {
            item.texts(&at.index(i), found);
        }
    }

    fn texts_mut<'a>(&'a mut self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a mut Prose)) {
        for (i, item) in self.iter_mut().enumerate() {
            item.texts_mut(&at.index(i), found);
        }
    }
}

/// Each value in the order of its key, at `.key`.
impl<T: Texts> Texts for BTreeMap<String, T> {
    fn texts<'a>(&'a self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a Prose)) {
        for (key, value) in self {
            value.texts(&at.key(key), found);
        }
    }

    fn texts_mut<'a>(&'a mut self, at: &At<'_>, found: &mut impl FnMut(&At<'_>, &'a mut Prose)) {
        for (key, value) in self {
            value.texts_mut(&at.key(key), found);
        }
    }
}

/// Implements [`Texts`] as a walk that finds nothing, for types that hold
/// no free text: names, ids and references (`String`), flags, dates, sums,
/// and enums of fixed words.
macro_rules! no_text {
    ($($ty:ty),* $(,)?) => {$(
        impl $crate::case::types::texts::Texts for $ty {
            fn texts<'a>(
                &'a self,
                _: &$crate::case::types::texts::At<'_>,
                _: &mut impl FnMut(
                    &$crate::case::types::texts::At<'_>,
                    &'a $crate::case::types::Prose,
                ),
            ) {
            }

            fn texts_mut<'a>(
                &'a mut self,
                _: &$crate::case::types::texts::At<'_>,
                _: &mut impl FnMut(
                    &$crate::case::types::texts::At<'_>,
                    &'a mut $crate::case::types::Prose,
                ),
            ) {
            }
        }
    )*};
}
pub(super) use no_text;

no_text!(String, bool, Date, Money, Deadline, Alias);

/// Implements [`Texts`] for a struct from the list of all its fields, each
/// walked in the order listed under its name in the case file (`relation
/// as "as"` where serde renames it). The list destructures the struct
/// without `..`, so it must name every field: a field added to the struct
/// does not compile until it is listed here, and then its type decides
/// whether it is free text.
macro_rules! texts {
    ($ty:ident { $($field:ident $(as $name:literal)?),* $(,)? }) => {
        impl $crate::case::types::texts::Texts for $ty {
            fn texts<'a>(
                &'a self,
                at: &$crate::case::types::texts::At<'_>,
                found: &mut impl FnMut(
                    &$crate::case::types::texts::At<'_>,
                    &'a $crate::case::types::Prose,
                ),
            ) {
                let Self { $($field),* } = self;
                $(
                    $crate::case::types::texts::Texts::texts(
                        $field,
                        &at.key($crate::case::types::texts::field_name!($field $($name)?)),
                        found,
                    );
                )*
            }

            fn texts_mut<'a>(
                &'a mut self,
                at: &$crate::case::types::texts::At<'_>,
                found: &mut impl FnMut(
                    &$crate::case::types::texts::At<'_>,
                    &'a mut $crate::case::types::Prose,
                ),
            ) {
                let Self { $($field),* } = self;
                $(
                    $crate::case::types::texts::Texts::texts_mut(
                        $field,
                        &at.key($crate::case::types::texts::field_name!($field $($name)?)),
                        found,
                    );
                )*
            }
        }
    };
}
pub(super) use texts;

/// A field's name in the case file: its own, or the one serde renames it to.
macro_rules! field_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $name:literal) => {
        $name
    };
}
pub(super) use field_name;

#[cfg(test)]
mod tests;
