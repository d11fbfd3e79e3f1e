//! Shared fixtures: one engine per test process, the samples, extractors.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use redress::case::Case;
use redress::pipeline::Engine;
use redress::render::Templates;

/// The engine (templates, fonts, typst library), built once.
pub fn engine() -> &'static Engine {
    static ENGINE: LazyLock<Engine> =
        LazyLock::new(|| Engine::new(Templates::bundled().expect("bundled templates load")));
    &ENGINE
}

/// The project root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A file in `../shared` (CI checks the project out with it beside).
pub fn shared(path: &str) -> PathBuf {
    let p = root().join("..").join("shared").join(path);
    assert!(
        p.exists(),
        "`../shared/{path}` is missing: the tests expect ../shared beside the project"
    );
    p
}

/// Every sample case file, sorted.
pub fn samples() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .expect("samples/ exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no samples found");
    out
}

/// A sample's file stem, for snapshot names.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("a file name")
        .to_string()
}

/// Loads a case that must be valid, showing its diagnostics otherwise.
pub fn load(path: &Path) -> Case {
    let loaded = engine().load(path).expect("readable");
    let shown = redress::diag::render_plain(
        &loaded.file,
        &loaded.diagnostics,
        redress::diag::Format::Human,
    );
    loaded
        .case
        .unwrap_or_else(|| panic!("{} does not load:\n{shown}", path.display()))
}

/// The text of a PDF by poppler's `pdftotext -raw`: an extractor
/// independent of lopdf (installed by .ci/run).
/// The complainant's family name: what a leak would show first.
pub fn complainant_surname(case: &Case) -> String {
    let name = &case
        .complainant()
        .expect("every sample has a complainant")
        .name;
    name.split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string()
}

pub fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is required by the tests: .ci/run installs it");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8(out.stdout).expect("pdftotext prints UTF-8")
}

/// Every sample rendered once per test process: (case, folder of its files).
pub fn rendered() -> &'static [(redress::case::Case, std::path::PathBuf)] {
    static RENDERED: LazyLock<(tempfile::TempDir, Vec<(Case, PathBuf)>)> = LazyLock::new(|| {
        let out = tempdir();
        let cases = samples()
            .iter()
            .map(|path| {
                let case = load(path);
                let report = engine()
                    .render_case(
                        &case,
                        out.path(),
                        redress::pipeline::RenderOptions::default(),
                    )
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                (case, report.dir)
            })
            .collect();
        (out, cases)
    });
    &RENDERED.1
}

/// The normalised text of a rendered sample's file, by poppler.
pub fn text_of(reference: &str, file: &str) -> String {
    let (_, dir) = rendered()
        .iter()
        .find(|(c, _)| c.case.reference == reference)
        .unwrap_or_else(|| panic!("no sample with reference {reference}"));
    redress::verify::normalise(&pdftotext(&dir.join(file)))
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}
