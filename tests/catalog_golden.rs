//! The whole built-in catalogue as a golden table: any change to a row shows up in review as a
//! snapshot diff.

use onus::classify::{Catalog, Classification};

fn render(entry: &Classification) -> String {
    let layers: Vec<&str> = entry.layers.iter().map(|l| l.as_str()).collect();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        entry.resource_type,
        entry.provider,
        entry.service,
        entry.model,
        entry.aws_category.map_or("-", |c| c.as_str()),
        layers.join(",")
    )
}

#[test]
fn catalogued_types() {
    let table: Vec<String> = Catalog::builtin().entries().map(|e| render(e)).collect();
    insta::assert_snapshot!("catalogued_types", table.join("\n"));
}

#[test]
fn prefix_rules() {
    let table: Vec<String> = Catalog::builtin()
        .prefix_rules()
        .map(|e| render(e))
        .collect();
    insta::assert_snapshot!("prefix_rules", table.join("\n"));
}
