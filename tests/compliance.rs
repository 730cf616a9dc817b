//! The compliance report of `onus matrix --compliance`: per control, passed only when every
//! check was decided compliant, failed with the resources, undecided when a value is unknown,
//! and the controls no static scan can verify listed with why.

use assert_cmd::Command;
use onus::report::compliance::{self, ControlStatus, FrameworkReport};
use onus::rules::controls::ControlCatalog;
use onus::scan::{scan, ScanOptions};

fn report(framework: &str) -> FrameworkReport {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("cd to crate");
    let mut opts = ScanOptions {
        paths: vec!["fixtures/compliance-aws".into()],
        ..ScanOptions::default()
    };
    opts.select.compliance = vec![framework.to_string()];
    let result = scan(&opts).expect("scan");
    let mut reports = compliance::build(&result, &[framework.to_string()]);
    assert_eq!(reports.len(), 1);
    reports.remove(0)
}

fn control<'a>(r: &'a FrameworkReport, id: &str) -> &'a compliance::ControlReport {
    r.controls
        .iter()
        .find(|c| c.control == id)
        .unwrap_or_else(|| panic!("control {id} missing from the report"))
}

#[test]
fn each_control_gets_the_state_the_scan_supports() {
    let r = report("cis-aws-1.4");
    assert!(r.catalogued);
    let passed = control(&r, "1.8");
    assert_eq!(passed.status, ControlStatus::Passed, "{passed:?}");
    assert!(passed.evaluated >= 1);
    let failed = control(&r, "3.4");
    assert_eq!(failed.status, ControlStatus::Failed, "{failed:?}");
    assert_eq!(
        failed.failing,
        ["aws-cloudtrail-cloudwatch-logs aws_cloudtrail.main"]
    );
    let undecided = control(&r, "5.1");
    assert_eq!(undecided.status, ControlStatus::Undecided, "{undecided:?}");
    assert_eq!(undecided.undecided, 1);
    let root_mfa = control(&r, "1.5");
    assert_eq!(root_mfa.status, ControlStatus::NotVerifiable);
    assert!(root_mfa
        .reason
        .as_deref()
        .is_some_and(|why| why.contains("root user")));
}

#[test]
fn every_catalogued_control_is_reported_once_and_states_are_consistent() {
    let r = report("cis-aws-1.4");
    let catalog = ControlCatalog::builtin("cis-aws-1.4")
        .expect("catalogue")
        .expect("parses");
    let ids: Vec<&str> = r.controls.iter().map(|c| c.control.as_str()).collect();
    let expected: Vec<&str> = catalog.controls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected, "the report lists the catalogue in order");
    for c in &r.controls {
        match c.status {
            ControlStatus::Passed => assert!(
                c.evaluated > 0 && c.undecided == 0 && c.failing.is_empty(),
                "a pass needs decided, compliant checks: {c:?}"
            ),
            ControlStatus::Failed => assert!(!c.failing.is_empty(), "{c:?}"),
            ControlStatus::Undecided => {
                assert!(c.undecided > 0 && c.failing.is_empty(), "{c:?}")
            }
            ControlStatus::NotInScope => assert!(!c.rules.is_empty() && c.evaluated == 0),
            ControlStatus::NotChecked => assert!(c.rules.is_empty(), "{c:?}"),
            ControlStatus::NotVerifiable => {
                assert!(c.rules.is_empty() && c.reason.is_some(), "{c:?}")
            }
        }
    }
    let total: usize = r.totals.values().sum();
    assert_eq!(total, r.controls.len());
}

#[test]
fn a_framework_without_a_catalogue_shows_the_mapped_controls_and_says_so() {
    let r = report("cis-aws-1.2");
    assert!(!r.catalogued);
    assert!(!r.controls.is_empty());
    assert!(r
        .controls
        .iter()
        .all(|c| !c.rules.is_empty() && c.title.is_none()));
    let text = compliance::render_text(std::slice::from_ref(&r));
    assert!(text.contains("no control list of cis-aws-1.2"), "{text}");
}

#[test]
fn matrix_command_reports_controls_in_every_format() {
    let run = |format: &str| {
        let out = Command::cargo_bin("onus")
            .expect("binary")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "matrix",
                "--no-config",
                "--compliance",
                "cis-aws-1.4",
                "--format",
                format,
                "fixtures/compliance-aws",
            ])
            .output()
            .expect("run");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let text = run("human");
    assert!(text.contains("Compliance: cis-aws-1.4 ("), "{text}");
    assert!(text.contains("aws-cloudtrail-cloudwatch-logs aws_cloudtrail.main"));
    let md = run("markdown");
    assert!(md.contains("### Compliance: cis-aws-1.4"), "{md}");
    assert!(md.contains("| 3.4 | failed |"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("json");
    let controls = json["compliance"][0]["controls"]
        .as_array()
        .expect("controls");
    let c34 = controls
        .iter()
        .find(|c| c["control"] == "3.4")
        .expect("3.4");
    assert_eq!(c34["status"], "failed");
    // Without --compliance the matrix is unchanged: no compliance section.
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "matrix",
            "--no-config",
            "--format",
            "json",
            "fixtures/compliance-aws",
        ])
        .output()
        .expect("run");
    let plain: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(plain.get("compliance").is_none());
}
