//! `redress watch`: a starter from `redress new`, watched, edited and
//! broken, as an investigator would; the re-rendered PDF and the live
//! preview (over HTTP, and in Debian's Chromium) follow each save.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::util::{hazard, pdftotext, root, tempdir};

/// `redress watch FILE -o OUT --serve 127.0.0.1:0`, its standard error read
/// line by line; killed when dropped.
struct Watching {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watching {
    fn start(file: &Path, out: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
            .current_dir(root())
            .arg("watch")
            .arg(file)
            .arg("-o")
            .arg(out)
            .args(["--serve", "127.0.0.1:0"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// The first line holding `text`, waiting up to a minute for it.
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(text) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no line with {text:?}; saw:\n{}", self.seen.join("\n"));
    }

    /// The preview's address.
    fn address(&mut self) -> String {
        let line = self.wait_for("serving the preview at http://");
        let start = line.find("http://").unwrap() + "http://".len();
        line[start..].split('/').next().unwrap().to_string()
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A GET over plain HTTP: the status code and the body.
fn get(address: &str, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let response = String::from_utf8_lossy(&bytes);
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_string())
}

#[test]
fn a_save_re_renders_and_a_broken_file_keeps_the_last_good_output() {
    let dir = tempdir();
    let file = dir.path().join("case.toml");
    let out = dir.path().join("out");
    let new = Command::new(env!("CARGO_BIN_EXE_redress"))
        .arg("new")
        .arg(&file)
        .output()
        .unwrap();
    assert!(new.status.success());
    let mut watching = Watching::start(&file, &out);
    let address = watching.address();
    assert!(address.starts_with("127.0.0.1:"), "{address}");
    watching.wait_for("(#1)");
    let decision = out.join("26-000-001/decision.redacted.pdf");
    assert!(pdftotext(&decision).contains("arranged care for her father"));
    let (status, page) = get(&address, "/", "127.0.0.1");
    assert_eq!(status, 200);
    assert!(page.contains("Publication copy (redacted)"), "{page}");
    assert!(page.contains("Ms X"), "the publication copy uses the label");
    // Only a request addressed to this machine is answered.
    assert_eq!(get(&address, "/", "preview.example").0, 404);

    // An edit is re-rendered.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "arranged care for her father",
            "arranged home care for her father",
        ),
    )
    .unwrap();
    let line = watching.wait_for("(#2)");
    assert!(line.starts_with("ok"), "{line}");
    assert!(pdftotext(&decision).contains("arranged home care for her father"));
    assert_eq!(get(&address, "/generation", "localhost").1, "2");
    assert!(
        get(&address, "/", "localhost")
            .1
            .contains("arranged home care")
    );

    // A broken file keeps the last good output, and says why.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("reference = \"26 000 001\"", "reference = 26000001"),
    )
    .unwrap();
    let line = watching.wait_for("(#3)");
    assert!(line.starts_with("FAILED"), "{line}");
    assert!(line.contains("showing the last good output"), "{line}");
    assert!(pdftotext(&decision).contains("arranged home care for her father"));
    let (_, page) = get(&address, "/", "localhost");
    assert!(page.contains("class=\"failed\""), "{page}");
    assert!(page.contains("/case#L"), "the errors link to their lines");
    let (status, case_page) = get(&address, "/case", "localhost");
    assert_eq!(status, 200);
    assert!(case_page.contains("id=\"L17\""));
    // Only the files of the last render are served.
    assert_eq!(
        get(&address, "/files/decision.redacted.pdf", "localhost").0,
        200
    );
    assert_eq!(get(&address, "/files/../case.toml", "localhost").0, 404);
}

/// The live preview in Debian's Chromium (`tests/browser/check-preview.mjs`):
/// structure, axe-core, a warning's link to its line, and the page
/// reloading itself after a save. Needs what the site's browser test needs;
/// `REDRESS_SKIP=browser` skips both.
#[test]
fn the_preview_passes_in_a_real_browser_and_follows_a_save() {
    if !crate::util::runs(
        "browser",
        "watch::the_preview_passes_in_a_real_browser_and_follows_a_save",
        crate::browser::missing,
    ) {
        return;
    }
    let dir = tempdir();
    let file = dir.path().join("case.toml");
    // The hazard fixture: its warnings are linked to their lines, and its
    // held copy is listed with why.
    std::fs::copy(hazard("s01-hospital-discharge"), &file).unwrap();
    let mut watching = Watching::start(&file, &dir.path().join("out"));
    let address = watching.address();
    watching.wait_for("(#1)");
    let (_, page) = get(&address, "/", "127.0.0.1");
    assert!(page.contains("Publication copies held back (1)"), "{page}");
    assert!(page.contains("[phone number]"), "{page}");
    let output = Command::new("node")
        .arg(root().join("tests/browser/check-preview.mjs"))
        .arg(format!("http://{address}/"))
        .arg(&file)
        .args(["We have upheld", "We upheld"])
        .arg(root().join("tests/browser/artifacts"))
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the preview's browser test failed:\n{stdout}{stderr}"
    );
    watching.wait_for("(#2)");
}
