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
