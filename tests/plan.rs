//! Plan JSON input (`terraform show -json`) through the whole pipeline.

use onus::diag::Level;
use onus::report::{self, Format, RenderOptions};
use onus::scan::{scan, ScanOptions, ScanResult};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/plan")
        .join(rel)
}

fn run(paths: &[&str]) -> ScanResult {
    run_with(ScanOptions {
        paths: paths.iter().map(|p| fixture(p)).collect(),
        keep_values: true,
        ..ScanOptions::default()
    })
}

fn run_with(opts: ScanOptions) -> ScanResult {
    match scan(&opts) {
        Ok(r) => r,
        Err(e) => panic!("scan failed: {e}"),
    }
}

fn pairs(r: &ScanResult) -> BTreeSet<(String, String)> {
    r.findings
        .iter()
        .map(|f| (f.rule_id.to_string(), f.address.clone()))
        .collect()
}

fn has(r: &ScanResult, rule: &str, address: &str) -> bool {
    pairs(r).contains(&(rule.to_string(), address.to_string()))
}

/// File (display path, from its last `fixtures/plan/` part on) and line of a finding.
fn place(r: &ScanResult, rule: &str, address: &str) -> (String, u32) {
    let f = r
        .findings
        .iter()
        .find(|f| &*f.rule_id == rule && f.address == address)
        .unwrap_or_else(|| panic!("no {rule} finding on {address}: {:?}", pairs(r)));
    let src = r.sources.get(f.primary.file).expect("finding file");
    let file = src
        .display
        .rsplit_once("fixtures/plan/")
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_else(|| src.display.clone());
    (file, src.line_col(f.primary.start).line)
}

fn errors(r: &ScanResult) -> Vec<String> {
    r.diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

#[test]
fn a_tfvars_value_outside_the_repository_makes_the_acl_public() {
    let r = run(&["tfvars-insecure"]);
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert!(has(&r, "aws-s3-bucket-public-acl", "aws_s3_bucket.site"));
    let f = r
        .findings
        .iter()
        .find(|f| &*f.rule_id == "aws-s3-bucket-public-acl")
        .expect("finding");
    assert!(f
        .plan_file
        .as_deref()
        .is_some_and(|p| p.ends_with("plan.json")));
    assert!(
        f.primary_label.contains("public-read"),
        "{}",
        f.primary_label
    );
    // No Terraform source: the finding points at the attribute inside the plan's values.
    let src = r.sources.get(f.primary.file).expect("file");
    assert!(src.display.ends_with("tfvars-insecure/plan.json"));
    assert_eq!(src.slice(f.primary), r#""acl": "public-read""#);
}

#[test]
fn resources_in_child_modules_keep_their_addresses() {
    let r = run(&["modules"]);
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    let archive = r
        .instances
        .iter()
        .find(|i| i.address == "module.storage.module.archive.aws_s3_bucket.this")
        .expect("nested module instance");
    assert_eq!(archive.module, "module.storage.module.archive");
    assert_eq!(
        archive.resource_address,
        "module.storage.module.archive.aws_s3_bucket.this"
    );
    let net_a = r
        .instances
        .iter()
        .find(|i| i.address == r#"module.net["a"].aws_security_group.ssh"#)
        .expect("for_each module instance");
    assert_eq!(net_a.module, r#"module.net["a"]"#);
    assert!(has(
        &r,
        "aws-ec2-sg-ssh-open",
        r#"module.net["a"].aws_security_group.ssh"#
    ));
    assert!(!has(
        &r,
        "aws-ec2-sg-ssh-open",
        r#"module.net["b"].aws_security_group.ssh"#
    ));
    // Encryption is linked through a module output (root → module.storage) and inside a
    // nested module; only the root's plain bucket has none.
    let enc: Vec<String> = pairs(&r)
        .into_iter()
        .filter(|(rule, _)| rule == "aws-s3-bucket-encryption")
        .map(|(_, a)| a)
        .collect();
    assert_eq!(enc, vec!["aws_s3_bucket.plain".to_string()]);
}

#[test]
fn values_known_only_after_apply_give_no_findings() {
    let r = run(&["unknowns"]);
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    for rule in [
        "aws-s3-bucket-public-acl",
        "aws-s3-bucket-encryption",
        "aws-ec2-sg-ssh-open",
        "aws-rds-publicly-accessible",
        "aws-ebs-volume-encryption",
    ] {
        assert!(
            !r.findings.iter().any(|f| &*f.rule_id == rule),
            "{rule} fired: {:?}",
            pairs(&r)
        );
    }
    // Deleted, forgotten, state-only resources and data sources are not judged.
    let addresses: BTreeSet<&str> = r.instances.iter().map(|i| i.address.as_str()).collect();
    for gone in [
        "aws_ebs_volume.old",
        "aws_ebs_volume.kept",
        "aws_ebs_volume.state_only",
        "data.aws_s3_bucket.ext",
    ] {
        assert!(!addresses.contains(gone), "{gone} was read");
    }
    // Computed attributes are unknown but certainly set.
    let bucket = r
        .instances
        .iter()
        .find(|i| i.address == "aws_s3_bucket.logs")
        .expect("bucket");
    let arn = bucket.values.get("arn").expect("arn");
    assert!(!arn.is_known());
    assert_eq!(arn.is_set(), onus::value::Tri::True);
    // The encryption configuration refers to the bucket through its unknown `bucket`.
    let sse = r
        .instances
        .iter()
        .find(|i| i.resource_type.as_ref() == "aws_s3_bucket_server_side_encryption_configuration")
        .expect("sse");
    let mut refs = Vec::new();
    sse.values
        .get("bucket")
        .expect("bucket")
        .collect_refs(&mut refs);
    assert_eq!(
        refs,
        vec![std::sync::Arc::<str>::from("aws_s3_bucket.logs")]
    );
}

#[test]
fn plan_and_hcl_of_the_same_configuration_agree() {
    let hcl = run(&["parity/hcl"]);
    let plan = run(&["parity/plan.json"]);
    assert!(errors(&hcl).is_empty(), "{:?}", errors(&hcl));
    assert!(errors(&plan).is_empty(), "{:?}", errors(&plan));
    let rules = [
        "aws-s3-bucket-encryption",
        "aws-ec2-sg-ssh-open",
        "aws-rds-publicly-accessible",
        "aws-ebs-volume-encryption",
        "aws-s3-bucket-public-acl",
    ];
    let only = |r: &ScanResult| -> BTreeSet<(String, String)> {
        pairs(r)
            .into_iter()
            .filter(|(rule, _)| rules.contains(&rule.as_str()))
            .collect()
    };
    assert_eq!(only(&hcl), only(&plan));
    for (rule, address) in [
        ("aws-s3-bucket-encryption", "aws_s3_bucket.plain"),
        ("aws-ec2-sg-ssh-open", "aws_security_group.open"),
        ("aws-rds-publicly-accessible", "aws_db_instance.public"),
        ("aws-ebs-volume-encryption", "aws_ebs_volume.plain"),
    ] {
        assert!(has(&plan, rule, address), "{rule} on {address}");
    }
    assert!(!has(
        &plan,
        "aws-s3-bucket-encryption",
        "aws_s3_bucket.encrypted"
    ));
    // The whole rule set agrees on this configuration too.
    let (from_hcl, from_plan) = (pairs(&hcl), pairs(&plan));
    let only_hcl: Vec<_> = from_hcl.difference(&from_plan).collect();
    let only_plan: Vec<_> = from_plan.difference(&from_hcl).collect();
    // A provider default the source relies on is, in the plan, a value known only after
    // apply: the plan leaves such a check undecided, never decides it the other way.
    let undecided_in_plan: BTreeSet<(String, String)> = plan
        .undecided
        .iter()
        .map(|u| (u.rule_id.to_string(), u.address.clone()))
        .collect();
    let contradicted: Vec<_> = only_hcl
        .iter()
        .filter(|p| !undecided_in_plan.contains(**p))
        .collect();
    assert!(
        contradicted.is_empty() && only_plan.is_empty(),
        "only from the source (and decided in the plan): {contradicted:?}\nonly from the plan: {only_plan:?}"
    );
}

#[test]
fn nested_blocks_are_lists_of_objects() {
    let r = run(&["parity/plan.json"]);
    let sg = r
        .instances
        .iter()
        .find(|i| i.address == "aws_security_group.open")
        .expect("sg");
    let ingress = sg
        .values
        .get("ingress")
        .and_then(|v| v.as_list())
        .expect("ingress list");
    assert_eq!(ingress.len(), 1);
    assert_eq!(
        ingress[0].get("from_port").and_then(|v| v.as_number()),
        Some(22.0)
    );
    // The finding points at the offending CIDR list of the block, inside the plan.
    let (file, _) = place(&r, "aws-ec2-sg-ssh-open", "aws_security_group.open");
    assert_eq!(file, "parity/plan.json");
}

#[test]
fn malformed_plans_are_reported_not_fatal() {
    let r = run(&["malformed"]);
    let codes: BTreeSet<(&str, String)> = r
        .diagnostics
        .iter()
        .map(|d| {
            let file = d
                .span
                .and_then(|s| r.sources.get(s.file))
                .map(|f| f.display.rsplit('/').next().unwrap_or("").to_string())
                .or_else(|| d.path.clone())
                .unwrap_or_default();
            (d.code, file)
        })
        .collect();
    for expected in [
        ("plan-parse-error", "truncated.json"),
        ("plan-format", "future-format.json"),
        ("plan-format", "format-number.json"),
        ("plan-terraform-version", "newer-terraform.json"),
        ("plan-unexpected", "wrong-types.json"),
    ] {
        assert!(
            codes.contains(&(expected.0, expected.1.to_string())),
            "missing {expected:?} in {codes:?}"
        );
    }
    let future = r
        .diagnostics
        .iter()
        .find(|d| d.code == "plan-format" && d.message.contains("9.0"))
        .expect("future format");
    assert_eq!(future.level, Level::Error);
    assert!(future.message.contains("0.1, 0.2 and 1.x"));
    // The well-formed parts still count.
    assert!(has(&r, "aws-s3-bucket-public-acl", "aws_s3_bucket.ok"));
    assert!(has(&r, "aws-s3-bucket-public-acl", "aws_s3_bucket.site"));
    assert!(!r.instances.iter().any(|i| i.address == "aws_s3_bucket.x"));
}

#[test]
fn with_source_findings_point_at_the_terraform_files() {
    for opts in [
        ScanOptions {
            paths: vec![fixture("with-source")],
            ..ScanOptions::default()
        },
        ScanOptions {
            paths: vec![fixture("with-source/plan.json")],
            source_dirs: vec![fixture("with-source")],
            ..ScanOptions::default()
        },
        // A plan named alone uses the source beside it.
        ScanOptions {
            paths: vec![fixture("with-source/plan.json")],
            ..ScanOptions::default()
        },
    ] {
        let r = run_with(opts);
        assert!(errors(&r).is_empty(), "{:?}", errors(&r));
        assert_eq!(
            place(&r, "aws-s3-bucket-public-acl", "aws_s3_bucket.site"),
            ("with-source/main.tf".to_string(), 14)
        );
        assert_eq!(
            place(
                &r,
                "aws-s3-bucket-public-acl",
                "module.logs.aws_s3_bucket.this"
            ),
            ("with-source/modules/bucket/main.tf".to_string(), 11)
        );
        let logs = r
            .findings
            .iter()
            .find(|f| f.address == "module.logs.aws_s3_bucket.this")
            .expect("module finding");
        assert_eq!(logs.via, vec!["module.logs".to_string()]);
        assert!(logs.plan_file.is_some());
        // The plan stands for the source: each finding once, from the plan.
        let public: Vec<_> = r
            .findings
            .iter()
            .filter(|f| &*f.rule_id == "aws-s3-bucket-public-acl")
            .collect();
        assert_eq!(public.len(), 2);
        assert!(r.findings.iter().all(|f| f.plan_file.is_some()));
        // The encryption configuration refers to the site bucket through a local value: the
        // Terraform source supplies the reference the plan's configuration section lacks.
        assert!(!has(&r, "aws-s3-bucket-encryption", "aws_s3_bucket.site"));
        assert!(has(
            &r,
            "aws-s3-bucket-encryption",
            "module.logs.aws_s3_bucket.this"
        ));
    }
    // Without the plan the variables have no value: the ACL rule cannot tell.
    let hcl_only = run_with(ScanOptions {
        paths: vec![
            fixture("with-source/main.tf"),
            fixture("with-source/modules/bucket/main.tf"),
        ],
        ..ScanOptions::default()
    });
    assert!(!hcl_only
        .findings
        .iter()
        .any(|f| &*f.rule_id == "aws-s3-bucket-public-acl"));
}

#[test]
fn plan_without_source_points_at_the_resource_address() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let plan = tmp.path().join("plan.json");
    std::fs::copy(fixture("with-source/plan.json"), &plan).expect("copy plan");
    let r = run_with(ScanOptions {
        paths: vec![plan],
        keep_values: true,
        ..ScanOptions::default()
    });
    let f = r
        .findings
        .iter()
        .find(|f| &*f.rule_id == "aws-s3-bucket-versioning" && f.address == "aws_s3_bucket.site")
        .expect("finding");
    let src = r.sources.get(f.primary.file).expect("file");
    assert!(src.display.ends_with("/plan.json"));
    // Without the source the local value cannot be followed: encryption is unknown, not a finding.
    assert!(!r
        .findings
        .iter()
        .any(|f| &*f.rule_id == "aws-s3-bucket-encryption"));
    let text = src.slice(f.primary);
    assert!(
        text == r#""address": "aws_s3_bucket.site""# || text.starts_with(r#""versioning""#),
        "{text}"
    );
}

#[test]
fn sensitive_values_are_never_printed() {
    let r = run(&["sensitive"]);
    assert!(has(&r, "aws-s3-bucket-public-acl", "aws_s3_bucket.secret"));
    let json = report::render(Format::Json, &r, &RenderOptions::default());
    let compact = report::render(Format::Compact, &r, &RenderOptions::default());
    let human = report::render(Format::Human, &r, &RenderOptions::default());
    for (name, out) in [("json", &json), ("compact", &compact), ("human", &human)] {
        // (The rule's own description names the ACL in backquotes; the value would be quoted.)
        assert!(
            !out.contains("\"public-read-write\"") && !out.contains("\\\"public-read-write"),
            "{name} output shows the sensitive value:\n{out}"
        );
    }
    assert!(json.contains("(sensitive value)"), "{json}");
    assert!(compact.contains("(sensitive value)"), "{compact}");
}

/// A plan of `resources` S3 buckets, the last of them with a public ACL, each padded with a
/// tag `pad` bytes long (a plan's size comes mostly from values nobody checks).
fn big_plan(resources: usize, pad: usize) -> String {
    let filler = "x".repeat(pad);
    let mut planned = Vec::with_capacity(resources);
    let mut changes = Vec::with_capacity(resources);
    for i in 0..resources {
        let acl = if i + 1 == resources {
            "public-read"
        } else {
            "private"
        };
        planned.push(format!(
            r#"{{"address":"aws_s3_bucket_acl.b{i}","mode":"managed","type":"aws_s3_bucket_acl","name":"b{i}","values":{{"acl":"{acl}","bucket":"b{i}","tags":{{"pad":"{filler}"}}}},"sensitive_values":{{}}}}"#
        ));
        changes.push(format!(
            r#"{{"address":"aws_s3_bucket_acl.b{i}","mode":"managed","type":"aws_s3_bucket_acl","name":"b{i}","change":{{"actions":["create"],"before":null,"after":{{"acl":"{acl}","bucket":"b{i}","tags":{{"pad":"{filler}"}}}},"after_unknown":{{"id":true}},"after_sensitive":{{}}}}}}"#
        ));
    }
    format!(
        r#"{{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{{"root_module":{{"resources":[{}]}}}},"resource_changes":[{}],"configuration":{{"root_module":{{}}}}}}"#,
        planned.join(","),
        changes.join(",")
    )
}

#[test]
fn a_plan_larger_than_the_source_file_limit_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = big_plan(2_000, 9_000);
    assert!(
        text.len() as u64 > onus::load::MAX_FILE_BYTES,
        "{}",
        text.len()
    );
    std::fs::write(dir.path().join("plan.json"), &text).expect("write");
    let r = run_with(ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        ..ScanOptions::default()
    });
    assert!(errors(&r).is_empty(), "{:?}", errors(&r));
    assert!(has(
        &r,
        "aws-s3-bucket-public-acl",
        "aws_s3_bucket_acl.b1999"
    ));
    assert!(!has(&r, "aws-s3-bucket-public-acl", "aws_s3_bucket_acl.b0"));
}

#[test]
fn source_beside_a_plan_it_does_not_stand_for_is_not_checked() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let plan = tmp.path().join("plan.json");
    std::fs::copy(fixture("with-source/plan.json"), &plan).expect("copy plan");
    std::fs::write(
        tmp.path().join("main.tf"),
        "resource \"aws_ebs_volume\" \"unrelated\" {\n  availability_zone = \"a\"\n  size = 1\n}\n",
    )
    .expect("main.tf");
    let alone = run_with(ScanOptions {
        paths: vec![plan],
        ..ScanOptions::default()
    });
    assert!(has(
        &alone,
        "aws-s3-bucket-public-acl",
        "aws_s3_bucket.site"
    ));
    assert!(
        !alone
            .findings
            .iter()
            .any(|f| f.address.contains("unrelated")),
        "{:?}",
        pairs(&alone)
    );
    // Its directory scanned, the source is checked too.
    let dir = run_with(ScanOptions {
        paths: vec![tmp.path().to_path_buf()],
        ..ScanOptions::default()
    });
    assert!(dir
        .findings
        .iter()
        .any(|f| f.address == "aws_ebs_volume.unrelated"));
}

#[test]
fn directories_below_a_plan_named_alone_are_modules_not_roots() {
    // `parity/hcl` is another root below the plan's directory: named alone, the plan's
    // findings are the plan's only, as before source beside plans was read.
    let alone = run(&["parity/plan.json"]);
    assert!(!alone.findings.is_empty());
    assert!(
        alone.findings.iter().all(|f| f.plan_file.is_some()),
        "{:?}",
        pairs(&alone)
    );
    let src_files: Vec<&str> = alone
        .findings
        .iter()
        .filter_map(|f| alone.sources.get(f.primary.file))
        .map(|s| s.display.as_str())
        .collect();
    assert!(
        src_files.iter().all(|d| d.ends_with("parity/plan.json")),
        "{src_files:?}"
    );
}

#[test]
fn cli_plan_named_alone_points_at_the_source_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = fixture("with-source");
    for rel in ["plan.json", "main.tf", "modules/bucket/main.tf"] {
        let to = tmp.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("dirs");
        std::fs::copy(src.join(rel), &to).expect("copy");
    }
    let out = assert_cmd::Command::cargo_bin("onus")
        .expect("onus binary")
        .current_dir(tmp.path())
        .args(["scan", "plan.json", "-f", "compact"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("main.tf:14:3: critical aws-s3-bucket-public-acl")),
        "{text}"
    );
    assert!(
        text.lines().any(
            |l| l.starts_with("modules/bucket/main.tf:11:3: critical aws-s3-bucket-public-acl")
        ),
        "{text}"
    );
    assert!(!text.contains("plan.json:"), "{text}");
}
