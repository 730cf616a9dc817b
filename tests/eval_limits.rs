//! Evaluation stays bounded on hostile configurations: long chains of locals and modules end
//! in a diagnostic and unknown values, never a stack overflow.

use onus::scan::{scan, ScanOptions};
use std::fmt::Write;

#[test]
fn a_long_chain_of_locals_is_cut_with_a_diagnostic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let n = 20_000;
    let mut src = String::from("locals {\n");
    for i in 0..n {
        let _ = writeln!(src, "  l{i} = [local.l{}]", i + 1);
    }
    let _ = writeln!(src, "  l{n} = \"end\"\n}}");
    src.push_str("resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = local.l0[0]\n  size = 1\n  encrypted = true\n}\n");
    std::fs::write(dir.path().join("main.tf"), src).expect("write");
    let result = scan(&ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        ..ScanOptions::default()
    })
    .expect("scan");
    assert!(
        result.diagnostics.iter().any(|d| d.code == "eval-limit"),
        "a limit diagnostic is reported"
    );
    // The resource itself is still checked: it is encrypted, so no finding.
    assert!(result.findings.is_empty());
    assert_eq!(result.resources.len(), 1);
}

/// Scans `files` (name, text) in a temp dir with the default limits.
fn scan_files(files: &[(String, String)]) -> onus::result::ScanResult {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    scan(&ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        ..ScanOptions::default()
    })
    .expect("scan")
}

/// The cut is reported once, at a module call in a file whose name ends with `file`.
fn assert_cut_at_a_module_call(result: &onus::result::ScanResult, file: &str) {
    let cuts: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.code == "eval-limit")
        .collect();
    assert_eq!(cuts.len(), 1, "{cuts:#?}");
    let span = cuts[0].span.expect("a located diagnostic");
    let src = result.sources.get(span.file).expect("source file");
    assert!(
        src.display.ends_with(file),
        "cut reported in {}",
        src.display
    );
    assert!(
        src.text[span.start as usize..].starts_with("module "),
        "cut reported at {:?}",
        &src.text[span.start as usize..]
    );
}

#[test]
fn eight_nested_modules_with_count_ten_are_cut_with_a_diagnostic() {
    let mut files = Vec::new();
    for level in 0..8 {
        let dir = if level == 0 {
            String::new()
        } else {
            format!("m{level}/")
        };
        let child = level + 1;
        let mut src = String::from(
            "resource \"aws_ebs_volume\" \"v\" {\n  size = 1\n  encrypted = true\n}\n",
        );
        if level < 7 {
            let _ = write!(
                src,
                "module \"down\" {{\n  count  = 10\n  source = \"{}m{child}\"\n}}\n",
                if level == 0 { "./" } else { "../" }
            );
        }
        files.push((format!("{dir}main.tf"), src));
    }
    // A second root beside it is still scanned whole.
    files.push((
        "other/main.tf".to_string(),
        "resource \"aws_ebs_volume\" \"other\" {\n  size = 1\n}\n".to_string(),
    ));
    let result = scan_files(&files);
    assert_cut_at_a_module_call(&result, "main.tf");
    assert!(
        result.resources.len() <= 100_001,
        "{}",
        result.resources.len()
    );
    assert!(result
        .findings
        .iter()
        .any(|f| f.address.ends_with("aws_ebs_volume.other")));
}

#[test]
fn a_module_called_twice_per_level_thirty_levels_deep_is_cut() {
    let mut files = Vec::new();
    for level in 0..30 {
        let dir = if level == 0 {
            String::new()
        } else {
            format!("l{level}/")
        };
        let up = if level == 0 { "./" } else { "../" };
        let mut src = String::from(
            "resource \"aws_ebs_volume\" \"v\" {\n  size = 1\n  encrypted = true\n}\n",
        );
        if level < 29 {
            let child = level + 1;
            for side in ["a", "b"] {
                let _ = write!(
                    src,
                    "module \"{side}\" {{\n  source = \"{up}l{child}\"\n}}\n"
                );
            }
        }
        files.push((format!("{dir}main.tf"), src));
    }
    let result = scan_files(&files);
    assert_cut_at_a_module_call(&result, "main.tf");
}
