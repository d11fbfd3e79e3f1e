//! The `redress` command: parse the arguments, run, exit with the code.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    keep_freed_memory_for_reuse();
    redress::cli::run(redress::cli::Cli::parse())
}

/// mimalloc's `purge_delay` option (its position in `mi_option_e`, the
/// same in mimalloc 2 and 3; the sys crate names no constant for it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long memory freed by one document stays with the process before
/// mimalloc returns it to the system, in milliseconds. mimalloc's default
/// is one second; a batch frees and reuses its memory every few
/// milliseconds (typst's memo is emptied after each document), and memory
/// returned and asked for again costs a page fault per page, the kernel
/// zeroing each one: with the default, 3,400 faults over 150 documents,
/// with ten seconds 1,100, and about a tenth of the processor time spent
/// in the kernel gone. An idle `watch` or `serve` still returns it.
const KEEP_FREED_MS: std::ffi::c_long = 10_000;

#[expect(unsafe_code, reason = "mimalloc's options have no safe setter")]
fn keep_freed_memory_for_reuse() {
    // SAFETY: `mi_option_set` only stores an integer option; it is called
    // once, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, KEEP_FREED_MS) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option set is mimalloc's purge delay: a test process starts with
    /// its default, mimalloc 3's one second, at [`PURGE_DELAY`] (a
    /// mimalloc that renumbered its options would fail here, not slow down
    /// unnoticed), and the setting takes.
    #[test]
    #[expect(unsafe_code, reason = "mimalloc's options have no safe getter")]
    fn the_option_set_is_the_purge_delay() {
        // SAFETY: reading an integer option.
        let default = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(default, 1000);
        keep_freed_memory_for_reuse();
        // SAFETY: as above.
        let now = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(now, KEEP_FREED_MS);
    }
}
