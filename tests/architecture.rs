//! The house rules of `src/`, kept by a test rather than by memory: every
//! import points down the pipeline's stage order (README, "How it works"),
//! no two modules import each other (directly or round a loop), and no
//! source file grows past 600 lines. Read from the source text: `crate::`,
//! `super::` and `self::` paths outside comments and `#[cfg(test)]` modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::util::root;

/// The top-level modules, lowest first: a module may import only those
/// before it. Leaves (diagnostics, ids, digests, the worker runner, the
/// staged-folder writer, the typesetter) serve every stage; then the stages
/// in pipeline order; then what runs them.
const ORDER: &[&str] = &[
    "diag",
    "ids",
    "digest",
    "workers",
    "staged",
    "typeset",
    "case",
    "calendar",
    "corpus",
    "anonymise",
    "plan",
    "lint",
    "render",
    "pdf",
    "verify",
    "review",
    "pipeline",
    "batch",
    "publish",
    "watch",
    "serve",
    "bench",
    "cli",
];

/// The longest a source file may be.
const MAX_LINES: usize = 600;

/// Every module of `src/` (`a::b` for `src/a/b.rs` or `src/a/b/mod.rs`;
/// the crate root is ``) with its source, test modules and comments taken
/// out.
fn modules() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let src = root().join("src");
    for path in rust_files(&src) {
        let relative = path.strip_prefix(&src).expect("under src");
        let mut parts: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        if parts == ["lib"] || parts == ["main"] {
            parts.clear();
        }
        let text = std::fs::read_to_string(&path).expect("readable source");
        let code = text
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        out.insert(parts.join("::"), without_comments(code));
    }
    out
}

fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The text with `//` comments blanked (string literals that hold `//`
/// are rare in paths and harmless here: a path after one is only missed).
fn without_comments(code: &str) -> String {
    code.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module a path names, from module `from`: the longest prefix that is
/// a module.
fn resolve(from: &str, path: &str, names: &BTreeSet<String>) -> Option<String> {
    let mut parts: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = match parts.first() {
        Some(&"crate") => Vec::new(),
        Some(&"self") => from.split("::").filter(|s| !s.is_empty()).collect(),
        Some(&"super") => from.split("::").filter(|s| !s.is_empty()).collect(),
        _ => return None,
    };
    if parts[0] == "super" {
        while parts.first() == Some(&"super") {
            base.pop();
            parts.remove(0);
        }
    } else {
        parts.remove(0);
    }
    let mut found = None;
    for i in 0..=parts.len() {
        let candidate = base
            .iter()
            .chain(&parts[..i])
            .copied()
            .collect::<Vec<_>>()
            .join("::");
        if names.contains(&candidate) {
            found = Some(candidate);
        }
    }
    found
}

fn is_within(inner: &str, outer: &str) -> bool {
    outer.is_empty() || inner == outer || inner.starts_with(&format!("{outer}::"))
}

/// Which modules each module imports (a module and its ancestors or
/// descendants are one family, not an arrow).
fn arrows() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let path = regex::Regex::new(r"\b(?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+").unwrap();
    let group = regex::Regex::new(r"((?:crate|super|self)(?:::\w+)*)::\{([^;]*?)\};").unwrap();
    let item = regex::Regex::new(r"\w+(?:::\w+)*").unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &modules {
        let mut targets: Vec<String> = path
            .find_iter(code)
            .map(|m| m.as_str().to_string())
            .collect();
        for g in group.captures_iter(code) {
            for i in item.find_iter(&g[2]) {
                targets.push(format!("{}::{}", &g[1], i.as_str()));
            }
        }
        for target in targets {
            if let Some(to) = resolve(module, &target, &names)
                && !is_within(&to, module)
                && !is_within(module, &to)
            {
                out.entry(module.clone()).or_default().insert(to);
            }
        }
    }
    out
}

/// The sets of modules that reach each other (Tarjan's algorithm), those of
/// more than one.
fn loops(arrows: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        arrows: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.arrows.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut set = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                set.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if set.len() > 1 {
                set.sort();
                s.out.push(set);
            }
        }
    }
    let mut state = State {
        arrows,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in arrows.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.out
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or_default()
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let arrows = arrows();
    assert!(arrows.len() > 50, "the source was read: {}", arrows.len());
    let loops = loops(&arrows);
    let described: Vec<String> = loops
        .iter()
        .map(|set| {
            let inside: Vec<String> = set
                .iter()
                .flat_map(|a| {
                    arrows[a]
                        .iter()
                        .filter(|b| set.contains(b))
                        .map(move |b| format!("{a} -> {b}"))
                })
                .collect();
            format!("{set:?}: {}", inside.join(", "))
        })
        .collect();
    assert!(
        loops.is_empty(),
        "import loops (move what both use down into a module of its own):\n{}",
        described.join("\n")
    );
}

#[test]
fn every_import_points_down_the_stage_order() {
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut wrong = Vec::new();
    for (from, targets) in arrows() {
        let from_top = top(&from);
        if from_top.is_empty() {
            continue;
        }
        let Some(from_rank) = rank(from_top) else {
            wrong.push(format!(
                "`{from_top}` is not in the stage order of tests/architecture.rs"
            ));
            continue;
        };
        for to in targets {
            let to_top = top(&to);
            if to_top == from_top || to_top.is_empty() {
                continue;
            }
            match rank(to_top) {
                Some(r) if r < from_rank => {}
                _ => wrong.push(format!("{from} -> {to}")),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports against the stage order {ORDER:?}:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_source_file_is_over_600_lines() {
    let src = root().join("src");
    let long: Vec<String> = rust_files(&src)
        .into_iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(&p).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", p.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these by the concepts they hold:\n{}",
        long.join("\n")
    );
}
