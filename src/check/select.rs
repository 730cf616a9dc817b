//! Selecting the values a dotted attribute path names in an instance's value tree, through
//! nested blocks and lists of objects.

use crate::value::{Kind, Value};
use std::sync::Arc;

/// `logging.log_bucket` → [`logging`, `log_bucket`].
pub(super) fn via_path(via: &str) -> Vec<Arc<str>> {
    via.split('.')
        .filter(|p| !p.is_empty())
        .map(Arc::from)
        .collect()
}

pub(super) fn join(prefix: &str, path: &str) -> String {
    if prefix.is_empty() {
        path.to_string()
    } else {
        format!("{prefix}.{path}")
    }
}

/// Values selected by a path: walking into objects by name and into every element of lists.
pub(super) struct Selection<'v> {
    pub(super) values: Vec<(String, &'v Value)>,
    /// An unknown value met on the way: some selections cannot be known.
    pub(super) unknown: bool,
    /// The first such value and its path, to say why.
    pub(super) unknown_value: Option<(String, &'v Value)>,
    /// The deepest path that exists, for blaming an absent attribute.
    pub(super) deepest: String,
}

pub(super) fn select<'v>(root: &'v Value, path: &[Arc<str>], prefix: &str) -> Selection<'v> {
    let mut sel = Selection {
        values: Vec::new(),
        unknown: false,
        unknown_value: None,
        deepest: prefix.to_string(),
    };
    let mut at = String::with_capacity(prefix.len() + 32);
    at.push_str(prefix);
    walk(root, path, &mut at, &mut sel);
    sel
}

/// Walks `path` from `v`, whose path is `at` (a buffer extended and restored on the way down).
pub(super) fn walk<'v>(v: &'v Value, path: &[Arc<str>], at: &mut String, sel: &mut Selection<'v>) {
    match &v.kind {
        // An unknown value at the end of the path is selected: it is set to an expression,
        // so `present` can still be decided; only an unknown on the way hides what is below.
        Kind::Unknown(_) if !path.is_empty() => {
            sel.unknown = true;
            if sel.unknown_value.is_none() {
                sel.unknown_value = Some((at.clone(), v));
            }
            return;
        }
        Kind::Null => return,
        _ => {}
    }
    if at.len() > sel.deepest.len() {
        sel.deepest.clone_from(at);
    }
    let Some((head, rest)) = path.split_first() else {
        sel.values.push((at.clone(), v));
        return;
    };
    let mark = at.len();
    match &v.kind {
        Kind::Object(map) => {
            if let Some(child) = map.get(head) {
                if !at.is_empty() {
                    at.push('.');
                }
                at.push_str(head);
                walk(child, rest, at, sel);
                at.truncate(mark);
            }
        }
        Kind::List(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push('.');
                at.push_str(itoa::Buffer::new().format(i));
                walk(item, path, at, sel);
                at.truncate(mark);
            }
        }
        _ => {}
    }
}

/// The value at a full dotted path below `root` (whose own path is `prefix`).
pub(super) fn value_at<'v>(root: &'v Value, prefix: &str, path: &str) -> Option<&'v Value> {
    let rel = if prefix.is_empty() {
        path
    } else {
        path.strip_prefix(prefix)?.trim_start_matches('.')
    };
    let mut v = root;
    for seg in rel.split('.').filter(|s| !s.is_empty()) {
        v = match &v.kind {
            Kind::Object(m) => m.get(seg)?,
            Kind::List(items) => items.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(v)
}
