//! redress turns the facts of an ombudsman complaint into finished,
//! publishable documents: a redacted (publication) and an unredacted
//! (internal) PDF of every document the case calls for, the redacted ones
//! verified clean of every listed identifier.
//!
//! # The pipeline
//!
//! | stage | module | produces |
//! | --- | --- | --- |
//! | load + validate | [`case`] | [`case::Case`], or diagnostics with file:line:col and a hint |
//! | anonymise | [`anonymise`] | [`anonymise::AnonymisedCase`] + [`anonymise::Redactions`] |
//! | plan | [`plan`] | [`plan::DocumentPlan`]s: which documents, for whom, under which powers; the publication decision |
//! | lint | [`lint`] | the plan's checks and the warnings about what anonymisation will do, at load |
//! | render | [`render`] | [`typeset::TypstSource`] per document and variant (minijinja) |
//! | typeset | [`typeset`] | PDF bytes (typst, in-process, deterministic) |
//! | verify | [`verify`] (reading with [`pdf`]) | [`verify::VerifyReport`]: the verifier's own [`verify::Needles`] and the anonymiser's check both search it; a leak means the file is not written |
//! | review + hold | [`review`], [`review::holds`] | the review sheet (each changed sentence beside its published one, by the anonymiser's offsets); the publication copies held back because they print a placeholder or a finding nobody accepted |
//! | write | [`pipeline`] | files, `redactions.json`, `review.json`, `manifest.json` |
//! | publish | [`publish`] | the publication decision; the website: records, accessible HTML, feed |
//!
//! [`batch`] runs many cases on worker threads ([`workers`]); [`watch`] re-renders one case
//! on every save and [`serve`] shows it as a live preview; [`cli`] is the
//! command line.
//!
//! Every import points down this order: a stage may use the stages before
//! it and the leaves every stage shares ([`diag`], [`ids`], [`digest`],
//! [`workers`], the staged-folder writer, [`typeset`]), never a later one;
//! no two modules import each other, round a loop or directly; no source
//! file is longer than 600 lines. `tests/architecture.rs` holds the order
//! and checks all three.
//!
//! ```no_run
//! use redress::pipeline::{Engine, RenderOptions};
//! use redress::render::Templates;
//! let engine = Engine::new(Templates::bundled().unwrap());
//! let loaded = engine.load("samples/s01-hospital-discharge.toml".as_ref()).unwrap();
//! let case = loaded.case.as_ref().unwrap();
//! let report = engine.render_case(case, "out".as_ref(), RenderOptions::default()).unwrap();
//! println!("{} documents", report.documents.len());
//! ```

pub mod anonymise;
pub mod batch;
pub mod bench;
pub mod calendar;
pub mod case;
pub mod cli;
pub mod corpus;
pub mod diag;
pub mod digest;
pub mod ids;
pub mod lint;
pub mod pdf;
pub mod pipeline;
pub mod plan;
pub mod publish;
pub mod render;
pub mod review;
pub mod serve;
mod staged;
pub mod typeset;
pub mod verify;
pub mod watch;
pub mod workers;
