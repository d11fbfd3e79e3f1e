//! Printable runs: the text a person could pull out of bytes with
//! `strings`, in ASCII (and Latin-1 letters where asked) and in UTF-16 of
//! either byte order. PDF syntax keeps runs of [`MIN_RUN`]; binary data
//! (compressed streams, document IDs, hashes) only runs of [`BINARY_RUN`],
//! since shorter ones spell short names by chance.

/// The shortest run of printable bytes kept from PDF syntax.
pub const MIN_RUN: usize = 3;

/// The shortest printable run read from binary data.
pub const BINARY_RUN: usize = 12;

/// Appends the runs of at least `min_run` printable bytes (ASCII, and
/// Latin-1 letters when `latin1`), and of UTF-16 text in either byte
/// order, a line each.
pub fn printable(bytes: &[u8], min_run: usize, latin1: bool, out: &mut String) {
    let is_text = |b: u8| matches!(b, 0x20..=0x7e | b'\t') || (latin1 && b >= 0xa0);
    let mut run_start = None;
    for (i, &b) in bytes.iter().enumerate() {
        if is_text(b) {
            run_start.get_or_insert(i);
        } else if let Some(s) = run_start.take() {
            push_latin1(&bytes[s..i], min_run, out);
        }
    }
    if let Some(s) = run_start {
        push_latin1(&bytes[s..], min_run, out);
    }
    if memchr::memchr(0, bytes).is_some() {
        utf16_runs(bytes, min_run, out);
    }
}

fn push_latin1(run: &[u8], min_run: usize, out: &mut String) {
    if run.len() >= min_run {
        out.extend(run.iter().map(|&b| char::from(b)));
        out.push('\n');
    }
}

fn utf16_runs(bytes: &[u8], min_run: usize, out: &mut String) {
    let ascii = |b: u8| matches!(b, 0x20..=0x7e);
    let mut i = 0;
    while i + 1 < bytes.len() {
        let big = bytes[i] == 0 && ascii(bytes[i + 1]);
        let little = ascii(bytes[i]) && bytes[i + 1] == 0;
        if !big && !little {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < bytes.len()
            && if big {
                bytes[j] == 0 && ascii(bytes[j + 1])
            } else {
                ascii(bytes[j]) && bytes[j + 1] == 0
            }
        {
            j += 2;
        }
        if (j - i) / 2 >= min_run {
            for pair in bytes[i..j].chunks_exact(2) {
                out.push(char::from(if big { pair[1] } else { pair[0] }));
            }
            out.push('\n');
            i = j;
        } else {
            i += 1;
        }
    }
}
