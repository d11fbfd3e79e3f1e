//! Shared fixtures: one engine per test process, the samples, extractors.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use redress::case::Case;
use redress::pipeline::Engine;
use redress::render::Templates;

/// The property tests' configuration: `cases` cases from a fixed seed, so
/// that every run tries the same inputs (`PROPTEST_RNG_SEED=<n>` tries
/// others), and a failure's seed kept beside its test file
/// (`tests/<file>.proptest-regressions`, checked in) and tried first on
/// every later run.
pub fn proptest_config(cases: u32, source_file: &'static str) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, FileFailurePersistence, RngSeed};
    let from_env = Config::default();
    let rng_seed = match from_env.rng_seed {
        RngSeed::Random => RngSeed::Fixed(0x72_65_64_72_65_73_73),
        chosen => chosen,
    };
    Config {
        cases,
        rng_seed,
        source_file: Some(source_file),
        failure_persistence: Some(Box::new(FileFailurePersistence::SourceParallel(
            "proptest-regressions",
        ))),
        ..from_env
    }
}

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
    static RENDERED: LazyLock<(tempfile::TempDir, Vec<(Case, PathBuf)>)> =
        LazyLock::new(|| render_all(&samples()));
    &RENDERED.1
}

/// Renders each case file into one fresh folder: the folder (kept while it
/// lives) and each case with its output folder.
pub fn render_all(paths: &[PathBuf]) -> (tempfile::TempDir, Vec<(Case, PathBuf)>) {
    let out = tempdir();
    let cases = paths
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
}

/// A hazard fixture rendered: the case, the folder of its files, what was
/// held.
pub type RenderedHazard = (Case, PathBuf, Vec<redress::pipeline::Held>);

/// Every hazard fixture rendered once per test process, with `--preview`
/// (each held publication copy written as a marked preview): (case, folder
/// of its files, what was held).
pub fn rendered_hazards() -> &'static [RenderedHazard] {
    static RENDERED: LazyLock<(tempfile::TempDir, Vec<RenderedHazard>)> = LazyLock::new(|| {
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

/// What `REDRESS_SKIP` may name: the tests that need more than a package
/// manager run without root can install, each with what it needs.
pub const SKIPPABLE: [(&str, &str); 2] = [
    (
        "browser",
        "the site's and the live preview's tests in Chromium",
    ),
    (
        "taplo",
        "the editor test with taplo, the engine of Even Better TOML",
    ),
];

/// Whether a test that needs `need` (a name of [`SKIPPABLE`]) runs. It
/// runs when `missing` finds nothing missing; when the user opted out by
/// name (`REDRESS_SKIP=browser,taplo`) it is skipped, said on the terminal
/// at once and counted in a line after the test summary; otherwise it
/// fails, saying what is missing and the command that installs it.
/// `missing` gives, for each thing missing, what it is and how to get it.
pub fn runs(
    need: &'static str,
    test: &str,
    missing: impl FnOnce() -> Vec<(String, String)>,
) -> bool {
    assert!(
        SKIPPABLE.iter().any(|(name, _)| *name == need),
        "`{need}` is not a name REDRESS_SKIP takes"
    );
    if opted_out().contains(&need) {
        skipped(need, test);
        return false;
    }
    let missing = missing();
    if missing.is_empty() {
        return true;
    }
    let what: Vec<&str> = missing.iter().map(|(what, _)| what.as_str()).collect();
    let mut fixes: Vec<&str> = missing.iter().map(|(_, fix)| fix.as_str()).collect();
    fixes.dedup();
    panic!(
        "{test} needs {}, which {} missing.\n  install: {}\n  or run the tests without it: REDRESS_SKIP={need} cargo test --release",
        what.join(", "),
        if what.len() == 1 { "is" } else { "are" },
        fixes.join("\n  then:    "),
    );
}

/// The names in `REDRESS_SKIP`, each checked (a misspelt name would skip
/// nothing and say nothing).
fn opted_out() -> Vec<&'static str> {
    let given = std::env::var("REDRESS_SKIP").unwrap_or_default();
    given
        .split([',', ' '])
        .filter(|name| !name.is_empty())
        .map(|name| {
            SKIPPABLE
                .iter()
                .map(|(known, _)| *known)
                .find(|known| known.eq_ignore_ascii_case(name.trim()))
                .unwrap_or_else(|| {
                    panic!(
                        "REDRESS_SKIP names `{name}`, which is not a test that can be skipped: use {}",
                        SKIPPABLE
                            .iter()
                            .map(|(known, what)| format!("`{known}` ({what})"))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    )
                })
        })
        .collect()
}

/// Records a skipped test: one line now, on the terminal even when the
/// harness captures the test's output, and a count after the summary.
fn skipped(need: &str, test: &str) {
    use std::io::Write;
    static SKIPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test} (REDRESS_SKIP={need}): it counts as passed in the summary below"
    );
    let mut all = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    all.push(test.to_string());
    let line = format!(
        "\nredress: {} skipped at your request (REDRESS_SKIP), counted above as passed: {}\n",
        if all.len() == 1 {
            "1 test was".to_string()
        } else {
            format!("{} tests were", all.len())
        },
        all.join(", ")
    );
    summary::set(line);
}

/// The line printed after the test harness's own summary, when the process
/// exits.
mod summary {
    use std::sync::{Mutex, Once};

    static LINE: Mutex<String> = Mutex::new(String::new());

    #[cfg_attr(unix, expect(unsafe_code, reason = "std has no atexit"))]
    pub fn set(line: String) {
        static REGISTER: Once = Once::new();
        *LINE.lock().unwrap_or_else(|e| e.into_inner()) = line;
        REGISTER.call_once(|| {
            #[cfg(unix)]
            // SAFETY: `print` is an `extern "C"` function with no arguments
            // that neither unwinds nor calls `exit`.
            unsafe {
                libc::atexit(print);
            }
        });
    }

    #[cfg(unix)]
    #[expect(
        unsafe_code,
        reason = "at exit, a plain write(2) rather than std's standard error"
    )]
    extern "C" fn print() {
        let line = match LINE.try_lock() {
            Ok(line) => line.clone(),
            Err(_) => return,
        };
        // SAFETY: writes a valid buffer of its own length to standard error.
        unsafe {
            libc::write(2, line.as_ptr().cast(), line.len());
        }
    }
}

/// What is missing for a test, each with the command that installs it.
pub type Missing = Vec<(String, String)>;

/// `tests/browser/node_modules`, as `tests/browser/package-lock.json` locks
/// it: installed by `npm ci` (no install scripts, no browser download) on
/// first use when a package is missing or not at its locked version, once
/// per process and one process at a time. `Err` says what is missing and
/// how to install it.
pub fn node_packages() -> Result<PathBuf, Missing> {
    static INSTALLED: std::sync::Mutex<Option<Result<PathBuf, Missing>>> =
        std::sync::Mutex::new(None);
    let mut installed = INSTALLED.lock().unwrap_or_else(|e| e.into_inner());
    installed.get_or_insert_with(install_node_packages).clone()
}

/// The command that installs the tests' npm packages by hand.
pub const NPM_CI: &str = "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --prefix tests/browser";

fn install_node_packages() -> Result<PathBuf, Missing> {
    let dir = root().join("tests/browser");
    let modules = dir.join("node_modules");
    if locked_versions_installed(&dir) {
        return Ok(modules);
    }
    if Command::new("npm").arg("--version").output().is_err() {
        return Err(vec![(
            "npm (with Node.js), to install the packages in tests/browser".into(),
            "sudo apt-get install nodejs npm (macOS: brew install node)".into(),
        )]);
    }
    // One process at a time: another test binary may be installing.
    let lock = std::fs::File::create(Path::new(env!("CARGO_TARGET_TMPDIR")).join("npm-ci.lock"))
        .expect("a lock file in the target folder");
    let _ = lock.lock();
    if locked_versions_installed(&dir) {
        return Ok(modules);
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "installing the tests' npm packages into tests/browser/node_modules (npm ci, as locked) …"
    );
    let output = Command::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--prefix",
        ])
        .arg(&dir)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .output()
        .expect("npm runs");
    drop(lock);
    if output.status.success() && locked_versions_installed(&dir) {
        return Ok(modules);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
    Err(vec![(
        format!(
            "the npm packages of tests/browser (npm ci failed: {})",
            tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
        ),
        NPM_CI.into(),
    )])
}

/// Whether every package `package-lock.json` locks is in `node_modules` at
/// its locked version.
fn locked_versions_installed(dir: &Path) -> bool {
    let read = |path: PathBuf| -> Option<serde_json::Value> {
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
    };
    let Some(lock) = read(dir.join("package-lock.json")) else {
        return false;
    };
    let Some(packages) = lock["packages"].as_object() else {
        return false;
    };
    packages
        .iter()
        .filter(|(path, _)| path.starts_with("node_modules/"))
        .all(|(path, locked)| {
            read(dir.join(path).join("package.json"))
                .is_some_and(|installed| installed["version"] == locked["version"])
        })
}

/// A case with one person whose given name (or family name) is `word`.
pub fn case_with_word(word: &str, given: bool) -> Case {
    let name = if given {
        format!("{word} Pargeter")
    } else {
        format!("Harriet {word}")
    };
    case_named(&name)
}

/// A minimal valid case whose complainant, Mrs X, is called `name`.
pub fn case_named(name: &str) -> Case {
    case_with_people(&format!(
        r#"
[[people]]
id = "p"
name = "{name}"
title = "Mrs"
role = "complainant"
label = "Mrs X"
"#
    ))
}

/// A minimal valid case with `people` (TOML `[[people]]` tables).
pub fn case_with_people(people: &str) -> Case {
    let toml = format!(
        r#"
[case]
reference = "25 001 043"
jurisdiction = "lgsco"
decision_date = 2025-06-17
investigator = {{ name = "Aisha Thorne" }}
summary = "x"

{people}
[[bodies]]
id = "council"
name = "Kingsley Vale Council"
short_name = "the Council"
kind = "council"
reference = "25 001 043"

[complaint]
injustice = "x"
points = [{{ body = "council", text = "x" }}]

[outcome]
decision = "upheld"
"#
    );
    let loaded = redress::case::load_str("word.toml", &toml, &redress::case::Coverage::all());
    loaded
        .case
        .unwrap_or_else(|| panic!("{people}: {:?}", loaded.diagnostics))
}
