//! The GitHub Action: `action.yml` passes inputs to the shell only through `env:`, and
//! `action/entry.sh` run in a simulated runner (temporary workspace, `GITHUB_OUTPUT`,
//! `GITHUB_STEP_SUMMARY`, `RUNNER_TEMP`, the built binary on `PATH`) writes the reports, the
//! summary and the step outputs, and exits as `fail-on` and `soft-fail` say.

use serde_yaml::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
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
  kms_key_id        = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
"#;

fn action() -> Value {
    let text = fs::read_to_string("action.yml").expect("action.yml");
    serde_yaml::from_str(&text).expect("action.yml is YAML")
}

fn steps(action: &Value) -> Vec<&Value> {
    action["runs"]["steps"]
        .as_sequence()
        .expect("runs.steps")
        .iter()
        .collect()
}

#[test]
fn run_scripts_never_expand_expressions() {
    let action = action();
    assert_eq!(action["runs"]["using"], "composite");
    let mut runs = 0;
    for step in steps(&action) {
        if let Some(run) = step.get("run") {
            runs += 1;
            let script = run.as_str().expect("run is a string");
            assert!(
                !script.contains("${{"),
                "step {:?} expands an expression inside its script; pass it through env: instead:\n{script}",
                step.get("name")
            );
        }
    }
    assert!(runs >= 2);
}

#[test]
fn every_input_reaches_the_scan_step() {
    let action = action();
    let inputs = action["inputs"].as_mapping().expect("inputs");
    let names: Vec<&str> = inputs.keys().filter_map(Value::as_str).collect();
    for expected in [
        "paths",
        "fail-on",
        "format",
        "outputs",
        "var-files",
        "config",
        "baseline",
        "soft-fail",
        "sarif-file",
        "job-summary",
    ] {
        assert!(names.contains(&expected), "input {expected} is missing");
    }
    assert_eq!(inputs[&Value::from("sarif-file")]["default"], "onus.sarif");
    assert_eq!(inputs[&Value::from("job-summary")]["default"], "true");
    let scan = steps(&action)
        .into_iter()
        .find(|s| s["id"] == "scan")
        .expect("a step with id scan");
    let env = scan["env"].as_mapping().expect("scan env");
    for name in names {
        let var = format!("ONUS_{}", name.to_uppercase().replace('-', "_"));
        let value = env
            .get(Value::from(var.as_str()))
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{var} is not set from input {name}"));
        assert_eq!(value, format!("${{{{ inputs.{name} }}}}"));
    }
    let outputs = action["outputs"].as_mapping().expect("outputs");
    for name in ["findings", "sarif-file"] {
        let value = outputs[&Value::from(name)]["value"].as_str().expect(name);
        assert_eq!(value, format!("${{{{ steps.scan.outputs.{name} }}}}"));
    }
    let install = steps(&action)
        .into_iter()
        .find(|s| s["name"] == "Install onus")
        .expect("install step");
    assert!(install["run"]
        .as_str()
        .is_some_and(|r| r.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\"")));
}

/// A simulated runner: a workspace holding `main.tf`, the runner's files, and `onus` on PATH.
struct Runner {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Runner {
    fn new(main_tf: &str) -> Runner {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        for d in ["workspace", "runner-temp"] {
            fs::create_dir_all(root.join(d)).expect("runner dir");
        }
        fs::write(root.join("workspace/main.tf"), main_tf).expect("main.tf");
        Runner { _dir: dir, root }
    }

    fn workspace(&self) -> PathBuf {
        self.root.join("workspace")
    }

    fn run(&self, inputs: &[(&str, &str)]) -> Output {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_onus"))
            .parent()
            .expect("binary dir")
            .to_path_buf();
        let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )))
        .expect("PATH");
        let mut cmd = Command::new("bash");
        cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("action/entry.sh"))
            .current_dir(&self.root)
            .env("PATH", path)
            .env("GITHUB_WORKSPACE", self.workspace())
            .env("GITHUB_OUTPUT", self.root.join("github-output"))
            .env("GITHUB_STEP_SUMMARY", self.root.join("step-summary.md"))
            .env("RUNNER_TEMP", self.root.join("runner-temp"))
            .env_remove("GITHUB_SHA");
        for (k, _) in std::env::vars() {
            if k.starts_with("ONUS_") {
                cmd.env_remove(k);
            }
        }
        for (k, v) in inputs {
            cmd.env(k, v);
        }
        cmd.output().expect("bash runs entry.sh")
    }

    fn outputs(&self) -> BTreeMap<String, String> {
        fs::read_to_string(self.root.join("github-output"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn summary(&self) -> String {
        fs::read_to_string(self.root.join("step-summary.md")).unwrap_or_default()
    }
}

fn text(out: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn findings_fail_the_step_and_fill_sarif_summary_and_outputs() {
    let runner = Runner::new(INSECURE);
    let out = runner.run(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::error file=main.tf,line=1,"),
        "findings become annotations:\n{stdout}"
    );
    let sarif: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(runner.workspace().join("onus.sarif")).expect("onus.sarif written"),
    )
    .expect("SARIF is JSON");
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"],
        "main.tf",
        "paths are relative to the workspace"
    );
    let outputs = runner.outputs();
    assert_eq!(outputs.get("findings").map(String::as_str), Some("1"));
    assert_eq!(
        outputs.get("sarif-file").map(String::as_str),
        Some("onus.sarif")
    );
    let summary = runner.summary();
    assert!(summary.contains("## onus security scan"), "{summary}");
    assert!(summary.contains("aws-ebs-volume-encryption"), "{summary}");
    let leftovers = fs::read_dir(runner.root.join("runner-temp"))
        .expect("runner temp")
        .count();
    assert_eq!(leftovers, 0, "the script cleans up its temporary files");
}

#[test]
fn soft_fail_and_thresholds_decide_the_exit_status() {
    let runner = Runner::new(INSECURE);
    let out = runner.run(&[("ONUS_SOFT_FAIL", "true")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        runner.outputs().get("findings").map(String::as_str),
        Some("1")
    );

    let out = Runner::new(INSECURE).run(&[("ONUS_FAIL_ON", "critical")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a high finding is below the critical threshold: {}",
        text(&out)
    );

    // A configuration error fails whatever soft-fail says.
    let out = Runner::new(INSECURE).run(&[("ONUS_SOFT_FAIL", "true"), ("ONUS_FAIL_ON", "severe")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}

#[test]
fn a_clean_scan_passes_with_zero_findings() {
    let runner = Runner::new(HARDENED);
    let out = runner.run(&[("ONUS_SARIF_FILE", "reports/scan.sarif")]);
    // The directory for the SARIF file does not exist: onus reports a usage error.
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    fs::create_dir_all(runner.workspace().join("reports")).expect("reports dir");
    let out = runner.run(&[("ONUS_SARIF_FILE", "reports/scan.sarif")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let outputs = runner.outputs();
    assert_eq!(outputs.get("findings").map(String::as_str), Some("0"));
    assert_eq!(
        outputs.get("sarif-file").map(String::as_str),
        Some("reports/scan.sarif")
    );
    assert!(runner.workspace().join("reports/scan.sarif").is_file());
    assert!(runner.summary().contains("No findings"));
}

#[test]
fn extra_outputs_formats_and_summary_switch() {
    let runner = Runner::new(INSECURE);
    let out = runner.run(&[
        ("ONUS_OUTPUTS", "junit=junit.xml\ncheckstyle=checkstyle.xml"),
        ("ONUS_FORMAT", "compact"),
        ("ONUS_JOB_SUMMARY", "false"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("main.tf:1:1: high aws-ebs-volume-encryption"));
    for f in ["junit.xml", "checkstyle.xml", "onus.sarif"] {
        assert!(runner.workspace().join(f).is_file(), "{f} written");
    }
    assert_eq!(runner.summary(), "", "job-summary false writes no summary");
}

#[test]
fn paths_and_var_files_are_arguments_not_shell_code() {
    let runner = Runner::new(INSECURE);
    fs::create_dir_all(runner.workspace().join("stack")).expect("stack dir");
    fs::write(runner.workspace().join("stack/main.tf"), HARDENED).expect("stack");
    fs::write(
        runner.workspace().join("stack/prod.tfvars"),
        "region = \"eu-west-1\"\n",
    )
    .expect("tfvars");
    let marker = runner.root.join("pwned");
    let hostile = format!(
        "$(touch {}) `touch {}` *",
        marker.display(),
        marker.display()
    );
    let out = runner.run(&[("ONUS_PATHS", &hostile)]);
    assert!(!marker.exists(), "an input was run as shell code");
    // The odd words reach onus as paths that do not exist: a usage error, not a scan.
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no such file or directory"),
        "the odd paths are reported as missing: {}",
        text(&out)
    );

    // Only the hardened stack is scanned when paths names it.
    let out = runner.run(&[
        ("ONUS_PATHS", "stack"),
        ("ONUS_VAR_FILES", "stack/prod.tfvars"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// The scripts pass shellcheck, when it is installed (`apt-get install shellcheck`).
#[test]
fn scripts_pass_shellcheck() {
    if Command::new("shellcheck")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("skipped: shellcheck is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut scripts = vec![PathBuf::from("action/entry.sh")];
    for (i, step) in steps(&action()).into_iter().enumerate() {
        if let Some(run) = step.get("run").and_then(Value::as_str) {
            let path = dir.path().join(format!("step{i}.sh"));
            fs::write(&path, format!("#!/usr/bin/env bash\n{run}")).expect("script");
            scripts.push(path);
        }
    }
    for s in scripts {
        let out = Command::new("shellcheck")
            .arg(&s)
            .output()
            .expect("shellcheck runs");
        assert!(out.status.success(), "{}:\n{}", s.display(), text(&out));
    }
}
