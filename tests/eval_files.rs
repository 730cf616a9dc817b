//! Files read during evaluation, through the command line: `path.module`, `path.root` and
//! `path.cwd` have Terraform's values wherever onus runs, `file()` reads below each scan path's
//! own sandbox (never the current directory), only regular files are read, and no diagnostic
//! quotes a sensitive value or the contents of a file.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use std::time::Duration;

const ADMIN_POLICY: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    fs::write(p, text).expect("write");
}

/// A root calling `./iam`, whose policy is read with `file("${path.module}/admin.json")`.
fn module_reading_its_policy(dir: &Path) {
    write(
        dir,
        "main.tf",
        "module \"iam\" {\n  source = \"./iam\"\n}\n",
    );
    write(
        dir,
        "iam/main.tf",
        "resource \"aws_iam_policy\" \"admin\" {\n  name   = \"admin\"\n  policy = file(\"${path.module}/admin.json\")\n}\n",
    );
    write(dir, "iam/admin.json", ADMIN_POLICY);
}

struct Out {
    code: i32,
    stdout: String,
}

fn onus(cwd: &Path, args: &[&str]) -> Out {
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(cwd)
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run onus");
    Out {
        code: out.status.code().expect("exit status, not a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr),
    }
}

fn compact(cwd: &Path, paths: &[&str]) -> Out {
    let mut args = vec!["scan", "--format", "compact"];
    args.extend_from_slice(paths);
    onus(cwd, &args)
}

fn assert_admin_found(out: &Out, file: &str) {
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with(&format!("{file}:3:3: critical aws-iam-policy-admin"))),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("cannot read"), "{}", out.stdout);
}

#[test]
fn path_module_is_resolved_once_from_the_scanned_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    module_reading_its_policy(dir.path());
    assert_admin_found(&compact(dir.path(), &["."]), "iam/main.tf");
}

#[test]
fn path_module_is_resolved_once_from_absolute_and_parent_paths() {
    let dir = tempfile::tempdir().expect("tempdir");
    module_reading_its_policy(dir.path());
    let abs = dir.path().to_str().expect("utf-8 temp path");
    let from_elsewhere = tempfile::tempdir().expect("tempdir");
    assert_admin_found(
        &compact(from_elsewhere.path(), &[abs]),
        &format!("{abs}/iam/main.tf"),
    );
    assert_admin_found(&compact(&dir.path().join("iam"), &[".."]), "../iam/main.tf");
}

#[test]
fn path_values_are_terraforms() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "main.tf",
        "module \"m\" {\n  source = \"./modules/m\"\n}\n",
    );
    // Each value is checked by making the volume unencrypted when it is what Terraform gives.
    write(
        dir.path(),
        "modules/m/main.tf",
        "resource \"aws_ebs_volume\" \"module\" {\n  size      = 1\n  encrypted = path.module != \"modules/m\"\n}\n\
         resource \"aws_ebs_volume\" \"root\" {\n  size      = 1\n  encrypted = path.root != \".\"\n}\n\
         resource \"aws_ebs_volume\" \"cwd\" {\n  size      = 1\n  encrypted = !startswith(path.cwd, \"/\")\n}\n",
    );
    let out = compact(dir.path(), &["."]);
    for name in ["module", "root", "cwd"] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.contains("aws-ebs-volume-encryption")
                    && l.contains(&format!("module.m.aws_ebs_volume.{name}"))),
            "path.{name}\n{}",
            out.stdout
        );
    }
}

/// Two scan paths below `parent`: `a` reaches out of its tree, `b` reads its module's files.
fn two_scan_paths(parent: &Path) {
    write(parent, "x", "ParentSecretText\n");
    write(
        parent,
        "a/main.tf",
        "resource \"aws_iam_policy\" \"passwd\" {\n  name   = \"p\"\n  policy = file(\"/etc/passwd\")\n}\n\
         resource \"aws_iam_policy\" \"up\" {\n  name   = \"u\"\n  policy = file(\"../../x\")\n}\n\
         resource \"aws_iam_policy\" \"parent\" {\n  name   = \"q\"\n  policy = file(\"../x\")\n}\n",
    );
    module_reading_its_policy(&parent.join("b"));
}

fn assert_sandboxed(out: &Out, a: &str) {
    for line in [3, 7, 11] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(&format!("{a}:{line}:"))
                    && l.contains("outside the scanned directory")),
            "line {line}\n{}",
            out.stdout
        );
    }
    assert!(!out.stdout.contains("root:"), "{}", out.stdout);
    assert!(!out.stdout.contains("ParentSecretText"), "{}", out.stdout);
}

#[test]
fn each_of_two_scan_paths_has_its_own_sandbox() {
    let parent = tempfile::tempdir().expect("tempdir");
    two_scan_paths(parent.path());
    let out = compact(parent.path(), &["a", "b"]);
    assert_sandboxed(&out, "a/main.tf");
    assert_admin_found(&out, "b/iam/main.tf");
}

#[test]
fn a_modules_files_are_read_when_the_cwd_is_not_above_the_scan_paths() {
    let parent = tempfile::tempdir().expect("tempdir");
    two_scan_paths(parent.path());
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let a = parent.path().join("a");
    let b = parent.path().join("b");
    let (a, b) = (a.to_str().expect("utf-8"), b.to_str().expect("utf-8"));
    let out = compact(elsewhere.path(), &[a, b]);
    assert_sandboxed(&out, &format!("{a}/main.tf"));
    assert_admin_found(&out, &format!("{b}/iam/main.tf"));
}

#[test]
fn the_repository_root_above_a_scan_path_is_its_sandbox() {
    let repo = tempfile::tempdir().expect("tempdir");
    write(repo.path(), ".onus.hcl", "");
    write(repo.path(), "policies/admin.json", ADMIN_POLICY);
    write(
        repo.path(),
        "envs/prod/main.tf",
        "resource \"aws_iam_policy\" \"admin\" {\n  name   = \"admin\"\n  policy = file(\"../../policies/admin.json\")\n}\n",
    );
    let out = compact(&repo.path().join("envs"), &["prod"]);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("prod/main.tf:3:3: critical aws-iam-policy-admin")),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.json"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    write(
        dir.path(),
        "main.tf",
        "resource \"aws_iam_policy\" \"p\" {\n  name   = \"p\"\n  policy = file(\"pipe.json\")\n}\n\
         resource \"aws_ebs_volume\" \"good\" {\n  size = 1\n}\n",
    );
    let out = compact(dir.path(), &["."]);
    assert!(
        out.stdout.lines().any(|l| l.starts_with("main.tf:3:")
            && l.contains("named pipe")
            && l.contains("only regular files")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("aws_ebs_volume.good"), "{}", out.stdout);
}

const FORMATS: [&str; 6] = ["human", "compact", "json", "sarif", "github", "checkstyle"];

#[test]
fn no_diagnostic_quotes_a_sensitive_value_or_file_contents() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "main.tf",
        r#"variable "pw" {
  type      = string
  sensitive = true
}
locals {
  a = tonumber(var.pw)
  b = tobool(var.pw)
  c = cidrhost(var.pw, 1)
  d = cidrsubnet(var.pw, 8, 1)
  e = parseint(var.pw, 10)
  f = format("%d", var.pw)
  g = { x = 1 }[var.pw]
  h = tonumber(file("pw.txt"))
  i = cidrhost(jsondecode(file("pw.json")).cidr, 1)
  j = tobool(trimspace(file("pw.txt")))
  k = { x = 1 }[file("pw.txt")]
}
resource "aws_ebs_volume" "v" {
  size      = 1
  encrypted = true
  tags      = { a = local.a, b = local.b, c = local.c, d = local.d, e = local.e, f = local.f, g = local.g, h = local.h, i = local.i, j = local.j, k = local.k }
}
"#,
    );
    write(dir.path(), "terraform.tfvars", "pw = \"Hunter2Password\"\n");
    write(dir.path(), "pw.txt", "FileHeldPassword\n");
    write(dir.path(), "pw.json", r#"{"cidr": "JsonHeldPassword"}"#);
    for format in FORMATS {
        let out = onus(dir.path(), &["scan", "--format", format, "."]);
        for secret in ["Hunter2Password", "FileHeldPassword", "JsonHeldPassword"] {
            assert!(
                !out.stdout.contains(secret),
                "{format} shows {secret}\n{}",
                out.stdout
            );
        }
        if format == "compact" {
            for line in 6..=16 {
                assert!(
                    out.stdout
                        .lines()
                        .any(|l| l.starts_with(&format!("main.tf:{line}:7: warning eval-error"))),
                    "line {line}\n{}",
                    out.stdout
                );
            }
        }
    }
}

#[test]
fn an_ordinary_value_is_still_quoted() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "main.tf",
        "locals {\n  a = tonumber(\"notanumber\")\n}\nresource \"aws_ebs_volume\" \"v\" {\n  size = 1\n  encrypted = true\n  tags = { a = local.a }\n}\n",
    );
    let out = compact(dir.path(), &["."]);
    assert!(out.stdout.contains("notanumber"), "{}", out.stdout);
}

#[test]
fn input_values_of_the_wrong_type_are_refused_where_they_are_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "main.tf",
        r#"variable "flag" { type = bool }
variable "ok" { type = bool }
variable "lst" { type = bool }
variable "n" { type = number }
variable "l" { type = list(string) }
variable "j" { type = number }
variable "pw" {
  type      = number
  sensitive = true
}
resource "aws_ebs_volume" "v" {
  size      = 1
  encrypted = var.ok
  tags      = { a = var.flag, b = var.lst, c = var.n, d = var.l[0], e = var.j, f = var.pw }
}
resource "aws_ebs_volume" "guessed" {
  size      = 1
  encrypted = var.flag
}
"#,
    );
    write(
        dir.path(),
        "terraform.tfvars",
        "flag = \"maybe\"\nok = \"true\"\nlst = [true]\nn = \"x\"\nundeclared = 1\npw = \"Hunter2Password\"\n",
    );
    write(
        dir.path(),
        "a.auto.tfvars.json",
        "{\n  \"j\": \"notnum\"\n}\n",
    );
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .env("TF_VAR_l", "[1, 2")
        .args(["scan", "--format", "compact", "."])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run onus");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    for (at, level, code) in [
        ("terraform.tfvars:1:", "error", "variable-type"),
        ("terraform.tfvars:3:", "error", "variable-type"),
        ("terraform.tfvars:4:", "error", "variable-type"),
        ("terraform.tfvars:5:", "warning", "undeclared-variable"),
        ("terraform.tfvars:6:", "error", "variable-type"),
        ("a.auto.tfvars.json:2:", "error", "variable-type"),
        // From the environment: at the declaration.
        ("main.tf:5:", "error", "variable-type"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(at) && l.contains(&format!(" {level} {code} "))),
            "{at}\n{text}"
        );
    }
    // "true" converts; a refused value is unknown, so neither volume is a finding.
    assert!(!text.contains("aws_ebs_volume.v"), "{text}");
    assert!(!text.contains("aws_ebs_volume.guessed"), "{text}");
    assert!(!text.contains("Hunter2Password"), "{text}");
}

/// Values passed in a module call are converted to the child variable's declared type as
/// Terraform converts them (`"true"` is the bool true, `"3"` the number 3), and one that does
/// not convert is refused at the argument, its value unknown rather than a guess.
#[test]
fn module_arguments_are_converted_to_the_declared_type_or_refused_at_the_argument() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "main.tf",
        r#"module "converted" {
  source = "./volume"
  enc    = "true"
  size   = "3"
}
module "refused" {
  source = "./volume"
  enc    = "yes"
  size   = "lots"
}
module "plain" {
  source = "./volume"
  enc    = false
  size   = 3
}
"#,
    );
    // `==` compares types too, so each volume is encrypted only when its input converted.
    write(
        dir.path(),
        "volume/main.tf",
        r#"variable "enc" { type = bool }
variable "size" { type = number }
resource "aws_ebs_volume" "by_flag" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.enc == true
}
resource "aws_ebs_volume" "by_size" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.size == 3
}
"#,
    );
    let out = compact(dir.path(), &["."]);
    let text = &out.stdout;
    for at in ["main.tf:8:", "main.tf:9:"] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(at) && l.contains(" error variable-type ")),
            "{at}\n{text}"
        );
    }
    assert!(
        !text.lines().any(|l| l.starts_with("main.tf:")
            && l.contains("variable-type")
            && !l.starts_with("main.tf:8:")
            && !l.starts_with("main.tf:9:")),
        "{text}"
    );
    let finding = |address: &str| {
        text.lines()
            .any(|l| l.contains("aws-ebs-volume-encryption") && l.contains(address))
    };
    assert!(!finding("module.converted."), "{text}");
    assert!(!finding("module.refused."), "{text}");
    // The control: a false flag is a finding; the number 3 is not.
    assert!(finding("module.plain.aws_ebs_volume.by_flag"), "{text}");
    assert!(!finding("module.plain.aws_ebs_volume.by_size"), "{text}");
}
