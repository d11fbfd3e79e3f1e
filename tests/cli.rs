//! The command line: exit codes and what it prints.

use std::process::Command;

use crate::util::{hazards, root, samples, tempdir};

fn redress() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
    cmd.current_dir(root()).env_clear();
    cmd
}

#[test]
fn check_exit_codes() {
    let ok = redress().arg("check").args(samples()).output().unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = redress()
        .args(["check", "tests/fixtures/invalid/unknown-field.toml"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("unknown-field.toml:"), "{stderr}");
    assert!(stderr.contains("did you mean"), "{stderr}");
    let missing = redress()
        .args(["check", "no/such/file.toml"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// The samples are exemplars: a newcomer's first `check` finds nothing in
/// them, warnings included; the hazards they once carried are in
/// `tests/fixtures/hazards/`, where `check --deny warnings` fails on each.
#[test]
fn check_deny_warnings_passes_on_the_samples_and_fails_on_every_hazard_fixture() {
    let ok = redress()
        .args(["check", "--deny", "warnings", "samples"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&ok.stderr);
    assert_eq!(ok.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    for path in hazards() {
        let out = redress()
            .args([
                "check",
                "--deny",
                "warnings",
                "--diagnostic-format",
                "short",
            ])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {stderr}", path.display());
        assert!(
            stderr.contains("warning[placeholder]"),
            "{}: {stderr}",
            path.display()
        );
    }
}

#[test]
fn a_folder_without_case_files_is_an_error() {
    let empty = tempdir();
    let out = redress().arg("check").arg(empty.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("holds no case files"), "{stderr}");
}

#[test]
fn long_values_are_cut_short_in_messages() {
    let dir = tempdir();
    let path = dir.path().join("long.toml");
    let field = "x".repeat(5_000);
    std::fs::write(&path, format!("[case]\n{field} = 1\n")).unwrap();
    let out = redress().arg("check").arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(5000 characters)"), "{stderr}");
    assert!(stderr.len() < 20_000, "{} bytes of messages", stderr.len());
}

#[test]
fn render_keeps_going_past_a_failing_case() {
    let out = tempdir();
    let output = redress()
        .args(["render", "tests/fixtures/invalid/unknown-field.toml"])
        .arg(&samples()[0])
        .arg("-o")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("rendered 1 case of 2 cases"), "{stderr}");
    assert!(stderr.contains("1 case failed"), "{stderr}");
}

#[test]
fn verify_refuses_an_unredacted_copy_and_reports_no_values() {
    let out = tempdir();
    let sample = &samples()[0];
    let status = redress()
        .arg("render")
        .arg(sample)
        .arg("-o")
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success());
    let case_dir = std::fs::read_dir(out.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let verify = |file: &str| {
        redress()
            .arg("verify")
            .arg(case_dir.join(file))
            .arg("--case")
            .arg(sample)
            .arg("--json")
            .output()
            .unwrap()
    };
    let clean = verify("decision.redacted.pdf");
    assert_eq!(clean.status.code(), Some(0));
    let leaky = verify("decision.unredacted.pdf");
    assert_eq!(leaky.status.code(), Some(1));
    let report = String::from_utf8_lossy(&leaky.stdout);
    assert!(report.contains("\"kind\": \"name\""), "{report}");
    assert!(report.contains("\"field\": \"people[0].name\""), "{report}");
    assert!(report.contains("\"found_by\": \"verifier\""), "{report}");
    assert!(report.contains("\"found_by\": \"anonymiser\""), "{report}");
    let case = crate::util::load(sample);
    let family = crate::util::complainant_surname(&case);
    assert!(
        !report.contains(&family),
        "the report must not hold identifier values"
    );
}
