//! What reading one PDF may cost, whatever the file says.
//!
//! A PDF is a small file that can describe a great deal: a 2 MB stream can
//! inflate to 2 GiB, a cross-reference stream can declare millions of
//! objects, a Form XObject can draw itself. Every stream the verifier
//! decodes is charged to one [`Budget`] (per stream and in total), and so is
//! every content-stream byte it interprets (forms drawn many times count
//! each time). Going over any limit refuses the file: what was not read
//! cannot be proven clean.

use std::cell::Cell;

use lopdf::{DecompressError, Stream};

/// The limits, in bytes and counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest PDF read at all.
    pub file: usize,
    /// The most one stream may inflate to.
    pub stream: usize,
    /// The most all streams together may inflate to.
    pub inflated: usize,
    /// The most content bytes interpreted (a form drawn twice counts twice).
    pub interpreted: usize,
    /// The most indirect objects a file may hold (written out, in object
    /// streams, or declared by cross-reference streams).
    pub objects: usize,
    /// The deepest arrays and dictionaries may nest.
    pub nesting: usize,
    /// The deepest Form XObjects may draw one another.
    pub forms: usize,
    /// The most glyphs one page may show.
    pub glyphs_per_page: usize,
    /// The most path points one page may fill or stroke.
    pub path_points_per_page: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            file: 256 << 20,
            stream: 16 << 20,
            inflated: 64 << 20,
            interpreted: 128 << 20,
            objects: 200_000,
            nesting: 100,
            forms: 12,
            glyphs_per_page: 1_000_000,
            path_points_per_page: 1_000_000,
        }
    }
}

/// A limit a file went over: the message says which and by what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exceeded(pub String);

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What one document has spent so far.
#[derive(Debug)]
pub struct Budget {
    /// The limits charged against.
    pub limits: Limits,
    inflated: Cell<usize>,
    interpreted: Cell<usize>,
}

/// Why a stream was not decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecoded {
    /// It went over a limit: the file is refused.
    Exceeded(Exceeded),
    /// Its filter is an image codec (DCT, JPX, JBIG2, CCITT): pixels, not text.
    Image,
    /// Its data is damaged or its filter unknown.
    Broken(String),
}

impl Budget {
    /// A budget with nothing spent yet.
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            inflated: Cell::new(0),
            interpreted: Cell::new(0),
        }
    }

    /// Bytes inflated so far.
    pub fn inflated(&self) -> usize {
        self.inflated.get()
    }

    /// The decoded data of `stream` (`what` names it in messages), charged
    /// to the budget.
    pub fn decode(&self, stream: &Stream, what: &str) -> Result<Vec<u8>, Undecoded> {
        let filters = stream.filters().unwrap_or_default();
        if filters.iter().any(|f| is_image_codec(f)) {
            return Err(Undecoded::Image);
        }
        if filters.iter().any(|f| f == b"Crypt") {
            return Err(Undecoded::Broken("it is encrypted".into()));
        }
        let left = self.limits.inflated.saturating_sub(self.inflated.get());
        let cap = self.limits.stream.min(left);
        let data = if filters.is_empty() {
            stream.content.clone()
        } else {
            match stream.decompressed_content_with_limit(cap) {
                Ok(data) => data,
                Err(lopdf::Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => {
                    return Err(Undecoded::Exceeded(self.over(what, cap)));
                }
                Err(e) => return Err(Undecoded::Broken(e.to_string())),
            }
        };
        if data.len() > cap {
            return Err(Undecoded::Exceeded(self.over(what, cap)));
        }
        self.inflated.set(self.inflated.get() + data.len());
        Ok(data)
    }

    fn over(&self, what: &str, cap: usize) -> Exceeded {
        if cap == self.limits.stream {
            Exceeded(format!(
                "{what} inflates to more than {} (the limit for one stream)",
                mib(self.limits.stream)
            ))
        } else {
            Exceeded(format!(
                "the streams inflate to more than {} in all (the limit for one file)",
                mib(self.limits.inflated)
            ))
        }
    }

    /// Charges `bytes` of content interpreted.
    pub fn interpret(&self, bytes: usize) -> Result<(), Exceeded> {
        let spent = self.interpreted.get().saturating_add(bytes);
        self.interpreted.set(spent);
        if spent > self.limits.interpreted {
            return Err(Exceeded(format!(
                "its pages draw more than {} of content (the limit; forms drawn many times count each time)",
                mib(self.limits.interpreted)
            )));
        }
        Ok(())
    }
}

/// Filters whose output is pixels.
pub fn is_image_codec(filter: &[u8]) -> bool {
    matches!(
        filter,
        b"DCTDecode" | b"DCT" | b"JPXDecode" | b"JBIG2Decode" | b"CCITTFaxDecode" | b"CCF"
    )
}

/// "16 MiB".
pub fn mib(bytes: usize) -> String {
    format!("{} MiB", bytes >> 20)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;

    fn flate(data: &[u8]) -> Stream {
        let mut s = Stream::new(Dictionary::new(), data.to_vec());
        s.compress().expect("compresses");
        assert!(s.dict.has(b"Filter"));
        s
    }

    #[test]
    fn streams_are_charged_per_stream_and_in_total() {
        let limits = Limits {
            stream: 1000,
            inflated: 1500,
            ..Limits::default()
        };
        let budget = Budget::new(limits);
        let small = lopdf::Stream::new(Dictionary::new(), vec![b'a'; 900]);
        assert_eq!(budget.decode(&small, "s").unwrap().len(), 900);
        assert!(matches!(
            budget.decode(&small, "s"),
            Err(Undecoded::Exceeded(e)) if e.0.contains("in all")
        ));
        let big = Budget::new(limits);
        let bomb = flate(&vec![0; 5000]);
        assert!(matches!(
            big.decode(&bomb, "stream 7"),
            Err(Undecoded::Exceeded(e)) if e.0.contains("stream 7")
        ));
    }
}
