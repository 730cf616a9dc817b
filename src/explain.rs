//! `onus explain`: a rule's documentation, remediation and examples, from its rule file.

use crate::rules::{ExampleKind, RuleSet};
use std::fmt::Write;

/// Text for a rule id or alias; `None` when nothing matches.
pub fn explain(rules: &RuleSet, name: &str) -> Option<String> {
    let rule = rules.rules().iter().find(|r| r.is_named(name))?;
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", rule.id, rule.title);
    let _ = writeln!(
        out,
        "severity: {}   area: {} ({})",
        rule.severity,
        rule.area,
        rule.area.label()
    );
    let _ = writeln!(
        out,
        "resources: {}",
        rule.resources
            .iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !rule.aliases.is_empty() {
        let _ = writeln!(out, "also known as: {}", rule.aliases.join(", "));
    }
    let _ = writeln!(out, "\nWhy it matters\n{}", indent(&rule.description));
    let _ = writeln!(out, "\nHow to fix it\n{}", indent(&rule.remediation));
    if !rule.references.is_empty() {
        let _ = writeln!(out, "\nReferences");
        for r in &rule.references {
            let _ = writeln!(out, "  {r}");
        }
    }
    for ex in &rule.examples {
        let what = match ex.kind {
            ExampleKind::Bad => "Bad (reported)",
            ExampleKind::Good => "Good (not reported)",
        };
        let _ = writeln!(out, "\n{what}\n{}", indent(ex.code.trim_end()));
    }
    let _ = writeln!(
        out,
        "\nSuppress with a reason: # onus:ignore:{} <why this is acceptable>",
        rule.id
    );
    Some(out)
}

fn indent(s: &str) -> String {
    s.trim()
        .lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
