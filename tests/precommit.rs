//! The pre-commit hook (`.pre-commit-hooks.yaml`) with the real pre-commit from PyPI, in a
//! scratch git repository: an insecure change fails naming the rule, a hardened one passes,
//! and a change inside a called module scans that module.
//!
//! Opt-in, because `language: rust` makes pre-commit `cargo install` this repository (a
//! release build: minutes). Runs only with `ONUS_TEST_PRECOMMIT=1` and `pre-commit` on PATH;
//! otherwise it prints why it skipped. `.ci/run` calls it as:
//!
//! ```sh
//! python3 -m pip install --quiet pre-commit
//! ONUS_TEST_PRECOMMIT=1 cargo test --test precommit -- --nocapture
//! ```
//!
//! pre-commit installs the hook from this checkout's `HEAD` commit, so the hook files must be
//! committed; uncommitted edits to them are not what gets tested.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const INSECURE: &str = r#"resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
}
"#;

const HARDENED: &str = r#"resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}
"#;

fn enabled() -> bool {
    if std::env::var("ONUS_TEST_PRECOMMIT").as_deref() != Ok("1") {
        println!("skipped: set ONUS_TEST_PRECOMMIT=1 to run the pre-commit hook test (it builds onus in release mode)");
        return false;
    }
    let found = Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "ONUS_TEST_PRECOMMIT=1 but `pre-commit` is not on PATH (python3 -m pip install pre-commit)"
    );
    true
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "onus test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "onus test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .unwrap_or_else(|e| panic!("{program} {args:?}: {e}"));
    out
}

fn ok(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = run(dir, program, args);
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}",
        text(&out)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn text(out: &Output) -> String {
    format!(
        "status {:?}\n{}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn hook_fails_on_an_insecure_change_and_passes_a_hardened_one() {
    if !enabled() {
        return;
    }
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let head = ok(checkout, "git", &["rev-parse", "HEAD"]);
    let head = head.trim();

    let tmp = tempfile::tempdir().expect("temp dir");
    let repo = tmp.path().join("repo");
    fs::create_dir_all(repo.join("modules/disk")).expect("repo dirs");
    ok(&repo, "git", &["init", "--quiet"]);
    fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {head}\n    hooks:\n      - id: onus\n",
            checkout.display()
        ),
    )
    .expect("config");
    // A root module calling a module; both hardened to begin with.
    fs::write(
        repo.join("main.tf"),
        "module \"disk\" {\n  source = \"./modules/disk\"\n}\n",
    )
    .expect("main.tf");
    fs::write(repo.join("modules/disk/main.tf"), HARDENED).expect("module");
    fs::write(repo.join("README.md"), "not Terraform\n").expect("readme");
    ok(&repo, "git", &["add", "-A"]);

    let home = tmp.path().join("pre-commit-home");
    let hook = |files: &[&str]| {
        let mut args = vec!["run", "onus", "--files"];
        args.extend_from_slice(files);
        let out = Command::new("pre-commit")
            .args(&args)
            .current_dir(&repo)
            .env("PRE_COMMIT_HOME", &home)
            .env("PRE_COMMIT_COLOR", "never")
            .output()
            .expect("pre-commit runs");
        (out.status.success(), text(&out))
    };

    // The first run installs the hook (cargo install of HEAD).
    let (passed, out) = hook(&["main.tf", "modules/disk/main.tf", "README.md"]);
    assert!(passed, "hardened configuration should pass:\n{out}");

    // An insecure change in the called module: its directory is scanned, the hook fails.
    fs::write(repo.join("modules/disk/main.tf"), INSECURE).expect("module");
    let (passed, out) = hook(&["modules/disk/main.tf"]);
    assert!(!passed, "insecure change should fail:\n{out}");
    assert!(
        out.contains("aws-ebs-volume-encryption"),
        "the output names the rule:\n{out}"
    );
    assert!(out.contains("modules/disk/main.tf:1:1"), "{out}");

    // Hardened again: passes.
    fs::write(repo.join("modules/disk/main.tf"), HARDENED).expect("module");
    let (passed, out) = hook(&["modules/disk/main.tf"]);
    assert!(passed, "hardened change should pass:\n{out}");

    // Files the hook does not match are not passed to onus at all.
    let (passed, out) = hook(&["README.md"]);
    assert!(passed && out.contains("no files to check"), "{out}");
}

#[test]
fn hook_definition_matches_terraform_files() {
    let text = fs::read_to_string(".pre-commit-hooks.yaml").expect("hooks file");
    let hooks: serde_yaml::Value = serde_yaml::from_str(&text).expect("YAML");
    let hook = &hooks[0];
    assert_eq!(hook["id"], "onus");
    assert_eq!(hook["language"], "rust");
    assert_eq!(
        hook["entry"],
        "onus scan --format compact --module-of-files"
    );
    assert_eq!(hook["require_serial"], true);
    let files = regex::Regex::new(hook["files"].as_str().expect("files")).expect("regex");
    for yes in [
        "main.tf",
        "a/b/x.tf.json",
        "prod.tfvars",
        "env/x.tfvars.json",
    ] {
        assert!(files.is_match(yes), "{yes}");
    }
    for no in ["main.tf.bak", "README.md", "x.tfstate", "tf"] {
        assert!(!files.is_match(no), "{no}");
    }
}
