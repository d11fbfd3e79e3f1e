//! The integration tests: one binary, a module per area. See tests/README.md.

mod anon_bench;
mod cli;
mod documents;
mod hostile;
mod injection;
mod invalid;
mod properties;
mod samples;
mod util;
