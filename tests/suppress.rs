//! Ignore comments (every form and scope), expiry, reasons, unused ignores, baselines and rule
//! selection, through the library's scan and the `onus` binary.

use assert_cmd::Command;
use onus::diag::Level;
use onus::finding::SuppressionKind;
use onus::rules::RuleSelection;
use onus::scan::{scan, ScanOptions, ScanResult};
use onus::suppress::{Date, ReasonPolicy, SuppressOptions};
use onus::taxonomy::Severity;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/suppress")
        .join(name)
}

fn run(opts: ScanOptions) -> ScanResult {
    match scan(&opts) {
        Ok(r) => r,
        Err(e) => panic!("scan failed: {e}"),
    }
}

fn scan_fixture(name: &str, suppress: SuppressOptions) -> ScanResult {
    run(ScanOptions {
        paths: vec![fixture(name)],
        suppress,
        ..ScanOptions::default()
    })
}

fn on(year: i32, month: u32, day: u32) -> SuppressOptions {
    SuppressOptions {
        today: Some(Date { year, month, day }),
        ..SuppressOptions::default()
    }
}

/// `None`: no such finding; `Some(None)`: reported; `Some(Some(why))`: suppressed.
fn status(r: &ScanResult, address: &str, rule: &str) -> Option<Option<String>> {
    let f = r
        .findings
        .iter()
        .find(|f| f.address == address && &*f.rule_id == rule)?;
    Some(f.suppression.as_ref().map(|s| s.justification.clone()))
}

fn suppressed(r: &ScanResult, address: &str, rule: &str) -> bool {
    match status(r, address, rule) {
        Some(s) => s.is_some(),
        None => panic!("no {rule} finding on {address}"),
    }
}

/// Diagnostics of a code as (line, message).
fn diags(r: &ScanResult, code: &str) -> Vec<(u32, String)> {
    r.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let line = d
                .span
                .and_then(|s| r.sources.get(s.file).map(|f| f.line_col(s.start).line))
                .unwrap_or(0);
            (line, d.message.clone())
        })
        .collect()
}

const ACL: &str = "aws-s3-bucket-public-acl";
const VERSIONING: &str = "aws-s3-bucket-versioning";
const EBS: &str = "aws-ebs-volume-encryption";

#[test]
fn every_form_and_scope() {
    let r = scan_fixture("forms", on(2026, 1, 1));
    for name in [
        "trailing",
        "above",
        "slashes",
        "block",
        "two_directives",
        "tfsec",
        "trivy",
        "checkov",
        "block_comment",
        "header_trailing",
    ] {
        assert!(
            suppressed(&r, &format!("aws_s3_bucket.{name}"), ACL),
            "{name} should be suppressed"
        );
    }
    for name in ["other_rule", "detached", "in_string"] {
        assert!(
            !suppressed(&r, &format!("aws_s3_bucket.{name}"), ACL),
            "{name} should be reported"
        );
    }
    // Comments above the header cover every finding of the block, including findings that
    // point at the header (an attribute not set); a line comment covers only its line.
    assert!(suppressed(&r, "aws_s3_bucket.block", VERSIONING));
    assert!(suppressed(&r, "aws_s3_bucket.two_directives", VERSIONING));
    assert!(suppressed(&r, "aws_s3_bucket.header_trailing", VERSIONING));
    assert!(!suppressed(
        &r,
        "aws_s3_bucket.block",
        "aws-s3-bucket-encryption"
    ));
    assert!(!suppressed(&r, "aws_s3_bucket.trailing", VERSIONING));
    assert!(suppressed(&r, "aws_ebs_volume.scratch", EBS));

    assert_eq!(
        status(&r, "aws_s3_bucket.trailing", ACL),
        Some(Some("serves a public website".to_string()))
    );
    assert_eq!(
        status(&r, "aws_s3_bucket.checkov", ACL),
        Some(Some("migrated from checkov".to_string()))
    );
    assert_eq!(
        status(&r, "aws_s3_bucket.block_comment", ACL),
        Some(Some("a block comment works too".to_string()))
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.address == "aws_s3_bucket.above" && &*f.rule_id == ACL);
    let s = f.and_then(|f| f.suppression.clone());
    assert_eq!(s.as_ref().map(|s| s.kind), Some(SuppressionKind::InSource));
    let line = s
        .and_then(|s| s.span)
        .and_then(|sp| r.sources.get(sp.file).map(|f| f.line_col(sp.start).line));
    assert_eq!(line, Some(11), "the suppression points at the comment");
    // Suppressed findings stay in the result and are counted.
    let summary = onus::report::summary(&r);
    assert_eq!(
        summary.suppressed,
        r.findings
            .iter()
            .filter(|f| f.suppression.is_some())
            .count()
    );
    assert!(summary.suppressed >= 12);
}

#[test]
fn module_call_ignore_covers_that_call_only() {
    let r = scan_fixture("modules", SuppressOptions::default());
    assert_eq!(
        status(&r, "module.public.aws_s3_bucket.this", ACL),
        Some(Some(
            "the public call serves the static website".to_string()
        ))
    );
    assert_eq!(
        status(&r, "module.private.aws_s3_bucket.this", ACL),
        Some(None)
    );
    assert_eq!(
        status(&r, "module.wrapped.module.inner.aws_s3_bucket.this", ACL),
        Some(Some("the wrapped bucket is public on purpose".to_string()))
    );
}

#[test]
fn expiry_dates() {
    let before = scan_fixture("expiry", on(2026, 1, 1));
    assert!(suppressed(&before, "aws_ebs_volume.migrating", EBS));
    assert!(suppressed(&before, "aws_ebs_volume.replaced", EBS));
    assert!(diags(&before, "ignore-expired").is_empty());

    // The expiry day itself is still covered.
    let on_the_day = scan_fixture("expiry", on(2026, 6, 30));
    assert!(suppressed(&on_the_day, "aws_ebs_volume.migrating", EBS));

    let between = scan_fixture("expiry", on(2026, 7, 1));
    assert!(!suppressed(&between, "aws_ebs_volume.migrating", EBS));
    assert!(suppressed(&between, "aws_ebs_volume.replaced", EBS));
    let expired = diags(&between, "ignore-expired");
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0].0, 1);
    assert!(expired[0].1.contains("expired on 2026-06-30"));

    let after = scan_fixture("expiry", on(2027, 1, 1));
    assert!(!suppressed(&after, "aws_ebs_volume.replaced", EBS));
    assert_eq!(diags(&after, "ignore-expired").len(), 2);
    let levels: Vec<Level> = after
        .diagnostics
        .iter()
        .filter(|d| d.code == "ignore-expired")
        .map(|d| d.level)
        .collect();
    assert_eq!(levels, vec![Level::Note, Level::Note]);

    // An expiry that is not a date never suppresses and is reported.
    assert!(!suppressed(&before, "aws_ebs_volume.bad_date", EBS));
    let invalid = diags(&before, "ignore-invalid");
    assert_eq!(invalid.len(), 1);
    assert_eq!(invalid[0].0, 13);
}

#[test]
fn expiry_reads_the_system_clock_by_default() {
    let r = run(ScanOptions {
        paths: vec![fixture("forms")],
        ..ScanOptions::default()
    });
    // `:exp:2999-12-31` is in the future whenever this runs.
    assert!(suppressed(&r, "aws_s3_bucket.trivy", ACL));
}

#[test]
fn an_onus_ignore_needs_a_reason() {
    let r = scan_fixture("reasons", SuppressOptions::default());
    assert!(!suppressed(&r, "aws_ebs_volume.no_reason", EBS));
    // Other tools' comments are honoured as written.
    assert!(suppressed(&r, "aws_ebs_volume.checkov_no_reason", EBS));
    assert_eq!(
        status(&r, "aws_ebs_volume.with_reason", EBS),
        Some(Some("scratch disk".to_string()))
    );
    let warned: Vec<u32> = diags(&r, "ignore-no-reason")
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(warned, vec![1]);
    assert_eq!(r.ignores_without_reason, 1);
    assert!(r
        .diagnostics
        .iter()
        .filter(|d| d.code == "ignore-no-reason")
        .all(|d| d.level == Level::Warning));

    let lax = scan_fixture(
        "reasons",
        SuppressOptions {
            require_reason: ReasonPolicy::Never,
            ..SuppressOptions::default()
        },
    );
    assert!(suppressed(&lax, "aws_ebs_volume.no_reason", EBS));
    assert!(suppressed(&lax, "aws_ebs_volume.checkov_no_reason", EBS));
    assert!(diags(&lax, "ignore-no-reason").is_empty());
    assert_eq!(lax.ignores_without_reason, 2);
}

const PEER_VOLUMES: [&str; 4] = [
    "aws_ebs_volume.tfsec_above",
    "aws_ebs_volume.trivy_trailing",
    "aws_ebs_volume.trivy_expiring",
    "aws_ebs_volume.checkov_inside",
];

#[test]
fn peer_ignores_are_honoured_as_written() {
    let r = scan_fixture("peers", SuppressOptions::default());
    for address in PEER_VOLUMES {
        assert_eq!(
            status(&r, address, EBS),
            Some(Some("(no reason given)".to_string())),
            "{address}"
        );
    }
    assert_eq!(
        status(&r, "aws_ebs_volume.checkov_reason", EBS),
        Some(Some("scratch volume, nothing kept".to_string()))
    );
    // onus's own syntax still needs a reason.
    assert!(!suppressed(&r, "aws_ebs_volume.onus_no_reason", EBS));
    let warned: Vec<u32> = diags(&r, "ignore-no-reason")
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(warned, vec![33]);
    assert_eq!(r.ignores_without_reason, 4);
    assert_eq!(onus::report::summary(&r).ignores_without_reason, 4);
}

#[test]
fn require_reason_all_makes_peer_ignores_strict() {
    let r = scan_fixture(
        "peers",
        SuppressOptions {
            require_reason: ReasonPolicy::All,
            ..SuppressOptions::default()
        },
    );
    for address in PEER_VOLUMES {
        assert!(!suppressed(&r, address, EBS), "{address}");
    }
    assert!(suppressed(&r, "aws_ebs_volume.checkov_reason", EBS));
    let warned = diags(&r, "ignore-no-reason");
    let lines: Vec<u32> = warned.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, vec![4, 10, 15, 23, 33]);
    assert!(warned[0]
        .1
        .contains("`tfsec:ignore:aws-ec2-enable-volume-encryption` has no reason"));
    assert!(warned[0].1.contains("require_reason = \"all\""));
    assert_eq!(r.ignores_without_reason, 0);
}

#[test]
fn require_reason_all_from_the_configuration_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let copy = |name: &str| {
        std::fs::copy(fixture("peers").join(name), dir.path().join(name))
            .unwrap_or_else(|e| panic!("{e}"));
    };
    copy("main.tf");
    let scan = |config: &str| {
        std::fs::write(dir.path().join(".onus.hcl"), config).unwrap_or_else(|e| panic!("{e}"));
        let out = Command::cargo_bin("onus")
            .unwrap_or_else(|e| panic!("{e}"))
            .current_dir(dir.path())
            .args(["scan", "--format", "json", "."])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let doc: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
        doc["summary"].clone()
    };
    let default = scan("");
    assert_eq!(default["suppressed"], 5);
    assert_eq!(default["ignores_without_reason"], 4);
    let strict = scan("require_reason = \"all\"\n");
    assert_eq!(strict["suppressed"], 1);
    assert_eq!(strict["ignores_without_reason"], 0);
}

#[test]
fn unused_ignores_are_reported_when_asked() {
    let quiet = scan_fixture("unused", SuppressOptions::default());
    assert!(diags(&quiet, "ignore-unused").is_empty());
    assert!(suppressed(&quiet, "aws_ebs_volume.plain", EBS));

    let r = scan_fixture(
        "unused",
        SuppressOptions {
            report_unused_ignores: true,
            ..SuppressOptions::default()
        },
    );
    let unused = diags(&r, "ignore-unused");
    let lines: Vec<u32> = unused.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, vec![1, 14]);
    assert!(unused[1].1.contains("no rule is named `no-such-rule`"));
    assert!(r
        .diagnostics
        .iter()
        .filter(|d| d.code == "ignore-unused")
        .all(|d| d.level == Level::Note));
}

#[test]
fn unused_detached_ignore_is_reported() {
    let r = scan_fixture(
        "forms",
        SuppressOptions {
            report_unused_ignores: true,
            ..on(2026, 1, 1)
        },
    );
    let unused = diags(&r, "ignore-unused");
    assert!(
        unused
            .iter()
            .any(|(l, m)| *l == 64 && m.contains("not directly above code")),
        "{unused:?}"
    );
    // The wrong-rule ignore on the `other_rule` bucket suppresses nothing either.
    assert!(unused.iter().any(|(l, _)| *l == 60), "{unused:?}");
}

fn selected(select: RuleSelection) -> Result<ScanResult, String> {
    scan(&ScanOptions {
        paths: vec![fixture("selection")],
        select,
        ..ScanOptions::default()
    })
    .map_err(|e| e.to_string())
}

fn rules_fired(r: &ScanResult) -> Vec<String> {
    let mut v: Vec<String> = r.findings.iter().map(|f| f.rule_id.to_string()).collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn rule_selection_globs_aliases_and_filters() {
    let all = selected(RuleSelection::default()).map(|r| rules_fired(&r));
    assert_eq!(
        all.as_ref().map(Vec::len),
        Ok(6),
        "selection fixture fires six rules: {all:?}"
    );

    let s3 = selected(RuleSelection {
        enable: vec!["aws-s3-*".into()],
        ..RuleSelection::default()
    })
    .map(|r| rules_fired(&r));
    assert!(s3
        .as_ref()
        .is_ok_and(|v| v.len() == 5 && !v.contains(&EBS.to_string())));

    let skip = selected(RuleSelection {
        disable: vec!["aws-s3-bucket-*".into()],
        ..RuleSelection::default()
    })
    .map(|r| rules_fired(&r));
    assert_eq!(skip, Ok(vec![EBS.to_string()]));

    // A peer's alias names a rule too.
    let alias = selected(RuleSelection {
        enable: vec!["CKV_AWS_3".into()],
        ..RuleSelection::default()
    })
    .map(|r| rules_fired(&r));
    assert_eq!(alias, Ok(vec![EBS.to_string()]));

    let high = selected(RuleSelection {
        min_severity: Some(Severity::High),
        ..RuleSelection::default()
    })
    .map(|r| rules_fired(&r));
    assert_eq!(high, Ok(vec![EBS.to_string(), ACL.to_string()]));

    let area = selected(RuleSelection {
        areas: vec![onus::taxonomy::Area::IdentityAccess],
        ..RuleSelection::default()
    })
    .map(|r| rules_fired(&r));
    assert_eq!(
        area,
        Ok(vec![
            "aws-s3-bucket-public-access-block".to_string(),
            ACL.to_string()
        ])
    );

    let provider = selected(RuleSelection {
        providers: vec!["aws".into()],
        ..RuleSelection::default()
    })
    .map(|r| rules_fired(&r).len());
    assert_eq!(provider, Ok(6));

    let typo = selected(RuleSelection {
        enable: vec!["aws-s3-bucket-encription".into()],
        ..RuleSelection::default()
    });
    assert!(typo.is_err_and(|e| e.contains("no rule matches `aws-s3-bucket-encription`")));
    let provider = selected(RuleSelection {
        providers: vec!["oracle".into()],
        ..RuleSelection::default()
    });
    assert!(provider.is_err_and(|e| e.contains("unknown provider `oracle`")));
}

#[test]
fn severity_overrides_change_findings_and_min_severity() {
    let r = selected(RuleSelection {
        severity_overrides: vec![(EBS.to_string(), Severity::Low)],
        min_severity: Some(Severity::High),
        ..RuleSelection::default()
    });
    assert_eq!(r.map(|r| rules_fired(&r)), Ok(vec![ACL.to_string()]));
    let r = selected(RuleSelection {
        severity_overrides: vec![("aws-s3-bucket-v*".to_string(), Severity::Critical)],
        ..RuleSelection::default()
    });
    let sev: Vec<Severity> = r
        .iter()
        .flat_map(|r| r.findings.iter())
        .filter(|f| &*f.rule_id == VERSIONING)
        .map(|f| f.severity)
        .collect();
    assert_eq!(sev, vec![Severity::Critical]);
}

fn onus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_onus"))
}

fn copy_fixture(name: &str, to: &Path) {
    for entry in walkdir::WalkDir::new(fixture(name)) {
        let entry = entry.expect("walk fixture");
        let rel = entry
            .path()
            .strip_prefix(fixture(name))
            .expect("below the fixture");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("JSON output")
}

#[test]
fn fingerprints_do_not_move_with_lines() {
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_fixture("baseline", tmp.path());
    let main = tmp.path().join("main.tf");
    let fingerprints = || {
        let mut v: Vec<(String, String)> = run(ScanOptions {
            paths: vec![main.clone()],
            ..ScanOptions::default()
        })
        .findings
        .iter()
        .map(|f| (f.address.clone(), f.fingerprint.clone()))
        .collect();
        v.sort();
        v
    };
    let before = fingerprints();
    let text = std::fs::read_to_string(&main).expect("read");
    std::fs::write(
        &main,
        format!(
            "\n\n# a new comment\n\n{}",
            text.replace(
                "resource \"aws_ebs_volume\"",
                "\n\n\nresource \"aws_ebs_volume\""
            )
        ),
    )
    .expect("write");
    assert_eq!(before, fingerprints());
    assert!(!before.is_empty());
}

#[test]
fn baseline_write_then_scan() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    copy_fixture("baseline", dir);
    // Stops configuration discovery at the temporary directory.
    std::fs::create_dir(dir.join(".git")).expect("mkdir .git");
    let out = onus()
        .current_dir(dir)
        .args(["baseline", "write", ".", "-o", ".onus-baseline.json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("wrote 7 findings to .onus-baseline.json"));
    let text = std::fs::read_to_string(dir.join(".onus-baseline.json")).expect("baseline");
    let b = json(text.as_bytes());
    assert_eq!(b["version"], 1);
    let entries = b["findings"].as_array().cloned().unwrap_or_default();
    assert_eq!(entries.len(), 7);
    let keys: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            (
                e["file"].as_str().unwrap_or("").to_string(),
                e["address"].as_str().unwrap_or("").to_string(),
                e["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "entries are sorted");
    assert!(entries.iter().any(|e| e["rule"] == ACL
        && e["attribute"] == "acl"
        && e["address"] == "aws_s3_bucket.site"
        && e["file"] == "main.tf"
        && e["fingerprint"].as_str().is_some_and(|f| f.len() == 32)));
    // Writing is deterministic.
    onus()
        .current_dir(dir)
        .args(["baseline", "write", ".", "-o", "again.json"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.join("again.json")).ok(),
        Some(text.clone())
    );

    // Move every resource down: nothing new is reported.
    let main = dir.join("main.tf");
    let original = std::fs::read_to_string(&main).expect("read");
    let moved = format!(
        "\n\n\n{}",
        original.replace(
            "resource \"aws_ebs_volume\"",
            "\n\nresource \"aws_ebs_volume\""
        )
    );
    std::fs::write(&main, &moved).expect("write");
    let scan = |args: &[&str]| {
        let mut cmd = onus();
        cmd.current_dir(dir)
            .args(["scan", ".", "--baseline", ".onus-baseline.json"]);
        cmd.args(if args.is_empty() {
            &["-f", "json"]
        } else {
            args
        });
        cmd.assert()
    };
    let a = scan(&[]).success();
    let doc = json(&a.get_output().stdout);
    assert_eq!(doc["summary"]["findings"], 0);
    assert_eq!(doc["summary"]["suppressed"], 7);
    let findings = doc["findings"].as_array().cloned().unwrap_or_default();
    assert!(findings
        .iter()
        .all(|f| f["suppression"]["kind"] == "external"
            && f["suppression"]["justification"] == "in baseline .onus-baseline.json"));
    let notes = doc["diagnostics"].as_array().cloned().unwrap_or_default();
    assert!(notes.iter().all(|d| d["code"] != "baseline-fixed"));

    // Fix one finding: it is gone, and the baseline says so.
    std::fs::write(
        &main,
        moved.replace(
            "resource \"aws_ebs_volume\" \"data\" {",
            "resource \"aws_ebs_volume\" \"data\" {\n  encrypted = true",
        ),
    )
    .expect("write");
    let a = scan(&[]).success();
    let doc = json(&a.get_output().stdout);
    assert_eq!(doc["summary"]["findings"], 0);
    assert_eq!(doc["summary"]["suppressed"], 6);
    let fixed: Vec<serde_json::Value> = doc["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|d| d["code"] == "baseline-fixed")
        .collect();
    assert_eq!(fixed.len(), 1);
    assert_eq!(fixed[0]["level"], "note");
    assert!(fixed[0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("1 baselined finding is fixed now")));

    // A new finding is reported despite the baseline.
    let text = std::fs::read_to_string(&main).expect("read");
    std::fs::write(
        &main,
        format!("{text}\nresource \"aws_ebs_volume\" \"new\" {{\n  availability_zone = \"a\"\n  size = 1\n}}\n"),
    )
    .expect("write");
    let a = scan(&["-f", "compact"]).code(1);
    let out = String::from_utf8_lossy(&a.get_output().stdout).to_string();
    assert!(out.contains("aws_ebs_volume.new"), "{out}");
    assert!(!out.contains("aws_ebs_volume.logs"), "{out}");
}

#[test]
fn baseline_skips_findings_already_ignored_in_source() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    std::fs::create_dir(dir.join(".git")).expect("mkdir .git");
    std::fs::write(
        dir.join("main.tf"),
        "# onus:ignore:aws-ebs-volume-encryption scratch\nresource \"aws_ebs_volume\" \"a\" {\n  availability_zone = \"x\"\n  size = 1\n}\nresource \"aws_ebs_volume\" \"b\" {\n  availability_zone = \"x\"\n  size = 1\n}\n",
    )
    .expect("write");
    onus()
        .current_dir(dir)
        .args(["baseline", "write", "-o", "b.json"])
        .assert()
        .success();
    let b = json(&std::fs::read(dir.join("b.json")).expect("read"));
    let addresses: Vec<&str> = b["findings"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["address"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(addresses, vec!["aws_ebs_volume.b"]);
}

#[test]
fn bad_baseline_is_a_configuration_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("b.json"),
        "{\"version\": 9, \"findings\": []}",
    )
    .expect("w");
    onus()
        .current_dir(tmp.path())
        .args(["scan", "--no-config", "--baseline", "b.json", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "baseline version 9 is not supported",
        ));
    onus()
        .current_dir(tmp.path())
        .args(["scan", "--no-config", "--baseline", "missing.json", "."])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "cannot read baseline missing.json",
        ));
}

#[test]
fn cli_selection_flags() {
    let dir = fixture("selection");
    let out = onus()
        .args([
            "scan",
            "--no-config",
            "-f",
            "compact",
            "--rule",
            "aws-s3-bucket-p*",
        ])
        .arg(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains(ACL) && out.contains("aws-s3-bucket-public-access-block"));
    assert!(!out.contains(EBS) && !out.contains(VERSIONING));

    let out = onus()
        .args([
            "scan",
            "--no-config",
            "-f",
            "compact",
            "--skip-rule",
            "aws-s3-*",
        ])
        .args([
            "--min-severity",
            "high",
            "--provider",
            "aws",
            "--area",
            "data-protection",
        ])
        .arg(&dir)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains(EBS));

    onus()
        .args(["scan", "--no-config", "--rule", "nope-*"])
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no rule matches `nope-*`"));
}

#[test]
fn cli_reports_unused_ignores_and_shows_suppressed() {
    let out = onus()
        .args([
            "scan",
            "--no-config",
            "-f",
            "compact",
            "--report-unused-ignores",
        ])
        .arg(fixture("unused"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(
        out.contains("unused/main.tf:1:1: note ignore-unused"),
        "{out}"
    );
    assert!(
        out.contains("unused/main.tf:14:1: note ignore-unused"),
        "{out}"
    );

    let out = onus()
        .args([
            "scan",
            "--no-config",
            "-f",
            "human",
            "--no-color",
            "--show-suppressed",
        ])
        .arg(fixture("modules"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert!(out.contains("suppressed: the public call serves the static website"));
    assert!(out.contains("suppressed"), "{out}");
}

#[test]
fn ignore_above_a_nested_block_covers_it() {
    let r = scan_fixture("nested", SuppressOptions::default());
    let ssh = "aws-ec2-sg-ssh-open";
    assert_eq!(
        status(&r, "aws_security_group.a", ssh),
        Some(Some("bastion host, reviewed".to_string()))
    );
    assert_eq!(status(&r, "aws_security_group.b", ssh), Some(None));
}

#[test]
fn ignores_without_a_reason_are_counted_in_human_and_markdown_summaries() {
    for (format, text) in [
        ("human", "4 ignores without a reason"),
        ("markdown", "4 ignores without a reason"),
    ] {
        let out = Command::cargo_bin("onus")
            .unwrap_or_else(|e| panic!("{e}"))
            // Wide enough that the summary is not wrapped.
            .env("COLUMNS", "400")
            .args(["scan", "--no-config", "--no-color", "-f", format])
            .arg(fixture("peers"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(text), "{format}:\n{stdout}");
    }
}

/// Only ignores that hide a finding are counted: one of a rule that found nothing (here, a rule
/// left out of the scan) would bring nothing back under `require_reason = "all"`.
#[test]
fn ignores_without_a_reason_count_only_those_that_hide_a_finding() {
    let count = |extra: &[&str]| {
        let out = Command::cargo_bin("onus")
            .unwrap_or_else(|e| panic!("{e}"))
            .args(["scan", "--no-config", "-f", "json"])
            .args(extra)
            .arg(fixture("peers"))
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        json(&out.stdout)["summary"]["ignores_without_reason"]
            .as_u64()
            .unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(&out.stdout)))
    };
    assert_eq!(count(&[]), 4);
    assert_eq!(count(&["--skip-rule", "aws-ebs-volume-encryption"]), 0);
}
