//! Undecided checks say why: `--show-undecided` lists them with the reason and where the
//! unknown value was set.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

#[test]
fn show_undecided_names_the_reason_and_the_declaration() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(
        dir.path().join("main.tf"),
        "variable \"encrypt\" {\n  type = bool\n}\n\nresource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"eu-west-1a\"\n  encrypted         = var.encrypt\n}\n",
    )
    .expect("write");
    Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args(["scan", "--no-config", "--format", "compact", "--show-undecided", "."])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "main.tf:7:3: undecided aws-ebs-volume-encryption (aws_ebs_volume.v: variable `encrypt` has no value; set at main.tf:1)",
        ));
    // Without the flag, compact output lists findings only.
    Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args(["scan", "--no-config", "--format", "compact", "."])
        .assert()
        .success()
        .stdout(predicate::str::contains("undecided").not());
}

#[test]
fn sarif_carries_undecided_checks_as_notifications_not_results() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::write(
        dir.path().join("main.tf"),
        "variable \"encrypt\" {\n  type = bool\n}\n\nresource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"eu-west-1a\"\n  encrypted         = var.encrypt\n}\n",
    )
    .expect("write");
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "scan",
            "--no-config",
            "--format",
            "sarif",
            "--fail-on",
            "never",
            ".",
        ])
        .output()
        .expect("run");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("sarif");
    let run = &doc["runs"][0];
    let results = run["results"].as_array().expect("results");
    assert!(
        results
            .iter()
            .all(|r| r["ruleId"] != "aws-ebs-volume-encryption"),
        "an undecided check is no alert"
    );
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    let note = notes
        .iter()
        .find(|n| n["associatedRule"]["id"] == "aws-ebs-volume-encryption")
        .expect("the undecided check is a notification");
    assert_eq!(note["level"], "note");
    assert_eq!(note["descriptor"]["id"], "undecided");
    assert_eq!(
        note["message"]["text"],
        "aws-ebs-volume-encryption is undecided on aws_ebs_volume.v: variable `encrypt` has no value"
    );
    let locs = note["locations"].as_array().expect("locations");
    assert_eq!(locs[0]["physicalLocation"]["region"]["startLine"], 7);
    assert_eq!(locs[1]["physicalLocation"]["region"]["startLine"], 1);
}
