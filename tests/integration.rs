//! The integration tests: one binary, a module per area. See tests/README.md.

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

mod adversarial;
mod anon_bench;
mod architecture;
mod browser;
mod cli;
mod disguise;
mod docs;
mod documents;
mod fuzz;
mod hostile;
mod injection;
mod introductions;
mod invalid;
mod jobs;
mod outcomes;
mod properties;
mod publish;
mod refusals;
mod review;
mod rewrites;
mod robustness;
mod samples;
mod schema;
mod site_archive;
mod site_pages;
mod site_text;
mod util;
mod verifier;
mod watch;
