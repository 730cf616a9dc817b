//! Exposure paths: the path rules' own examples, the fixtures under `fixtures/paths/` (each bad
//! case with near-miss twins that must stay clean), and how paths are rendered.

use onus::finding::{Finding, PathStage};
use onus::paths::rules;
use onus::{scan, ScanOptions, ScanResult};
use std::path::{Path, PathBuf};

fn scan_dir(dir: &Path) -> ScanResult {
    let opts = ScanOptions {
        paths: vec![dir.to_path_buf()],
        ..ScanOptions::default()
    };
    scan(&opts).expect("scan runs")
}

fn path_findings(result: &ScanResult) -> Vec<&Finding> {
    result
        .findings
        .iter()
        .filter(|f| f.path.is_some())
        .map(|f| &**f)
        .collect()
}

fn line_of(result: &ScanResult, f: &Finding) -> u32 {
    let src = result.sources.get(f.primary.file).expect("source");
    src.line_col(f.primary.start).line
}

#[test]
fn every_path_rule_fires_on_its_bad_example_and_not_on_its_good_one() {
    let rules = rules::builtin().expect("path rules parse");
    assert!(rules.len() >= 2, "path rules found: {}", rules.len());
    for rule in &rules {
        for (kind, code) in &rule.examples {
            let dir = tempfile::tempdir().expect("tempdir");
            std::fs::write(dir.path().join("main.tf"), code).expect("write example");
            let result = scan_dir(dir.path());
            let found: Vec<u32> = path_findings(&result)
                .into_iter()
                .filter(|f| *f.rule_id == *rule.id)
                .map(|f| line_of(&result, f))
                .collect();
            let pinned: Vec<u32> = code
                .lines()
                .enumerate()
                .filter(|(_, l)| l.contains(&format!("# expect: {}", rule.id)))
                .map(|(n, _)| n as u32 + 1)
                .collect();
            match kind.as_str() {
                "bad" => {
                    assert!(!pinned.is_empty(), "{}: bad example pins nothing", rule.id);
                    assert_eq!(found, pinned, "{}: bad example", rule.id);
                }
                _ => assert!(
                    found.is_empty(),
                    "{}: good example found {found:?}",
                    rule.id
                ),
            }
        }
    }
}

#[test]
fn a_path_finding_names_entry_pivot_and_target_hop_by_hop() {
    let rules = rules::builtin().expect("path rules parse");
    let rule = rules
        .iter()
        .find(|r| &*r.id == "aws-path-internet-instance-admin-role")
        .expect("rule");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("main.tf"), &rule.examples[0].1).expect("write");
    let result = scan_dir(dir.path());
    let found = path_findings(&result);
    assert_eq!(found.len(), 1);
    let path = found[0].path.as_ref().expect("path");
    let hops: Vec<(PathStage, &str)> = path
        .hops
        .iter()
        .map(|h| (h.stage, h.address.as_str()))
        .collect();
    assert_eq!(
        hops,
        vec![
            (PathStage::Entry, "aws_internet_gateway.main"),
            (PathStage::Entry, "aws_route_table.public"),
            (PathStage::Entry, "aws_subnet.public"),
            (PathStage::Entry, "aws_security_group.web"),
            (PathStage::Entry, "aws_instance.web"),
            (PathStage::Pivot, "aws_iam_instance_profile.web"),
            (PathStage::Pivot, "aws_iam_role.web"),
            (
                PathStage::Target,
                "aws_iam_role_policy_attachment.web_admin"
            ),
        ]
    );
    assert_eq!(found[0].severity, onus::taxonomy::Severity::Critical);
}

#[test]
fn paths_can_be_switched_off() {
    let rules = rules::builtin().expect("path rules parse");
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("main.tf"), &rules[0].examples[0].1).expect("write");
    let opts = ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        no_paths: true,
        ..ScanOptions::default()
    };
    let result = scan(&opts).expect("scan runs");
    assert!(path_findings(&result).is_empty());
}

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/paths")
        .join(case)
}

/// (rule, workload address) of every path finding, and the undecided path evaluations.
fn paths_of(case: &str) -> (Vec<(String, String)>, Vec<(String, String)>) {
    let result = scan_dir(&fixture(case));
    assert!(!result.has_errors(), "{case}: {:?}", result.diagnostics);
    let found = path_findings(&result)
        .into_iter()
        .map(|f| (f.rule_id.to_string(), f.address.clone()))
        .collect();
    let undecided = result
        .undecided
        .iter()
        .filter(|u| u.rule_id.starts_with("aws-path-"))
        .map(|u| (u.rule_id.to_string(), u.reason.clone()))
        .collect();
    (found, undecided)
}

#[test]
fn internet_exposed_instance_with_admin_role_through_a_module() {
    let result = scan_dir(&fixture("ec2-admin-role"));
    let found = path_findings(&result);
    assert_eq!(found.len(), 1);
    let f = found[0];
    assert_eq!(&*f.rule_id, "aws-path-internet-instance-admin-role");
    assert_eq!(f.address, "aws_instance.web");
    let hops: Vec<(PathStage, &str, String)> = f
        .path
        .as_ref()
        .expect("path")
        .hops
        .iter()
        .map(|h| {
            let src = result.sources.get(h.span.file).expect("source");
            let at = format!("{}:{}", src.display, src.line_col(h.span.start).line);
            (h.stage, h.address.as_str(), at)
        })
        .collect();
    let dir = fixture("ec2-admin-role");
    let at = |file: &str, line: u32| format!("{}:{line}", dir.join(file).display());
    assert_eq!(
        hops,
        vec![
            (
                PathStage::Entry,
                "module.network.aws_internet_gateway.main[0]",
                at("modules/network/main.tf", 16)
            ),
            (
                PathStage::Entry,
                "module.network.aws_route.internet[0]",
                at("modules/network/main.tf", 29)
            ),
            (
                PathStage::Entry,
                "module.network.aws_route_table.app",
                at("modules/network/main.tf", 21)
            ),
            (
                PathStage::Entry,
                "module.network.aws_subnet.app",
                at("modules/network/main.tf", 13)
            ),
            (
                PathStage::Entry,
                "aws_security_group.web",
                at("network.tf", 15)
            ),
            (PathStage::Entry, "aws_instance.web", at("compute.tf", 1)),
            (
                PathStage::Pivot,
                "aws_iam_instance_profile.web",
                at("iam.tf", 3)
            ),
            (PathStage::Pivot, "aws_iam_role.web", at("iam.tf", 16)),
            (
                PathStage::Target,
                "aws_iam_role_policy_attachment.web_admin",
                at("iam.tf", 23)
            ),
        ]
    );
}

#[test]
fn a_private_subnet_breaks_the_instance_path() {
    assert_eq!(paths_of("ec2-admin-role-private-subnet"), (vec![], vec![]));
}

#[test]
fn a_role_scoped_to_one_bucket_breaks_the_instance_path() {
    assert_eq!(paths_of("ec2-scoped-role"), (vec![], vec![]));
}

#[test]
fn a_role_from_a_variable_without_a_value_leaves_the_path_undecided() {
    let (found, undecided) = paths_of("ec2-role-from-variable");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(undecided.len(), 1, "{undecided:?}");
    assert_eq!(undecided[0].0, "aws-path-internet-instance-admin-role");
    assert!(undecided[0].1.contains("role"), "{}", undecided[0].1);
}

#[test]
fn public_function_url_with_admin_role_from_a_module_policy_document() {
    let (found, undecided) = paths_of("lambda-url-admin-role");
    assert_eq!(
        found,
        vec![(
            "aws-path-public-function-url-admin-role".to_string(),
            "aws_lambda_function_url.api".to_string()
        )]
    );
    assert!(undecided.is_empty(), "{undecided:?}");
}

#[test]
fn iam_auth_on_the_function_url_breaks_the_path() {
    assert_eq!(paths_of("lambda-url-iam-auth"), (vec![], vec![]));
}

#[test]
fn a_scoped_execution_role_breaks_the_function_url_path() {
    assert_eq!(paths_of("lambda-url-scoped-role"), (vec![], vec![]));
}
