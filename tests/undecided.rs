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
