//! The value trees behind JSON strings encoded from values (`jsonencode` of a wholly known
//! object, a rendered `aws_iam_policy_document`): each tree keeps the span of every node, so a
//! policy check can point at the `Action` a statement was written with rather than at the
//! attribute holding the whole document.
//!
//! The tree is kept beside the string, not in it: a [`Value`] stays the size it is, and its
//! equality, hashing, order, rendering and sensitive marks are those of the plain string. An
//! entry is found by the identity of the string's allocation (every clone of the value shares
//! it) and holds a weak reference to that allocation, so the address cannot be reused by another
//! string while the entry exists; entries whose string is gone are dropped as the table grows.

use super::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, Weak};

struct Table {
    entries: HashMap<usize, (Weak<str>, Value)>,
    /// Entries kept by the last pruning: the table is pruned again when it is twice as large.
    live: usize,
}

fn table() -> &'static Mutex<Table> {
    static TABLE: OnceLock<Mutex<Table>> = OnceLock::new();
    TABLE.get_or_init(|| {
        Mutex::new(Table {
            entries: HashMap::new(),
            live: 0,
        })
    })
}

fn key(text: &Arc<str>) -> usize {
    Arc::as_ptr(text).cast::<u8>() as usize
}

/// Remembers `tree` as the value `text` encodes.
pub(super) fn remember(text: &Arc<str>, tree: Value) {
    let mut t = table().lock().unwrap_or_else(|e| e.into_inner());
    if t.entries.len() >= 2 * t.live.max(512) {
        t.entries.retain(|_, (weak, _)| weak.strong_count() > 0);
        t.live = t.entries.len();
    }
    t.entries.insert(key(text), (Arc::downgrade(text), tree));
}

/// The tree `text` was encoded from, when this very string (or a clone of it) was produced by
/// [`remember`]ing encoder.
pub(super) fn recall(text: &Arc<str>) -> Option<Value> {
    let t = table().lock().unwrap_or_else(|e| e.into_inner());
    let (weak, tree) = t.entries.get(&key(text))?;
    let alive = weak.upgrade()?;
    Arc::ptr_eq(&alive, text).then(|| tree.clone())
}
