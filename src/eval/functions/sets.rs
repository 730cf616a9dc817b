//! Terraform's set semantics, shared by the collection functions (`distinct`, `setunion`, ...)
//! and the type conversions (`toset`): removing duplicate elements and ordering a set's
//! elements as Terraform prints them.

use super::encoding::canonical_key;
use super::MAX_STRING;
use crate::value::{Kind, Value};
use std::collections::HashSet;

/// Drops repeated wholly known elements (the first stays); elements with unknown parts are all
/// kept.
pub(crate) fn dedupe(items: Vec<Value>) -> Result<Vec<Value>, String> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    let mut total = 0usize;
    for item in items {
        match canonical_key(&item)? {
            Some(k) => {
                total += k.len();
                if total > 4 * MAX_STRING {
                    return Err("elements are too large to compare".to_string());
                }
                if seen.insert(k) {
                    out.push(item);
                }
            }
            None => out.push(item),
        }
    }
    Ok(out)
}

/// Orders set elements as Terraform does: strings lexically, numbers ascending (unknown
/// elements last); other sets keep their order.
pub(crate) fn set_order(mut items: Vec<Value>) -> Vec<Value> {
    let all = |f: fn(&Kind) -> bool| items.iter().all(|v| f(&v.kind) || !v.is_known());
    if all(|k| matches!(k, Kind::String(_))) {
        items.sort_by(|a, b| match (&a.kind, &b.kind) {
            (Kind::String(x), Kind::String(y)) => x.cmp(y),
            _ => a.is_known().cmp(&b.is_known()).reverse(),
        });
    } else if all(|k| matches!(k, Kind::Number(_))) {
        items.sort_by(|a, b| match (&a.kind, &b.kind) {
            (Kind::Number(x), Kind::Number(y)) => x.total_cmp(y),
            _ => a.is_known().cmp(&b.is_known()).reverse(),
        });
    }
    items
}
