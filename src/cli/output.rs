//! What the commands print, and where: the `note!` (standard error) and
//! `say!` (standard output) macros, a standard output that goes quiet when
//! its reader has gone away, the diagnostics of case files, the progress
//! bar, and the files that share a reference.

use std::io::{IsTerminal, Write};

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::batch;
use crate::case::Loaded;
use crate::diag::{self, Format};
use crate::pipeline::Engine;

/// `eprintln!` that never panics: a message to a closed standard error
/// (`2>&1 | head -1`) is dropped.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = std::io::Write::write_fmt(
            &mut std::io::stderr(),
            format_args!("{}\n", format_args!($($arg)*)),
        );
    }};
}

/// `println!` for a command's output: a reader that has gone away
/// (`redress plan … | head -1`) ends it quietly; other errors are errors.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(stdout(), $($arg)*)?
    };
}

/// A command's standard output: once the reader has gone away (a broken
/// pipe), what is written is dropped, quietly.
pub(super) struct Quiet<W>(W);

impl<W: Write> Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self.0.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(buf.len()),
            result => result,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            result => result,
        }
    }
}

pub(super) fn stdout() -> Quiet<std::io::StdoutLock<'static>> {
    Quiet(std::io::stdout().lock())
}

pub(super) fn stderr() -> StandardStream {
    let choice = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    StandardStream::stderr(choice)
}

pub(super) fn print_diagnostics(loaded: &Loaded, format: Format) {
    if loaded.diagnostics.is_empty() {
        return;
    }
    let mut err = stderr();
    let _ = diag::emit(&mut err, &loaded.file, &loaded.diagnostics, format);
}

pub(super) fn progress_bar(len: usize) -> indicatif::ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} cases  {elapsed} (about {eta} left)",
    )
    .expect("a valid template");
    bar.set_style(style);
    bar
}

/// Prints, for each file that shares its reference with another, where.
pub(super) fn report_shared_references(
    engine: &Engine,
    shared: &[batch::SharedReference],
    format: Format,
) {
    for group in shared {
        for loaded in group.explain(engine) {
            print_diagnostics(&loaded, format);
        }
    }
}
