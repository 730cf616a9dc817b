//! The parts of a plan document (`terraform show -json`) that the plan reader uses, parsed
//! without building the rest: `prior_state`, `resource_drift`, `output_changes`, the
//! `before` side of each change and the providers' configuration are as large as what is
//! kept, and are skipped while parsing instead of being held as a tree.
//!
//! [`PLAN`] says what is kept; the plan reader's position index (`plan::spans`) follows the
//! same description, so a value and its position always come from the same member.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value as J};
use std::fmt;

/// Which parts of a JSON value to keep.
#[derive(Debug, Clone, Copy)]
pub enum Keep {
    /// The whole value.
    All,
    /// Of an object, only these members (each read as its `Keep` says); other values whole.
    Members(&'static [(&'static str, Keep)]),
    /// Of a list, every element as the inner `Keep` says; other values whole.
    Each(&'static Keep),
}

impl Keep {
    /// How to read the member `key` of an object; `None` to skip it.
    pub fn member(self, key: &str) -> Option<Keep> {
        match self {
            Keep::Members(members) => members.iter().find(|(k, _)| *k == key).map(|(_, k)| *k),
            Keep::All | Keep::Each(_) => Some(Keep::All),
        }
    }

    /// How to read the elements of a list.
    pub fn element(self) -> Keep {
        match self {
            Keep::Each(inner) => *inner,
            Keep::All | Keep::Members(_) => Keep::All,
        }
    }
}

/// What the plan reader uses of a change: what will exist after it, and what of that is
/// unknown or sensitive.
const CHANGE: Keep = Keep::Members(&[
    ("actions", Keep::All),
    ("after", Keep::All),
    ("after_unknown", Keep::All),
    ("after_sensitive", Keep::All),
]);

const RESOURCE_CHANGE: Keep = Keep::Members(&[
    ("address", Keep::All),
    ("deposed", Keep::All),
    ("mode", Keep::All),
    ("type", Keep::All),
    ("name", Keep::All),
    ("sensitive_values", Keep::All),
    ("change", CHANGE),
]);

/// What the plan reader uses of a plan document.
pub const PLAN: Keep = Keep::Members(&[
    ("format_version", Keep::All),
    ("terraform_version", Keep::All),
    (
        "planned_values",
        Keep::Members(&[("root_module", Keep::All)]),
    ),
    ("resource_changes", Keep::Each(&RESOURCE_CHANGE)),
    (
        "configuration",
        Keep::Members(&[("root_module", Keep::All)]),
    ),
]);

/// Parses plan text, keeping what [`PLAN`] says. Errors are those `serde_json` gives for the
/// whole text: skipped parts are still checked to be JSON.
pub fn parse(text: &str) -> Result<J, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = PLAN.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

impl<'de> DeserializeSeed<'de> for Keep {
    type Value = J;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<J, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Keep {
    type Value = J;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<J, E> {
        Ok(J::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<J, E> {
        Ok(J::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<J, E> {
        Ok(J::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<J, E> {
        Ok(Number::from_f64(v).map_or(J::Null, J::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<J, E> {
        Ok(J::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<J, E> {
        Ok(J::String(v))
    }

    fn visit_unit<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }

    fn visit_none<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<J, A::Error> {
        let inner = self.element();
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(J::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<J, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            match self.member(&key) {
                Some(keep) => {
                    let value = map.next_value_seed(keep)?;
                    out.insert(key, value);
                }
                None => {
                    // A later duplicate replaces an earlier one, as `serde_json` reads it.
                    out.shift_remove(&key);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(J::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_the_reader_uses_and_only_that() {
        let text = r#"{"format_version":"1.2","prior_state":{"big":[1,2,3]},
            "resource_changes":[{"address":"a.b","change":{"actions":["update"],"before":{"x":1},"after":{"x":2.5}}},"odd"],
            "planned_values":{"root_module":{"resources":[]},"outputs":{"o":{}}},
            "configuration":{"provider_config":{},"root_module":{"resources":[]}}}"#;
        let v = parse(text).expect("parses");
        let full: J = serde_json::from_str(text).expect("json");
        assert!(v.get("prior_state").is_none());
        assert_eq!(v["format_version"], full["format_version"]);
        assert_eq!(
            v["resource_changes"][0]["change"]["after"],
            full["resource_changes"][0]["change"]["after"]
        );
        assert!(v["resource_changes"][0]["change"].get("before").is_none());
        assert_eq!(v["resource_changes"][1], full["resource_changes"][1]);
        assert_eq!(
            v["planned_values"]["root_module"],
            full["planned_values"]["root_module"]
        );
        assert!(v["planned_values"].get("outputs").is_none());
        assert!(v["configuration"].get("provider_config").is_none());
    }

    #[test]
    fn the_whole_text_is_checked_and_non_objects_are_kept() {
        assert!(parse(r#"{"prior_state": [1, }"#).is_err());
        assert!(parse(r#"{"format_version": "1.2"} x"#).is_err());
        assert_eq!(parse("[1, 2]").expect("list"), serde_json::json!([1, 2]));
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
            other => other.clone(),
        }
    }

    fn json() -> impl proptest::strategy::Strategy<Value = J> {
        use proptest::prelude::*;
        let keys = prop::sample::select(vec![
            "format_version",
            "planned_values",
            "root_module",
            "resource_changes",
            "change",
            "after",
            "before",
            "address",
            "prior_state",
            "configuration",
            "provider_config",
            "x",
        ]);
        let leaf = prop_oneof![
            Just(J::Null),
            any::<bool>().prop_map(J::Bool),
            any::<i64>().prop_map(|n| J::Number(n.into())),
            "[a-z\"\\\\é]{0,4}".prop_map(J::String),
        ];
        leaf.prop_recursive(5, 64, 6, move |inner| {
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
        fn parse_is_the_full_tree_without_the_skipped_parts(v in json()) {
            let text = serde_json::to_string(&v).expect("text");
            proptest::prop_assert_eq!(parse(&text).expect("parses"), project(&v, PLAN));
        }

        #[test]
        fn parse_fails_exactly_where_serde_json_does(text in "[\\[\\]{}\":,a-z0-9 ]{0,24}") {
            let full = serde_json::from_str::<J>(&text);
            proptest::prop_assert_eq!(parse(&text).is_ok(), full.is_ok());
        }
    }
}
