//! No module imports a module that imports it back. Read from the source: every `crate::`,
//! `super::` and `self::` path outside test modules is resolved to the module it names, and
//! each reference between two modules counts as an edge between the children of their nearest
//! common ancestor (a file referring to its own parent or child is not a cycle: `mod.rs`
//! re-exports and `use super::*` in a child are how a folder is built). Any strongly connected
//! group of siblings is a cycle, reported with the references that make it.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type ModPath = Vec<String>;

/// Every `.rs` file under `src`, with the module path it defines.
fn module_files(src: &Path) -> Vec<(PathBuf, ModPath)> {
    let mut out = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(src).unwrap_or(&p);
                let mut parts: ModPath = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                let last = parts.pop().unwrap_or_default();
                let stem = last.trim_end_matches(".rs");
                if !matches!(stem, "mod" | "lib" | "main") {
                    parts.push(stem.to_string());
                }
                if stem != "main" && !rel.starts_with("bin") {
                    out.push((p, parts));
                }
            }
        }
    }
    out.sort();
    out
}

/// The text of a file without its `#[cfg(test)]` modules (tests may use anything) and without
/// comments (which may name a module without using it).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|l| l.trim_start().starts_with("mod "))
        {
            // Skip the module: up to its closing brace at the same indentation.
            let indent = line.len() - line.trim_start().len();
            let closing = format!("{}}}", " ".repeat(indent));
            for l in lines.by_ref() {
                if l == closing {
                    break;
                }
            }
            continue;
        }
        let code = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand_group(prefix: &str, group: &str, out: &mut Vec<String>) {
    let mut depth = 0;
    let mut start = 0;
    let mut items = Vec::new();
    for (i, ch) in group.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    for item in items {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        if let Some(open) = item.find('{') {
            let inner = item[open + 1..].trim_end().trim_end_matches('}');
            let head = item[..open].trim_end_matches("::");
            expand_group(&format!("{prefix}::{head}"), inner, out);
        } else {
            let name = item.split_whitespace().next().unwrap_or(item);
            out.push(format!("{prefix}::{name}"));
        }
    }
}

/// The paths a file refers to, each as written from its anchor (`crate`, `super`, `self`).
fn references(text: &str) -> Vec<String> {
    let group =
        Regex::new(r"\b((?:crate|super|self)(?:::\w+)*)::\{").unwrap_or_else(|e| panic!("{e}"));
    let plain = Regex::new(r"\b((?:crate|super|self)(?:::\w+)+)").unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for m in group.captures_iter(text) {
        let whole = m.get(0).map(|m| m.end()).unwrap_or(0);
        // The group runs to the matching brace.
        let mut depth = 1;
        let mut end = whole;
        for (i, ch) in text[whole..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = whole + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        expand_group(&m[1], &text[whole..end], &mut out);
    }
    out.extend(plain.captures_iter(text).map(|m| m[1].to_string()));
    out
}

/// The module a path written in module `from` names: the longest known module prefix.
fn resolve(path: &str, from: &ModPath, modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    let mut parts = path.split("::");
    let mut base: ModPath = match parts.next()? {
        "crate" => Vec::new(),
        "self" => from.clone(),
        "super" => {
            let mut b = from.clone();
            b.pop();
            b
        }
        _ => return None,
    };
    let rest: Vec<&str> = parts.collect();
    let mut i = 0;
    while i < rest.len() && rest[i] == "super" {
        base.pop();
        i += 1;
    }
    let mut best = base.clone();
    for p in &rest[i..] {
        base.push((*p).to_string());
        if modules.contains(&base) {
            best = base.clone();
        } else {
            break;
        }
    }
    Some(best)
}

/// Items the crate root re-exports (`pub use scan::{scan, ScanResult}`), by name.
fn root_reexports(lib: &str, modules: &BTreeSet<ModPath>) -> BTreeMap<String, ModPath> {
    let re = Regex::new(r"pub use (\w+)::\{([^}]*)\}").unwrap_or_else(|e| panic!("{e}"));
    let mut out = BTreeMap::new();
    for m in re.captures_iter(lib) {
        let module = vec![m[1].to_string()];
        if !modules.contains(&module) {
            continue;
        }
        for name in m[2].split(',') {
            out.insert(name.trim().to_string(), module.clone());
        }
    }
    out
}

/// The groups of nodes that reach one another (strongly connected, more than one node or a
/// node reaching itself), by reachability: the graphs are a few dozen nodes.
fn cycles(
    nodes: &BTreeSet<String>,
    edges: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<Vec<String>> {
    fn reach(from: &str, edges: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(n) = stack.pop() {
            for m in edges.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    }
    let reach: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (n, reach(n, edges))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in nodes {
        if done.contains(n) || !reach[n].contains(n) {
            continue;
        }
        let group: Vec<String> = nodes
            .iter()
            .filter(|m| reach[n].contains(*m) && reach[*m].contains(n))
            .cloned()
            .collect();
        done.extend(group.iter().cloned());
        out.push(group);
    }
    out
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = module_files(&src);
    let modules: BTreeSet<ModPath> = files.iter().map(|(_, m)| m.clone()).collect();
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap_or_default();
    let reexports = root_reexports(&lib, &modules);
    // parent module → (child → children it refers to), with the evidence.
    let mut graphs: BTreeMap<ModPath, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut evidence: BTreeMap<(ModPath, String, String), String> = BTreeMap::new();
    let mut children: BTreeMap<ModPath, BTreeSet<String>> = BTreeMap::new();
    for (path, from) in &files {
        let text = without_tests(&std::fs::read_to_string(path).unwrap_or_default());
        for r in references(&text) {
            let Some(mut to) = resolve(&r, from, &modules) else {
                continue;
            };
            if to.is_empty() {
                let name = r.split("::").nth(1).unwrap_or_default();
                match reexports.get(name) {
                    Some(m) => to = m.clone(),
                    None => continue,
                }
            }
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            // A module and its own ancestors or descendants: not a cycle between siblings.
            if common == from.len() || common == to.len() {
                continue;
            }
            let parent: ModPath = from[..common].to_vec();
            let (a, b) = (from[common].clone(), to[common].clone());
            children
                .entry(parent.clone())
                .or_default()
                .extend([a.clone(), b.clone()]);
            graphs
                .entry(parent.clone())
                .or_default()
                .entry(a.clone())
                .or_default()
                .insert(b.clone());
            evidence.entry((parent, a, b)).or_insert_with(|| {
                format!(
                    "{} uses {r}",
                    path.strip_prefix(&src).unwrap_or(path).display()
                )
            });
        }
    }
    let mut problems = Vec::new();
    for (parent, edges) in &graphs {
        for group in cycles(&children[parent], edges) {
            let shown: Vec<String> = group
                .iter()
                .flat_map(|a| {
                    group.iter().filter_map(|b| {
                        evidence
                            .get(&(parent.clone(), a.clone(), b.clone()))
                            .cloned()
                    })
                })
                .collect();
            problems.push(format!(
                "cycle between {} in crate::{}:\n  {}",
                group.join(", "),
                parent.join("::"),
                shown.join("\n  ")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The check reads what it should: the crate's stages are there and refer to one another.
    assert!(modules.contains(&vec!["scan".to_string()]), "{modules:?}");
    assert!(graphs.get(&Vec::new()).is_some_and(|g| g.len() > 10));
}

#[test]
fn references_expand_groups_and_resolve_super() {
    let refs = references("use crate::load::{self, ast::{Expr, Body}};\nuse super::expr::Env;\n");
    assert!(refs.contains(&"crate::load::self".to_string()), "{refs:?}");
    assert!(
        refs.contains(&"crate::load::ast::Expr".to_string()),
        "{refs:?}"
    );
    let modules: BTreeSet<ModPath> = [
        vec!["eval".to_string()],
        vec!["eval".to_string(), "expr".to_string()],
    ]
    .into_iter()
    .collect();
    let from = vec!["eval".to_string(), "module".to_string()];
    assert_eq!(
        resolve("super::expr::Env", &from, &modules),
        Some(vec!["eval".to_string(), "expr".to_string()])
    );
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (x, y) in [("a", "b"), ("b", "a"), ("b", "c")] {
        edges
            .entry(x.to_string())
            .or_default()
            .insert(y.to_string());
    }
    let nodes = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    let cyc = cycles(&nodes, &edges);
    assert_eq!(cyc, vec![vec!["a".to_string(), "b".to_string()]]);
}
