//! The tools for rule authors: `onus test` (examples that pin their lines), `--no-builtin-rules`
//! and `--compliance`.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

/// A rule file for unencrypted EBS volumes, with `bad_pin` as its bad example's marker line.
fn rule_file(bad_line_suffix: &str) -> String {
    format!(
        r#"rule "custom-ebs-encrypted" {{
  title       = "EBS volume is not encrypted"
  severity    = "high"
  area        = "data-protection"
  resources   = ["aws_ebs_volume"]
  description = "Volumes hold data at rest."
  remediation = "Set `encrypted = true`."
  compliance  = {{ "cis-aws-1.4" = ["2.2.1"] }}

  assert {{
    attribute "encrypted" {{
      equals  = true
      default = false
    }}
  }}

  example "bad" {{
    code = <<-EOT
      resource "aws_ebs_volume" "data" {{
        availability_zone = "eu-west-1a"
        encrypted         = false{bad_line_suffix}
      }}
    EOT
  }}

  example "good" {{
    code = <<-EOT
      resource "aws_ebs_volume" "data" {{
        availability_zone = "eu-west-1a"
        encrypted         = true
      }}
    EOT
  }}
}}
"#
    )
}

fn onus() -> Command {
    Command::cargo_bin("onus").expect("binary")
}

#[test]
fn onus_test_passes_pinned_examples() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(
        dir.path().join("r.hcl"),
        rule_file("  # expect: custom-ebs-encrypted"),
    )
    .expect("w");
    onus()
        .args(["test", "-v"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok    custom-ebs-encrypted bad #1",
        ))
        .stdout(predicate::str::contains("2 passed, 0 failed"));
}

#[test]
fn onus_test_fails_an_unpinned_or_mispinned_bad_example() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(dir.path().join("r.hcl"), rule_file("")).expect("w");
    onus()
        .arg("test")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("pins no line"))
        .stdout(predicate::str::contains(
            "findings: line 3 (aws_ebs_volume.data)",
        ))
        .stdout(predicate::str::contains("1 passed, 1 failed"));

    // Pinned to the header although the finding points at the value.
    let text = rule_file("").replace(
        "resource \"aws_ebs_volume\" \"data\" {\n        availability_zone = \"eu-west-1a\"\n        encrypted         = false",
        "resource \"aws_ebs_volume\" \"data\" {  # expect: custom-ebs-encrypted\n        availability_zone = \"eu-west-1a\"\n        encrypted         = false",
    );
    fs::write(dir.path().join("r.hcl"), text).expect("w");
    onus()
        .arg("test")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no finding at line 1"))
        .stdout(predicate::str::contains(
            "a finding at line 3 (aws_ebs_volume.data) that the example does not pin",
        ));
}

#[test]
fn compliance_limits_the_scan_to_mapped_rules() {
    let rules = tempfile::tempdir().expect("tmp");
    fs::write(
        rules.path().join("r.hcl"),
        rule_file("  # expect: custom-ebs-encrypted"),
    )
    .expect("w");
    let tf = tempfile::tempdir().expect("tmp");
    fs::write(
        tf.path().join("main.tf"),
        "resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"a\"\n}\n",
    )
    .expect("w");
    onus()
        .args([
            "scan",
            "--format",
            "compact",
            "--no-config",
            "--compliance",
            "cis-aws-1.4",
            "--rules",
        ])
        .arg(rules.path())
        .arg(tf.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("custom-ebs-encrypted"));
    onus()
        .args([
            "scan",
            "--format",
            "compact",
            "--no-config",
            "--compliance",
            "cis-aws-9.9",
            "--rules",
        ])
        .arg(rules.path())
        .arg(tf.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule maps to `cis-aws-9.9`"))
        .stderr(predicate::str::contains("cis-aws-1.4"));
    // Only the rules of the directory: the built-in EBS rule does not report.
    onus()
        .args([
            "scan",
            "--format",
            "compact",
            "--no-config",
            "--no-builtin-rules",
            "--rules",
        ])
        .arg(rules.path())
        .arg(tf.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("custom-ebs-encrypted"))
        .stdout(predicate::str::contains("aws-ebs-volume-encryption").not());
}
