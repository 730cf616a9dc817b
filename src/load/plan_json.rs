//! Plan JSON (`terraform show -json`) read with the spanned JSON reader, recording only what
//! the plan reader uses: `prior_state`, `resource_drift`, `output_changes`, the `before` side
//! of each change and the providers' configuration are as large as what is kept, and are
//! checked to be JSON and walked over. The values of each resource (`values`, `after` and the
//! masks beside them) are recorded by their range only and read per instance when it is built
//! (`plan::instance`), so the document held for a whole plan is a small fraction of its text.

use super::json::reader::{self, Document, Keep};
use crate::diag::Diagnostic;
use crate::source::FileId;

/// What the plan reader uses of a change: what will exist after it, and what of that is
/// unknown or sensitive.
const CHANGE: Keep = Keep::Members(&[
    ("actions", Keep::All),
    ("after", Keep::Later),
    ("after_unknown", Keep::Later),
    ("after_sensitive", Keep::Later),
]);

const RESOURCE_CHANGE: Keep = Keep::Members(&[
    ("address", Keep::All),
    ("deposed", Keep::All),
    ("mode", Keep::All),
    ("type", Keep::All),
    ("name", Keep::All),
    ("sensitive_values", Keep::Later),
    ("change", CHANGE),
]);

const PLANNED_RESOURCE: Keep = Keep::Members(&[
    ("address", Keep::All),
    ("mode", Keep::All),
    ("type", Keep::All),
    ("name", Keep::All),
    ("values", Keep::Later),
    ("sensitive_values", Keep::Later),
]);

/// A module of `planned_values`: its resources and, nested, its child modules.
static PLANNED_MODULE: Keep = Keep::Members(&[
    ("resources", Keep::Each(&PLANNED_RESOURCE)),
    ("child_modules", Keep::Each(&PLANNED_MODULE)),
]);

const CONFIG_RESOURCE: Keep = Keep::Members(&[
    ("mode", Keep::All),
    ("type", Keep::All),
    ("name", Keep::All),
    ("expressions", Keep::Later),
]);

/// A module of `configuration`: its resources' expressions (read per instance), its outputs
/// and the calls of its child modules, nested.
static CONFIG_MODULE: Keep = Keep::Members(&[
    ("resources", Keep::Each(&CONFIG_RESOURCE)),
    ("outputs", Keep::All),
    ("module_calls", Keep::Values(&MODULE_CALL)),
]);

static MODULE_CALL: Keep = Keep::Members(&[
    ("expressions", Keep::All),
    ("count_expression", Keep::All),
    ("for_each_expression", Keep::All),
    ("module", CONFIG_MODULE),
]);

/// What the plan reader uses of a plan document.
pub static PLAN: Keep = Keep::Members(&[
    ("format_version", Keep::All),
    ("terraform_version", Keep::All),
    (
        "planned_values",
        Keep::Members(&[("root_module", PLANNED_MODULE)]),
    ),
    ("resource_changes", Keep::Each(&RESOURCE_CHANGE)),
    (
        "configuration",
        Keep::Members(&[("root_module", CONFIG_MODULE)]),
    ),
]);

/// Reads plan text, recording what [`PLAN`] says. The whole text is checked to be JSON; an
/// error is a `plan-parse-error` (or `nesting-limit`) diagnostic at the offending byte.
pub fn parse(file: FileId, text: &str) -> Result<Document, Diagnostic> {
    reader::parse(file, text, PLAN).map_err(|mut d| {
        if d.code == "parse-error" {
            d.code = "plan-parse-error";
            if let Some(rest) = d.message.strip_prefix("invalid JSON: ") {
                d.message = format!("invalid plan JSON: {rest}");
            }
        }
        d
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::json::{JsonKind, JsonRef};
    use serde_json::{Map, Value as J};

    const F: FileId = FileId(0);

    /// The document read in full: values recorded by range only are read now, so the result
    /// is what the plan reader sees.
    fn full(node: JsonRef<'_>, text: &str) -> J {
        match node.kind() {
            JsonKind::Null => J::Null,
            JsonKind::Bool(b) => J::Bool(b),
            JsonKind::Number(n) => serde_json::Number::from_f64(n).map_or(J::Null, J::Number),
            JsonKind::String(s) => J::String(s.into_owned()),
            JsonKind::Array(items) => J::Array(items.map(|i| full(i, text)).collect()),
            JsonKind::Object(members) => {
                let mut out = Map::new();
                for m in members {
                    out.insert(m.key.into_owned(), full(m.value, text));
                }
                J::Object(out)
            }
            JsonKind::Later => match node.expand() {
                Some(doc) => {
                    let root = doc.root(text);
                    // A value read later spans the same text as when it was skipped.
                    assert_eq!(root.range(), node.range());
                    full(root, text)
                }
                None => J::Null,
            },
        }
    }

    /// What [`parse`] should give: the full tree with what `keep` skips removed.
    fn project(v: &J, keep: Keep) -> J {
        match v {
            J::Object(map) => {
                let mut out = Map::new();
                for (k, child) in map {
                    if let Some(inner) = keep.member(k) {
                        out.insert(k.clone(), project(child, inner));
                    }
                }
                J::Object(out)
            }
            J::Array(items) => J::Array(items.iter().map(|i| project(i, keep.element())).collect()),
            J::Number(n) => n
                .as_f64()
                .and_then(serde_json::Number::from_f64)
                .map_or(J::Null, J::Number),
            other => other.clone(),
        }
    }

    #[test]
    fn keeps_what_the_reader_uses_and_only_that() {
        let text = r#"{"format_version":"1.2","prior_state":{"big":[1,2,3]},
            "resource_changes":[{"address":"a.b","change":{"actions":["update"],"before":{"x":1},"after":{"x":2.5}}},"odd"],
            "planned_values":{"root_module":{"resources":[{"address":"a.b","values":{"x":2.5},"provider_name":"p"}],"outputs":{"o":{}}}},
            "configuration":{"provider_config":{},"root_module":{"resources":[]}}}"#;
        let doc = parse(F, text).expect("parses");
        let root = doc.root(text);
        assert!(root.get("prior_state").is_none());
        let change = root
            .get("resource_changes")
            .and_then(|c| c.index(0))
            .and_then(|c| c.get("change"))
            .expect("change");
        assert!(change.get("before").is_none());
        let after = change.get("after").expect("after");
        assert!(matches!(after.kind(), JsonKind::Later));
        assert_eq!(after.raw(), r#"{"x":2.5}"#);
        let resource = root
            .get("planned_values")
            .and_then(|p| p.get("root_module"))
            .and_then(|m| m.get("resources"))
            .and_then(|r| r.index(0))
            .expect("resource");
        assert!(resource.get("provider_name").is_none());
        assert_eq!(
            root.get("resource_changes")
                .and_then(|c| c.index(1))
                .map(|o| o.raw()),
            Some(r#""odd""#)
        );
        assert!(root
            .get("configuration")
            .is_some_and(|c| c.get("provider_config").is_none()));
        // Only a small part of the text is held as records.
        assert!(doc.len() < 40, "{}", doc.len());
    }

    #[test]
    fn errors_are_plan_parse_errors_at_the_offending_byte() {
        let text = r#"{"prior_state": [1, }"#;
        let d = parse(F, text).expect_err("broken in a skipped part");
        assert_eq!(d.code, "plan-parse-error");
        assert!(
            d.message.starts_with("invalid plan JSON: "),
            "{}",
            d.message
        );
        assert_eq!(d.span.map(|s| s.start), Some(20));
        assert!(parse(F, r#"{"format_version": "1.2"} x"#).is_err());
        let deep = format!("{}{}", "[".repeat(1000), "]".repeat(1000));
        assert_eq!(parse(F, &deep).expect_err("deep").code, "nesting-limit");
    }

    fn json() -> impl proptest::strategy::Strategy<Value = J> {
        use proptest::prelude::*;
        let keys = prop::sample::select(vec![
            "format_version",
            "planned_values",
            "root_module",
            "resources",
            "child_modules",
            "values",
            "resource_changes",
            "change",
            "after",
            "after_unknown",
            "before",
            "address",
            "prior_state",
            "configuration",
            "provider_config",
            "module_calls",
            "module",
            "expressions",
            "x",
        ]);
        let leaf = prop_oneof![
            Just(J::Null),
            any::<bool>().prop_map(J::Bool),
            any::<i64>().prop_map(|n| J::Number(n.into())),
            (-1e6f64..1e6).prop_map(|f| serde_json::Number::from_f64(f).map_or(J::Null, J::Number)),
            "[a-z\"\\\\é\u{1F600}]{0,4}".prop_map(J::String),
        ];
        leaf.prop_recursive(6, 96, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(J::Array),
                prop::collection::vec((keys.clone(), inner), 0..6).prop_map(|m| J::Object(
                    m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
                )),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn reads_what_serde_json_reads_without_the_skipped_parts(v in json(), pretty in proptest::bool::ANY) {
            let text = if pretty {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            }
            .expect("text");
            let doc = parse(F, &text).expect("parses");
            let reference: J = serde_json::from_str(&text).expect("serde_json");
            proptest::prop_assert_eq!(full(doc.root(&text), &text), project(&reference, PLAN));
        }

        #[test]
        fn fails_exactly_where_serde_json_does(text in "[\\[\\]{}\":,a-z0-9 ]{0,24}") {
            let reference = serde_json::from_str::<J>(&text);
            proptest::prop_assert_eq!(parse(F, &text).is_ok(), reference.is_ok());
        }
    }
}
