//! Every rule's examples run through the whole pipeline: each `bad` example must produce a
//! finding of that rule, each `good` example none.

use onus::rules::{ExampleKind, RuleSet};
use onus::scan::{scan_with_rules, ScanOptions};
use std::fs;

#[test]
fn builtin_rules_parse() {
    if let Err(errors) = RuleSet::builtin() {
        panic!("rule files have errors:\n{}", errors.join("\n"));
    }
}

#[test]
fn every_rule_example_behaves() {
    let rules = RuleSet::builtin().expect("built-in rules parse");
    assert!(
        rules.len() >= 13,
        "expected the built-in rule set, found {} rules",
        rules.len()
    );
    let mut failures = Vec::new();
    let tmp = tempfile::tempdir().expect("temp dir");
    for (ri, rule) in rules.rules().iter().enumerate() {
        for (ei, ex) in rule.examples.iter().enumerate() {
            let dir = tmp.path().join(format!("r{ri}e{ei}"));
            fs::create_dir_all(&dir).expect("example dir");
            fs::write(dir.join("main.tf"), &ex.code).expect("write example");
            let id = rule.id.clone();
            let one = rules.subset(|r| r.id == id);
            let opts = ScanOptions {
                paths: vec![dir.clone()],
                ..ScanOptions::default()
            };
            let result = match scan_with_rules(&opts, one) {
                Ok(r) => r,
                Err(e) => {
                    failures.push(format!("{} example {ei}: {e}", rule.id));
                    continue;
                }
            };
            if result.has_errors() {
                let msgs: Vec<_> = result
                    .diagnostics
                    .iter()
                    .map(|d| d.message.clone())
                    .collect();
                failures.push(format!(
                    "{} example {ei} does not load: {}",
                    rule.id,
                    msgs.join("; ")
                ));
                continue;
            }
            let fired = result
                .findings
                .iter()
                .filter(|f| f.rule_id == rule.id)
                .count();
            match ex.kind {
                ExampleKind::Bad if fired == 0 => {
                    failures.push(format!("{} bad example {ei} produced no finding", rule.id))
                }
                ExampleKind::Good if fired > 0 => {
                    let labels: Vec<_> = result
                        .findings
                        .iter()
                        .map(|f| format!("{}: {}", f.address, f.primary_label))
                        .collect();
                    failures.push(format!(
                        "{} good example {ei} produced {fired} finding(s): {}",
                        rule.id,
                        labels.join("; ")
                    ))
                }
                _ => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
