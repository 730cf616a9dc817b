//! `docs/rules/<provider>.md` are generated from the rule files: this test fails when a page
//! drifts from the rule set. `ONUS_UPDATE_DOCS=1 cargo test --test rule_docs` rewrites them.

use onus::classify::Catalog;
use onus::report::rule_docs;
use onus::rules::RuleSet;
use std::path::Path;

#[test]
fn rule_reference_pages_match_the_rules() {
    let rules = RuleSet::builtin().expect("built-in rules parse");
    let catalog = Catalog::builtin();
    let update = std::env::var_os("ONUS_UPDATE_DOCS").is_some_and(|v| !v.is_empty());
    let mut stale = Vec::new();
    for (provider, title) in rule_docs::PROVIDERS {
        let page = rule_docs::render(&rules, catalog, provider, title);
        assert!(
            page.lines().count() > 5,
            "the {provider} page lists no rule"
        );
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/rules/{provider}.md"));
        if update {
            std::fs::create_dir_all(path.parent().expect("docs/rules")).expect("docs/rules");
            std::fs::write(&path, &page).expect("write the page");
            continue;
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if on_disk != page {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date (regenerate with ONUS_UPDATE_DOCS=1 cargo test --test rule_docs): {}",
        stale.join(", ")
    );
}
