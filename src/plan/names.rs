//! Strings many instances of one plan repeat (attribute names, resource types, references,
//! short values such as `"Enabled"` or a region), kept once: every instance of a resource type
//! has the same attribute names, and a plan of 50,000 resources would otherwise hold each of
//! them 50,000 times.

use std::collections::HashSet;
use std::sync::Arc;

/// Values longer than this are mostly unique (names, ARNs, policy documents): not kept.
const MAX_SHARED_VALUE: usize = 48;

/// The strings seen so far while building a run of instances.
#[derive(Default)]
pub struct Names(HashSet<Arc<str>>);

impl Names {
    /// `s`, shared with every earlier equal string.
    pub fn name(&mut self, s: &str) -> Arc<str> {
        if let Some(known) = self.0.get(s) {
            return known.clone();
        }
        let new: Arc<str> = Arc::from(s);
        self.0.insert(new.clone());
        new
    }

    /// A string value: shared when short enough to be a repeated setting.
    pub fn value(&mut self, s: &str) -> Arc<str> {
        if s.len() <= MAX_SHARED_VALUE {
            self.name(s)
        } else {
            Arc::from(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_are_one_allocation() {
        let mut names = Names::default();
        let a = names.name("versioning");
        let b = names.name("versioning");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &names.name("acl")));
        let long = "x".repeat(MAX_SHARED_VALUE + 1);
        assert!(!Arc::ptr_eq(&names.value(&long), &names.value(&long)));
        assert!(Arc::ptr_eq(
            &names.value("Enabled"),
            &names.value("Enabled")
        ));
    }
}
