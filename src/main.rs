//! The `redress` command: parse the arguments, run, exit with the code.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    redress::cli::run(redress::cli::Cli::parse())
}
