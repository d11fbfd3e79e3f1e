//! The case file's JSON Schema (`redress schema`) checked by an independent
//! validator (the `jsonschema` crate, draft 2020-12): every sample and every
//! starter `redress new` writes is valid; a misspelt field, a value that is
//! not allowed and a missing section are not. Starters also pass `check`
//! and render.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::util::{root, samples, tempdir};

fn redress() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
    cmd.current_dir(root());
    cmd
}

/// The schema as the command prints it.
fn schema() -> Value {
    let output = redress().arg("schema").output().unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).expect("the schema is JSON")
}

/// A TOML case file as a case system would send it in JSON (dates as
/// `YYYY-MM-DD` strings).
fn json_of_toml(path: &Path) -> Value {
    fn convert(value: toml::Value) -> Value {
        match value {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => i.into(),
            toml::Value::Float(f) => f.into(),
            toml::Value::Boolean(b) => b.into(),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
            toml::Value::Table(t) => {
                Value::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    convert(toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_sample_is_valid_and_mistakes_are_not() {
    let schema = schema();
    let validator = jsonschema::draft202012::new(&schema).expect("the schema is a valid schema");
    for path in samples() {
        let instance = json_of_toml(&path);
        let problems = errors(&validator, &instance);
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
    }
    let sample = json_of_toml(&root().join("samples/s01-hospital-discharge.toml"));
    // A misspelt field.
    let mut misspelt = sample.clone();
    let date = misspelt["case"]["decision_date"].take();
    misspelt["case"]
        .as_object_mut()
        .unwrap()
        .remove("decision_date");
    misspelt["case"]["decison_date"] = date;
    let problems = errors(&validator, &misspelt).join("\n");
    assert!(problems.contains("decison_date"), "{problems}");
    // A value that is not allowed.
    let mut wrong = sample.clone();
    wrong["case"]["jurisdiction"] = "phso".into();
    assert!(!validator.is_valid(&wrong));
    wrong = sample.clone();
    wrong["outcome"]["detail"] = "upheld.fault_injustise".into();
    assert!(!validator.is_valid(&wrong));
    wrong = sample.clone();
    wrong["recommendations"][0]["deadline"] = "soon".into();
    assert!(!validator.is_valid(&wrong));
    // A missing section.
    let mut missing = sample.clone();
    missing.as_object_mut().unwrap().remove("complaint");
    assert!(!validator.is_valid(&missing));
    // Aliases are plain names or typed tables; a kind the loader does not
    // know is not allowed.
    let mut typed = sample.clone();
    typed["people"][0]["aliases"] =
        serde_json::json!(["Debs", { "text": "Mrs Wilde", "kind": "misspelling" }]);
    typed["bodies"][0]["published_name"] = "the Trust".into();
    assert!(
        validator.is_valid(&typed),
        "{:?}",
        errors(&validator, &typed)
    );
    typed["people"][0]["aliases"][1]["kind"] = "typo".into();
    assert!(!validator.is_valid(&typed));
    // JSON case files may name their schema.
    let mut named = sample;
    named["$schema"] = "./case.schema.json".into();
    assert!(validator.is_valid(&named));
}

#[test]
fn fields_are_described_with_allowed_values_and_examples() {
    let schema = schema();
    let defs = schema["$defs"].as_object().unwrap();
    let mut undescribed = Vec::new();
    let mut without_example = Vec::new();
    for (name, def) in defs {
        let Some(properties) = def["properties"].as_object() else {
            continue;
        };
        for (field, property) in properties {
            if property.get("description").is_none() {
                undescribed.push(format!("{name}.{field}"));
            }
            let text = serde_json::to_string(property).unwrap();
            let leaf = !text.contains("\"$ref\"") && !text.contains("\"object\"");
            if leaf && property.get("examples").is_none() {
                without_example.push(format!("{name}.{field}"));
            }
        }
    }
    assert!(
        undescribed.is_empty(),
        "fields without a description: {undescribed:?}"
    );
    assert!(
        without_example.is_empty(),
        "fields without an example: {without_example:?}"
    );
    // Allowed values, each with its meaning.
    let jurisdiction = serde_json::to_string(&defs["Jurisdiction"]).unwrap();
    for value in ["lgsco", "lgsco_phso", "lgsco_hos"] {
        assert!(
            jurisdiction.contains(&format!("\"{value}\"")),
            "{jurisdiction}"
        );
    }
    assert!(jurisdiction.contains("Housing Ombudsman"), "{jurisdiction}");
}

#[test]
fn every_starter_is_valid_passes_check_and_renders() {
    let schema = schema();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let dir = tempdir();
    for jurisdiction in ["lgsco", "lgsco_phso", "lgsco_hos"] {
        for stage in ["draft", "final"] {
            let file = dir.path().join(format!("{jurisdiction}-{stage}.toml"));
            let new = redress()
                .arg("new")
                .arg(&file)
                .args(["--jurisdiction", jurisdiction, "--stage", stage])
                .output()
                .unwrap();
            assert!(
                new.status.success(),
                "{}",
                String::from_utf8_lossy(&new.stderr)
            );
            let text = std::fs::read_to_string(&file).unwrap();
            assert!(
                text.starts_with("#:schema "),
                "the starter names its schema"
            );
            for section in [
                "[case]",
                "[[people]]",
                "[[bodies]]",
                "[complaint]",
                "[investigation]",
                "[[law]]",
                "[[findings]]",
                "[[recommendations]]",
                "[outcome]",
                "[publication]",
            ] {
                assert!(
                    text.contains(section),
                    "{jurisdiction} {stage}: no {section}"
                );
            }
            let problems = errors(&validator, &json_of_toml(&file));
            assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
            let check = redress()
                .args(["check", "--deny", "warnings"])
                .arg(&file)
                .output()
                .unwrap();
            assert!(
                check.status.success(),
                "{}",
                String::from_utf8_lossy(&check.stderr)
            );
            let out = dir.path().join(format!("out-{jurisdiction}-{stage}"));
            let render = redress()
                .arg("render")
                .arg(&file)
                .arg("-o")
                .arg(&out)
                .output()
                .unwrap();
            assert!(
                render.status.success(),
                "{}",
                String::from_utf8_lossy(&render.stderr)
            );
            assert!(out.join("26-000-001/decision.redacted.pdf").exists() || stage == "draft");
        }
    }
    // A starter never replaces a file.
    let file = dir.path().join("lgsco-final.toml");
    let again = redress().arg("new").arg(&file).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

/// taplo, the TOML engine behind Even Better TOML, reads the schema named
/// by a starter's `#:schema` line: the samples validate, a misspelt field
/// is flagged at its line. Needs node and the npm packages of
/// `tests/browser` (installed on first use); `REDRESS_SKIP=taplo` skips it.
#[test]
fn an_editor_engine_validates_case_files_with_the_schema() {
    let mut modules = None;
    let found = |modules: &mut Option<std::path::PathBuf>| {
        if Command::new("node").arg("--version").output().is_err() {
            return vec![(
                "node (Node.js 18 or later)".to_string(),
                "sudo apt-get install nodejs npm (macOS: brew install node)".to_string(),
            )];
        }
        match crate::util::node_packages() {
            Ok(dir) => {
                *modules = Some(dir);
                Vec::new()
            }
            Err(missing) => missing,
        }
    };
    if !crate::util::runs(
        "taplo",
        "schema::an_editor_engine_validates_case_files_with_the_schema",
        || found(&mut modules),
    ) {
        return;
    }
    let taplo = modules.expect("installed").join(".bin/taplo");
    let dir = tempdir();
    let schema = redress().arg("schema").output().unwrap();
    std::fs::write(dir.path().join("case.schema.json"), &schema.stdout).unwrap();
    let taplo_check = |files: &[std::path::PathBuf]| {
        Command::new(&taplo)
            .arg("check")
            .args(files)
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let mut files = Vec::new();
    for path in samples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = dir.path().join(path.file_name().unwrap());
        std::fs::write(&file, format!("#:schema ./case.schema.json\n{text}")).unwrap();
        files.push(file);
    }
    let starter = dir.path().join("new.toml");
    assert!(
        redress()
            .arg("new")
            .arg(&starter)
            .status()
            .unwrap()
            .success()
    );
    files.push(starter.clone());
    let output = taplo_check(&files);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&starter).unwrap();
    std::fs::write(&starter, text.replace("decision_date =", "decison_date =")).unwrap();
    let output = taplo_check(&[starter]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("decison_date") || stderr.contains("decision_date"),
        "{stderr}"
    );
}
