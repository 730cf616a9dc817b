//! The masks of a plan: `after_unknown`, `after_sensitive` and `sensitive_values` are JSON of
//! the same shape as the values they describe, with `true` where a part is unknown or
//! sensitive. This file checks their shape and applies the sensitive ones to built values.

use crate::load::json::{JsonKind, JsonRef};
use crate::value::{Kind, Value};
use std::sync::Arc;

/// The first part of a mask (bools, lists and objects of them) that is neither, described for
/// a warning.
pub fn bad_mask_part(mask: JsonRef<'_>, path: String) -> Option<String> {
    let at = |p: &str| {
        if p.is_empty() {
            String::new()
        } else {
            format!(" at `{p}`")
        }
    };
    match mask.kind() {
        JsonKind::Bool(_) | JsonKind::Null => None,
        JsonKind::Array(items) => items.enumerate().find_map(|(i, m)| {
            bad_mask_part(
                m,
                if path.is_empty() {
                    i.to_string()
                } else {
                    format!("{path}.{i}")
                },
            )
        }),
        JsonKind::Object(members) => members.into_iter().find_map(|m| {
            bad_mask_part(
                m.value,
                if path.is_empty() {
                    m.key.into_owned()
                } else {
                    format!("{path}.{}", m.key)
                },
            )
        }),
        _ => Some(format!("a {}{}", mask.type_name(), at(&path))),
    }
}

/// Whether a mask has `true` anywhere.
pub fn has_true(mask: JsonRef<'_>) -> bool {
    match mask.kind() {
        JsonKind::Bool(b) => b,
        JsonKind::Array(mut items) => items.any(has_true),
        JsonKind::Object(mut members) => members.any(|m| has_true(m.value)),
        _ => false,
    }
}

/// Marks the parts `mask` (same shape as the value, `true` where sensitive) says are sensitive.
pub fn apply_sensitive(v: Value, mask: JsonRef<'_>) -> Value {
    match mask.kind() {
        JsonKind::Bool(true) => mark_all(v),
        JsonKind::Object(members) => match &v.kind {
            Kind::Object(map) => {
                let mut out = (**map).clone();
                for m in members {
                    if let Some(child) = out.remove(&*m.key) {
                        out.insert(Arc::from(&*m.key), apply_sensitive(child, m.value));
                    }
                }
                Value {
                    kind: Kind::Object(Arc::new(out)),
                    ..v
                }
            }
            _ => v,
        },
        JsonKind::Array(items) => match &v.kind {
            Kind::List(list) => {
                let mut masks = items;
                let out: Vec<Value> = list
                    .iter()
                    .map(|e| match masks.next() {
                        Some(sub) => apply_sensitive(e.clone(), sub),
                        None => e.clone(),
                    })
                    .collect();
                Value {
                    kind: Kind::List(Arc::new(out)),
                    ..v
                }
            }
            _ => v,
        },
        _ => v,
    }
}

/// Marks a value and everything in it sensitive.
fn mark_all(v: Value) -> Value {
    let kind = match v.kind {
        Kind::Object(map) => Kind::Object(Arc::new(
            map.iter()
                .map(|(k, c)| (k.clone(), mark_all(c.clone())))
                .collect(),
        )),
        Kind::List(items) => Kind::List(Arc::new(items.iter().cloned().map(mark_all).collect())),
        k => k,
    };
    Value {
        kind,
        span: v.span,
        sensitive: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::json::parse_json;
    use crate::source::FileId;
    use serde_json::json;

    #[test]
    fn sensitive_masks_mark_deeply() {
        let v = Value::from_json(&json!({"a": {"b": "s"}, "c": ["x", "y"]}));
        let text = r#"{"a": true, "c": [false, true]}"#;
        let doc = parse_json(FileId(0), text).expect("json");
        let v = apply_sensitive(v, doc.root(text));
        assert!(v
            .get("a")
            .and_then(|a| a.get("b"))
            .is_some_and(|b| b.sensitive));
        let c = v.get("c").and_then(Value::as_list).expect("list");
        assert!(!c[0].sensitive && c[1].sensitive);
    }

    #[test]
    fn masks_of_the_wrong_shape_are_described() {
        let text = r#"{"a": [true, {"b": "x"}], "c": false}"#;
        let doc = parse_json(FileId(0), text).expect("json");
        assert_eq!(
            bad_mask_part(doc.root(text), String::new()).as_deref(),
            Some("a string at `a.1.b`")
        );
        assert!(has_true(doc.root(text)));
    }
}
