//! No panic reaches the user, and nothing corrupts the output: a panicking
//! case fails alone, case folders are replaced whole (nothing stale, nothing
//! written through a link, nothing outside `-o`), duplicate references stop
//! a batch before it renders, dates and nesting are bounded at `check`, and
//! a closed pipe ends a command quietly.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use redress::case::{Coverage, load_bytes, load_str};
use redress::pipeline::{TEST_PANIC_ENV, case_dir_name};

use crate::util::{load, root, samples, tempdir};

fn redress() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
    cmd.current_dir(root()).env_clear();
    cmd
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file in a folder, with its bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

fn names(dir: &Path) -> Vec<String> {
    contents(dir).into_keys().collect()
}

/// The folder a sample's documents go to under `out`.
fn case_dir(out: &Path, sample: &Path) -> PathBuf {
    out.join(case_dir_name(&load(sample).case.reference))
}

fn render(paths: &[&Path], out: &Path, extra: &[&str]) -> std::process::Output {
    redress()
        .arg("render")
        .args(paths)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn a_panicking_case_fails_alone_and_leaves_its_folder_as_it_was() {
    let out = tempdir();
    let (first, second) = (&samples()[0], &samples()[1]);
    assert!(render(&[first], out.path(), &[]).status.success());
    let dir = case_dir(out.path(), first);
    let before = contents(&dir);
    for jobs in ["1", "2"] {
        let output = redress()
            .arg("render")
            .args([first, second])
            .arg("-o")
            .arg(out.path())
            .args(["-j", jobs])
            .env(TEST_PANIC_ENV, load(first).case.reference)
            .output()
            .unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "-j {jobs}: {err}");
        assert!(err.contains("internal error"), "{err}");
        assert!(err.contains("rendered 1 case of 2 cases"), "{err}");
        assert!(
            !err.contains("panicked at"),
            "the panic is reported, not printed: {err}"
        );
        assert_eq!(
            contents(&dir),
            before,
            "-j {jobs}: the old folder is untouched"
        );
        assert!(case_dir(out.path(), second).join("manifest.json").exists());
        // No staging folder is left beside the case folders.
        assert_eq!(names(out.path()).len(), 2, "{:?}", names(out.path()));
    }
}

#[test]
fn a_case_folder_holds_exactly_what_its_manifest_lists() {
    let out = tempdir();
    let sample = &samples()[0];
    assert!(render(&[sample], out.path(), &[]).status.success());
    let dir = case_dir(out.path(), sample);
    // Files an earlier render (or an older redress) left behind.
    std::fs::write(dir.join("letter-old-body.redacted.pdf"), b"stale").unwrap();
    std::fs::write(dir.join("decision.typ"), b"stale").unwrap();
    std::fs::write(dir.join("decision.redacted.pdf"), b"tampered").unwrap();
    let output = render(&[sample], out.path(), &["--emit-typst"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let mut listed: Vec<String> = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    for extra in ["redactions", "review"] {
        let file = manifest[extra]["file"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        assert_eq!(
            manifest[extra]["sha256"],
            redress::pipeline::sha256_hex(&bytes)
        );
        listed.push(file.to_string());
    }
    listed.push("manifest.json".into());
    listed.sort();
    assert_eq!(names(&dir), listed);
    assert_ne!(
        std::fs::read(dir.join("decision.redacted.pdf")).unwrap(),
        b"tampered"
    );
    // The Typst sources go beside the case folder, not into it.
    let typst = out.path().join(format!(
        "{}.typst",
        dir.file_name().unwrap().to_string_lossy()
    ));
    let sources = names(&typst);
    assert!(
        sources.iter().any(|n| n.starts_with("decision")),
        "{sources:?}"
    );
    assert!(sources.iter().all(|n| n.ends_with(".typ")), "{sources:?}");
    assert_eq!(names(out.path()).len(), 2);
}

#[cfg(unix)]
#[test]
fn nothing_is_written_through_a_link() {
    let out = tempdir();
    let elsewhere = tempdir();
    let victim = elsewhere.path().join("victim.pdf");
    std::fs::write(&victim, b"precious").unwrap();
    let sample = &samples()[0];
    assert!(render(&[sample], out.path(), &[]).status.success());
    let dir = case_dir(out.path(), sample);
    // A link planted at a document's name in the case folder …
    let planted = dir.join("decision.redacted.pdf");
    std::fs::remove_file(&planted).unwrap();
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let output = render(&[sample], out.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("did not write"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert!(planted.symlink_metadata().unwrap().file_type().is_symlink());
    // … and a link in the case folder's own place.
    std::fs::remove_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), &dir).unwrap();
    let output = render(&[sample], out.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("link"), "{}", stderr(&output));
    assert_eq!(names(elsewhere.path()), ["victim.pdf"]);
}

#[test]
fn duplicate_references_stop_a_batch_before_anything_renders() {
    let out = tempdir();
    let inputs = tempdir();
    let sample = &samples()[0];
    let copy = inputs.path().join("typed-twice.toml");
    std::fs::copy(sample, &copy).unwrap();
    let output = render(&[&samples()[1], sample, &copy], out.path(), &["-j", "2"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("duplicate-reference"), "{err}");
    assert!(err.contains("typed-twice.toml"), "{err}");
    assert!(
        err.contains("nothing rendered: 2 case files share a reference"),
        "{err}"
    );
    assert!(
        !out.path().exists() || names(out.path()).is_empty(),
        "nothing is rendered, not even the case without a twin"
    );
}

#[test]
fn check_names_the_files_that_share_a_reference() {
    let output = redress()
        .args(["check", "tests/fixtures/invalid/batch/duplicate-reference"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stderr(&output));
}

#[test]
fn ids_and_references_never_write_outside_the_output_folder() {
    let work = tempdir();
    let out = work.path().join("out");
    for fixture in [
        "body-id-path-traversal.toml",
        "reference-path-traversal.toml",
    ] {
        let path = root().join("tests/fixtures/invalid").join(fixture);
        let output = render(&[&path], &out, &[]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{fixture}: {err}");
        assert!(
            err.contains("bad-id") || err.contains("bad-reference"),
            "{err}"
        );
    }
    assert!(!out.exists() || names(&out).is_empty());
    let left = names(work.path());
    assert!(left.is_empty() || left == ["out"], "{left:?}");
}

#[test]
fn dates_at_the_ends_of_the_calendar_are_refused_at_check() {
    let out = tempdir();
    for fixture in [
        "date-far-future.toml",
        "date-year-one.toml",
        "date-out-of-range.json",
    ] {
        let path = root().join("tests/fixtures/invalid").join(fixture);
        let output = render(&[&path], out.path(), &[]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{fixture}: {err}");
        assert!(err.contains("date-out-of-range"), "{fixture}: {err}");
    }
}

#[test]
fn every_command_ends_quietly_on_a_broken_pipe() {
    let sample = samples()[0].to_string_lossy().into_owned();
    let commands: [&[&str]; 5] = [
        &["plan", &sample],
        &[
            "anonymise",
            "tests/fixtures/anon-bench/complaint.txt",
            "--case",
            "tests/fixtures/anon-bench.toml",
            "--spans",
        ],
        &["check", &sample],
        &["--help"],
        &["--version"],
    ];
    for args in commands {
        let mut child = redress()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before the command has written anything.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("error"), "{args:?}: {err}");
    }
}

/// Files nested far deeper than any case file: a located error, never a
/// stack overflow (the test thread has the default, small stack).
#[test]
fn deep_nesting_is_a_located_error() {
    let deep = 100_000;
    let inputs = [
        (
            "deep.json",
            format!("{}{}", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "deep.json",
            format!(
                "{{\"a\": {}1{}}}",
                "{\"b\": ".repeat(deep),
                "}".repeat(deep)
            ),
        ),
        (
            "deep.toml",
            format!("a = {}{}", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "deep.toml",
            format!("a = {}1{}", "{ b = ".repeat(deep), " }".repeat(deep)),
        ),
        ("deep.toml", format!("{} = 1", vec!["a"; deep].join("."))),
        (
            "deep.toml",
            format!("[{}]\nx = 1", vec!["a"; deep].join(".")),
        ),
        (
            "deep.toml",
            format!(
                "[{}]\n{} = {}{}",
                vec!["a"; 70].join("."),
                vec!["b"; 70].join("."),
                "[".repeat(70),
                "]".repeat(70)
            ),
        ),
    ];
    for (name, text) in inputs {
        let loaded = load_str(name, &text, &Coverage::all());
        let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["too-deep"], "{}…", &text[..60.min(text.len())]);
        assert!(loaded.diagnostics[0].range.is_some());
    }
}

#[test]
fn a_file_too_large_for_a_case_is_refused_unread() {
    let big = vec![b' '; redress::case::MAX_FILE_BYTES + 1];
    let loaded = load_bytes(Path::new("big.toml"), &big, &Coverage::all());
    let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["file-too-large"]);
}

/// Many keys in one object: linear, not quadratic (this took minutes).
#[test]
fn wide_objects_load() {
    let keys: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\": {i}")).collect();
    let text = format!("{{\"case\": {{{}}}}}", keys.join(", "));
    let loaded = load_str("wide.json", &text, &Coverage::all());
    assert!(loaded.has_errors());
}

/// A test that needs a program the machine lacks says how to install it.
#[test]
#[should_panic(
    expected = "`redress-no-such-tool` is not installed, and the tests need it: \
                           install no-such-package"
)]
fn a_missing_system_tool_is_named_with_how_to_install_it() {
    crate::util::system_tool("redress-no-such-tool", "no-such-package");
}
