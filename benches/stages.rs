//! Criterion benchmarks of the in-process stages, one sample document each.
//! `cargo bench` runs them; `redress bench` measures whole runs.

#![allow(clippy::unwrap_used, reason = "a failed unwrap stops the bench")]
#![allow(missing_docs, reason = "`criterion_group!` makes a `pub fn`")]

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use redress::anonymise;
use redress::pipeline::Engine;
use redress::render::Templates;
use redress::typeset::PdfSettings;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stages(c: &mut Criterion) {
    let engine = Engine::new(Templates::bundled().expect("bundled templates"));
    let case = engine
        .load(&root().join("samples/s01-hospital-discharge.toml"))
        .expect("readable")
        .case
        .expect("valid");

    // Anonymisation on the anon-bench text (1,476 words), listed and
    // detector passes; the identifiers are compiled once per case.
    let bench_case = engine
        .load(&root().join("tests/fixtures/anon-bench.toml"))
        .unwrap()
        .case
        .unwrap();
    let text = std::fs::read_to_string(root().join("tests/fixtures/anon-bench/complaint.txt"))
        .unwrap_or_else(|_| case.investigation.what_happened.repeat(4));
    let (_, ids) = engine.identifiers(&bench_case);
    c.bench_function("anonymise/text (anon-bench, steady state)", |b| {
        b.iter(|| anonymise::anonymise_text(&text, &ids))
    });
    c.bench_function("anonymise/compile identifiers (one case)", |b| {
        b.iter(|| engine.identifiers(&bench_case))
    });
    c.bench_function("anonymise/whole case (S01)", |b| {
        let (_, ids) = engine.identifiers(&case);
        b.iter(|| anonymise::anonymise(&case, &ids))
    });

    c.bench_function("load/parse and validate (S01)", |b| {
        b.iter(|| {
            engine
                .load(&root().join("samples/s01-hospital-discharge.toml"))
                .unwrap()
        })
    });

    let sources = engine.sources(&case).expect("renders");
    let (decision, _) = &sources[0];
    c.bench_function(
        "render/minijinja (all S01 sources, with anonymisation)",
        |b| b.iter(|| engine.sources(&case).unwrap()),
    );

    let settings = PdfSettings {
        date: case.case.decision_date.into(),
        ident: "bench".into(),
    };
    let mut group = c.benchmark_group("typeset");
    group.sample_size(20);
    group.bench_function("typst compile + export (S01 decision, from scratch)", |b| {
        b.iter_batched(
            redress::typeset::forget_caches,
            |()| engine.typesetter().typeset(decision, &settings).unwrap(),
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();

    let pdf = engine
        .typesetter()
        .typeset(decision, &settings)
        .unwrap()
        .pdf;
    // What the pipeline runs: the verifier's needles and the anonymiser's
    // leak check over the same extracted text.
    let checks = engine.checks(&case);
    c.bench_function("verify/lopdf (S01 redacted decision)", |b| {
        b.iter(|| checks.verify(&pdf))
    });
    c.bench_function("verify/needles only (S01 redacted decision)", |b| {
        b.iter(|| redress::verify::verify(&pdf, &checks.needles, &[]))
    });
    c.bench_function("verify/build needles (one case)", |b| {
        b.iter(|| redress::verify::Needles::new(&case))
    });
}

criterion_group!(benches, stages);

fn verify_parts(c: &mut Criterion) {
    let engine = Engine::new(Templates::bundled().expect("bundled templates"));
    let case = engine
        .load(&root().join("samples/s01-hospital-discharge.toml"))
        .unwrap()
        .case
        .unwrap();
    let sources = engine.sources(&case).unwrap();
    let settings = PdfSettings {
        date: case.case.decision_date.into(),
        ident: "bench".into(),
    };
    let pdf = engine
        .typesetter()
        .typeset(&sources[0].0, &settings)
        .unwrap()
        .pdf;
    c.bench_function("verify-part/load_mem", |b| {
        b.iter(|| lopdf::Document::load_mem(&pdf).unwrap())
    });
    c.bench_function("verify-part/read (every text, nothing searched)", |b| {
        b.iter(|| redress::verify::read(&pdf, redress::verify::Limits::default()))
    });
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    c.bench_function("verify-part/page texts", |b| {
        b.iter(|| redress::verify::page_texts(&doc).unwrap())
    });
    let pages = doc.get_pages();
    let all: Vec<u32> = pages.keys().copied().collect();
    c.bench_function("verify-part/extract all at once", |b| {
        b.iter(|| doc.extract_text(&all).unwrap())
    });
    let text = redress::verify::page_texts(&doc).unwrap().join("\n");
    let (_, ids) = engine.identifiers(&case);
    c.bench_function("verify-part/leaks on text", |b| b.iter(|| ids.leaks(&text)));
    let needles = redress::verify::Needles::new(&case);
    c.bench_function("verify-part/needles on text", |b| {
        b.iter(|| needles.find(&text))
    });
}

criterion_group!(parts, verify_parts);
criterion_main!(benches, parts);
