//! Fuzzing on stable Rust: every entry point that reads what someone else
//! wrote, fed arbitrary bytes and structure-aware mutations of real inputs.
//!
//! | target | what it runs | fed |
//! | --- | --- | --- |
//! | `load-toml`, `load-json` | the case loader and validator; the diagnostics rendered; for a case that loads, its plan and the Typst source of every document | the samples, and the samples as JSON |
//! | `anonymise` | `anonymise::anonymise_text` with the anon-bench case's identifiers | the bench text and the samples' prose, with identifiers dressed up |
//! | `scan-text` | the PDF page-text scanner | redacted PDFs of the samples, compressed and not |
//! | `verify` | the verifier, on a sample's identifiers | the same PDFs |
//!
//! Each input must not panic, and the answers must hold together (ranges
//! inside the text, arbitrary bytes never "clean").
//!
//! `cargo test fuzz` runs a bounded number of inputs per target (proptest)
//! and replays every input saved in `tests/fixtures/fuzz/<target>/`. For a
//! longer run (time in seconds; a seed to repeat one):
//!
//! ```sh
//! REDRESS_FUZZ_SECONDS=600 cargo test --release fuzz_for_a_while -- --ignored --nocapture
//! ```
//!
//! It prints how many inputs each target ran, and saves each input that
//! panicked, or took longer than [`SLOW`], to `tests/fixtures/fuzz/<target>/`,
//! where it becomes a regression fixture (commit it with the fix).

mod mutate;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use redress::anonymise::{self, Identifiers};
use redress::case::load_bytes;
use redress::diag::{Format, render_plain};

use crate::util::{engine, load, rendered, root, samples};

/// The fuzz targets, by name.
const TARGETS: [&str; 5] = ["load-toml", "load-json", "anonymise", "scan-text", "verify"];

/// Runs one input through a target. Returns a short description of the
/// outcome (which diagnostics, how many pages…): an input with an outcome
/// not seen before is kept for further mutation in the long run.
fn run(target: &str, input: &[u8]) -> String {
    match target {
        "load-toml" => load_case("case.toml", input),
        "load-json" => load_case("case.json", input),
        "anonymise" => anonymise_text(&String::from_utf8_lossy(input)),
        "scan-text" => scan_text(input),
        "verify" => verify_pdf(input).1,
        _ => unreachable!("no target `{target}`"),
    }
}

fn load_case(name: &str, input: &[u8]) -> String {
    let mut loaded = load_bytes(Path::new(name), input, engine().coverage());
    // The plan's checks, which the pipeline runs straight after loading.
    redress::lint::check_plan(&mut loaded);
    for d in &loaded.diagnostics {
        if let Some(r) = &d.range {
            assert!(r.start <= r.end, "{}: backwards range {r:?}", d.code);
            assert!(
                r.end <= loaded.file.text.len() + 1,
                "{}: range {r:?} past the end",
                d.code
            );
        }
    }
    render_plain(&loaded.file, &loaded.diagnostics, Format::Human);
    render_plain(&loaded.file, &loaded.diagnostics, Format::Json);
    let mut codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    codes.dedup();
    if let Some(case) = &loaded.case {
        // What render computes from a case that passed `check`: dates,
        // deadlines, labels, every template.
        redress::plan::plan(case, engine().templates().rules().plan_words());
        let _ = engine().sources(case);
        codes.push("valid");
    }
    codes.join(",")
}

/// The anon-bench case's identifiers, and every value they are made from.
static BENCH: LazyLock<(Identifiers, Vec<String>)> = LazyLock::new(|| {
    let case = load(&root().join("tests/fixtures/anon-bench.toml"));
    (anonymise::identifiers(&case), people_values(&case))
});

/// Every string under `people` of a case: the values a text may mention.
fn people_values(case: &redress::case::Case) -> Vec<String> {
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    strings(
        &serde_json::to_value(&case.people).expect("serialises"),
        &mut out,
    );
    out
}

fn anonymise_text(text: &str) -> String {
    let (redacted, hits) = anonymise::anonymise_text(text, &BENCH.0);
    for hit in &hits {
        let r = &hit.range;
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "hit {r:?} outside a text of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "hit {r:?} splits a character"
        );
    }
    let mut categories: Vec<String> = hits.iter().map(|h| format!("{:?}", h.category)).collect();
    categories.sort();
    categories.dedup();
    format!("{} {}", categories.join(","), redacted.len() > text.len())
}

fn scan_text(pdf: &[u8]) -> String {
    match lopdf::Document::load_mem(pdf) {
        Ok(doc) => match redress::verify::page_texts(&doc) {
            Ok(pages) => format!("{} pages", pages.len()),
            Err(e) => format!("no text: {}", without_digits(&e)),
        },
        Err(e) => format!("unreadable: {}", without_digits(&e.to_string())),
    }
}

/// The checks a PDF is verified against: the first sample's, both readings.
static SAMPLE_CHECKS: LazyLock<redress::pipeline::Checks> = LazyLock::new(|| {
    let case = load(&samples()[0]);
    crate::util::engine().checks(&case)
});

/// The one place the verifier is called (its signature may change): whether
/// the PDF is clean, and what the report says.
fn verify_pdf(pdf: &[u8]) -> (bool, String) {
    let report = SAMPLE_CHECKS.verify(pdf);
    (report.is_clean(), without_digits(&report.describe()))
}

fn without_digits(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_ascii_digit())
        .take(200)
        .collect()
}

/// Each target's name with the inputs its mutations start from.
type Seeds = Vec<(&'static str, Vec<Vec<u8>>)>;

/// The inputs each target's mutations start from.
fn seeds(target: &str) -> &'static [Vec<u8>] {
    static SEEDS: LazyLock<Seeds> = LazyLock::new(|| {
        let tomls: Vec<Vec<u8>> = samples()
            .iter()
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        let jsons = samples()
            .iter()
            .map(|p| serde_json::to_vec_pretty(&load(p)).expect("a case serialises"))
            .collect();
        let mut texts =
            vec![std::fs::read(root().join("tests/fixtures/anon-bench/complaint.txt")).unwrap()];
        texts.extend(samples().iter().map(|p| {
            let case = load(p);
            format!(
                "{}\n\n{}",
                case.investigation.what_happened, case.complaint.injustice
            )
            .into_bytes()
        }));
        let pdfs = sample_pdfs();
        vec![
            ("load-toml", tomls),
            ("load-json", jsons),
            ("anonymise", texts),
            ("scan-text", pdfs.clone()),
            ("verify", pdfs),
        ]
    });
    &SEEDS
        .iter()
        .find(|(t, _)| *t == target)
        .expect("a target")
        .1
}

/// Redacted PDFs of three samples, each also uncompressed (so that
/// mutations reach the content streams' operators).
fn sample_pdfs() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (_, dir) in rendered().iter().take(3) {
        for file in ["decision.redacted.pdf", "letter-complainant.redacted.pdf"] {
            let Ok(pdf) = std::fs::read(dir.join(file)) else {
                continue;
            };
            let mut doc = lopdf::Document::load_mem(&pdf).expect("a rendered PDF loads");
            doc.decompress();
            let mut plain = Vec::new();
            doc.save_to(&mut plain).expect("saves");
            out.extend([pdf, plain]);
        }
    }
    assert!(!out.is_empty());
    out
}

/// A mutation of one of `target`'s seeds, from `seed`.
fn mutant(target: &str, rng: &mut fastrand::Rng, from: &[u8]) -> Vec<u8> {
    match target {
        "load-toml" => mutate::toml(rng, from),
        "load-json" => mutate::json(rng, from),
        "anonymise" => mutate::text(rng, &String::from_utf8_lossy(from), &BENCH.1).into_bytes(),
        _ => mutate::pdf(rng, from),
    }
}

fn mutated(target: &str, seed: u64) -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let seeds = seeds(target);
    let from = &seeds[rng.usize(..seeds.len())];
    mutant(target, &mut rng, from)
}

fn config(cases: u32) -> ProptestConfig {
    crate::util::proptest_config(cases, file!())
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn fuzz_loaders_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        run("load-toml", &bytes);
        run("load-json", &bytes);
    }

    #[test]
    fn fuzz_loaders_on_mutated_samples(seed in any::<u64>()) {
        run("load-toml", &mutated("load-toml", seed));
        run("load-json", &mutated("load-json", seed));
    }

    #[test]
    fn fuzz_anonymiser_on_arbitrary_text(text in any::<String>()) {
        run("anonymise", text.as_bytes());
    }

    #[test]
    fn fuzz_anonymiser_on_mutated_texts(seed in any::<u64>()) {
        run("anonymise", &mutated("anonymise", seed));
    }

    #[test]
    fn fuzz_pdf_readers_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        run("scan-text", &bytes);
        let (clean, report) = verify_pdf(&bytes);
        prop_assert!(!clean, "arbitrary bytes verified clean: {report}");
    }
}

proptest! {
    // A PDF takes longer to read than a case file: fewer of them.
    #![proptest_config(config(24))]

    #[test]
    fn fuzz_pdf_readers_on_mutated_pdfs(seed in any::<u64>()) {
        let pdf = mutated("verify", seed);
        run("scan-text", &pdf);
        run("verify", &pdf);
    }
}

/// Where the inputs that once crashed a target are kept.
fn regressions(target: &str) -> PathBuf {
    root().join("tests/fixtures/fuzz").join(target)
}

#[test]
fn fuzz_regressions_replay() {
    let mut replayed = 0;
    for target in TARGETS {
        let Ok(entries) = std::fs::read_dir(regressions(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let input = std::fs::read(&path).unwrap();
            if let Err(panic) = redress::batch::isolate(|| run(target, &input)) {
                panic!("{}: {panic}", path.display());
            }
            replayed += 1;
        }
    }
    assert!(
        replayed > 0,
        "tests/fixtures/fuzz holds the inputs that once crashed"
    );
}

/// An input that takes longer than this is a finding of the long run, like
/// a crash: nothing a person or a case system writes should take seconds.
const SLOW: Duration = Duration::from_secs(10);

/// What a long run found for one target.
#[derive(Default)]
struct Tally {
    inputs: u64,
    crashes: Vec<String>,
    slow: usize,
    corpus: Vec<Vec<u8>>,
    slowest: Duration,
}

/// The long run: every target in turn until the time is up, each input a
/// mutation of a seed or of an earlier input with an outcome not seen
/// before, or (one in ten) arbitrary bytes.
#[test]
#[ignore = "runs for REDRESS_FUZZ_SECONDS (default 60): cargo test fuzz_for_a_while -- --ignored"]
fn fuzz_for_a_while() {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let seconds = env("REDRESS_FUZZ_SECONDS").unwrap_or(60);
    let seed = env("REDRESS_FUZZ_SEED").unwrap_or_else(|| fastrand::u64(..));
    println!("fuzzing for {seconds} s with REDRESS_FUZZ_SEED={seed}");
    let mut rng = fastrand::Rng::with_seed(seed);
    // The input being run, on disk: if it aborts the process (a stack
    // overflow cannot be caught), it is there to see.
    let current = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-current-input");
    let mut tallies: Vec<Tally> = TARGETS
        .iter()
        .map(|t| Tally {
            corpus: seeds(t).to_vec(),
            ..Tally::default()
        })
        .collect();
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    let started = Instant::now();
    let mut round = 0usize;
    while started.elapsed() < Duration::from_secs(seconds) {
        let t = round % TARGETS.len();
        round += 1;
        let (target, tally) = (TARGETS[t], &mut tallies[t]);
        let input = if rng.u8(0..10) == 0 {
            (0..rng.usize(0..4096)).map(|_| rng.u8(..)).collect()
        } else {
            let from = &tally.corpus[rng.usize(..tally.corpus.len())];
            mutant(target, &mut rng, from)
        };
        let _ = std::fs::write(&current, &input);
        let began = Instant::now();
        let outcome = redress::batch::isolate(|| run(target, &input));
        let took = began.elapsed();
        tally.slowest = tally.slowest.max(took);
        tally.inputs += 1;
        if took > SLOW {
            let path = save_finding(target, "slow", &input);
            println!(
                "SLOW {target}: {:.1} s\n  input saved to {}",
                took.as_secs_f64(),
                path.display()
            );
            tally.slow += 1;
        }
        match outcome {
            Ok(outcome) => {
                if seen.insert((t, outcome)) && tally.corpus.len() < 2000 {
                    tally.corpus.push(input);
                }
            }
            Err(panic) => {
                let path = save_finding(target, "crash", &input);
                println!(
                    "CRASH {target}: {panic}\n  input saved to {}",
                    path.display()
                );
                tally.crashes.push(panic);
            }
        }
    }
    println!(
        "| target | inputs | crashes | over {} s | distinct outcomes kept | slowest input |",
        SLOW.as_secs()
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    for (target, tally) in TARGETS.iter().zip(&tallies) {
        println!(
            "| {target} | {} | {} | {} | {} | {:.0} ms |",
            tally.inputs,
            tally.crashes.len(),
            tally.slow,
            tally.corpus.len(),
            tally.slowest.as_secs_f64() * 1000.0
        );
    }
    let total: u64 = tallies.iter().map(|t| t.inputs).sum();
    let crashes: usize = tallies.iter().map(|t| t.crashes.len()).sum();
    let slow: usize = tallies.iter().map(|t| t.slow).sum();
    println!(
        "{total} inputs in {:.0} s, {crashes} crashes, {slow} over {} s (REDRESS_FUZZ_SEED={seed})",
        started.elapsed().as_secs_f64(),
        SLOW.as_secs()
    );
    assert_eq!(
        crashes + slow,
        0,
        "the inputs are saved under tests/fixtures/fuzz/"
    );
}

/// Saves an input that crashed a target or took too long as a regression
/// fixture, named by what it did and its hash.
fn save_finding(target: &str, what: &str, input: &[u8]) -> PathBuf {
    let dir = regressions(target);
    let _ = std::fs::create_dir_all(&dir);
    let hash = redress::pipeline::sha256_hex(input);
    let path = dir.join(format!("{what}-{}", &hash[..16]));
    let _ = std::fs::write(&path, input);
    path
}
