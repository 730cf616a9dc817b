//! The responsibility matrix on the demo project: text and markdown snapshots, and the
//! invariants a reader relies on.

use onus::report::matrix;
use onus::scan::{scan, ScanOptions};
use onus::taxonomy::ServiceModel;

fn demo() -> onus::ScanResult {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("cd to crate");
    scan(&ScanOptions {
        paths: vec!["fixtures/demo".into()],
        ..ScanOptions::default()
    })
    .expect("scan")
}

#[test]
fn matrix_text_snapshot() {
    let m = matrix::build(&demo());
    insta::assert_snapshot!("demo_matrix_text", matrix::render_text(&m));
}

#[test]
fn matrix_markdown_snapshot() {
    let m = matrix::build(&demo());
    insta::assert_snapshot!("demo_matrix_markdown", matrix::render_markdown(&m));
}

#[test]
fn matrix_counts_agree_with_the_scan() {
    let result = demo();
    let m = matrix::build(&result);
    let findings: usize = m.cells.iter().map(|(_, _, c)| c.finding_count()).sum();
    let active = result
        .findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .count();
    assert_eq!(
        findings, active,
        "every active finding lands in exactly one cell"
    );
    let evaluated: usize = m.cells.iter().map(|(_, _, c)| c.evaluated).sum();
    assert_eq!(evaluated, result.evaluations.len());
    // Every demo resource type is classified, and EC2 instances are IaaS with the guest OS
    // listed as not verifiable statically.
    assert!(
        m.unclassified_types.is_empty(),
        "{:?}",
        m.unclassified_types
    );
    let web = m
        .resources
        .iter()
        .find(|r| r.address == "aws_instance.web[0]")
        .expect("instance row");
    assert_eq!(web.model, ServiceModel::IaaS);
    assert!(web.not_verifiable.iter().any(|(l, _)| l.as_str() == "os"));
}

#[test]
fn matrix_json_is_valid() {
    let m = matrix::build(&demo());
    let doc: serde_json::Value = serde_json::from_str(&matrix::render_json(&m)).expect("JSON");
    assert_eq!(doc["schema_version"], 1);
    assert!(doc["resources"].as_array().is_some_and(|r| !r.is_empty()));
}
