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

/// A file of the anonymiser's bench, kept in `tests/fixtures/anon-bench`.
pub fn anon_bench(file: &str) -> PathBuf {
    root().join("tests/fixtures/anon-bench").join(file)
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

/// Every hazard fixture (`tests/fixtures/hazards/`): the samples as first
/// written, with what an office never publishes left in their prose.
pub fn hazards() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/hazards"))
        .expect("tests/fixtures/hazards/ exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no hazard fixtures found");
    out
}

/// A hazard fixture by its file stem.
pub fn hazard(stem: &str) -> PathBuf {
    root().join(format!("tests/fixtures/hazards/{stem}.toml"))
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

/// Runs a program the tests need from the system, failing with how to
/// install it when it is missing (rather than an error deep in a test).
pub fn system_tool(program: &str, package: &str) -> Command {
    static CHECKED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let mut checked = CHECKED.lock().unwrap_or_else(|e| e.into_inner());
    if !checked.iter().any(|p| p == program) {
        let found = Command::new(program)
            .arg("--version")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok();
        assert!(
            found,
            "`{program}` is not installed, and the tests need it: install {package} \
             (Debian and Ubuntu: `sudo apt-get install {package}`; macOS: `brew install {brew}`), \
             or run `.ci/run`, which installs it",
            brew = if package == "poppler-utils" {
                "poppler"
            } else {
                package
            },
        );
        checked.push(program.to_string());
    }
    Command::new(program)
}

/// The text of a PDF by poppler's `pdftotext -raw`: an extractor
/// independent of lopdf (poppler-utils; `.ci/run` installs it).
pub fn pdftotext(pdf: &Path) -> String {
    let out = system_tool("pdftotext", "poppler-utils")
        .arg("-raw")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
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

/// Every hazard fixture rendered once per test process, with `--preview`
/// (each held publication copy written as a marked preview): (case, folder
/// of its files, what was held).
pub fn rendered_hazards() -> &'static [(Case, PathBuf, Vec<redress::pipeline::Held>)] {
    static RENDERED: LazyLock<(
        tempfile::TempDir,
        Vec<(Case, PathBuf, Vec<redress::pipeline::Held>)>,
    )> = LazyLock::new(|| {
        let out = tempdir();
        let options = redress::pipeline::RenderOptions {
            preview: true,
            ..redress::pipeline::RenderOptions::default()
        };
        let cases = hazards()
            .iter()
            .map(|path| {
                let case = load(path);
                let report = engine()
                    .render_case(&case, out.path(), options)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                (case, report.dir, report.held)
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
