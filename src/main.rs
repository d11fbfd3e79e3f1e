//! The `redress` command: parse the arguments, run, exit with the code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    redress::cli::run(redress::cli::Cli::parse())
}
