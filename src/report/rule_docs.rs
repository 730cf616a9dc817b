//! The rule reference pages, `docs/rules/<provider>.md`, generated from the rule files: one row
//! per rule with its severity, area, service and service model, peers' ids and compliance
//! controls. A test compares the pages with the rule set, so they never drift from it.

use crate::classify::Catalog;
use crate::rules::RuleSet;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Providers with a reference page, as (id prefix, name).
pub const PROVIDERS: &[(&str, &str)] = &[
    ("aws", "AWS"),
    ("azure", "Azure"),
    ("google", "Google Cloud"),
];

/// The reference page of the rules whose id starts with `provider` (`aws`, `azure`, ...).
pub fn render(rules: &RuleSet, catalog: &Catalog, provider: &str, title: &str) -> String {
    let mut list: Vec<_> = rules
        .rules()
        .iter()
        .filter(|r| r.provider == provider)
        .collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out = String::new();
    let _ = writeln!(out, "# {title} rules\n");
    let _ = writeln!(
        out,
        "Generated from the rule files under `rules/{provider}/` (regenerate with \
         `ONUS_UPDATE_DOCS=1 cargo test --test rule_docs`). {} rules. Each rule's full text, \
         remediation and examples: `onus explain RULE-ID`.\n",
        list.len()
    );
    out.push_str("| rule | severity | area | service · model | title | aliases | compliance |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    for r in list {
        let services: BTreeSet<String> = r
            .resources
            .iter()
            .map(|t| {
                let c = catalog.classify(t);
                format!("{} · {}", c.service, c.model)
            })
            .collect();
        let compliance: Vec<String> = r
            .compliance
            .iter()
            .map(|(framework, controls)| format!("{framework}: {}", controls.join(", ")))
            .collect();
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            r.id,
            r.severity,
            r.area,
            cell(&services.into_iter().collect::<Vec<_>>().join("; ")),
            cell(&r.title),
            cell(&r.aliases.join(", ")),
            cell(&compliance.join("; ")),
        );
    }
    out
}

/// Text safe inside a markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}
