//! The integration tests: one binary, a module per area. See tests/README.md.

mod anon_bench;
mod browser;
mod cli;
mod documents;
mod injection;
mod invalid;
mod properties;
mod publish;
mod samples;
mod site_pages;
mod util;
