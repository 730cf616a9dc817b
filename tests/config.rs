//! The `.onus.hcl` configuration file: discovery, precedence against the command line, errors,
//! and `onus init`.

use assert_cmd::Command;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/suppress")
        .join(name)
}

fn onus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_onus"))
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

/// A temporary repository (`.git` stops discovery there) holding `files`.
fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(tmp.path().join(".git")).expect("mkdir .git");
    for (name, text) in files {
        let p = tmp.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(p, text).expect("write");
    }
    tmp
}

const VOLUME: &str =
    "resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"a\"\n  size = 1\n}\n";

#[test]
fn found_above_the_scanned_directory() {
    // Run in config/sub with no path: config/.onus.hcl applies. It sets the compact format,
    // disables two rules, raises versioning to high and fails only on critical findings.
    let a = onus()
        .current_dir(fixture("config/sub"))
        .arg("scan")
        .assert()
        .code(0);
    let out = stdout(&a);
    assert!(
        out.contains("main.tf:1:1: high aws-s3-bucket-versioning"),
        "{out}"
    );
    assert!(out.contains("aws-ebs-volume-encryption"), "{out}");
    assert!(!out.contains("aws-s3-bucket-access-logging"), "{out}");
    assert!(!out.contains("aws-s3-bucket-public-access-block"), "{out}");

    // Same when the directory is given as a path from elsewhere.
    let a = onus()
        .arg("scan")
        .arg(fixture("config/sub"))
        .assert()
        .code(0);
    assert!(stdout(&a).contains("high aws-s3-bucket-versioning"));
}

#[test]
fn command_line_overrides_the_file() {
    let dir = fixture("config/sub");
    // --fail-on beats fail_on.
    onus()
        .current_dir(&dir)
        .args(["scan", "--fail-on", "high"])
        .assert()
        .code(1);
    // --format beats format.
    let a = onus()
        .current_dir(&dir)
        .args(["scan", "-f", "json"])
        .assert()
        .code(0);
    let doc: serde_json::Value =
        serde_json::from_slice(&a.get_output().stdout).expect("JSON output");
    assert_eq!(doc["schema_version"], 1);
    // --skip-rule replaces rules.disable.
    let a = onus()
        .current_dir(&dir)
        .args(["scan", "--skip-rule", "aws-ebs-*"])
        .assert()
        .code(0);
    let out = stdout(&a);
    assert!(out.contains("aws-s3-bucket-access-logging"), "{out}");
    assert!(!out.contains("aws-ebs-volume-encryption"), "{out}");
    // --no-config reads nothing.
    let a = onus()
        .current_dir(&dir)
        .args(["scan", "--no-config", "-f", "compact"])
        .assert()
        .code(1);
    let out = stdout(&a);
    assert!(out.contains("medium aws-s3-bucket-versioning"), "{out}");
    assert!(out.contains("aws-s3-bucket-access-logging"), "{out}");
}

#[test]
fn explicit_config_file() {
    let tmp = repo(&[
        ("main.tf", VOLUME),
        (
            "ci/strict.hcl",
            "fail_on = \"never\"\nformat = \"compact\"\n",
        ),
        (".onus.hcl", "fail_on = \"low\"\n"),
    ]);
    let a = onus()
        .current_dir(tmp.path())
        .args(["scan", "--config", "ci/strict.hcl", "."])
        .assert()
        .code(0);
    assert!(stdout(&a).contains("aws-ebs-volume-encryption"));
    onus()
        .current_dir(tmp.path())
        .args(["scan", "-f", "compact", "."])
        .assert()
        .code(1);
    onus()
        .current_dir(tmp.path())
        .args(["scan", "--config", "missing.hcl", "."])
        .assert()
        .code(2)
        .stderr(contains("cannot read missing.hcl"));
}

#[test]
fn discovery_stops_at_the_repository_root() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join(".onus.hcl"), "fail_on = \"never\"\n").expect("write");
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).expect("mkdir");
    std::fs::write(repo.join("main.tf"), VOLUME).expect("write");
    // The file above the repository is not read: the default fail_on applies.
    onus()
        .current_dir(&repo)
        .args(["scan", "-f", "compact"])
        .assert()
        .code(1);
    // At the repository root it is.
    std::fs::write(repo.join(".onus.hcl"), "fail_on = \"never\"\n").expect("write");
    onus()
        .current_dir(&repo)
        .args(["scan", "-f", "compact"])
        .assert()
        .code(0);
}

#[test]
fn invalid_config_names_file_and_line() {
    onus()
        .current_dir(fixture("bad-config"))
        .arg("scan")
        .assert()
        .code(2)
        .stderr(contains(
            ".onus.hcl:4:13: `disable` must be a list of strings",
        ));
    let tmp = repo(&[
        ("main.tf", VOLUME),
        (".onus.hcl", "fail_on = \"high\"\nfromat = \"json\"\n"),
    ]);
    onus()
        .current_dir(tmp.path())
        .arg("scan")
        .assert()
        .code(2)
        .stderr(contains(".onus.hcl:2:1: unknown setting `fromat`"));
    let tmp = repo(&[
        ("main.tf", VOLUME),
        (".onus.hcl", "rules {\n  disable = [\n"),
    ]);
    onus()
        .current_dir(tmp.path())
        .arg("scan")
        .assert()
        .code(2)
        .stderr(contains(".onus.hcl:"));
    // A rule the configuration names must exist.
    let tmp = repo(&[
        ("main.tf", VOLUME),
        (
            ".onus.hcl",
            "rules {\n  disable = [\"aws-ebs-volume-encription\"]\n}\n",
        ),
    ]);
    onus()
        .current_dir(tmp.path())
        .arg("scan")
        .assert()
        .code(2)
        .stderr(contains("no rule matches `aws-ebs-volume-encription`"));
}

#[test]
fn suppression_settings_in_the_file() {
    let tmp = repo(&[
        (
            "main.tf",
            "# onus:ignore:aws-ebs-volume-encryption\nresource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"a\"\n  size = 1\n}\n# onus:ignore:aws-s3-bucket-versioning nothing here\nresource \"aws_ebs_volume\" \"w\" {\n  availability_zone = \"a\"\n  size = 1\n  encrypted = true\n}\n",
        ),
        (
            ".onus.hcl",
            "require_reason = false\nreport_unused_ignores = true\nformat = \"compact\"\n",
        ),
    ]);
    let a = onus().current_dir(tmp.path()).arg("scan").assert().code(0);
    let out = stdout(&a);
    assert!(!out.contains("ignore-no-reason"), "{out}");
    assert!(out.contains("main.tf:6:1: note ignore-unused"), "{out}");
}

#[test]
fn baseline_and_paths_in_the_file() {
    let tmp = repo(&[
        ("infra/main.tf", VOLUME),
        ("examples/main.tf", VOLUME),
        (
            ".onus.hcl",
            "format = \"compact\"\nexclude = [\"examples\"]\nbaseline = \"accepted.json\"\n",
        ),
    ]);
    // exclude applies; the configured baseline does not exist yet.
    onus()
        .current_dir(tmp.path())
        .arg("scan")
        .assert()
        .code(2)
        .stderr(contains("accepted.json"));
    let a = onus()
        .current_dir(tmp.path())
        .args(["baseline", "write", "-o", "accepted.json"])
        .assert()
        .success();
    assert!(stdout(&a).contains("wrote 1 finding to accepted.json"));
    let a = onus().current_dir(tmp.path()).arg("scan").assert().code(0);
    assert!(!stdout(&a).contains("examples/"));
}

#[test]
fn init_writes_a_valid_file_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(tmp.path().join(".git")).expect("mkdir .git");
    onus()
        .current_dir(tmp.path())
        .arg("init")
        .assert()
        .success()
        .stdout(contains("wrote .onus.hcl"));
    let written = std::fs::read_to_string(tmp.path().join(".onus.hcl")).expect("read");
    assert_eq!(written, onus::config::TEMPLATE);
    // The template is a valid configuration.
    std::fs::write(tmp.path().join("main.tf"), VOLUME).expect("write");
    onus()
        .current_dir(tmp.path())
        .args(["scan", "-f", "compact"])
        .assert()
        .code(1)
        .stdout(contains("aws-ebs-volume-encryption"));
    // Never overwrites.
    std::fs::write(tmp.path().join(".onus.hcl"), "fail_on = \"never\"\n").expect("write");
    onus()
        .current_dir(tmp.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join(".onus.hcl")).ok(),
        Some("fail_on = \"never\"\n".to_string())
    );
    // Into another directory.
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).expect("mkdir");
    onus().arg("init").arg(&other).assert().success();
    assert!(other.join(".onus.hcl").is_file());
}
