//! Runs the examples of rule files: `onus test` and the test suite's per-rule tests.
//!
//! Each example is a one-module Terraform configuration scanned with its rule alone. A `good`
//! example must produce no finding of the rule. A `bad` example must produce findings at exactly
//! the places it pins, and at least one pin is required, so that a rule whose finding drifts from
//! the offending value to another line fails its test:
//!
//! - a comment `# expect: RULE-ID` (or `// expect: RULE-ID`) at the end of a line pins a finding
//!   of that rule to that line; `# expect: RULE-ID ADDRESS` also pins the resource address;
//! - where a comment cannot stand on the line (inside a heredoc), the example's `lines = [N, ...]`
//!   pins findings to those 1-based lines of `code`.
//!
//! A pinned line must carry at least one finding of the rule (with that address, when given), and
//! every finding of the rule must sit on a pinned line.

use crate::rules::{Example, ExampleKind, Rule, RuleSet};
use crate::scan::{scan_with_rules, ScanOptions};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// One place a bad example says a finding must point at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pin {
    pub line: u32,
    pub address: Option<String>,
}

/// What running one example gave.
#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    pub rule_id: String,
    /// Where the rule was read from.
    pub origin: String,
    pub kind: ExampleKind,
    /// Position of the example among the rule's examples of the same kind, from 1.
    pub number: usize,
    /// Empty when the example behaved; otherwise each way it did not.
    pub failures: Vec<String>,
    /// Doubts about the rule rather than this example (on its last example): attribute paths
    /// the condition reads that none of the examples sets, often a misspelt path.
    pub warnings: Vec<String>,
}

impl ExampleOutcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }

    /// `aws-s3-bucket-encryption bad #2`.
    pub fn name(&self) -> String {
        let kind = match self.kind {
            ExampleKind::Good => "good",
            ExampleKind::Bad => "bad",
        };
        format!("{} {kind} #{}", self.rule_id, self.number)
    }
}

/// The pins of an example: its `# expect:` markers for `rule_id` and its `lines`.
pub fn pins(example: &Example, rule_id: &str) -> BTreeSet<Pin> {
    let mut out: BTreeSet<Pin> = example
        .lines
        .iter()
        .map(|&line| Pin {
            line,
            address: None,
        })
        .collect();
    for (i, text) in example.code.lines().enumerate() {
        for marker in ["# expect:", "// expect:"] {
            let Some(at) = text.find(marker) else {
                continue;
            };
            let mut words = text[at + marker.len()..].split_whitespace();
            if words.next() != Some(rule_id) {
                continue;
            }
            out.insert(Pin {
                line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                address: words.next().map(str::to_string),
            });
        }
    }
    out
}

/// Runs every example of every rule in `rules`, each against its rule alone, with scratch files
/// below `scratch` (a directory the caller owns and removes). Results are in rule order.
pub fn run(rules: &RuleSet, scratch: &Path) -> Vec<ExampleOutcome> {
    use rayon::prelude::*;
    let all = || -> Vec<ExampleOutcome> {
        rules
            .rules()
            .par_iter()
            .enumerate()
            .flat_map_iter(|(ri, rule)| {
                let one = rules.subset(|r| r.id == rule.id);
                run_rule(rule, &one, &scratch.join(format!("r{ri}")))
            })
            .collect()
    };
    // Each example is a scan that runs its own parallel work: a thread waiting for it runs
    // other examples' jobs on top of its stack, so with hundreds of rules the default stack
    // overflows. A pool of its own with roomier stacks keeps the nesting safe.
    match rayon::ThreadPoolBuilder::new().stack_size(64 << 20).build() {
        Ok(pool) => pool.install(all),
        Err(_) => all(),
    }
}

/// Runs the examples of one rule; `alone` is a rule set holding just that rule.
pub fn run_rule(rule: &Rule, alone: &RuleSet, scratch: &Path) -> Vec<ExampleOutcome> {
    let (mut good, mut bad) = (0, 0);
    let mut seen: Vec<crate::value::Value> = Vec::new();
    let mut outcomes: Vec<ExampleOutcome> = rule
        .examples
        .iter()
        .enumerate()
        .map(|(ei, example)| {
            let number = match example.kind {
                ExampleKind::Good => {
                    good += 1;
                    good
                }
                ExampleKind::Bad => {
                    bad += 1;
                    bad
                }
            };
            let (failures, values) =
                check_example(rule, alone, example, &scratch.join(format!("e{ei}")));
            seen.extend(values);
            ExampleOutcome {
                rule_id: rule.id.to_string(),
                origin: rule.origin.clone(),
                kind: example.kind,
                number,
                failures,
                warnings: Vec::new(),
            }
        })
        .collect();
    if let Some(last) = outcomes.last_mut() {
        last.warnings = unset_paths(rule, &seen)
            .into_iter()
            .map(|p| {
                format!("attribute path `{p}` is set by none of the rule's examples (misspelt?)")
            })
            .collect();
    }
    outcomes
}

/// The attribute paths the rule reads that no example resource of its types sets.
fn unset_paths(rule: &Rule, values: &[crate::value::Value]) -> Vec<String> {
    let mut paths = Vec::new();
    rule.assert.attribute_paths("", &mut paths);
    if let Some(w) = &rule.when {
        w.attribute_paths("", &mut paths);
    }
    paths.sort();
    paths.dedup();
    paths.retain(|p| {
        let segs: Vec<&str> = p.split('.').collect();
        !values.iter().any(|v| sets(v, &segs))
    });
    paths
}

/// Whether `path` leads to a value set in `v` (crossing lists of blocks; an expression whose
/// value is unknown is set).
fn sets(v: &crate::value::Value, path: &[&str]) -> bool {
    use crate::value::Kind;
    match (&v.kind, path.split_first()) {
        (Kind::Null, _) => false,
        (_, None) | (Kind::Unknown(_), _) => true,
        (Kind::Object(m), Some((head, rest))) => m.get(*head).is_some_and(|c| sets(c, rest)),
        (Kind::List(items), Some(_)) => items.iter().any(|i| sets(i, path)),
        _ => false,
    }
}

/// The example's failures, and the values of its resources of the rule's types.
fn check_example(
    rule: &Rule,
    alone: &RuleSet,
    example: &Example,
    dir: &Path,
) -> (Vec<String>, Vec<crate::value::Value>) {
    if let Err(e) = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(dir.join("main.tf"), &example.code))
    {
        return (
            vec![format!(
                "cannot write the example to {}: {e}",
                dir.display()
            )],
            Vec::new(),
        );
    }
    // A rule's examples are judged by that rule alone: no exposure paths either.
    let opts = ScanOptions {
        paths: vec![dir.to_path_buf()],
        // The values show which attribute paths the examples set.
        keep_values: true,
        no_paths: true,
        ..ScanOptions::default()
    };
    let result = match scan_with_rules(&opts, alone.clone()) {
        Ok(r) => r,
        Err(e) => return (vec![e.to_string()], Vec::new()),
    };
    if result.has_errors() {
        let msgs: Vec<_> = result
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect();
        return (
            vec![format!("the example does not load: {}", msgs.join("; "))],
            Vec::new(),
        );
    }
    let values: Vec<crate::value::Value> = result
        .instances
        .iter()
        .filter(|i| rule.resources.iter().any(|t| **t == *i.resource_type))
        .map(|i| i.values.clone())
        .collect();
    let line_of = |f: &crate::finding::Finding| {
        result
            .sources
            .get(f.primary.file)
            .map(|s| s.line_col(f.primary.start).line)
            .unwrap_or(0)
    };
    let found: Vec<(u32, &str)> = result
        .findings
        .iter()
        .filter(|f| *f.rule_id == *rule.id)
        .map(|f| (line_of(f), f.address.as_str()))
        .collect();
    let describe = |found: &[(u32, &str)]| {
        let mut s = String::new();
        for (i, (line, address)) in found.iter().enumerate() {
            let _ = write!(
                s,
                "{}line {line} ({address})",
                if i > 0 { ", " } else { "" }
            );
        }
        s
    };
    let mut failures = Vec::new();
    match example.kind {
        ExampleKind::Good => {
            if !found.is_empty() {
                failures.push(format!("a good example has findings: {}", describe(&found)));
            }
        }
        ExampleKind::Bad => {
            let pins = pins(example, &rule.id);
            if found.is_empty() {
                failures.push("the bad example has no finding".to_string());
            }
            if pins.is_empty() {
                failures.push(format!(
                    "the bad example pins no line (add `# expect: {}` to the line each finding must point at); findings: {}",
                    rule.id,
                    describe(&found)
                ));
                return (failures, values);
            }
            for pin in &pins {
                let hit = found.iter().any(|(line, address)| {
                    *line == pin.line && pin.address.as_deref().is_none_or(|a| a == *address)
                });
                if !hit {
                    let at = match &pin.address {
                        Some(a) => format!("line {} ({a})", pin.line),
                        None => format!("line {}", pin.line),
                    };
                    failures.push(format!(
                        "no finding at {at}; findings: {}",
                        describe(&found)
                    ));
                }
            }
            for (line, address) in &found {
                if !pins.iter().any(|p| p.line == *line) {
                    failures.push(format!(
                        "a finding at line {line} ({address}) that the example does not pin"
                    ));
                }
            }
        }
    }
    (failures, values)
}

/// The `onus test` report: one line per example, failures indented below, and a closing count.
pub fn render(outcomes: &[ExampleOutcome], verbose: bool) -> String {
    let mut out = String::new();
    let mut failed = 0;
    for o in outcomes {
        if o.passed() {
            if verbose {
                let _ = writeln!(out, "ok    {}", o.name());
            }
            continue;
        }
        failed += 1;
        let _ = writeln!(out, "FAIL  {}  ({})", o.name(), o.origin);
        for f in &o.failures {
            let _ = writeln!(out, "        {f}");
        }
    }
    for o in outcomes {
        for w in &o.warnings {
            let _ = writeln!(out, "warn  {}: {w}  ({})", o.rule_id, o.origin);
        }
    }
    let _ = writeln!(out, "{} passed, {failed} failed", outcomes.len() - failed);
    out
}
