//! The published site in a real browser: Debian's Chromium, driven headless
//! by playwright-core (tests/browser/check-site.mjs) over a loopback HTTP
//! server: axe-core on a sample of the samples' pages (one of every kind
//! among them), paging and filters without JavaScript, full-text search, a
//! filtered search opened from its shared address, reference lookup.
//! Screenshots and axe's results go to `tests/browser/artifacts/`.
//!
//! Needs `chromium` (or `REDRESS_CHROMIUM`) and `node`, and the npm packages
//! of `tests/browser`, which the first test to need them installs
//! (`util::node_packages`). Without them the test fails with the command
//! that installs them, unless `REDRESS_SKIP=browser` says to skip it.

use std::path::PathBuf;
use std::process::Command;

use crate::util::root;

/// What is missing to run a test in Chromium, each with how to get it.
pub fn missing() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let chromium = std::env::var_os("REDRESS_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.exists() {
        out.push((
            format!("Chromium ({})", chromium.display()),
            "sudo apt-get install chromium (Debian's; elsewhere set REDRESS_CHROMIUM=/path/to/chromium)"
                .to_string(),
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        out.push((
            "node (Node.js 18 or later)".into(),
            "sudo apt-get install nodejs npm (macOS: brew install node)".into(),
        ));
    }
    if out.is_empty()
        && let Err(missing) = crate::util::node_packages()
    {
        out.extend(missing);
    }
    out
}

#[test]
fn the_site_passes_in_a_real_browser() {
    if !crate::util::runs(
        "browser",
        "browser::the_site_passes_in_a_real_browser",
        missing,
    ) {
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
