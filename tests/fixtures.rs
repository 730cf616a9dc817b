//! Golden expectations for fixture directories: every directory under `fixtures/` that holds an
//! `expected.txt` is scanned, and its findings (file:line, rule, address) must match the file.
//! Regenerate after an intended change with `ONUS_BLESS=1 cargo test --test fixtures`, then
//! review the diff.

use onus::scan::{scan, ScanOptions};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn fixture_dirs(root: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.join("expected.txt").is_file() {
                out.push(p.clone());
            }
            fixture_dirs(&p, out);
        }
    }
}

fn render(dir: &Path) -> String {
    let var_files: Vec<PathBuf> = std::fs::read_to_string(dir.join("var-files.txt"))
        .map(|s| {
            s.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| dir.join(l.trim()))
                .collect()
        })
        .unwrap_or_default();
    let opts = ScanOptions {
        paths: vec![dir.to_path_buf()],
        var_files,
        ..ScanOptions::default()
    };
    let result = scan(&opts).expect("scan runs");
    let mut out = String::new();
    let strip = |s: &str| {
        s.strip_prefix(&format!("{}/", dir.display()))
            .unwrap_or(s)
            .to_string()
    };
    for f in &result.findings {
        let src = result.sources.get(f.primary.file).expect("finding file");
        let lc = src.line_col(f.primary.start);
        let _ = writeln!(
            out,
            "{}:{} {} {} {}",
            strip(&src.display),
            lc.line,
            f.rule_id,
            f.address,
            f.primary_label
        );
    }
    for d in result
        .diagnostics
        .iter()
        .filter(|d| d.level != onus::diag::Level::Note)
    {
        let loc = d
            .span
            .and_then(|s| {
                result
                    .sources
                    .get(s.file)
                    .map(|f| format!("{}:{}", strip(&f.display), f.line_col(s.start).line))
            })
            .or_else(|| d.path.as_deref().map(strip))
            .unwrap_or_default();
        let _ = writeln!(out, "{loc} {} {} {}", d.level.as_str(), d.code, d.message);
    }
    out
}

#[test]
fn fixtures_match_their_expectations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs = Vec::new();
    fixture_dirs(&root, &mut dirs);
    assert!(!dirs.is_empty(), "no fixture directories with expected.txt");
    let bless = std::env::var_os("ONUS_BLESS").is_some();
    let mut failures = Vec::new();
    for dir in dirs {
        // Scan relative to the crate so paths in expectations are stable.
        let rel = dir
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&dir)
            .to_path_buf();
        std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("cd to crate");
        let actual = render(&rel);
        let expected_path = dir.join("expected.txt");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if bless {
            std::fs::write(&expected_path, &actual).expect("write expectation");
        } else if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- actual\n{actual}",
                rel.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "fixture expectations differ:\n{}",
        failures.join("\n")
    );
}
