//! One mistake per file in tests/fixtures/invalid: each gets a diagnostic
//! with file, line, column, message and hint, snapshotted as users see it.

use redress::diag::{Format, render_plain};

use crate::util::engine;

#[test]
fn every_invalid_case_file_is_explained() {
    insta::glob!("fixtures/invalid/*.{toml,json}", |path| {
        let loaded = engine().load(path).expect("readable");
        assert!(
            loaded.has_errors() || !loaded.diagnostics.is_empty(),
            "{} has no diagnostics",
            path.display()
        );
        let mut file = loaded.file.clone();
        file.path = path.file_name().unwrap().into();
        insta::assert_snapshot!(render_plain(&file, &loaded.diagnostics, Format::Human));
    });
}

#[test]
fn json_diagnostics_carry_positions_but_no_values() {
    let path = crate::util::root().join("tests/fixtures/invalid/label-is-real-initial.toml");
    let loaded = engine().load(&path).unwrap();
    let json = render_plain(&loaded.file, &loaded.diagnostics, Format::Json);
    let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
    assert!(
        first["line"].as_u64().is_some() && first["column"].as_u64().is_some(),
        "{json}"
    );
    assert!(!json.contains("Smith"), "{json}");
}
