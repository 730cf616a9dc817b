//! Input edge cases seen from the command line: encodings of plan files, paths that do not
//! exist, file names with control characters, and the outcome flags.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn onus() -> Command {
    let mut c = Command::cargo_bin("onus").expect("binary built");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("TF_VAR_env");
    c
}

fn plan_text() -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/plan/tfvars-insecure/plan.json"),
    )
    .expect("plan fixture")
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

/// The public-ACL finding of the plan, at the same position whatever the encoding.
fn assert_reads_plan(bytes: Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.json");
    fs::write(&plan, bytes).expect("write plan");
    onus()
        .args(["scan", "--format", "compact"])
        .arg(&plan)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "plan.json:24:13: critical aws-s3-bucket-public-acl",
        ));
}

#[test]
fn plans_with_a_utf8_byte_order_mark_are_read() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(plan_text().into_bytes());
    assert_reads_plan(bytes);
}

#[test]
fn plans_in_utf16_little_endian_are_read() {
    assert_reads_plan(utf16(&plan_text(), true));
}

#[test]
fn plans_in_utf16_big_endian_are_read() {
    assert_reads_plan(utf16(&plan_text(), false));
}

#[test]
fn invalid_utf16_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.json");
    // A lone high surrogate after the mark.
    fs::write(&plan, [0xFF, 0xFE, b'{', 0, 0x00, 0xD8]).expect("write");
    onus()
        .args(["scan", "--format", "compact"])
        .arg(&plan)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("invalid-utf16"));
}

#[test]
fn a_json_file_named_explicitly_that_is_no_plan_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("package.json");
    fs::write(&other, r#"{"name": "x"}"#).expect("write");
    onus()
        .args(["scan", "--format", "compact"])
        .arg(&other)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error not-a-plan"));
    // Found by walking a directory, it is simply not Terraform's business.
    onus()
        .args(["scan", "--format", "compact"])
        .arg(dir.path())
        .assert()
        .stdout(predicate::str::contains("not-a-plan").not());
}

#[test]
fn tf_json_and_tfvars_json_with_a_utf8_byte_order_mark_are_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("main.tf.json"),
        "\u{feff}{\"variable\": {\"acl\": {}}, \"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"b\", \"acl\": \"${var.acl}\"}}}}",
    )
    .expect("write");
    fs::write(
        dir.path().join("terraform.tfvars.json"),
        "\u{feff}{\"acl\": \"public-read\"}",
    )
    .expect("write");
    onus()
        .args(["scan", "--format", "compact"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("main.tf.json:1:"))
        .stdout(predicate::str::contains(
            "critical aws-s3-bucket-public-acl",
        ));
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_error() {
    onus()
        .args(["scan", "fixtures/no-such-dir", "--format", "compact"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "fixtures/no-such-dir: no such file or directory",
        ));
}

#[test]
fn soft_fail_exits_0_on_findings() {
    onus()
        .args([
            "scan",
            "fixtures/demo",
            "--format",
            "compact",
            "--soft-fail",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("aws-s3-bucket-public-acl"));
    onus()
        .args(["scan", "fixtures/demo", "--soft-fail", "--fail-on", "high"])
        .assert()
        .code(2);
}

#[test]
fn compact_lists_suppressed_findings_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  # onus:ignore:aws-s3-bucket-public-acl the site is public on purpose\n  acl = \"public-read\"\n}\n",
    )
    .expect("write");
    let plain = onus()
        .args(["scan", "--format", "compact"])
        .arg(dir.path())
        .output()
        .expect("run");
    let plain = String::from_utf8_lossy(&plain.stdout).to_string();
    assert!(!plain.contains("aws-s3-bucket-public-acl"), "{plain}");
    onus()
        .args(["scan", "--format", "compact", "--show-suppressed"])
        .arg(dir.path())
        .assert()
        .stdout(predicate::str::contains(
            "critical aws-s3-bucket-public-acl",
        ))
        .stdout(predicate::str::contains(
            "[suppressed: the site is public on purpose]",
        ));
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_do_not_split_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("a\nb\x1b.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl = \"public-read\"\n}\n",
    )
    .expect("write");
    let out = onus()
        .args(["scan", "--format", "compact"])
        .arg(dir.path())
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!stdout.contains('\x1b'), "{stdout}");
    let public: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("aws-s3-bucket-public-acl"))
        .collect();
    assert_eq!(public.len(), 1, "{stdout}");
    assert!(public[0].contains("a\\nb\\x1b.tf:3:"), "{stdout}");
    // Every line of compact output is one finding or diagnostic, starting with its file.
    assert!(
        stdout.lines().all(|l| l.contains("a\\nb\\x1b.tf:")),
        "{stdout}"
    );
    let gh = onus()
        .args(["scan", "--format", "github"])
        .arg(dir.path())
        .output()
        .expect("run");
    let gh = String::from_utf8_lossy(&gh.stdout).to_string();
    assert!(!gh.contains('\x1b'), "{gh}");
    assert!(gh.lines().all(|l| l.starts_with("::")), "{gh}");
}

#[test]
fn an_empty_selection_is_a_warning_on_stderr() {
    let empty = tempfile::tempdir().expect("temp dir");
    onus()
        .args(["scan", "--format", "compact"])
        .arg(empty.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: nothing to scan"));
    let excluded = tempfile::tempdir().expect("temp dir");
    fs::write(
        excluded.path().join("main.tf"),
        "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n",
    )
    .expect("write");
    onus()
        .args(["scan", "--format", "compact", "--exclude", "**"])
        .arg(excluded.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("warning: nothing to scan"));
    // A scan that read something says nothing of the kind.
    onus()
        .args(["scan", "--format", "compact"])
        .arg(excluded.path())
        .assert()
        .stderr(predicate::str::contains("nothing to scan").not());
}
