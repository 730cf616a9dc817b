//! Line-oriented output stays one line per finding whatever the file names hold, suppressed
//! findings are listed in compact when asked, and `.tf.json`/`.tfvars.json` with a byte-order
//! mark are read.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn onus() -> Command {
    let mut c = Command::cargo_bin("onus").expect("binary built");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("TF_VAR_env");
    c
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
        .args(["scan", "--no-config", "--format", "compact"])
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
        .args(["scan", "--no-config", "--format", "compact"])
        .arg(dir.path())
        .output()
        .expect("run");
    let plain = String::from_utf8_lossy(&plain.stdout).to_string();
    assert!(!plain.contains("aws-s3-bucket-public-acl"), "{plain}");
    onus()
        .args([
            "scan",
            "--no-config",
            "--format",
            "compact",
            "--show-suppressed",
        ])
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
        .args(["scan", "--no-config", "--format", "compact"])
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
        .args(["scan", "--no-config", "--format", "github"])
        .arg(dir.path())
        .output()
        .expect("run");
    let gh = String::from_utf8_lossy(&gh.stdout).to_string();
    assert!(!gh.contains('\x1b'), "{gh}");
    assert!(gh.lines().all(|l| l.starts_with("::")), "{gh}");
}

/// A directory and a file whose names are not valid UTF-8 (Unix names are bytes): the file is
/// scanned like any other, and shown with each stray byte escaped, never as a lossy name that
/// does not exist.
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_scanned_and_shown_escaped() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join(OsStr::from_bytes(b"d\xff"));
    fs::create_dir(&sub).expect("mkdir");
    fs::write(
        sub.join(OsStr::from_bytes(b"b\xfe.tf")),
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl = \"public-read\"\n}\n",
    )
    .expect("write");
    // JSON escapes the backslash of the escape once more.
    for (format, shown) in [
        ("compact", "d\\xff/b\\xfe.tf"),
        ("human", "d\\xff/b\\xfe.tf"),
        ("json", "d\\\\xff/b\\\\xfe.tf"),
    ] {
        let out = onus()
            .args(["scan", "--no-config", "--format", format])
            .arg(dir.path())
            .output()
            .expect("run");
        let stdout = String::from_utf8(out.stdout).expect("output is UTF-8");
        assert!(
            stdout.contains("aws-s3-bucket-public-acl"),
            "{format}: {stdout}"
        );
        assert!(stdout.contains(shown), "{format}: {stdout}");
        assert!(!stdout.contains('\u{fffd}'), "{format}: {stdout}");
    }
}
