//! The integration tests: one binary, a module per area. See tests/README.md.

mod anon_bench;
mod browser;
mod cli;
mod documents;
mod fuzz;
mod injection;
mod invalid;
mod properties;
mod publish;
mod robustness;
mod samples;
mod site_pages;
mod site_text;
mod util;
