//! The integration tests: one binary, a module per area. See tests/README.md.

mod adversarial;
mod anon_bench;
mod cli;
mod disguise;
mod documents;
mod fuzz;
mod injection;
mod invalid;
mod properties;
mod review;
mod robustness;
mod samples;
mod util;
mod verifier;
