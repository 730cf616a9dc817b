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
    let paths: usize = m
        .paths
        .as_ref()
        .expect("paths searched")
        .iter()
        .map(|c| c.finding_count())
        .sum();
    let active = |path: bool| {
        result
            .findings
            .iter()
            .filter(|f| f.suppression.is_none() && f.path.is_some() == path)
            .count()
    };
    assert_eq!(
        findings,
        active(false),
        "every active single-resource finding lands in exactly one cell"
    );
    assert_eq!(paths, active(true), "every active path lands in one row");
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

fn scan_paths(dir: &str, no_paths: bool) -> onus::ScanResult {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("cd to crate");
    scan(&ScanOptions {
        paths: vec![dir.into()],
        no_paths,
        ..ScanOptions::default()
    })
    .expect("scan")
}

#[test]
fn the_matrix_counts_exposure_paths_by_the_service_model_of_their_entry() {
    let result = scan_paths("fixtures/paths", false);
    let m = matrix::build(&result);
    let paths = m.paths.as_ref().expect("paths searched");
    let row = |model: ServiceModel| {
        paths
            .iter()
            .find(|c| c.service_model == model)
            .map(|c| (c.findings.clone(), c.undecided))
    };
    // Five IaaS paths (an instance, an Auto Scaling group, an EKS node group and a Compute Engine
    // instance critical, one high), and two undecided for each of the role variable and the launch
    // template's profile variable, one each for the node role and the Compute Engine service
    // account variables; one critical function URL path.
    let (iaas, iaas_undecided) = row(ServiceModel::IaaS).expect("IaaS row");
    assert_eq!(iaas.get("critical"), Some(&4));
    assert_eq!(iaas.get("high"), Some(&1));
    assert_eq!(iaas_undecided, 6);
    // Two API routes without authorization and an ECS service (PaaS), two undecided routes
    // and one service whose task role is a variable without a value.
    let (paas, paas_undecided) = row(ServiceModel::PaaS).expect("PaaS row");
    assert_eq!(paas.get("critical"), Some(&3));
    assert_eq!(paas_undecided, 3);
    let (faas, faas_undecided) = row(ServiceModel::FaaS).expect("FaaS row");
    assert_eq!(faas.get("critical"), Some(&1));
    assert_eq!(faas_undecided, 0);
    // A role any AWS principal may assume, with an admin policy (Mgmt: IAM), and one whose
    // trusted principals are a variable without a value.
    let (mgmt, mgmt_undecided) = row(ServiceModel::Management).expect("Mgmt row");
    assert_eq!(mgmt.get("critical"), Some(&1));
    assert_eq!(mgmt_undecided, 1);

    let text = matrix::render_text(&m);
    assert!(
        text.contains("Exposure paths, by the service model of the workload entered"),
        "{text}"
    );
    let iaas_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("IaaS") && l.contains("path"))
        .expect("IaaS paths line");
    assert!(
        iaas_line.ends_with("5 paths (4 C 1 H) · 6 undecided"),
        "{iaas_line}"
    );
    let md = matrix::render_markdown(&m);
    assert!(md.contains("| **FaaS** | 1 path (1 C) |"), "{md}");
    let doc: serde_json::Value = serde_json::from_str(&matrix::render_json(&m)).expect("JSON");
    let json_paths = doc["paths"].as_array().expect("paths in JSON");
    assert_eq!(json_paths.len(), 4);
    assert_eq!(json_paths[0]["service_model"], "IaaS");
    assert_eq!(json_paths[0]["findings"]["critical"], 4);
    assert_eq!(json_paths[0]["undecided"], 6);

    // Without the search, the matrix says nothing about paths rather than "none found".
    let off = matrix::build(&scan_paths("fixtures/paths", true));
    assert!(off.paths.is_none());
    assert!(!matrix::render_text(&off).contains("Exposure paths"));
}
