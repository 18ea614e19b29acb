//! The library's folders import each other one way: every top-level module may use
//! only modules of lower layers. The layers are listed here, bottom first; a new
//! module must be placed in one. Test code (`#[cfg(test)]` modules, `tests.rs`
//! files and `tests/` folders) is not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, bottom first.
const LAYERS: &[&[&str]] = &[
    &["error", "rng", "interrupt"],
    &["model", "nn"],
    &["lp", "io", "generate"],
    &[
        "propagation",
        "cuts",
        "branch",
        "bounds",
        "formulate",
        "data",
    ],
    &["heur", "relu"],
    &["search"],
    &["verify", "train"],
    &["adversarial"],
    &["exact"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The non-test `.rs` files of a module (a file or a folder).
fn module_files(src: &Path, module: &str) -> Vec<PathBuf> {
    let file = src.join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut files = Vec::new();
    let mut stack = vec![src.join(module)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if name != "tests" {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") && name != "tests.rs" {
                files.push(path);
            }
        }
    }
    files
}

/// Top-level modules named by `crate::NAME` paths or `use crate::{NAME, ...}` groups
/// in `text`, before its first `#[cfg(test)]`.
fn imported_modules(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group ends at its matching brace.
            let mut open = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    open += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    open == 0
                })
                .map_or(group.len(), |(i, _)| i);
            // Top-level names of the group: the first segment of each entry.
            let mut depth = 0;
            let mut entry = String::new();
            for ch in group[..end].chars().chain(std::iter::once(',')) {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let name: String = entry
                            .trim()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() {
                            found.insert(name);
                        }
                        entry.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    entry.push(ch);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.insert(name);
        }
    }
    found
}

#[test]
fn folders_import_one_way() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .expect("src is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "lib.rs" && n != "main.rs")
        .map(|n| n.trim_end_matches(".rs").to_string())
        .collect();
    modules.sort();
    let mut violations = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let Some(layer) = layer_of(module) else {
            violations.push(format!("module {module} is in no layer of this test"));
            continue;
        };
        for file in module_files(&src, module) {
            let text = std::fs::read_to_string(&file).expect("source is readable");
            for used in imported_modules(&text) {
                if used == *module || !modules.contains(&used) {
                    continue;
                }
                graph
                    .entry(module.clone())
                    .or_default()
                    .insert(used.clone());
                if layer_of(&used).is_none_or(|l| l >= layer) {
                    violations.push(format!(
                        "{} uses crate::{used}, which is not in a lower layer",
                        file.strip_prefix(&src).unwrap_or(&file).display()
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports against the layering:\n{}\n(graph: {graph:?})",
        violations.join("\n")
    );
}

#[test]
fn group_imports_are_parsed() {
    let names = imported_modules(
        "use crate::{model::{Model, Row}, lp::LpEngine};\nfn f() { crate::io::x(); }\n#[cfg(test)]\nuse crate::search;",
    );
    let expected: BTreeSet<String> = ["model", "lp", "io"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(names, expected);
}
