//! The object type of values: keys kept in sorted order, as Terraform orders them.
//!
//! Nearly every object is small (a resource body, a tag map, a policy statement): those are a
//! sorted vector, one allocation that is cheap to build, search, clone and drop. An object that
//! grows past [`SMALL_MAX`] keys becomes a B-tree, so that building a large one key by key (a
//! `for` expression over a big collection, a large JSON document) stays O(n log n).

use super::Value;
use std::collections::{btree_map, BTreeMap};
use std::fmt;
use std::sync::Arc;

/// Largest object kept as a sorted vector.
const SMALL_MAX: usize = 32;

#[derive(Clone, Default)]
pub struct Map {
    repr: Repr,
    /// The object holds only some of its attributes (a data source's arguments, whose
    /// computed attributes are read at apply time): a missing key is unknown, not absent.
    open: bool,
}

#[derive(Clone)]
enum Repr {
    /// Sorted by key, keys unique.
    Small(Vec<(Arc<str>, Value)>),
    Large(BTreeMap<Arc<str>, Value>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Small(Vec::new())
    }
}

impl Map {
    pub fn new() -> Self {
        Map::default()
    }

    /// Marks the object as holding only some of its attributes (see [`Map::is_open`]).
    pub fn into_open(mut self) -> Self {
        self.open = true;
        self
    }

    /// Whether a key missing from this object may still exist (unknown), rather than being
    /// an error to read as in Terraform.
    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Small(v) => v.len(),
            Repr::Large(m) => m.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, key: impl AsRef<str>) -> Option<&Value> {
        let key = key.as_ref();
        match &self.repr {
            // A scan that compares lengths first beats a binary search of string comparisons
            // on a few dozen keys: most keys differ in length.
            Repr::Small(v) => v
                .iter()
                .find(|(k, _)| k.len() == key.len() && **k == *key)
                .map(|(_, v)| v),
            Repr::Large(m) => m.get(key),
        }
    }

    pub fn get_mut(&mut self, key: impl AsRef<str>) -> Option<&mut Value> {
        let key = key.as_ref();
        match &mut self.repr {
            Repr::Small(v) => match small_find(v, key) {
                Ok(i) => Some(&mut v[i].1),
                Err(_) => None,
            },
            Repr::Large(m) => m.get_mut(key),
        }
    }

    pub fn contains_key(&self, key: impl AsRef<str>) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key`, returning the value it replaces.
    pub fn insert(&mut self, key: Arc<str>, value: Value) -> Option<Value> {
        self.make_room_for(&key);
        match &mut self.repr {
            Repr::Small(v) => match small_find(v, &key) {
                Ok(i) => Some(std::mem::replace(&mut v[i].1, value)),
                Err(i) => {
                    v.insert(i, (key, value));
                    None
                }
            },
            Repr::Large(m) => m.insert(key, value),
        }
    }

    /// The value at `key`, set to `default()` first when absent.
    pub fn get_or_insert_with(
        &mut self,
        key: Arc<str>,
        default: impl FnOnce() -> Value,
    ) -> &mut Value {
        self.make_room_for(&key);
        match &mut self.repr {
            Repr::Small(v) => {
                let i = match small_find(v, &key) {
                    Ok(i) => i,
                    Err(i) => {
                        v.insert(i, (key, default()));
                        i
                    }
                };
                &mut v[i].1
            }
            Repr::Large(m) => m.entry(key).or_insert_with(default),
        }
    }

    /// Turns a full small map into a B-tree when `key` would be one key too many.
    fn make_room_for(&mut self, key: &str) {
        if let Repr::Small(v) = &mut self.repr {
            if v.len() >= SMALL_MAX && small_find(v, key).is_err() {
                self.repr = Repr::Large(std::mem::take(v).into_iter().collect());
            }
        }
    }

    pub fn remove(&mut self, key: impl AsRef<str>) -> Option<Value> {
        let key = key.as_ref();
        match &mut self.repr {
            Repr::Small(v) => match small_find(v, key) {
                Ok(i) => Some(v.remove(i).1),
                Err(_) => None,
            },
            Repr::Large(m) => m.remove(key),
        }
    }

    /// Entries in key order.
    pub fn iter(&self) -> Iter<'_> {
        match &self.repr {
            Repr::Small(v) => Iter::Small(v.iter()),
            Repr::Large(m) => Iter::Large(m.iter()),
        }
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Arc<str>> + ExactSizeIterator + '_ {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + ExactSizeIterator + '_ {
        self.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> Box<dyn Iterator<Item = &mut Value> + '_> {
        match &mut self.repr {
            Repr::Small(v) => Box::new(v.iter_mut().map(|(_, v)| v)),
            Repr::Large(m) => Box::new(m.values_mut()),
        }
    }
}

fn small_find(v: &[(Arc<str>, Value)], key: &str) -> Result<usize, usize> {
    v.binary_search_by(|(k, _)| (**k).cmp(key))
}

impl FromIterator<(Arc<str>, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (Arc<str>, Value)>>(iter: I) -> Self {
        let mut entries: Vec<(Arc<str>, Value)> = iter.into_iter().collect();
        if entries.len() > SMALL_MAX {
            return Map {
                repr: Repr::Large(entries.into_iter().collect()),
                open: false,
            };
        }
        // Stable, so that of equal keys the last given is kept, as with repeated inserts.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(Arc<str>, Value)> = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            match out.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => out.push((k, v)),
            }
        }
        Map {
            repr: Repr::Small(out),
            open: false,
        }
    }
}

impl Extend<(Arc<str>, Value)> for Map {
    fn extend<I: IntoIterator<Item = (Arc<str>, Value)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl PartialEq for Map {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for Map {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Entries of a [`Map`] in key order.
pub enum Iter<'a> {
    Small(std::slice::Iter<'a, (Arc<str>, Value)>),
    Large(btree_map::Iter<'a, Arc<str>, Value>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Arc<str>, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Iter::Small(it) => it.next().map(|(k, v)| (k, v)),
            Iter::Large(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Iter::Small(it) => it.size_hint(),
            Iter::Large(it) => it.size_hint(),
        }
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            Iter::Small(it) => it.next_back().map(|(k, v)| (k, v)),
            Iter::Large(it) => it.next_back(),
        }
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a Arc<str>, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// Owned entries of a [`Map`] in key order.
pub enum IntoIter {
    Small(std::vec::IntoIter<(Arc<str>, Value)>),
    Large(btree_map::IntoIter<Arc<str>, Value>),
}

impl Iterator for IntoIter {
    type Item = (Arc<str>, Value);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            IntoIter::Small(it) => it.next(),
            IntoIter::Large(it) => it.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            IntoIter::Small(it) => it.size_hint(),
            IntoIter::Large(it) => it.size_hint(),
        }
    }
}

impl DoubleEndedIterator for IntoIter {
    fn next_back(&mut self) -> Option<Self::Item> {
        match self {
            IntoIter::Small(it) => it.next_back(),
            IntoIter::Large(it) => it.next_back(),
        }
    }
}

impl ExactSizeIterator for IntoIter {}

impl IntoIterator for Map {
    type Item = (Arc<str>, Value);
    type IntoIter = IntoIter;

    fn into_iter(self) -> IntoIter {
        match self.repr {
            Repr::Small(v) => IntoIter::Small(v.into_iter()),
            Repr::Large(m) => IntoIter::Large(m.into_iter()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Insert(u8, u8),
        Remove(u8),
        GetOrInsert(u8, u8),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (any::<u8>(), any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
            any::<u8>().prop_map(Op::Remove),
            (any::<u8>(), any::<u8>()).prop_map(|(k, v)| Op::GetOrInsert(k, v)),
        ]
    }

    proptest! {
        /// Any sequence of edits leaves the map holding what a B-tree map would, in the same
        /// order, whichever representation it is in by then.
        #[test]
        fn behaves_as_a_btree_map(ops in proptest::collection::vec(op(), 0..300)) {
            let mut m = Map::new();
            let mut reference: BTreeMap<Arc<str>, Value> = BTreeMap::new();
            // Keys of mixed lengths, so that the length-first lookup is exercised too.
            let key = |k: u8| -> Arc<str> { Arc::from("k".repeat(usize::from(k % 7)) + &k.to_string()) };
            for op in ops {
                match op {
                    Op::Insert(k, v) => {
                        let v = Value::number(f64::from(v));
                        prop_assert_eq!(m.insert(key(k), v.clone()), reference.insert(key(k), v));
                    }
                    Op::Remove(k) => prop_assert_eq!(m.remove(key(k)), reference.remove(&key(k))),
                    Op::GetOrInsert(k, v) => {
                        let got = m.get_or_insert_with(key(k), || Value::number(f64::from(v))).clone();
                        let want = reference.entry(key(k)).or_insert_with(|| Value::number(f64::from(v))).clone();
                        prop_assert_eq!(got, want);
                    }
                }
                prop_assert_eq!(m.len(), reference.len());
            }
            prop_assert!(m.iter().eq(reference.iter()));
            for k in 0..=u8::MAX {
                prop_assert_eq!(m.get(key(k)), reference.get(&key(k)));
            }
            let rebuilt: Map = reference.clone().into_iter().collect();
            prop_assert_eq!(&rebuilt, &m);
        }
    }

    fn key(i: usize) -> Arc<str> {
        // Not in sorted order when inserted by `i`.
        Arc::from(format!("k{}", (i * 7919) % 1000).as_str())
    }

    #[test]
    fn keys_stay_sorted_through_growth() {
        let mut m = Map::new();
        let mut reference = BTreeMap::new();
        for i in 0..200 {
            let v = Value::number(i as f64);
            assert_eq!(m.insert(key(i), v.clone()), reference.insert(key(i), v));
            assert_eq!(m.len(), reference.len());
            let keys: Vec<_> = m.keys().cloned().collect();
            let expected: Vec<_> = reference.keys().cloned().collect();
            assert_eq!(keys, expected, "after {i} inserts");
        }
        assert!(matches!(m.repr, Repr::Large(_)));
        assert_eq!(m.get("k0"), reference.get("k0"));
        assert_eq!(m.remove(key(3)), reference.remove(&key(3)));
        assert!(!m.contains_key(key(3)));
    }

    #[test]
    fn replacing_a_key_keeps_one_entry() {
        let mut m = Map::new();
        assert_eq!(m.insert("a".into(), Value::number(1.0)), None);
        assert_eq!(
            m.insert("a".into(), Value::number(2.0)),
            Some(Value::number(1.0))
        );
        assert_eq!(m.len(), 1);
        assert_eq!(m.get("a"), Some(&Value::number(2.0)));
        *m.get_or_insert_with("a".into(), Value::null) = Value::number(3.0);
        m.get_or_insert_with("b".into(), || Value::number(4.0));
        let pairs: Vec<_> = m.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        assert_eq!(
            pairs,
            [
                ("a".to_string(), Value::number(3.0)),
                ("b".to_string(), Value::number(4.0))
            ]
        );
    }

    #[test]
    fn collecting_keeps_the_last_of_equal_keys() {
        for n in [3, SMALL_MAX, SMALL_MAX + 1, 100] {
            let pairs: Vec<(Arc<str>, Value)> = (0..n)
                .map(|i| (key(i % 5), Value::number(i as f64)))
                .chain((0..n).map(|i| (key(i), Value::number(i as f64))))
                .collect();
            let m: Map = pairs.iter().cloned().collect();
            let reference: BTreeMap<_, _> = pairs.into_iter().collect();
            assert_eq!(m.len(), reference.len());
            assert!(m.iter().eq(reference.iter()), "n = {n}");
        }
    }

    #[test]
    fn equality_ignores_the_representation() {
        let many: Map = (0..40).map(|i| (key(i), Value::bool(true))).collect();
        let mut shrunk = many.clone();
        for i in 5..40 {
            shrunk.remove(key(i));
        }
        let small: Map = (0..5).map(|i| (key(i), Value::bool(true))).collect();
        assert!(matches!(shrunk.repr, Repr::Large(_)));
        assert!(matches!(small.repr, Repr::Small(_)));
        assert_eq!(shrunk, small);
        assert_ne!(many, small);
        let back: Vec<_> = small.clone().into_iter().rev().map(|(k, _)| k).collect();
        let mut forward: Vec<_> = small.keys().cloned().collect();
        forward.reverse();
        assert_eq!(back, forward);
    }
}
