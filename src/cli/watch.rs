//! `redress watch`: re-render a case on every save, with `--serve` a live
//! preview in the browser.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::Args;

use super::common::{UsageError, engine, usage};
use super::output::print_diagnostics;
use crate::diag::{self, Format};
use crate::watch::{self, Snapshot};

#[derive(Debug, Args)]
pub(super) struct WatchArgs {
    /// The case file to watch.
    file: PathBuf,
    /// Output folder.
    #[arg(short, long, default_value = "out")]
    out: PathBuf,
    /// A folder of templates overriding the bundled ones, file by file.
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Serve a live preview on this loopback address (default
    /// 127.0.0.1:8765; port 0 picks a free one).
    #[arg(long, num_args = 0..=1, default_missing_value = "127.0.0.1:8765")]
    serve: Option<SocketAddr>,
}

/// `redress watch`.
pub(super) fn run(args: WatchArgs) -> Result<ExitCode, UsageError> {
    if !args.file.is_file() {
        return Err(usage(
            format!("`{}` is not a case file", diag::display_path(&args.file)),
            "give the path of a `.toml` or `.json` case file (`redress new` writes one)",
        ));
    }
    let engine = engine(args.templates.as_deref())?;
    let html = super::publish::html_templates(args.templates.as_deref())?;
    let shared = Arc::new(Mutex::new(Snapshot::default()));
    let preview = match args.serve {
        Some(addr) => Some(crate::serve::Preview::bind(addr).map_err(|e| {
            usage(
                format!("cannot serve the preview on {addr}: {e}"),
                "give another port with `--serve 127.0.0.1:PORT`, or 127.0.0.1:0 for any free one",
            )
        })?),
        None => None,
    };
    std::thread::scope(|scope| {
        if let Some(preview) = &preview {
            if let Some(addr) = preview.addr() {
                note!("serving the preview at http://{addr}/ (this machine only)");
            }
            let shared = Arc::clone(&shared);
            scope.spawn(move || preview.serve(&shared));
        }
        note!(
            "watching {}; press Ctrl-C to stop",
            diag::display_path(&args.file)
        );
        let report = |loaded: &crate::case::Loaded, snapshot: &Snapshot| {
            print_diagnostics(loaded, Format::Human);
            let mark = if snapshot.ok { "ok     " } else { "FAILED " };
            note!("{mark} {} (#{})", snapshot.headline, snapshot.generation);
        };
        let result = watch::run(&engine, &args.file, &args.out, &html, &shared, &report);
        match result {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) => Err(usage(
                format!("watching stopped: {e}"),
                "check that the case file and its folder still exist",
            )),
        }
    })
}
