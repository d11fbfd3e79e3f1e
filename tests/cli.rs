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
/// `tests/fixtures/hazards/`, where `check --deny warnings` fails on those
/// whose prose no rewrite rule mends.
#[test]
fn check_deny_warnings_passes_on_the_samples_and_fails_on_every_hazard_fixture() {
    let ok = redress()
        .args(["check", "--deny", "warnings", "samples"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&ok.stderr);
    assert_eq!(ok.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let (mut warned, mut placeholders) = (0, 0);
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
        warned += usize::from(out.status.code() == Some(1));
        placeholders += usize::from(stderr.contains("warning[placeholder]"));
    }
    // Most identifiers in prose are rewritten for publication (every one in
    // S05, S08, S10, S11 and S12 is: they check clean); what no rule can
    // place is a placeholder warning.
    let all = hazards().len();
    assert!(warned >= 4, "only {warned} of {all} hazard fixtures warn");
    // S01's "She gave 07700 900461 as her number." is one no rule places.
    assert!(placeholders >= 1, "no fixture warns of a placeholder");
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

/// The README's desk: a starter and its schema side by side in one folder,
/// then the folder checked and rendered; the schema and other files are
/// skipped, and said so.
#[test]
fn a_folder_of_cases_may_hold_their_schema_and_other_files() {
    let dir = tempdir();
    let cases = dir.path().join("cases");
    let new = redress()
        .arg("new")
        .arg(cases.join("26-000-001.toml"))
        .output()
        .unwrap();
    assert!(
        new.status.success(),
        "{}",
        String::from_utf8_lossy(&new.stderr)
    );
    let schema = redress()
        .args(["schema", "-o"])
        .arg(cases.join("case.schema.json"))
        .status()
        .unwrap();
    assert!(schema.success());
    std::fs::write(cases.join("notes.md"), "# Notes\n").unwrap();
    let out_dir = dir.path().join("out");
    let check = redress().arg("check").arg(&cases).output().unwrap();
    let render = redress()
        .arg("render")
        .arg(&cases)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .unwrap();
    for (command, out) in [("check", check), ("render", render)] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{command}: {stderr}");
        assert!(
            stderr.contains("case.schema.json` (a JSON Schema)")
                && stderr.contains("notes.md` (not `.toml` or `.json`)"),
            "{command}: {stderr}"
        );
        assert!(!stderr.contains("FAILED"), "{command}: {stderr}");
    }
    assert!(out_dir.join("26-000-001/decision.redacted.pdf").is_file());
}

/// `verify` of a rendered case folder checks its publication copies and
/// says which internal files it left out; `verify` and `anonymise` print
/// only what would stop them, not the case file's warnings.
#[test]
fn verify_of_a_case_folder_checks_the_publication_copies_and_says_no_warnings() {
    let dir = tempdir();
    let case = dir.path().join("case.toml");
    let new = redress().arg("new").arg(&case).output().unwrap();
    assert!(new.status.success());
    // How rare a condition is: a warning at `check` (a detail that could
    // identify), which holds nothing back.
    let text = std::fs::read_to_string(&case).unwrap().replace(
        "The Council arranged two. ",
        "The Council arranged two. His condition affects about 1 in 150,000 people. ",
    );
    std::fs::write(&case, text).unwrap();
    let check = redress().arg("check").arg(&case).output().unwrap();
    assert!(
        String::from_utf8_lossy(&check.stderr).contains("warning["),
        "the case has a warning to leave out"
    );
    let out = dir.path().join("out");
    let render = redress()
        .arg("render")
        .arg(&case)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        render.status.success(),
        "{}",
        String::from_utf8_lossy(&render.stderr)
    );
    let folder = out.join("26-000-001");
    let verify = redress()
        .arg("verify")
        .arg(&folder)
        .arg("--case")
        .arg(&case)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&verify.stdout);
    let stderr = String::from_utf8_lossy(&verify.stderr);
    assert_eq!(verify.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("decision.redacted.pdf"), "{stdout}");
    assert!(
        !stdout.contains("unredacted") && !stdout.contains("review-sheet"),
        "{stdout}"
    );
    assert!(
        stderr.contains("left out")
            && stderr.contains("decision.unredacted.pdf")
            && stderr.contains("internal"),
        "{stderr}"
    );
    assert!(!stderr.contains("warning["), "{stderr}");
    // Named, an internal copy is verified, and is not clean.
    let internal = redress()
        .arg("verify")
        .arg(folder.join("decision.unredacted.pdf"))
        .arg("--case")
        .arg(&case)
        .output()
        .unwrap();
    assert_eq!(internal.status.code(), Some(1));
    let prose = dir.path().join("prose.txt");
    std::fs::write(&prose, "Ms Hallworth rang on 07700 900314.\n").unwrap();
    let anonymise = redress()
        .arg("anonymise")
        .arg(&prose)
        .arg("--case")
        .arg(&case)
        .output()
        .unwrap();
    assert!(anonymise.status.success());
    assert_eq!(String::from_utf8_lossy(&anonymise.stderr), "");
    assert!(!String::from_utf8_lossy(&anonymise.stdout).contains("Hallworth"));
}

/// `check` shows earlier everything the review sheet will ask publication
/// staff to decide: every finding is a warning in its field, placed on the
/// words it is about (a year of birth too).
#[test]
fn check_warns_of_every_review_finding() {
    use crate::util::engine;
    let dir = tempdir();
    let starter = dir.path().join("case.toml");
    assert!(
        redress()
            .arg("new")
            .arg(&starter)
            .status()
            .unwrap()
            .success()
    );
    let text = std::fs::read_to_string(&starter).unwrap().replace(
        "Mr Hallworth left hospital on 3 March 2025.",
        "Mr Hallworth, who was born in 1941, left hospital on 3 March 2025. He was aged 83 \
         and has Huntington's disease. A neighbour, Mr Colin Fairbrother, helped him home; \
         Grace at the surgery rang 07700 900999.",
    );
    std::fs::write(&starter, text).unwrap();
    let mut files = samples();
    // The samples are exemplars: the hazard fixtures carry their findings.
    let mut hazards: Vec<_> = std::fs::read_dir(root().join("tests/fixtures/hazards"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    hazards.sort();
    files.extend(hazards);
    files.extend(
        ["adversarial.toml", "verifier-case.toml", "anon-bench.toml"]
            .map(|name| root().join("tests/fixtures").join(name)),
    );
    files.push(starter.clone());
    let mut findings_seen = 0;
    for path in &files {
        let loaded = engine().load(path).unwrap();
        let Some(case) = loaded.case.as_ref() else {
            panic!("{} does not load", path.display());
        };
        let (_, ids) = engine().identifiers(case);
        let (anonymised, redactions) = redress::anonymise::anonymise(case, &ids);
        let sheet = redress::review::build(case, &redactions, &anonymised, &[]);
        let warnings: Vec<_> = loaded
            .diagnostics
            .iter()
            .filter(|d| !d.is_error())
            .collect();
        // A finding publication staff accepted is settled: `check` no
        // longer warns about it.
        for finding in sheet.findings.iter().filter(|f| !f.accepted) {
            findings_seen += 1;
            let placed = warnings.iter().any(|w| {
                w.path.as_deref() == Some(finding.field.as_str())
                    && w.range.as_ref().is_some_and(|r| {
                        let at = loaded.file.text[r.clone()].to_lowercase();
                        let value = finding.original.trim().to_lowercase();
                        at.contains(&value) || value.contains(&at)
                    })
            });
            assert!(
                placed,
                "{}: the review finding {} ({}, in {}: {:?}) has no warning at `check`",
                path.display(),
                finding.id,
                finding.category,
                finding.field,
                finding.original
            );
        }
    }
    assert!(
        findings_seen > 5,
        "only {findings_seen} findings: is the test looking?"
    );
    let starter_warnings = engine().load(&starter).unwrap().diagnostics;
    assert!(
        starter_warnings
            .iter()
            .any(|d| d.code == "identifying-detail" && d.message.contains("exact age")),
        "{starter_warnings:#?}"
    );
}

/// An office's titles are `rules.toml`'s: `redress plan --templates DIR`
/// prints the changed words, and a title left out is an error naming it.
#[test]
fn plan_prints_the_titles_of_an_offices_rules() {
    let bundled = std::fs::read_to_string(root().join("templates/rules.toml")).unwrap();
    let dir = tempdir();
    let changed = bundled.replacen(
        "lgsco_phso = \"The Ombudsmen's final decision\"",
        "lgsco_phso = \"Final decision of the Ombudsmen\"",
        1,
    );
    assert_ne!(changed, bundled);
    std::fs::write(dir.path().join("rules.toml"), changed).unwrap();
    let plan = |templates: Option<&std::path::Path>| {
        let mut cmd = redress();
        cmd.args(["plan", "samples/s01-hospital-discharge.toml"]);
        if let Some(dir) = templates {
            cmd.arg("--templates").arg(dir);
        }
        cmd.output().unwrap()
    };
    let office = plan(Some(dir.path()));
    let stdout = String::from_utf8_lossy(&office.stdout);
    assert_eq!(office.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("  Final decision of the Ombudsmen  ["),
        "{stdout}"
    );
    let stock = plan(None);
    let stdout = String::from_utf8_lossy(&stock.stdout);
    assert!(
        stdout.contains("  The Ombudsmen's final decision  ["),
        "{stdout}"
    );
    let missing = bundled.replacen("lgsco_phso = \"The Ombudsmen's final decision\"\n", "", 1);
    std::fs::write(dir.path().join("rules.toml"), missing).unwrap();
    let refused = plan(Some(dir.path()));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("rules.toml"), "{stderr}");
    assert!(stderr.contains("missing field `lgsco_phso`"), "{stderr}");
}
