//! The published site in a real browser: Debian's Chromium, driven headless
//! by playwright-core (tests/browser/check-site.mjs) over a loopback HTTP
//! server: axe-core on a sample of the samples' pages (one of every kind
//! among them), paging and filters without JavaScript, full-text search, a
//! filtered search opened from its shared address, reference lookup.
//! Screenshots and axe's results go to `tests/browser/artifacts/`.
//!
//! Needs `chromium` (or `REDRESS_CHROMIUM`), `node` and
//! `npm ci --prefix tests/browser`; `.ci/run` installs them. Without them
//! the test says how to install them and passes, except under `CI=true`,
//! where it fails.

use std::path::PathBuf;
use std::process::Command;

use crate::util::root;

pub const INSTALL: &str = "apt-get install chromium nodejs npm && npm ci --ignore-scripts --prefix tests/browser (or run .ci/run)";

/// What is missing to run the browser test.
pub fn missing() -> Vec<String> {
    let mut out = Vec::new();
    let chromium = std::env::var_os("REDRESS_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.exists() {
        out.push(format!("Chromium ({})", chromium.display()));
    }
    if Command::new("node").arg("--version").output().is_err() {
        out.push("node".into());
    }
    for package in ["playwright-core", "axe-core"] {
        if !root()
            .join("tests/browser/node_modules")
            .join(package)
            .exists()
        {
            out.push(format!("tests/browser/node_modules/{package}"));
        }
    }
    out
}

#[test]
fn the_site_passes_in_a_real_browser() {
    let missing = missing();
    if !missing.is_empty() {
        let message = format!(
            "the browser test needs {}; install with: {INSTALL}",
            missing.join(", ")
        );
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{message}");
        }
        eprintln!("SKIPPED the browser test: {message}");
        return;
    }
    let site = crate::publish::site();
    let artifacts = root().join("tests/browser/artifacts");
    let output = Command::new("node")
        .arg(root().join("tests/browser/check-site.mjs"))
        .arg(site)
        .arg(&artifacts)
        .args(["--sample", "80"])
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        output.status.success(),
        "the browser test failed:\n{stdout}{stderr}"
    );
    for shot in [
        "index.png",
        "decision.png",
        "report-chapter.png",
        "search.png",
        "filter-without-javascript.png",
    ] {
        assert!(artifacts.join(shot).is_file(), "no screenshot {shot}");
    }
}
