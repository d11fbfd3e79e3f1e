//! The documentation stands alone and matches the code: every file the
//! README, the docs, the samples and the templates cite is in the
//! repository, nothing cites a file outside it, and the case-file fields and
//! values the README and the starters name are the ones the loader takes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use regex::Regex;
use serde_json::Value;

use crate::util::{root, tempdir};

/// The text files of the repository (the build, the npm packages and git's
/// own folder aside), with their paths relative to the root.
fn repository_texts() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable") {
            let path = entry.expect("readable").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if matches!(name, "target" | "node_modules" | ".git" | "artifacts") {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(root(), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let text = String::from_utf8(std::fs::read(&path).ok()?).ok()?;
            let relative = path.strip_prefix(root()).ok()?.display().to_string();
            Some((relative, text))
        })
        .collect()
}

/// What would cite a file outside the repository: the project's working
/// notes, their seed files, a folder beside the checkout, a machine's path.
/// (Written in pieces, so that this file does not match itself.)
fn outside_references() -> Regex {
    let notes = ["DOMAIN", "DESIGN", "ANONYMISATION", "TYPST", "STYLE"]
        .map(|n| format!(r"\b{n}\.md\b"))
        .join("|");
    let pattern = format!(
        r"{notes}|\.\./{shared}|/{work}/|\b\d{{3}}_[0-9a-f]{{16}}\b|(?i:\bseeds?[ `]+\d{{3}}\b)",
        shared = "shared",
        work = "work",
    );
    Regex::new(&pattern).expect("a valid pattern")
}

#[test]
fn no_text_cites_a_file_outside_the_repository() {
    let pattern = outside_references();
    let mut found = Vec::new();
    for (path, text) in repository_texts() {
        for (n, line) in text.lines().enumerate() {
            if let Some(m) = pattern.find(line) {
                found.push(format!("{path}:{}: `{}`", n + 1, m.as_str()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "cite the offices' published documents by what they are (docs/domain.md), not these:\n{}",
        found.join("\n")
    );
}

/// The top-level folders and files of the repository a path may start with.
fn repository_roots() -> Vec<String> {
    std::fs::read_dir(root())
        .expect("readable")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "target" | ".git" | "out" | "site"))
        .collect()
}

/// The repository paths a text cites: in backticks or a Markdown link,
/// starting with a top-level folder or file of the repository, cut at the
/// first placeholder (`<case>`, `*`, `…`, `{a,b}`).
fn cited_paths(text: &str, roots: &[String]) -> Vec<String> {
    let quoted = Regex::new(r"`([^`\s]+)`|\]\(([^)\s#]+)").expect("a valid pattern");
    let mut out = Vec::new();
    for caps in quoted.captures_iter(text) {
        let cited = caps
            .get(1)
            .or_else(|| caps.get(2))
            .expect("a group")
            .as_str();
        let cited = cited.trim_start_matches("./");
        let first = cited.split('/').next().unwrap_or_default();
        if !roots.iter().any(|r| r == first) || cited.contains("://") {
            continue;
        }
        let cut = cited
            .find(['<', '*', '…', '{', ' ', ':'])
            .map_or(cited, |at| &cited[..at]);
        let cut = cut.trim_end_matches(['.', ',', ')']);
        out.push(cut.to_string());
    }
    out
}

#[test]
fn every_file_the_docs_and_samples_cite_is_in_the_repository() {
    let roots = repository_roots();
    let mut texts: Vec<(String, String)> = repository_texts()
        .into_iter()
        .filter(|(path, _)| {
            path.ends_with(".md")
                || path.starts_with("samples/")
                || path.starts_with("templates/")
                || path == ".ci/run"
        })
        .collect();
    assert!(texts.iter().any(|(p, _)| p == "README.md"));
    texts.retain(|(path, _)| !path.starts_with("tests/fixtures/anon-bench/"));
    let sample_name = Regex::new(r"\bs\d\d[a-z]?-[a-z0-9-]+\.toml\b").expect("a valid pattern");
    let section = Regex::new(r"docs/domain\.md,? §(\d+)").expect("a valid pattern");
    let domain = std::fs::read_to_string(root().join("docs/domain.md")).expect("docs/domain.md");
    // What the build or the tests make, which a fresh clone does not have.
    let generated: Vec<String> = std::fs::read_to_string(root().join(".gitignore"))
        .expect(".gitignore")
        .lines()
        .filter(|l| l.starts_with('/'))
        .map(|l| l.trim_matches('/').to_string())
        .collect();
    let mut missing = Vec::new();
    let mut cited = 0;
    for (path, text) in &texts {
        for file in cited_paths(text, &roots) {
            cited += 1;
            let made = generated
                .iter()
                .any(|g| file.trim_end_matches('/').starts_with(g.as_str()));
            if !made && !root().join(&file).exists() {
                missing.push(format!("{path} cites `{file}`"));
            }
        }
        for name in sample_name.find_iter(text) {
            cited += 1;
            if !root().join("samples").join(name.as_str()).exists() {
                missing.push(format!("{path} cites the sample `{}`", name.as_str()));
            }
        }
        for caps in section.captures_iter(text) {
            let heading = format!("\n## {}. ", &caps[1]);
            if !domain.contains(&heading) {
                missing.push(format!("{path} cites docs/domain.md §{}", &caps[1]));
            }
        }
    }
    assert!(
        cited > 50,
        "only {cited} citations found: is the pattern right?"
    );
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The schema, and every name it knows: fields, and the values enumerations
/// allow.
struct Schema {
    root: Value,
}

impl Schema {
    fn new() -> Self {
        Self {
            root: redress::case::schema(),
        }
    }

    fn resolve<'a>(&'a self, node: &'a Value) -> &'a Value {
        if let Some(target) = node.get("$ref").and_then(Value::as_str) {
            let target = self
                .root
                .pointer(target.trim_start_matches('#'))
                .expect("a reference resolves");
            return self.resolve(target);
        }
        node
    }

    /// The branches a node may take (an optional field: the value or null).
    fn branches<'a>(&'a self, node: &'a Value) -> Vec<&'a Value> {
        let node = self.resolve(node);
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = node.get(key).and_then(Value::as_array)
                && branches.iter().all(|b| b.get("const").is_none())
            {
                return branches.iter().flat_map(|b| self.branches(b)).collect();
            }
        }
        vec![node]
    }

    /// The values a node allows, when it is an enumeration.
    fn allowed(&self, node: &Value) -> Option<Vec<String>> {
        let mut values = Vec::new();
        for branch in self.branches(node) {
            if let Some(list) = branch.get("enum").and_then(Value::as_array) {
                values.extend(list.iter().filter_map(Value::as_str).map(String::from));
            }
            if let Some(list) = branch.get("oneOf").and_then(Value::as_array) {
                values.extend(
                    list.iter()
                        .filter_map(|b| b.get("const")?.as_str())
                        .map(String::from),
                );
            }
            if branch.get("pattern").is_some() || branch.get("type") == Some(&"boolean".into()) {
                return None;
            }
        }
        (!values.is_empty()).then_some(values)
    }

    /// Checks a TOML value against the schema node that describes it;
    /// what is wrong goes to `problems`, with its path.
    fn check(&self, node: &Value, value: &toml::Value, at: &str, problems: &mut Vec<String>) {
        match value {
            toml::Value::Table(table) => {
                for (key, field) in table {
                    let here = format!("{at}.{key}").trim_start_matches('.').to_string();
                    let described = self.branches(node).into_iter().find_map(|b| {
                        b.get("properties")
                            .and_then(|p| p.get(key))
                            .or_else(|| b.get("additionalProperties").filter(|a| a.is_object()))
                    });
                    match described {
                        Some(field_node) => self.check(field_node, field, &here, problems),
                        None => problems.push(format!("`{here}` is not a field of a case file")),
                    }
                }
            }
            toml::Value::Array(items) => {
                let item = self.branches(node).into_iter().find_map(|b| b.get("items"));
                for (i, value) in items.iter().enumerate() {
                    match item {
                        Some(item) => self.check(item, value, &format!("{at}[{i}]"), problems),
                        None => problems.push(format!("`{at}` is not a list")),
                    }
                }
            }
            toml::Value::String(text) => {
                if let Some(allowed) = self.allowed(node)
                    && !allowed.contains(text)
                {
                    problems.push(format!(
                        "`{at} = \"{text}\"` is not allowed: the loader takes {allowed:?}"
                    ));
                }
            }
            _ => {}
        }
    }

    /// Every name the case file knows: fields and allowed values.
    fn names(&self) -> BTreeSet<String> {
        fn collect(value: &Value, out: &mut BTreeSet<String>) {
            match value {
                Value::Object(map) => {
                    for (key, value) in map {
                        if key == "properties"
                            && let Value::Object(fields) = value
                        {
                            out.extend(fields.keys().cloned());
                        }
                        if key == "const" || key == "enum" {
                            match value {
                                Value::String(s) => {
                                    out.insert(s.clone());
                                }
                                Value::Array(items) => out.extend(
                                    items.iter().filter_map(Value::as_str).map(String::from),
                                ),
                                _ => {}
                            }
                        }
                        collect(value, out);
                    }
                }
                Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
                _ => {}
            }
        }
        let mut out = BTreeSet::new();
        collect(&self.root, &mut out);
        // The parts of outcome codes (`closed.initial_enquiries.late`).
        for code in self.root["$defs"]["OutcomeDetail"]["anyOf"][0]["enum"]
            .as_array()
            .expect("outcome codes")
        {
            out.extend(code.as_str().expect("a code").split('.').map(String::from));
        }
        out
    }
}

/// The names written like a case file's (`snake_case` with an underscore)
/// in a text that the schema does not know.
fn unknown_names(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let word = Regex::new(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b").expect("a valid pattern");
    word.find_iter(text)
        .map(|m| m.as_str().to_string())
        .filter(|w| !known.contains(w))
        .collect()
}

/// The README's section that starts with `heading`, up to the next `## `.
fn readme_section(heading: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme.find(heading).expect("the section is in the README");
    let rest = &readme[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_string()
}

/// A TOML block's lines of the form `key = "value"  # a | b | c`: the
/// values a comment offers for a key, which the loader must take too.
fn offered_values(block: &str) -> Vec<(String, Vec<String>)> {
    let line = Regex::new(r#"^\s*([a-z_]+)\s*=\s*"[^"]*"\s*#\s*([a-z_]+(?:\s*\|\s*[a-z_]+)+)\s*$"#)
        .expect("a valid pattern");
    block
        .lines()
        .filter_map(|l| line.captures(l))
        .map(|c| {
            (
                c[1].to_string(),
                c[2].split('|').map(|v| v.trim().to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn the_readme_case_file_names_only_fields_and_values_the_loader_takes() {
    let schema = Schema::new();
    let known = schema.names();
    let section = readme_section("## The case file\n");
    let fence = Regex::new(r"(?s)```toml\n(.*?)```").expect("a valid pattern");
    let blocks: Vec<&str> = fence
        .captures_iter(&section)
        .map(|c| c.get(1).expect("a block").as_str())
        .collect();
    assert!(!blocks.is_empty(), "the case file section has its example");
    let mut problems = Vec::new();
    for block in &blocks {
        let value: toml::Value = toml::from_str(block).expect("the README's example is TOML");
        schema.check(&schema.root, &value, "", &mut problems);
        for (key, values) in offered_values(block) {
            for v in values {
                if !known.contains(&v) {
                    problems.push(format!(
                        "the comment on `{key}` offers `{v}`, which the loader refuses"
                    ));
                }
            }
        }
    }
    for name in unknown_names(&section, &known) {
        problems.push(format!(
            "the case-file section names `{name}`, which the schema does not know"
        ));
    }
    for field in [
        "family_name",
        "aliases",
        "label",
        "job_role",
        "hos_label",
        "per_body",
    ] {
        if !section.contains(&format!("`{field}`")) && !section.contains(&format!("{field} =")) {
            problems.push(format!("the case-file section does not explain `{field}`"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_readme_names_only_values_the_loader_takes() {
    // Outside the case-file section too: every value given for a field in
    // backticks (`status = "refused"`) is one the loader takes.
    let schema = Schema::new();
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let assignment = Regex::new(r#"`([a-z_]+) = "([a-z_]+)"`"#).expect("a valid pattern");
    let known = schema.names();
    let mut problems = Vec::new();
    for c in assignment.captures_iter(&readme) {
        if known.contains(&c[1]) && !known.contains(&c[2]) && c[2].contains('_') {
            problems.push(format!("`{} = \"{}\"`", &c[1], &c[2]));
        }
    }
    assert!(problems.is_empty(), "not taken by the loader: {problems:?}");
}

#[test]
fn every_starter_names_only_fields_and_values_the_loader_takes() {
    let schema = Schema::new();
    let known = schema.names();
    let dir = tempdir();
    for jurisdiction in ["lgsco", "lgsco_phso", "lgsco_hos"] {
        for stage in ["draft", "final"] {
            let file = dir.path().join(format!("{jurisdiction}-{stage}.toml"));
            let status = Command::new(env!("CARGO_BIN_EXE_redress"))
                .arg("new")
                .arg(&file)
                .args(["--jurisdiction", jurisdiction, "--stage", stage])
                .output()
                .expect("redress runs");
            assert!(status.status.success(), "{status:?}");
            let text = std::fs::read_to_string(&file).expect("written");
            assert!(
                text.ends_with('\n'),
                "{jurisdiction} {stage}: no final newline"
            );
            let value: toml::Value = toml::from_str(&text).expect("TOML");
            let mut problems = Vec::new();
            schema.check(&schema.root, &value, "", &mut problems);
            let comments: String = text
                .lines()
                .filter_map(|l| l.trim_start().strip_prefix('#'))
                .collect::<Vec<_>>()
                .join("\n");
            for name in unknown_names(&comments, &known) {
                problems.push(format!(
                    "a comment names `{name}`, which the loader does not know"
                ));
            }
            for field in ["family_name", "status", "role", "kind", "exception"] {
                if !comments.contains(field) {
                    problems.push(format!("the comments do not explain `{field}`"));
                }
            }
            assert!(
                problems.is_empty(),
                "{jurisdiction} {stage}:\n{}",
                problems.join("\n")
            );
        }
    }
}

#[test]
fn a_value_the_loader_refuses_is_caught_by_these_checks() {
    // The checks above can fail: `not_complied` is no status.
    let schema = Schema::new();
    let known = schema.names();
    assert_eq!(
        unknown_names("# status: agreed, not_complied or refused", &known),
        BTreeSet::from(["not_complied".to_string()])
    );
    let value: toml::Value =
        toml::from_str("[[recommendations]]\nstatus = \"not_complied\"\nwhatever = 1\n")
            .expect("TOML");
    let mut problems = Vec::new();
    schema.check(&schema.root, &value, "", &mut problems);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(outside_references().is_match(&format!("see {}.md §7", "DOMAIN")));
    let seed_file = format!("{}_{}.txt", "000", "cf15aaa24a13082c");
    assert!(outside_references().is_match(&format!("the rules of seed `{seed_file}`")));
    assert!(outside_references().is_match(&seed_file));
    assert!(!outside_references().is_match("redress corpus --seed 7"));
}
