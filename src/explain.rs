//! `onus explain`: a rule's documentation, remediation and examples, from its rule file.

use crate::classify::Catalog;
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

/// Text for a resource type: its service and model, the layers the customer owns, what no
/// static scan can verify, and the rules that cover it. `None` for names that are not resource
/// types (no `provider_` prefix).
pub fn explain_type(catalog: &Catalog, rules: &RuleSet, resource_type: &str) -> Option<String> {
    if !resource_type.contains('_') || resource_type.contains(char::is_whitespace) {
        return None;
    }
    let c = catalog.classify(resource_type);
    let mut out = String::new();
    let _ = writeln!(out, "{resource_type}");
    if c.is_classified() {
        let _ = writeln!(
            out,
            "service: {}   model: {}{}",
            c.service,
            c.model,
            if c.inferred {
                "   (inferred from the type's prefix)"
            } else {
                ""
            }
        );
        if let Some(cat) = c.aws_category {
            let _ = writeln!(out, "AWS category: {}", cat.as_str());
        }
        if !c.note.is_empty() {
            let _ = writeln!(out, "{}", c.note);
        }
    } else {
        let _ = writeln!(
            out,
            "unclassified: onus has no service model for this type; every layer counts as yours"
        );
    }
    let _ = writeln!(out, "\nYours to configure");
    for l in &c.layers {
        let _ = writeln!(
            out,
            "  {:<10} {} ({})",
            l.as_str(),
            l.label(),
            l.area().label()
        );
    }
    let unverifiable = c.unverifiable();
    if !unverifiable.is_empty() {
        let _ = writeln!(out, "\nYours, but not verifiable statically");
        for (l, why) in unverifiable {
            let _ = writeln!(out, "  {:<10} {why}", l.as_str());
        }
    }
    let covering: Vec<_> = rules
        .rules()
        .iter()
        .filter(|r| r.resources.iter().any(|t| &**t == resource_type))
        .collect();
    let _ = writeln!(out, "\nRules that check it");
    if covering.is_empty() {
        let _ = writeln!(out, "  none yet");
    }
    for r in covering {
        let _ = writeln!(out, "  {:<44} {:<8} {}", r.id, r.severity, r.title);
    }
    Some(out)
}
