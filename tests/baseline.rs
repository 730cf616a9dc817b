//! Baselines from any directory: written at the repository root, read from a subdirectory, with
//! the scan path spelt every way a person or a CI job spells it; and what a baseline that does
//! not resolve from the root says.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn onus() -> Command {
    Command::cargo_bin("onus").expect("onus binary")
}

/// A repository (`.git` at the top) with its Terraform in `terraform/` and a local module, and
/// another stack in `other/`.
fn repository(root: &Path) {
    std::fs::create_dir(root.join(".git")).expect(".git");
    std::fs::create_dir(root.join("other")).expect("other");
    std::fs::write(
        root.join("other/main.tf"),
        "resource \"aws_s3_bucket\" \"other\" {\n  bucket = \"other\"\n  acl    = \"public-read\"\n}\n",
    )
    .expect("other stack");
    let tf = root.join("terraform");
    std::fs::create_dir_all(tf.join("modules/disk")).expect("dirs");
    std::fs::write(
        tf.join("main.tf"),
        r#"resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read"
}

module "disk" {
  source = "./modules/disk"
}
"#,
    )
    .expect("main.tf");
    std::fs::write(
        tf.join("modules/disk/main.tf"),
        "resource \"aws_ebs_volume\" \"data\" {\n  availability_zone = \"a\"\n  size = 1\n}\n",
    )
    .expect("module");
}

fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap_or_else(|e| {
        panic!("not JSON ({e}):\n{}", String::from_utf8_lossy(out));
    })
}

fn codes(doc: &Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_baseline_written_at_the_root_matches_from_any_directory_and_spelling() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    repository(root);
    onus()
        .current_dir(root)
        .args(["baseline", "write", ".", "-o", ".onus-baseline.json"])
        .assert()
        .success();
    let written = json(&std::fs::read(root.join(".onus-baseline.json")).expect("baseline"));
    let files: Vec<&str> = written["findings"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["file"].as_str())
        .collect();
    assert!(files.contains(&"terraform/main.tf"), "{files:?}");
    assert!(
        files.contains(&"terraform/modules/disk/main.tf"),
        "{files:?}"
    );
    // The other stack's entries are in the baseline, outside every scan below: not "fixed".
    assert!(files.contains(&"other/main.tf"), "{files:?}");
    let total = files.len();
    assert!(total >= 2);

    let absolute_tf = root.join("terraform").to_string_lossy().into_owned();
    let absolute_baseline = root
        .join(".onus-baseline.json")
        .to_string_lossy()
        .into_owned();
    // (directory to run in, path to scan, baseline as named from there)
    let cases: Vec<(&str, String, String)> = vec![
        ("terraform", ".".into(), "../.onus-baseline.json".into()),
        (
            "terraform",
            "../terraform".into(),
            "../.onus-baseline.json".into(),
        ),
        (
            "terraform/modules",
            "..".into(),
            "../../.onus-baseline.json".into(),
        ),
        ("", "terraform".into(), ".onus-baseline.json".into()),
        ("", "./terraform/".into(), ".onus-baseline.json".into()),
        ("", absolute_tf, absolute_baseline.clone()),
        ("terraform/modules/disk", "../..".into(), absolute_baseline),
    ];
    for (cwd, path, baseline) in cases {
        let out = onus()
            .current_dir(root.join(cwd))
            .args(["scan", &path, "--baseline", &baseline, "-f", "json"])
            .output()
            .expect("runs");
        let doc = json(&out.stdout);
        let what = format!("cd {cwd:?} && onus scan {path} --baseline {baseline}");
        assert_eq!(
            doc["summary"]["findings"], 0,
            "{what}: new findings\n{doc:#}"
        );
        assert!(
            doc["summary"]["suppressed"]
                .as_u64()
                .is_some_and(|n| n >= 1),
            "{what}"
        );
        let codes = codes(&doc);
        assert!(
            !codes
                .iter()
                .any(|c| c == "baseline-fixed" || c == "baseline-stale"),
            "{what}: {codes:?}"
        );
        assert_eq!(out.status.code(), Some(0), "{what}");
    }

    // Writing from a subdirectory gives the same file, byte for byte.
    onus()
        .current_dir(root.join("terraform"))
        .args(["baseline", "write", "..", "-o", "../again.json"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read(root.join("again.json")).ok(),
        std::fs::read(root.join(".onus-baseline.json")).ok()
    );
}

#[test]
fn a_fix_in_a_subdirectory_scan_is_reported_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    repository(root);
    onus()
        .current_dir(root)
        .args(["baseline", "write", "-o", ".onus-baseline.json"])
        .assert()
        .success();
    let module = root.join("terraform/modules/disk/main.tf");
    std::fs::write(
        &module,
        "resource \"aws_ebs_volume\" \"data\" {\n  availability_zone = \"a\"\n  size = 1\n  encrypted = true\n}\n",
    )
    .expect("fix");
    let doc = json(
        &onus()
            .current_dir(root.join("terraform"))
            .args([
                "scan",
                ".",
                "--baseline",
                "../.onus-baseline.json",
                "-f",
                "json",
            ])
            .output()
            .expect("runs")
            .stdout,
    );
    assert_eq!(doc["summary"]["findings"], 0, "{doc:#}");
    let fixed: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "baseline-fixed")
        .collect();
    assert_eq!(fixed.len(), 1, "{doc:#}");
    assert!(fixed[0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("1 baselined finding is fixed now")));
}

#[test]
fn a_baseline_written_relative_to_another_directory_says_it_needs_rewriting() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    repository(root);
    onus()
        .current_dir(root)
        .args(["baseline", "write", "-o", ".onus-baseline.json"])
        .assert()
        .success();
    // What an earlier onus wrote when run in `terraform/`: paths relative to it, and
    // fingerprints made of those paths (here: ones no finding has).
    let path = root.join(".onus-baseline.json");
    let mut old = json(&std::fs::read(&path).expect("baseline"));
    for e in old["findings"].as_array_mut().expect("entries") {
        let file = e["file"].as_str().unwrap_or("").to_string();
        e["file"] = Value::String(file.trim_start_matches("terraform/").to_string());
        e["fingerprint"] = Value::String("0".repeat(32));
    }
    std::fs::write(&path, serde_json::to_string_pretty(&old).expect("JSON")).expect("write");
    let out = onus()
        .current_dir(root.join("terraform"))
        .args([
            "scan",
            ".",
            "--baseline",
            "../.onus-baseline.json",
            "-f",
            "json",
        ])
        .output()
        .expect("runs");
    let doc = json(&out.stdout);
    assert!(doc["summary"]["findings"].as_u64().is_some_and(|n| n >= 2));
    let stale: Vec<&Value> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "baseline-stale")
        .collect();
    assert_eq!(stale.len(), 1, "{doc:#}");
    assert_eq!(stale[0]["level"], "warning");
    let message = stale[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("onus baseline write -o ../.onus-baseline.json"),
        "{message}"
    );
    assert!(!codes(&doc).iter().any(|c| c == "baseline-fixed"));
}
