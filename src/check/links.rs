//! References between resources: the indexes behind `linked` (resources that refer to this
//! one) and `target` (the resource this one refers to). Their evaluation, which runs
//! conditions on the resources found, is the interpreter's (`interpret/linked.rs`).

use super::select::{select, via_path};
use crate::model::{Instance, ResourceMode};
use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

/// Instances that refer to others through one attribute, by referenced address and by
/// known string value, so `linked` is a lookup rather than a scan of every instance.
#[derive(Default)]
pub(super) struct LinkIndex {
    pub(super) by_ref: HashMap<(Arc<str>, Arc<str>), Vec<usize>>,
    pub(super) by_value: HashMap<(Arc<str>, Arc<str>), Vec<usize>>,
    /// Candidates whose attribute cannot be resolved at all, per root.
    pub(super) unresolved: HashMap<Arc<str>, Vec<usize>>,
}

/// The indexes `target` looks resources up in.
pub(super) type TargetIndex<'a> = (
    HashMap<(Arc<str>, &'a str), Vec<usize>>,
    HashMap<(Arc<str>, &'a str), Vec<usize>>,
);

pub(super) fn build_targets(instances: &[Instance]) -> TargetIndex<'_> {
    let mut by_address: HashMap<(Arc<str>, &str), Vec<usize>> = HashMap::new();
    let mut by_type: HashMap<(Arc<str>, &str), Vec<usize>> = HashMap::new();
    for (i, inst) in instances.iter().enumerate() {
        if inst.mode != ResourceMode::Managed {
            continue;
        }
        by_address
            .entry((inst.root.clone(), inst.address.as_str()))
            .or_default()
            .push(i);
        if inst.resource_address != inst.address {
            by_address
                .entry((inst.root.clone(), inst.resource_address.as_str()))
                .or_default()
                .push(i);
        }
        by_type
            .entry((inst.root.clone(), &*inst.resource_type))
            .or_default()
            .push(i);
    }
    (by_address, by_type)
}

pub(super) fn build_links(
    instances: &[Instance],
    pairs: &[(Arc<str>, Arc<str>)],
) -> HashMap<(Arc<str>, Arc<str>), LinkIndex> {
    let mut links: HashMap<(Arc<str>, Arc<str>), LinkIndex> = HashMap::new();
    for (ty, via) in pairs {
        let mut index = LinkIndex::default();
        for (i, inst) in instances.iter().enumerate() {
            if inst.resource_type != *ty || inst.mode != ResourceMode::Managed {
                continue;
            }
            // `via` may go through nested blocks (`logging.log_bucket`): every value it
            // selects links, and an unknown block on the way may hide a link.
            let sel = select(&inst.values, &via_path(via), "");
            let mut unresolved = sel.unknown;
            let mut refs = Vec::new();
            for (_, v) in &sel.values {
                let before = refs.len();
                v.collect_refs(&mut refs);
                if refs.len() > before {
                    continue;
                }
                if let Some(s) = v.as_str() {
                    index
                        .by_value
                        .entry((inst.root.clone(), Arc::from(s)))
                        .or_default()
                        .push(i);
                } else if !v.is_known() {
                    unresolved = true;
                }
            }
            refs.sort();
            refs.dedup();
            for r in refs {
                index
                    .by_ref
                    .entry((inst.root.clone(), r))
                    .or_default()
                    .push(i);
            }
            if unresolved {
                index
                    .unresolved
                    .entry(inst.root.clone())
                    .or_default()
                    .push(i);
            }
        }
        links.insert((ty.clone(), via.clone()), index);
    }
    links
}
