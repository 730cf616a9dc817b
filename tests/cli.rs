//! What a user sees from the command line: exit codes, formats, parse-error handling, and the
//! human report (snapshot).

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn onus() -> Command {
    let mut c = Command::cargo_bin("onus").expect("binary built");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env_remove("TF_VAR_env");
    c
}

#[test]
fn demo_has_findings_and_exits_1() {
    onus()
        .args(["scan", "fixtures/demo", "--format", "compact"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("aws-s3-bucket-public-acl"))
        .stdout(predicate::str::contains(
            "fixtures/demo/network.tf:18:5: high aws-ec2-sg-ssh-open",
        ));
}

#[test]
fn hardened_is_clean_and_exits_0() {
    onus()
        .args(["scan", "fixtures/hardened", "--format", "compact"])
        .assert()
        .code(0);
}

#[test]
fn fail_on_threshold() {
    // The demo's worst finding is critical, so a critical threshold still fails ...
    onus()
        .args([
            "scan",
            "fixtures/demo",
            "-f",
            "compact",
            "--fail-on",
            "critical",
        ])
        .assert()
        .code(1);
    // ... and `never` reports without failing.
    onus()
        .args([
            "scan",
            "fixtures/demo",
            "-f",
            "compact",
            "--fail-on",
            "never",
        ])
        .assert()
        .code(0);
    // The for_each fixture's worst finding is critical too; a var-no-default scan has none.
    onus()
        .args(["scan", "fixtures/eval/var-no-default", "-f", "compact"])
        .assert()
        .code(0);
}

#[test]
fn usage_errors_exit_2() {
    onus().args(["scan", "--format", "yaml"]).assert().code(2);
    onus()
        .args(["scan", "--var", "novalue", "fixtures/demo"])
        .assert()
        .code(2);
    onus().args(["explain", "no-such-rule"]).assert().code(2);
    onus()
        .args(["scan", "fixtures/demo", "--rules", "does/not/exist"])
        .assert()
        .code(2);
}

#[test]
fn parse_errors_are_reported_and_other_files_still_scanned() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("broken.tf"),
        "resource \"aws_ebs_volume\" \"x\" {\n  size = \n}\n",
    )
    .expect("write");
    fs::create_dir(dir.path().join("ok")).expect("mkdir");
    fs::write(
        dir.path().join("ok/main.tf"),
        "resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"a\"\n  size = 1\n}\n",
    )
    .expect("write");
    let out = onus()
        .args(["scan", "-f", "compact"])
        .arg(dir.path())
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("broken.tf:2:"),
        "parse error located: {stdout}"
    );
    assert!(stdout.contains("error parse-error"), "{stdout}");
    assert!(
        stdout.contains("aws-ebs-volume-encryption"),
        "the good file is still scanned: {stdout}"
    );
}

#[test]
fn json_format_is_versioned() {
    let out = onus()
        .args(["scan", "fixtures/demo", "-f", "json"])
        .assert()
        .code(1);
    let doc: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("valid JSON");
    assert_eq!(doc["schema_version"], 1);
    let f = &doc["findings"][0];
    for key in [
        "rule",
        "severity",
        "area",
        "file",
        "start",
        "end",
        "address",
        "message",
        "service",
        "service_model",
        "fingerprint",
    ] {
        assert!(!f[key].is_null(), "finding has `{key}`: {f}");
    }
    // The database password is a sensitive variable: it never appears.
    let text = String::from_utf8_lossy(&out.get_output().stdout);
    assert!(!text.contains("db_password\": \""));
}

#[test]
fn var_and_var_file_override_defaults() {
    onus()
        .args([
            "scan",
            "fixtures/eval/tfvars-flip",
            "-f",
            "compact",
            "--var",
            "encrypted=true",
        ])
        .assert()
        .code(0);
    let dir = tempfile::tempdir().expect("temp dir");
    let vf = dir.path().join("prod.tfvars");
    fs::write(&vf, "env = \"prod\"\n").expect("write");
    onus()
        .args([
            "scan",
            "fixtures/eval/conditional-env",
            "-f",
            "compact",
            "--var-file",
        ])
        .arg(&vf)
        .assert()
        .stdout(predicate::str::contains("aws-rds-publicly-accessible").not());
}

#[test]
fn rules_lists_and_explain_shows_examples() {
    onus()
        .args(["rules"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("aws-s3-bucket-encryption"))
        .stdout(predicate::str::contains("azure-storage-min-tls-version"));
    onus()
        .args(["explain", "aws-s3-bucket-encryption"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("How to fix it"))
        .stdout(predicate::str::contains("Bad (reported)"));
    // Peers' ids find the same rule.
    onus()
        .args(["explain", "CKV_AWS_20"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("aws-s3-bucket-public-acl"));
}

#[test]
fn human_report_snapshot() {
    let out = onus()
        .args(["scan", "fixtures/demo", "--format", "human"])
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    insta::assert_snapshot!("demo_human", stdout);
}

#[test]
fn one_line_plans_show_no_snippet_and_no_sensitive_value() {
    // `terraform show -json` writes one line; a snippet of it would print every value in the
    // plan, sensitive variables included.
    let plan: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/plan/sensitive/plan.json"
        ))
        .expect("fixture"),
    )
    .expect("fixture JSON");
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("plan.json"),
        serde_json::to_string(&plan).expect("JSON"),
    )
    .expect("write");
    let out = onus()
        .args(["scan", "-f", "human"])
        .arg(dir.path())
        .assert()
        .code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("aws-s3-bucket-public-acl"), "{stdout}");
    // The rule's description names the ACL in backticks; the plan's (sensitive) value would be
    // quoted.
    assert!(
        !stdout.contains("\"public-read-write\""),
        "a sensitive value was printed:\n{stdout}"
    );
    assert!(stdout.contains("(sensitive value)"), "{stdout}");
    assert!(
        stdout.contains("plan.json:1:"),
        "the location is given instead of a snippet:\n{stdout}"
    );
}

#[test]
fn rules_builtins_lists_the_predicates() {
    onus()
        .args(["rules", "--builtins"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("iam-no-wildcard-actions"))
        .stdout(predicate::str::contains("network-no-public-ingress"));
}

#[test]
fn compact_ends_with_a_summary_on_stderr() {
    let out = onus()
        .args(["scan", "fixtures/demo", "--format", "compact"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // stdout stays one line per finding or diagnostic, each `path:line:col: ...`.
    assert!(stdout.lines().count() > 1);
    for line in stdout.lines() {
        let mut parts = line.splitn(4, ':');
        let (_, l, c) = (parts.next(), parts.next(), parts.next());
        assert!(
            l.is_some_and(|l| l.parse::<u32>().is_ok())
                && c.is_some_and(|c| c.parse::<u32>().is_ok()),
            "not a finding line: {line}"
        );
        assert!(!line.contains(" findings "), "summary on stdout: {line}");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("onus: ") && last.contains(" findings (") && last.contains(" rules)"),
        "{stderr}"
    );

    let clean = onus()
        .args(["scan", "fixtures/hardened", "--format", "compact"])
        .output()
        .expect("runs");
    assert!(clean.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&clean.stderr).starts_with("onus: 0 findings in "),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
}

#[test]
fn rules_list_columns_line_up() {
    let out = onus().arg("rules").output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("  ")).collect();
    assert!(rows.len() > 10);
    // Severity, area and title start at the same columns on every row (columns are
    // separated by two spaces or more; no cell holds two spaces).
    let starts = |row: &str| -> Vec<usize> {
        let mut out = Vec::new();
        let mut gap = 0;
        for (i, c) in row.char_indices() {
            if c == ' ' {
                gap += 1;
            } else {
                if gap >= 2 {
                    out.push(i);
                }
                gap = 0;
            }
        }
        out.truncate(3);
        out
    };
    let first = starts(rows[0]);
    assert_eq!(first.len(), 3, "{}", rows[0]);
    for row in &rows {
        assert_eq!(starts(row), first, "{row}");
    }
    assert!(text.trim_end().ends_with(" rules"));
}

#[test]
fn fail_on_error_lists_every_threshold() {
    onus()
        .args(["scan", "--fail-on", "bogus", "fixtures/demo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected critical, high, medium, low, any or never",
        ));
}

#[test]
fn details_name_the_linked_resource_and_the_port_once() {
    let out = onus()
        .args(["scan", "fixtures/demo", "--format", "compact"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(
        "`versioning.enabled` is not set, and no `aws_s3_bucket_versioning` refers to this resource through `bucket`"
    ), "{stdout}");
    let ssh = stdout
        .lines()
        .find(|l| l.contains("aws-ec2-sg-ssh-open"))
        .expect("ssh finding");
    assert_eq!(
        ssh.matches("port 22").count(),
        2,
        "title and detail once each: {ssh}"
    );
}

#[test]
fn one_check_is_singular_in_the_matrix() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"a\"\n  size = 1\n  encrypted = true\n}\n",
    )
    .expect("write");
    let out = onus()
        .current_dir(dir.path())
        .args(["matrix", "--rule", "aws-ebs-volume-encryption", "."])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 res · 1 check · 0 findings"), "{text}");
    assert!(text.contains("1 check passed"), "{text}");
    assert!(!text.contains("1 checks"), "{text}");
}

#[test]
fn remote_module_note_says_what_went_unchecked() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("main.tf"),
        "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
    )
    .expect("write");
    onus()
        .current_dir(dir.path())
        .args(["scan", "--format", "compact", "."])
        .assert()
        .stdout(predicate::str::contains("remote-module"))
        .stdout(predicate::str::contains("its resources went unchecked"))
        .stdout(predicate::str::contains("run `terraform init`"));
}

fn human(args: &[&str]) -> String {
    let out = onus()
        .args(["scan", "--format", "human"])
        .args(args)
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn human_report_summary_first_and_last_why_once_per_rule() {
    let text = human(&["fixtures/demo"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("Summary: 22 findings (1 critical"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("By area (yours to fix): data protection"));
    let summaries: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("Summary: "))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(summaries.len(), 2);
    assert_eq!(lines[summaries[0]], lines[summaries[1]]);
    // Severity groups, most severe first; critical is written so it stands out from high.
    let headers: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("━━ "))
        .collect();
    assert!(
        headers[0].starts_with("━━ CRITICAL · 1 finding "),
        "{headers:?}"
    );
    assert!(headers[1].starts_with("━━ high · "));
    assert!(headers[2].starts_with("━━ medium · "));
    assert!(headers[3].starts_with("━━ low · "));
    assert!(text.contains("aws-s3-bucket-public-acl [CRITICAL]"));
    // Why and fix once per rule, though aws-ec2-imdsv2 has two findings.
    assert_eq!(
        text.matches("aws-ec2-imdsv2 [high]").count(),
        3,
        "two findings, one rule entry"
    );
    let whys = text.matches("\n  why: ").count();
    let rules = text
        .lines()
        .skip_while(|l| !l.starts_with("━━ Why it matters"))
        .filter(|l| l.contains(" [") && !l.starts_with(' ') && !l.starts_with("━━"))
        .count();
    assert_eq!(whys, rules);
    // Module traces have their own header.
    assert!(!text.contains("Advice:"));
    assert!(text.contains("  Module trace: module.assets"));
}

#[test]
fn human_report_groups_by_rule_and_file() {
    let by_rule = human(&["fixtures/demo", "--group-by", "rule"]);
    assert!(by_rule.contains("━━ aws-ec2-imdsv2 [high] EC2 instance metadata service"));
    assert!(by_rule.contains(" · 2 findings ━"));
    let by_file = human(&["fixtures/demo", "--group-by", "file"]);
    let headers: Vec<&str> = by_file
        .lines()
        .filter(|l| l.starts_with("━━ fixtures/"))
        .collect();
    assert!(headers.len() > 2, "{headers:?}");
    let mut sorted = headers.clone();
    sorted.sort();
    assert_eq!(headers, sorted);
}

#[test]
fn human_report_width_follows_columns_and_clean_scans_say_so() {
    let narrow = onus()
        .env("COLUMNS", "80")
        .args(["scan", "--format", "human", "fixtures/demo"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&narrow.stdout);
    for l in text.lines().filter(|l| l.starts_with("━━ ")) {
        assert_eq!(l.chars().count(), 80, "{l}");
    }
    for l in text
        .lines()
        .filter(|l| l.starts_with("  why: ") || l.starts_with("Summary: "))
    {
        assert!(l.chars().count() <= 80, "{l}");
    }
    let clean = human(&["fixtures/hardened"]);
    assert!(clean.contains("Clean: no findings in "), "{clean}");
}

#[test]
fn colour_can_be_forced_through_a_pipe_for_pagers() {
    let escapes = |vars: &[(&str, &str)], extra: &[&str]| {
        let mut cmd = onus();
        cmd.env_remove("NO_COLOR");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd
            .args(["scan", "--format", "human", "fixtures/demo"])
            .args(extra)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout)
            .matches("\x1b[")
            .count()
    };
    // stdout is a pipe here: no colour unless forced.
    assert_eq!(escapes(&[], &[]), 0);
    assert!(escapes(&[("CLICOLOR_FORCE", "1")], &[]) > 0);
    assert!(escapes(&[("FORCE_COLOR", "1")], &[]) > 0);
    // Forcing wins over NO_COLOR; `0` does not force; --no-color wins over everything.
    assert!(escapes(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")], &[]) > 0);
    assert_eq!(escapes(&[("FORCE_COLOR", "0")], &[]), 0);
    assert_eq!(escapes(&[("CLICOLOR_FORCE", "1")], &["--no-color"]), 0);
}
