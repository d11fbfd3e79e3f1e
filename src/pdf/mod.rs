//! The fail-closed PDF reader: takes any PDF apart, whatever it does,
//! within [`Limits`], and hands back a [`Reading`] (plain data): the texts
//! to search, each with its [`Place`], the images (which cannot be
//! searched), the text a reader cannot see ([`Hidden`]) and every
//! [`Refusal`], a reason the file cannot be proven clean. What cannot be
//! read is refused, never skipped. Nothing here knows what is searched
//! for: the verifier searches the reading, and nothing here imports the
//! verifier.
//!
//! [`read()`] is the one entry point and the order of reading is in its
//! module (`read`). Beneath it, from the bytes up:
//!
//! | module | owns |
//! | --- | --- |
//! | `limits` | what reading may cost: the [`Limits`] and the budget every stream is decoded within |
//! | `printable` | printable runs of bytes, as `strings` finds them |
//! | `syntax` | PDF syntax from bytes: tokens, strings, names, numbers, objects with a nesting limit, text strings |
//! | `raw` | the file as bytes: every object written anywhere, end-of-file markers, trailers, the bytes' text |
//! | `resolve`, `structure` | lopdf's objects: references followed, the page tree walked, lost objects, forbidden content, metadata |
//! | `geometry`, `colour` | points, matrices and boxes; colour spaces as far as hiding text needs |
//! | `cmap`, `fonts` | what each character code of a font means and how wide it is |
//! | `canvas`, `content` | the content-stream interpreter and what it draws: glyphs placed, shapes and images that cover them |
//! | `text`, `hidden` | a page read again in position order; text a reader cannot see |
//! | `streams` | every stream no page drew, live or dead |
//! | `reading` | the plain data handed back |

mod canvas;
mod cmap;
mod colour;
mod content;
mod fonts;
mod geometry;
mod hidden;
pub mod limits;
mod printable;
mod raw;
mod read;
mod reading;
mod resolve;
mod streams;
mod structure;
mod syntax;
mod text;

pub use canvas::How;
pub use hidden::Hidden;
pub use limits::Limits;
pub use read::{page_texts_as_extracted, read};
pub use reading::{Images, PageImages, PageText, Place, Reading, Reason, Refusal, Text};
