//! Embeds every rule and catalogue file under `rules/` into the binary, so the built-in rule
//! set needs no files at run time.

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut out = String::from("/// Built-in rule and catalogue files: (path below `rules/`, contents).\npub static BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        println!("cargo:rerun-if-changed={}", f.display());
        out.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    // One test per rule file, for the test suite (tests/rule_examples.rs): failures are
    // reported per rule and a rule can be tested alone (`cargo test --test rule_examples ID`).
    let mut tests = String::new();
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("catalog/") || rel.starts_with("paths/") || !rel.ends_with(".hcl") {
            continue;
        }
        let stem = f
            .file_stem()
            .map(|s| s.to_string_lossy().replace('-', "_"))
            .unwrap_or_default();
        tests.push_str(&format!(
            "rule_examples!({stem}, {:?});\n",
            format!("rules/{rel}")
        ));
    }
    let tests_dest =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("rule_tests.rs");
    if let Err(e) = std::fs::write(&tests_dest, tests) {
        println!("cargo:warning=cannot write {}: {e}", tests_dest.display());
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("builtin_rules.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            collect(&p, out);
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("hcl" | "tsv")) {
            out.push(p);
        }
    }
}
