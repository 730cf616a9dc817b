//! What a scan reads and how it says so: plans in the encodings Windows writes, a named file
//! that is not a plan, paths that do not exist, and selections that leave nothing to scan.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

const PLAN: &str = r#"{
  "format_version": "1.2",
  "terraform_version": "1.9.0",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket_acl.site",
          "mode": "managed",
          "type": "aws_s3_bucket_acl",
          "name": "site",
          "values": { "bucket": "site", "acl": "public-read" }
        }
      ]
    }
  }
}
"#;

fn onus(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("onus").expect("binary");
    c.current_dir(dir)
        .args(["scan", "--no-config", "--format", "compact"]);
    c
}

fn finds_the_public_acl(dir: &Path, file: &str) {
    onus(dir)
        .arg(file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{file}:12:41: critical aws-s3-bucket-public-acl"
        )));
}

#[test]
fn plans_with_a_byte_order_mark_are_read_in_utf8_and_utf16() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice(PLAN.as_bytes());
    fs::write(dir.path().join("utf8.json"), utf8).expect("write");
    let mut le = vec![0xFF, 0xFE];
    le.extend(PLAN.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(dir.path().join("utf16le.json"), le).expect("write");
    let mut be = vec![0xFE, 0xFF];
    be.extend(PLAN.encode_utf16().flat_map(u16::to_be_bytes));
    fs::write(dir.path().join("utf16be.json"), be).expect("write");
    fs::write(dir.path().join("plain.json"), PLAN).expect("write");
    for f in ["plain.json", "utf8.json", "utf16le.json", "utf16be.json"] {
        finds_the_public_acl(dir.path(), f);
    }
    // Found by walking the directory too, not only when named.
    onus(dir.path())
        .arg(".")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("utf16le.json:12:41:"));
}

#[test]
fn broken_utf16_is_a_located_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut le = vec![0xFF, 0xFE];
    le.extend(PLAN.encode_utf16().flat_map(u16::to_le_bytes));
    le.extend_from_slice(&0xD800u16.to_le_bytes()); // an unpaired surrogate
    fs::write(dir.path().join("plan.json"), le).expect("write");
    onus(dir.path())
        .arg("plan.json")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error invalid-utf16"));
}

#[test]
fn a_named_file_that_is_not_a_plan_is_an_error_and_a_walked_one_is_skipped() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(dir.path().join("package.json"), "{\"name\": \"x\"}\n").expect("write");
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"a\"\n  acl    = \"private\"\n}\n",
    )
    .expect("write");
    onus(dir.path())
        .arg("package.json")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "package.json:1:1: error not-a-plan",
        ));
    // Walking a directory, unrelated JSON is not Terraform's and is passed over quietly.
    onus(dir.path())
        .arg(".")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("not-a-plan").not());
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tmp");
    for cmd in [&["scan"][..], &["matrix"], &["baseline", "write"]] {
        Command::cargo_bin("onus")
            .expect("binary")
            .current_dir(dir.path())
            .args(cmd)
            .args(["--no-config", "no-such-dir"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "no-such-dir: no such file or directory",
            ));
    }
}

#[test]
fn nothing_to_scan_is_its_own_outcome() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(dir.path().join("README.md"), "no terraform here\n").expect("write");
    fs::write(dir.path().join("terraform.tfvars"), "x = 1\n").expect("write");
    onus(dir.path())
        .arg(".")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("nothing to scan"));
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"a\"\n  acl    = \"public-read\"\n}\n",
    )
    .expect("write");
    // Everything excluded: the same outcome, not a clean scan.
    onus(dir.path())
        .args(["--exclude", "**", "."])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("nothing to scan"));
    onus(dir.path()).arg(".").assert().code(1);
}

#[test]
fn soft_fail_exits_zero_on_findings_but_not_on_unreadable_input() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"a\"\n  acl    = \"public-read\"\n}\n",
    )
    .expect("write");
    onus(dir.path())
        .args(["--soft-fail", "."])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("aws-s3-bucket-public-acl"));
    fs::write(dir.path().join("broken.tf"), "resource \"x\" {\n").expect("write");
    onus(dir.path()).args(["--soft-fail", "."]).assert().code(1);
    Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args(["scan", "--soft-fail", "--fail-on", "high", "."])
        .assert()
        .code(2);
}

const ECS_SECRET: &str = "resource \"aws_ecs_task_definition\" \"app\" {\n  family = \"app\"\n  container_definitions = jsonencode([{\n    name  = \"app\"\n    image = \"app:1\"\n    environment = [{ name = \"DB_PASSWORD\", value = \"s3cr3t-Value-91x\" }]\n  }])\n}\n";

/// A rule that looks for secrets finds them without printing them: not in the message, not in
/// a source excerpt, in no format.
#[test]
fn secrets_a_rule_finds_are_never_printed() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(dir.path().join("main.tf"), ECS_SECRET).expect("write");
    for format in [
        "human",
        "compact",
        "json",
        "sarif",
        "github",
        "checkstyle",
        "junit",
        "markdown",
    ] {
        let out = Command::cargo_bin("onus")
            .expect("binary")
            .current_dir(dir.path())
            .args(["scan", "--no-config", "--no-color", "--format", format, "."])
            .env("COLUMNS", "200")
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("aws-ecs-plaintext-secrets"),
            "{format}: the finding is reported\n{text}"
        );
        assert!(
            !text.contains("s3cr3t-Value-91x"),
            "{format}: the secret is printed\n{text}"
        );
    }
}

/// The value of a sensitive variable is masked where the finding points and where it was set.
#[test]
fn sensitive_values_are_masked_in_excerpts() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(
        dir.path().join("main.tf"),
        "variable \"acl\" {\n  type      = string\n  sensitive = true\n}\n\nresource \"aws_s3_bucket_acl\" \"a\" {\n  bucket = \"a\"\n  acl    = var.acl\n}\n",
    )
    .expect("write");
    fs::write(
        dir.path().join("terraform.tfvars"),
        "acl = \"public-read-write\"\n",
    )
    .expect("write");
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "scan",
            "--no-config",
            "--no-color",
            "--format",
            "human",
            ".",
        ])
        .env("COLUMNS", "200")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("aws-s3-bucket-public-acl"), "{text}");
    assert!(!text.contains("\"public-read-write\""), "{text}");
    assert!(text.contains("acl = \"*****************\""), "{text}");
}
