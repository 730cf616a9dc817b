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
    assert!(rules.len() >= 3, "path rules found: {}", rules.len());
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
        .filter(|u| result.path_rules.iter().any(|r| r.id == u.rule_id))
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
    // Both instance rules reach the unknown role; each counts one undecided path.
    let rules: Vec<&str> = undecided.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(
        rules,
        vec![
            "aws-path-internet-instance-admin-role",
            "aws-path-internet-instance-iam-escalation"
        ],
        "{undecided:?}"
    );
    assert!(undecided[0].1.contains("role_name"), "{}", undecided[0].1);
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

fn cwd_scan(case: &str) -> ScanResult {
    // Relative paths keep file names in the output independent of the checkout.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).expect("cd to crate");
    scan_dir(&Path::new("fixtures/paths").join(case))
}

#[test]
fn sarif_carries_each_path_as_a_code_flow_valid_against_the_schema() {
    let result = cwd_scan("ec2-admin-role");
    let doc: serde_json::Value =
        serde_json::from_str(&onus::report::sarif::render(&result)).expect("SARIF is JSON");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"),
        )
        .expect("vendored schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let run = &doc["runs"][0];
    let results = run["results"].as_array().expect("results");
    let path_result = results
        .iter()
        .find(|r| r["ruleId"] == "aws-path-internet-instance-admin-role")
        .expect("path result");
    let flows = path_result["codeFlows"].as_array().expect("codeFlows");
    assert_eq!(flows.len(), 1);
    let locations = flows[0]["threadFlows"][0]["locations"]
        .as_array()
        .expect("locations");
    assert_eq!(locations.len(), 9);
    let first = &locations[0]["location"];
    assert_eq!(
        first["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/paths/ec2-admin-role/modules/network/main.tf"
    );
    assert_eq!(first["physicalLocation"]["region"]["startLine"], 16);
    assert_eq!(locations[8]["kinds"][0], "target");
    // The path rule is described in the driver, and the result points at it.
    let index = path_result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(
        run["tool"]["driver"]["rules"][index]["id"],
        "aws-path-internet-instance-admin-role"
    );
    // Scans without paths keep no codeFlows.
    assert!(results
        .iter()
        .filter(|r| r["ruleId"] != "aws-path-internet-instance-admin-role")
        .all(|r| r.get("codeFlows").is_none()));
}

#[test]
fn json_carries_the_hops_with_file_line_and_service_model() {
    let result = cwd_scan("lambda-url-admin-role");
    let opts = onus::report::RenderOptions::default();
    let doc: serde_json::Value = serde_json::from_str(&onus::report::render(
        onus::report::Format::Json,
        &result,
        &opts,
    ))
    .expect("JSON");
    let findings = doc["findings"].as_array().expect("findings");
    let f = findings
        .iter()
        .find(|f| f["rule"] == "aws-path-public-function-url-admin-role")
        .expect("path finding");
    let hops: Vec<(String, String, String, u64, String)> = f["path"]
        .as_array()
        .expect("path")
        .iter()
        .map(|h| {
            (
                h["stage"].as_str().unwrap_or("").to_string(),
                h["address"].as_str().unwrap_or("").to_string(),
                h["file"].as_str().unwrap_or("").to_string(),
                h["line"].as_u64().unwrap_or(0),
                h["service_model"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let d = "fixtures/paths/lambda-url-admin-role";
    assert_eq!(
        hops,
        vec![
            (
                "entry".into(),
                "aws_lambda_function_url.api".into(),
                format!("{d}/function.tf"),
                11,
                "FaaS".into()
            ),
            (
                "pivot".into(),
                "aws_lambda_function.api".into(),
                format!("{d}/function.tf"),
                3,
                "FaaS".into()
            ),
            (
                "pivot".into(),
                "module.api_role.aws_iam_role.this".into(),
                format!("{d}/modules/role/main.tf"),
                31,
                "Mgmt".into()
            ),
            (
                "target".into(),
                "module.api_role.aws_iam_role.this".into(),
                format!("{d}/modules/role/main.tf"),
                37,
                "Mgmt".into()
            ),
        ]
    );
    // Single-resource findings have no `path`.
    assert!(findings
        .iter()
        .filter(|f| f["rule"] != "aws-path-public-function-url-admin-role")
        .all(|f| f.get("path").is_none()));
}

#[test]
fn the_fingerprint_survives_moving_lines_and_changes_with_the_chain() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture("ec2-admin-role"), dir.path());
    let fp = |r: &ScanResult| {
        path_findings(r)
            .first()
            .map(|f| f.fingerprint.clone())
            .expect("a path")
    };
    let before = fp(&scan_dir(dir.path()));
    assert_eq!(before.len(), 32);
    let edit = |file: &str, f: &dyn Fn(String) -> String| {
        let p = dir.path().join(file);
        let text = std::fs::read_to_string(&p).expect("read");
        std::fs::write(&p, f(text)).expect("write");
    };
    edit("compute.tf", &|t| format!("\n\n# moved down\n{t}"));
    edit("iam.tf", &|t| format!("# moved down\n{t}"));
    assert_eq!(fp(&scan_dir(dir.path())), before, "lines moved");
    edit("iam.tf", &|t| t.replace("\"web_admin\"", "\"admin\""));
    assert_ne!(
        fp(&scan_dir(dir.path())),
        before,
        "another attachment grants admin"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy");
        }
    }
}

#[test]
fn human_output_draws_the_chain_one_line_per_hop() {
    let result = cwd_scan("ec2-admin-role");
    let f = path_findings(&result)[0];
    let chain = onus::paths::render_chain(
        &f.rule_id,
        f.path.as_ref().expect("path"),
        &result.sources,
        &result.path_rules,
    );
    let lines: Vec<&str> = chain.lines().collect();
    assert_eq!(lines[0], "  path:");
    assert_eq!(lines.len(), 1 + 9 + 1, "{chain}");
    assert!(
        lines[1].contains("entry  module.network.aws_internet_gateway.main[0]"),
        "{chain}"
    );
    assert!(
        lines[1].contains("fixtures/paths/ec2-admin-role/modules/network/main.tf:16"),
        "{chain}"
    );
    assert!(
        lines[9].contains("→ target aws_iam_role_policy_attachment.web_admin"),
        "{chain}"
    );
    assert!(
        lines[9].contains("fixtures/paths/ec2-admin-role/iam.tf:23  [AWS IAM · Mgmt]"),
        "{chain}"
    );
    assert!(
        lines[10].starts_with("  fix: Scope the role's policy"),
        "{chain}"
    );
}

#[test]
fn onus_paths_prints_only_path_findings() {
    let out = assert_cmd::Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["paths", "--no-config", "-f", "compact", "fixtures/paths"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let rules: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("fixtures/"))
        .filter_map(|l| l.split_whitespace().nth(2))
        .collect();
    assert_eq!(
        rules,
        vec![
            "aws-path-public-api-route-admin-role",
            "aws-path-public-api-route-admin-role",
            "aws-path-internet-instance-admin-role",
            "aws-path-internet-instance-admin-role",
            "aws-path-internet-instance-iam-escalation",
            "aws-path-internet-ecs-task-admin-role",
            "aws-path-internet-eks-node-admin-role",
            "google-path-internet-instance-admin-service-account",
            "aws-path-public-function-url-admin-role",
            "aws-path-public-trust-admin-role"
        ],
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1));
    // `scan` reports the same paths beside the single-resource findings.
    let scan = assert_cmd::Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["scan", "--no-config", "-f", "compact", "fixtures/paths"])
        .output()
        .expect("runs");
    let scan_out = String::from_utf8_lossy(&scan.stdout);
    assert_eq!(scan_out.matches(" aws-path-").count(), 9, "{scan_out}");
    assert!(
        scan_out
            .lines()
            .filter(|l| l.starts_with("fixtures/"))
            .count()
            > 2
    );
}

#[test]
fn pass_role_on_every_resource_from_an_internet_instance_is_an_escalation_path() {
    let (found, undecided) = paths_of("ec2-iam-escalation");
    assert_eq!(
        found,
        vec![(
            "aws-path-internet-instance-iam-escalation".to_string(),
            "aws_instance.web".to_string()
        )]
    );
    assert!(undecided.is_empty(), "{undecided:?}");
}

#[test]
fn pass_role_scoped_to_one_role_breaks_the_escalation_path() {
    assert_eq!(paths_of("ec2-pass-role-scoped"), (vec![], vec![]));
}

#[test]
fn an_admin_role_is_reported_once_as_the_admin_path() {
    let (found, _) = paths_of("ec2-admin-role");
    assert_eq!(
        found,
        vec![(
            "aws-path-internet-instance-admin-role".to_string(),
            "aws_instance.web".to_string()
        )]
    );
}

#[test]
fn a_scan_narrowed_to_chosen_rules_runs_no_path_rules() {
    let mut opts = ScanOptions {
        paths: vec![fixture("ec2-admin-role")],
        ..ScanOptions::default()
    };
    opts.select.enable = vec!["aws-ec2-imdsv2".to_string()];
    let result = scan(&opts).expect("scan runs");
    assert!(path_findings(&result).is_empty());
    assert!(result
        .undecided
        .iter()
        .all(|u| !u.rule_id.starts_with("aws-path-")));
}

// -- rule selection, severities and suppression apply to path rules as to the others ---------

fn scan_with(dir: &Path, edit: impl FnOnce(&mut ScanOptions)) -> Result<ScanResult, String> {
    let mut opts = ScanOptions {
        paths: vec![dir.to_path_buf()],
        ..ScanOptions::default()
    };
    edit(&mut opts);
    scan(&opts).map_err(|e| e.to_string())
}

fn path_rule_ids(result: &ScanResult) -> Vec<String> {
    path_findings(result)
        .into_iter()
        .map(|f| f.rule_id.to_string())
        .collect()
}

#[test]
fn a_rule_option_naming_a_path_rule_runs_it_alone() {
    let result = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.enable = vec!["aws-path-internet-instance-admin-role".into()];
    })
    .expect("scan runs");
    assert_eq!(
        path_rule_ids(&result),
        vec!["aws-path-internet-instance-admin-role"]
    );
    assert!(
        result.findings.iter().all(|f| f.path.is_some()),
        "only the named rule runs"
    );
    // A glob selects path rules too; one matching no rule of either kind is a typo.
    let globbed = scan_with(&fixture("ec2-iam-escalation"), |o| {
        o.select.enable = vec!["aws-path-*".into()];
    })
    .expect("scan runs");
    assert_eq!(
        path_rule_ids(&globbed),
        vec!["aws-path-internet-instance-iam-escalation"]
    );
    let typo = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.enable = vec!["aws-path-no-such-rule".into()];
    });
    assert!(
        typo.err().is_some_and(|e| e.contains("no rule matches")),
        "an unknown id is an error"
    );
}

#[test]
fn skipping_a_path_rule_drops_its_findings_and_undecided_paths() {
    let result = scan_with(&fixture("ec2-role-from-variable"), |o| {
        o.select.disable = vec!["aws-path-internet-instance-admin-role".into()];
    })
    .expect("scan runs");
    let undecided: Vec<&str> = result
        .undecided
        .iter()
        .filter(|u| u.rule_id.starts_with("aws-path-"))
        .map(|u| &*u.rule_id)
        .collect();
    assert_eq!(undecided, vec!["aws-path-internet-instance-iam-escalation"]);
    let skipped = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.disable = vec!["aws-path-internet-instance-admin-role".into()];
    })
    .expect("scan runs");
    assert!(path_rule_ids(&skipped).is_empty());
    assert!(
        !skipped.findings.is_empty(),
        "single-resource rules still run"
    );
}

#[test]
fn the_config_file_disables_a_path_rule_like_any_other() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture("ec2-admin-role"), dir.path());
    let run = || {
        assert_cmd::Command::cargo_bin("onus")
            .expect("binary")
            .current_dir(dir.path())
            .args(["paths", "-f", "compact", "."])
            .output()
            .expect("runs")
    };
    let before = run();
    assert_eq!(
        String::from_utf8_lossy(&before.stdout)
            .matches("aws-path-internet-instance-admin-role")
            .count(),
        1
    );
    std::fs::write(
        dir.path().join(".onus.hcl"),
        "rules {\n  disable = [\"aws-path-internet-instance-admin-role\"]\n}\n",
    )
    .expect("write config");
    let after = run();
    let stdout = String::from_utf8_lossy(&after.stdout);
    assert!(!stdout.contains("aws-path-"), "{stdout}");
    assert_eq!(after.status.code(), Some(0), "{stdout}");
}

#[test]
fn severity_filters_and_overrides_apply_to_path_rules() {
    use onus::taxonomy::Severity;
    // The escalation path is high: a critical threshold leaves it out.
    let critical_only = scan_with(&fixture("ec2-iam-escalation"), |o| {
        o.select.min_severity = Some(Severity::Critical);
    })
    .expect("scan runs");
    assert!(path_rule_ids(&critical_only).is_empty());
    let admin = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.min_severity = Some(Severity::Critical);
    })
    .expect("scan runs");
    assert_eq!(
        path_rule_ids(&admin),
        vec!["aws-path-internet-instance-admin-role"]
    );
    // An override changes the finding's severity, and the threshold follows the override.
    let lowered = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.severity_overrides = vec![("aws-path-*".into(), Severity::Medium)];
    })
    .expect("scan runs");
    assert_eq!(path_findings(&lowered)[0].severity, Severity::Medium);
    let raised = scan_with(&fixture("ec2-iam-escalation"), |o| {
        o.select.severity_overrides = vec![(
            "aws-path-internet-instance-iam-escalation".into(),
            Severity::Critical,
        )];
        o.select.min_severity = Some(Severity::Critical);
    })
    .expect("scan runs");
    assert_eq!(path_findings(&raised)[0].severity, Severity::Critical);
}

#[test]
fn providers_and_areas_select_path_rules() {
    use onus::taxonomy::Area;
    let azure_only = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.providers = vec!["azure".into()];
    })
    .expect("scan runs");
    assert!(path_rule_ids(&azure_only).is_empty());
    let identity = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.areas = vec![Area::IdentityAccess];
    })
    .expect("scan runs");
    assert_eq!(path_rule_ids(&identity).len(), 1);
    let no_identity = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.disable_areas = vec![Area::IdentityAccess];
    })
    .expect("scan runs");
    assert!(path_rule_ids(&no_identity).is_empty());
}

#[test]
fn a_compliance_framework_runs_only_the_rules_mapped_to_it_and_no_path_rule_is() {
    let result = scan_with(&fixture("ec2-admin-role"), |o| {
        o.select.compliance = vec!["cis-aws-1.4".into()];
    })
    .expect("scan runs");
    assert!(path_rule_ids(&result).is_empty());
    assert!(result.path_rules.is_empty());
    assert!(result
        .rules
        .rules()
        .iter()
        .all(|r| r.compliance.iter().any(|(f, _)| f == "cis-aws-1.4")));
}

#[test]
fn an_ignore_comment_on_the_entry_suppresses_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture("ec2-admin-role"), dir.path());
    let compute = dir.path().join("compute.tf");
    let text = std::fs::read_to_string(&compute).expect("read");
    std::fs::write(
        &compute,
        format!("# onus:ignore:aws-path-internet-instance-admin-role bastion, reviewed\n{text}"),
    )
    .expect("write");
    let result = scan_with(dir.path(), |o| o.suppress.report_unused_ignores = true).expect("scan");
    let found = path_findings(&result);
    assert_eq!(found.len(), 1);
    let s = found[0].suppression.as_ref().expect("suppressed");
    assert_eq!(s.justification, "bastion, reviewed");
    assert!(
        !result.diagnostics.iter().any(|d| d.code == "ignore-unused"),
        "{:?}",
        result.diagnostics
    );
    // An ignore of a path rule that is elsewhere is unused, and says the rule exists.
    std::fs::write(
        dir.path().join("extra.tf"),
        "# onus:ignore:aws-path-public-function-url-admin-role not here\nlocals {\n  x = 1\n}\n",
    )
    .expect("write");
    let result = scan_with(dir.path(), |o| o.suppress.report_unused_ignores = true).expect("scan");
    let unused: Vec<&str> = result
        .diagnostics
        .iter()
        .filter(|d| d.code == "ignore-unused")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(unused.len(), 1, "{unused:?}");
    assert!(
        unused[0].contains("no `aws-path-public-function-url-admin-role` finding"),
        "{unused:?}"
    );
}

#[test]
fn a_baseline_accepts_a_path_and_notices_when_it_is_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tree = dir.path().join("tree");
    std::fs::create_dir(&tree).expect("mkdir");
    copy_dir(&fixture("ec2-admin-role"), &tree);
    let baseline = dir.path().join("baseline.json");
    let status = assert_cmd::Command::cargo_bin("onus")
        .expect("binary")
        .args(["baseline", "write", "--no-config", "-o"])
        .arg(&baseline)
        .arg(&tree)
        .output()
        .expect("runs");
    assert!(status.status.success(), "{status:?}");
    let text = std::fs::read_to_string(&baseline).expect("baseline written");
    assert!(
        text.contains("aws-path-internet-instance-admin-role"),
        "{text}"
    );
    let with_baseline = |o: &mut ScanOptions| o.suppress.baseline = Some(baseline.clone());
    let result = scan_with(&tree, with_baseline).expect("scan");
    let found = path_findings(&result);
    assert_eq!(found.len(), 1);
    assert!(found[0].suppression.is_some(), "the baseline accepts it");
    // Scope the role: the path is gone, and the baseline says one of its entries is fixed.
    let iam = tree.join("iam.tf");
    let fixed = std::fs::read_to_string(&iam)
        .expect("read")
        .replace("AdministratorAccess", "ReadOnlyAccess");
    std::fs::write(&iam, fixed).expect("write");
    // Only the path rule runs: the baseline's other entries are of rules that did not.
    let result = scan_with(&tree, |o| {
        with_baseline(o);
        o.select.enable = vec!["aws-path-internet-instance-admin-role".into()];
    })
    .expect("scan");
    assert!(path_findings(&result).is_empty());
    let note = result
        .diagnostics
        .iter()
        .find(|d| d.code == "baseline-fixed")
        .expect("fixed note");
    assert!(
        note.message.starts_with("1 baselined finding"),
        "{}",
        note.message
    );
}

#[test]
fn an_autoscaling_group_whose_launch_template_gives_a_public_address_is_an_entry() {
    let result = scan_dir(&fixture("asg-launch-template-admin-role"));
    let found = path_findings(&result);
    assert_eq!(found.len(), 1);
    assert_eq!(&*found[0].rule_id, "aws-path-internet-instance-admin-role");
    assert_eq!(found[0].address, "aws_autoscaling_group.web");
    let hops: Vec<(PathStage, &str)> = found[0]
        .path
        .as_ref()
        .expect("path")
        .hops
        .iter()
        .map(|h| (h.stage, h.address.as_str()))
        .collect();
    assert_eq!(
        hops,
        vec![
            (
                PathStage::Entry,
                "module.network.aws_internet_gateway.main[0]"
            ),
            (PathStage::Entry, "module.network.aws_route.internet[0]"),
            (PathStage::Entry, "module.network.aws_route_table.app"),
            (PathStage::Entry, "module.network.aws_subnet.app"),
            (PathStage::Entry, "aws_security_group.web"),
            (PathStage::Entry, "aws_launch_template.web"),
            (PathStage::Entry, "aws_autoscaling_group.web"),
            (PathStage::Pivot, "aws_iam_instance_profile.web"),
            (PathStage::Pivot, "aws_iam_role.web"),
            (PathStage::Target, "aws_iam_role.web"),
        ]
    );
    // The template's hop points at the interface's public address setting.
    let template = &found[0].path.as_ref().expect("path").hops[5];
    let src = result.sources.get(template.span.file).expect("source");
    assert!(src.display.ends_with("compute.tf"));
    assert_eq!(src.line_col(template.span.start).line, 7);
}

#[test]
fn a_launch_template_without_a_public_address_breaks_the_group_path() {
    assert_eq!(
        paths_of("asg-launch-template-private-address"),
        (vec![], vec![])
    );
}

#[test]
fn a_launch_template_profile_from_a_variable_without_a_value_leaves_the_group_path_undecided() {
    let (found, undecided) = paths_of("asg-launch-template-profile-from-variable");
    assert!(found.is_empty(), "{found:?}");
    let rules: Vec<&str> = undecided.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(
        rules,
        vec![
            "aws-path-internet-instance-admin-role",
            "aws-path-internet-instance-iam-escalation"
        ],
        "{undecided:?}"
    );
    assert!(
        undecided[0]
            .1
            .contains("variable `instance_profile` has no value"),
        "{}",
        undecided[0].1
    );
}

#[test]
fn every_route_without_authorization_to_an_admin_function_is_a_path() {
    let result = scan_dir(&fixture("api-route-admin-role"));
    let found = path_findings(&result);
    let addresses: Vec<&str> = found.iter().map(|f| f.address.as_str()).collect();
    assert_eq!(
        addresses,
        vec![
            "aws_apigatewayv2_route.routes[\"GET /orders\"]",
            "aws_apigatewayv2_route.routes[\"POST /orders\"]"
        ]
    );
    assert!(found
        .iter()
        .all(|f| &*f.rule_id == "aws-path-public-api-route-admin-role"
            && f.severity == onus::taxonomy::Severity::Critical));
    let hops: Vec<(PathStage, &str)> = found[0]
        .path
        .as_ref()
        .expect("path")
        .hops
        .iter()
        .map(|h| (h.stage, h.address.as_str()))
        .collect();
    assert_eq!(
        hops,
        vec![
            (
                PathStage::Entry,
                "aws_apigatewayv2_route.routes[\"GET /orders\"]"
            ),
            (PathStage::Entry, "aws_apigatewayv2_integration.orders"),
            (PathStage::Pivot, "aws_lambda_function.orders"),
            (PathStage::Pivot, "aws_iam_role.orders"),
            (PathStage::Target, "aws_iam_role_policy.orders"),
        ]
    );
    // The two routes are two paths, with two fingerprints.
    assert_ne!(found[0].fingerprint, found[1].fingerprint);
}

#[test]
fn an_authorizer_on_the_routes_breaks_the_api_path() {
    assert_eq!(paths_of("api-route-jwt-authorizer"), (vec![], vec![]));
}

#[test]
fn route_authorization_from_a_variable_without_a_value_leaves_the_api_path_undecided() {
    let (found, undecided) = paths_of("api-route-authorization-from-variable");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(undecided.len(), 2, "{undecided:?}");
    assert!(undecided
        .iter()
        .all(|(rule, why)| rule == "aws-path-public-api-route-admin-role"
            && why.contains("variable `authorization_type` has no value")));
}

// -- path rules of `--rules` directories ----------------------------------------------------

/// A user's path rule: its own id and words, a search of onus's, and the examples of the
/// built-in rule running that search.
fn user_path_rule(id: &str, search: &str, severity: &str) -> String {
    let model_id = match search {
        "internet-instance-admin-role" => "aws-path-internet-instance-admin-role",
        "public-function-url-admin-role" => "aws-path-public-function-url-admin-role",
        other => panic!("no model for {other}"),
    };
    let builtin = rules::builtin().expect("path rules parse");
    let model = builtin
        .iter()
        .find(|r| &*r.id == model_id)
        .expect("built-in rule");
    let bad = model.examples[0].1.replace(&*model.id, id);
    let good = &model.examples[1].1;
    format!(
        "path_rule \"{id}\" {{\n  title    = \"Team policy: {search}\"\n  severity = \"{severity}\"\n  search   = \"{search}\"\n  description = \"The team's own id for this combination.\"\n  remediation = \"Scope the role.\"\n  example \"bad\" {{\n    code = <<-EOT\n{bad}    EOT\n  }}\n  example \"good\" {{\n    code = <<-EOT\n{good}    EOT\n  }}\n}}\n"
    )
}

/// A single-resource rule, so the directory mixes both kinds.
const USER_RULE: &str = r#"
rule "acme-ec2-detailed-monitoring" {
  title     = "EC2 instances have detailed monitoring"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_instance"]
  description = "The team's policy: every instance reports one-minute metrics."
  remediation = "Set `monitoring = true`."
  assert {
    attribute "monitoring" {
      equals  = true
      default = false
    }
  }
  example "bad" {
    code = <<-EOT
      resource "aws_instance" "a" { # expect: acme-ec2-detailed-monitoring
        ami = "ami-1"
      }
    EOT
  }
  example "good" {
    code = <<-EOT
      resource "aws_instance" "a" {
        ami        = "ami-1"
        monitoring = true
      }
    EOT
  }
}
"#;

#[test]
fn a_rules_directory_with_a_paths_folder_adds_its_path_rules() {
    let rules_dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(rules_dir.path().join("aws/ec2")).expect("mkdir");
    std::fs::create_dir_all(rules_dir.path().join("paths")).expect("mkdir");
    std::fs::write(
        rules_dir
            .path()
            .join("aws/ec2/acme-ec2-detailed-monitoring.hcl"),
        USER_RULE,
    )
    .expect("write rule");
    std::fs::write(
        rules_dir.path().join("paths/acme-path-exposed-admin.hcl"),
        user_path_rule(
            "acme-path-exposed-admin",
            "internet-instance-admin-role",
            "critical",
        ),
    )
    .expect("write path rule");
    let result = scan_with(&fixture("ec2-admin-role"), |o| {
        o.rule_dirs = vec![rules_dir.path().to_path_buf()];
        o.no_builtin_rules = true;
    })
    .expect("scan runs");
    assert_eq!(path_rule_ids(&result), vec!["acme-path-exposed-admin"]);
    let ids: Vec<&str> = result.path_rules.iter().map(|r| &*r.id).collect();
    assert_eq!(ids, vec!["acme-path-exposed-admin"]);
    // The single-resource rule beside it runs too.
    assert!(result
        .findings
        .iter()
        .any(|f| &*f.rule_id == "acme-ec2-detailed-monitoring"));
    // Its near-miss twin stays clean under the user's rule as under the built-in one.
    let twin = scan_with(&fixture("ec2-admin-role-private-subnet"), |o| {
        o.rule_dirs = vec![rules_dir.path().to_path_buf()];
        o.no_builtin_rules = true;
    })
    .expect("scan runs");
    assert!(path_rule_ids(&twin).is_empty());
}

#[test]
fn a_path_rule_file_beside_single_rules_is_read_as_a_path_rule_from_the_command_line() {
    let rules_dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(rules_dir.path().join("owner-tag.hcl"), USER_RULE).expect("write rule");
    std::fs::write(
        rules_dir.path().join("url.hcl"),
        user_path_rule(
            "acme-path-open-function",
            "public-function-url-admin-role",
            "critical",
        ),
    )
    .expect("write path rule");
    let out = assert_cmd::Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["paths", "--format", "json", "--rules"])
        .arg(rules_dir.path())
        .arg("fixtures/paths/lambda-url-admin-role")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut rules: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    rules.sort();
    // The built-in rule and the user's run the same search: both report the path.
    assert_eq!(
        rules,
        vec![
            "acme-path-open-function",
            "aws-path-public-function-url-admin-role"
        ]
    );
}

#[test]
fn a_user_path_rule_is_checked_like_a_built_in_one() {
    let rules_dir = tempfile::tempdir().expect("tempdir");
    let write = |text: String| {
        std::fs::write(rules_dir.path().join("rule.hcl"), text).expect("write path rule");
    };
    let scan = || {
        scan_with(&fixture("ec2-admin-role"), |o| {
            o.rule_dirs = vec![rules_dir.path().to_path_buf()];
        })
    };
    // An id the built-in rules already use.
    write(user_path_rule(
        "aws-path-internet-instance-admin-role",
        "internet-instance-admin-role",
        "critical",
    ));
    let err = scan()
        .err()
        .expect("a duplicate id is a configuration error");
    assert!(err.contains("is already defined in rules/paths/"), "{err}");
    // A search onus does not implement.
    write(
        user_path_rule("acme-path-x", "internet-instance-admin-role", "critical").replace(
            "search   = \"internet-instance-admin-role\"",
            "search   = \"internet-anything\"",
        ),
    );
    let err = scan()
        .err()
        .expect("an unknown search is a configuration error");
    assert!(err.contains("unknown `search`"), "{err}");
    // A severity the combination does not give.
    write(user_path_rule(
        "acme-path-x",
        "internet-instance-admin-role",
        "low",
    ));
    let err = scan().err().expect("the severity follows the combination");
    assert!(
        err.contains("severity follows the path's combination"),
        "{err}"
    );
}

// -- ECS service with public task addresses → task role ----------------------------------

#[test]
fn ecs_tasks_with_public_addresses_and_an_admin_task_role_from_a_module_are_a_path() {
    let result = scan_dir(&fixture("ecs-task-admin-role"));
    assert!(!result.has_errors(), "{:?}", result.diagnostics);
    let found = path_findings(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&*found[0].rule_id, "aws-path-internet-ecs-task-admin-role");
    assert_eq!(found[0].address, "aws_ecs_service.api");
    assert_eq!(found[0].severity, onus::taxonomy::Severity::Critical);
    let hops: Vec<(PathStage, &str, u32)> = found[0]
        .path
        .as_ref()
        .expect("path")
        .hops
        .iter()
        .map(|h| {
            let src = result.sources.get(h.span.file).expect("source");
            (h.stage, h.address.as_str(), src.line_col(h.span.start).line)
        })
        .collect();
    assert_eq!(
        hops,
        vec![
            (
                PathStage::Entry,
                "module.network.aws_internet_gateway.main[0]",
                16
            ),
            (PathStage::Entry, "module.network.aws_route.internet[0]", 29),
            (PathStage::Entry, "module.network.aws_route_table.app", 21),
            (PathStage::Entry, "module.network.aws_subnet.app", 13),
            (PathStage::Entry, "aws_security_group.api", 6),
            (
                PathStage::Entry,
                "aws_vpc_security_group_ingress_rule.https[\"0.0.0.0/0\"]",
                14
            ),
            // The service's hop points at `assign_public_ip`, set from a variable.
            (PathStage::Entry, "aws_ecs_service.api", 31),
            (PathStage::Pivot, "aws_ecs_task_definition.api", 12),
            (PathStage::Pivot, "module.task_role.aws_iam_role.this", 18),
            (
                PathStage::Target,
                "module.task_role.aws_iam_role_policy.this",
                26
            ),
        ]
    );
}

#[test]
fn an_admin_execution_role_with_a_scoped_task_role_is_no_ecs_path() {
    assert_eq!(paths_of("ecs-task-execution-role-admin"), (vec![], vec![]));
}

#[test]
fn a_task_role_from_a_variable_without_a_value_leaves_the_ecs_path_undecided() {
    let (found, undecided) = paths_of("ecs-task-role-from-variable");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(undecided.len(), 1, "{undecided:?}");
    assert_eq!(undecided[0].0, "aws-path-internet-ecs-task-admin-role");
    assert!(
        undecided[0].1.contains("task_role_arn"),
        "{}",
        undecided[0].1
    );
}

#[test]
fn ecs_tasks_without_a_public_address_are_no_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture("ecs-task-admin-role"), dir.path());
    std::fs::write(dir.path().join("terraform.tfvars"), "public_ip = false\n").expect("tfvars");
    let result = scan_dir(dir.path());
    assert!(path_findings(&result).is_empty());
    assert!(!result
        .undecided
        .iter()
        .any(|u| u.rule_id.starts_with("aws-path-")));
}

// -- EKS managed node group with SSH open to the internet → node role --------------------

#[test]
fn eks_nodes_with_ssh_open_to_the_internet_and_an_admin_node_role_are_a_path() {
    let result = scan_dir(&fixture("eks-node-admin-role"));
    assert!(!result.has_errors(), "{:?}", result.diagnostics);
    let found = path_findings(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&*found[0].rule_id, "aws-path-internet-eks-node-admin-role");
    assert_eq!(found[0].address, "aws_eks_node_group.workers");
    assert_eq!(found[0].severity, onus::taxonomy::Severity::Critical);
    let hops: Vec<(PathStage, &str, u32)> = found[0]
        .path
        .as_ref()
        .expect("path")
        .hops
        .iter()
        .map(|h| {
            let src = result.sources.get(h.span.file).expect("source");
            (h.stage, h.address.as_str(), src.line_col(h.span.start).line)
        })
        .collect();
    let admin =
        "aws_iam_role_policy_attachment.nodes[\"arn:aws:iam::aws:policy/AdministratorAccess\"]";
    assert_eq!(
        hops,
        vec![
            (
                PathStage::Entry,
                "module.network.aws_internet_gateway.main[0]",
                16
            ),
            (PathStage::Entry, "module.network.aws_route.internet[0]", 29),
            (PathStage::Entry, "module.network.aws_route_table.app", 21),
            (PathStage::Entry, "module.network.aws_subnet.app", 13),
            // The node group's hop points at the SSH key set without source groups.
            (PathStage::Entry, "aws_eks_node_group.workers", 23),
            (PathStage::Pivot, "aws_eks_node_group.workers", 13),
            (PathStage::Pivot, "aws_iam_role.nodes", 18),
            (PathStage::Target, admin, 33),
        ]
    );
}

#[test]
fn ssh_from_a_bastion_group_only_breaks_the_eks_node_path() {
    assert_eq!(paths_of("eks-node-ssh-from-bastion"), (vec![], vec![]));
}

#[test]
fn a_node_role_from_a_variable_without_a_value_leaves_the_eks_node_path_undecided() {
    let (found, undecided) = paths_of("eks-node-role-from-variable");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(undecided.len(), 1, "{undecided:?}");
    assert_eq!(undecided[0].0, "aws-path-internet-eks-node-admin-role");
    assert!(
        undecided[0].1.contains("node_role_arn"),
        "{}",
        undecided[0].1
    );
}

// -- IAM role any AWS principal may assume → its admin policy ----------------------------

#[test]
fn a_role_anyone_may_assume_with_an_admin_policy_through_a_module_is_a_path() {
    let result = scan_dir(&fixture("public-trust-admin-role"));
    assert!(!result.has_errors(), "{:?}", result.diagnostics);
    let found = path_findings(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&*found[0].rule_id, "aws-path-public-trust-admin-role");
    assert_eq!(found[0].address, "module.partner_role.aws_iam_role.this");
    assert_eq!(found[0].severity, onus::taxonomy::Severity::Critical);
    let hops: Vec<(PathStage, &str)> = found[0]
        .path
        .as_ref()
        .expect("path")
        .hops
        .iter()
        .map(|h| (h.stage, h.address.as_str()))
        .collect();
    assert_eq!(
        hops,
        vec![
            (PathStage::Entry, "module.partner_role.aws_iam_role.this"),
            (PathStage::Pivot, "module.partner_role.aws_iam_role.this"),
            (
                PathStage::Target,
                "module.partner_role.aws_iam_role_policy_attachment.this[\"arn:aws:iam::aws:policy/AdministratorAccess\"]"
            ),
        ]
    );
}

#[test]
fn an_external_id_on_the_trust_breaks_the_public_trust_path() {
    assert_eq!(paths_of("public-trust-external-id"), (vec![], vec![]));
}

#[test]
fn trusted_principals_from_a_variable_without_a_value_leave_the_trust_path_undecided() {
    let (found, undecided) = paths_of("public-trust-principals-from-variable");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(undecided.len(), 1, "{undecided:?}");
    assert_eq!(undecided[0].0, "aws-path-public-trust-admin-role");
    assert!(
        undecided[0].1.contains("assume_role_policy"),
        "{}",
        undecided[0].1
    );
}

// -- Compute Engine instance the firewall opens → service account with Editor -----------

#[test]
fn a_gce_instance_the_firewall_opens_with_an_editor_service_account_is_a_path() {
    let result = scan_dir(&fixture("gce-instance-admin-service-account"));
    assert!(!result.has_errors(), "{:?}", result.diagnostics);
    let found = path_findings(&result);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        &*found[0].rule_id,
        "google-path-internet-instance-admin-service-account"
    );
    assert_eq!(found[0].address, "google_compute_instance.web");
    assert_eq!(found[0].severity, onus::taxonomy::Severity::Critical);
    let hops: Vec<(PathStage, &str)> = found[0]
        .path
        .as_ref()
        .expect("path")
        .hops
        .iter()
        .map(|h| (h.stage, h.address.as_str()))
        .collect();
    assert_eq!(
        hops,
        vec![
            (
                PathStage::Entry,
                "module.network.google_compute_firewall.https"
            ),
            (PathStage::Entry, "google_compute_instance.web"),
            (PathStage::Pivot, "google_compute_instance.web"),
            (PathStage::Pivot, "google_service_account.web"),
            (PathStage::Target, "google_project_iam_member.web"),
        ]
    );
}

#[test]
fn a_firewall_for_another_tag_breaks_the_gce_instance_path() {
    assert_eq!(
        paths_of("gce-instance-firewall-other-tag"),
        (vec![], vec![])
    );
}

#[test]
fn a_service_account_from_a_variable_without_a_value_leaves_the_gce_path_undecided() {
    let (found, undecided) = paths_of("gce-instance-service-account-from-variable");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(undecided.len(), 1, "{undecided:?}");
    assert!(
        undecided[0].1.contains("service_account"),
        "{}",
        undecided[0].1
    );
}
