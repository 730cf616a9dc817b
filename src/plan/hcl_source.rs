//! Plan instances pointed at the Terraform source they were planned from: when the plan's
//! directory or a `--source` directory was scanned too, each plan instance takes the block
//! header, attribute spans and module chain of the HCL instance of the same address.

use crate::model::{Instance, ResourceMode};
use crate::value::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// HCL instances by root and address, for pointing plan instances at their source.
pub struct HclIndex<'h> {
    by_address: HashMap<(&'h str, &'h str), &'h Instance>,
    by_resource: HashMap<(&'h str, &'h str), &'h Instance>,
}

impl<'h> HclIndex<'h> {
    pub fn new(hcl: &'h [Instance]) -> Self {
        let mut by_address = HashMap::new();
        let mut by_resource = HashMap::new();
        for i in hcl
            .iter()
            .filter(|i| i.plan_file.is_none() && i.mode == ResourceMode::Managed)
        {
            by_address.insert((&*i.root, i.address.as_str()), i);
            by_resource
                .entry((&*i.root, i.resource_address.as_str()))
                .or_insert(i);
        }
        HclIndex {
            by_address,
            by_resource,
        }
    }

    fn lookup(&self, root: &str, inst: &Instance) -> Option<&'h Instance> {
        self.by_address
            .get(&(root, inst.address.as_str()))
            .or_else(|| {
                self.by_resource
                    .get(&(root, inst.resource_address.as_str()))
            })
            .copied()
    }

    /// The candidate root with the most resources in common with the plan (the plan's own
    /// directory first on a tie); `None` when no candidate shares any.
    pub fn best_root(&self, candidates: &[Arc<str>], plan: &[Instance]) -> Option<Arc<str>> {
        let mut best: Option<(usize, &Arc<str>)> = None;
        for c in candidates {
            let n = plan.iter().filter(|i| self.lookup(c, i).is_some()).count();
            if n > 0 && best.is_none_or(|(m, _)| n > m) {
                best = Some((n, c));
            }
        }
        best.map(|(_, c)| c.clone())
    }

    /// Copies the block's spans and module chain from the HCL instance of the same address;
    /// an attribute unknown in the plan whose configuration reference could not be followed
    /// (through a local value) takes the references the HCL evaluation found.
    pub fn point_at_source(&self, root: &str, inst: &mut Instance) {
        let Some(h) = self.lookup(root, inst) else {
            return;
        };
        inst.header = h.header;
        inst.attribute_spans = h.attribute_spans.clone();
        inst.via = h.via.clone();
        let Some(map) = inst.values.as_object() else {
            return;
        };
        let mut changed: Vec<(Arc<str>, Value)> = Vec::new();
        for (k, v) in map.iter() {
            let Some(u) = v.as_unknown() else { continue };
            if !u.refs.is_empty() {
                continue;
            }
            let mut refs = Vec::new();
            if let Some(hv) = h.values.get(k) {
                hv.collect_refs(&mut refs);
            }
            if refs.is_empty() {
                continue;
            }
            refs.sort();
            refs.dedup();
            let nv =
                Value::unknown_ref(u.why.clone(), u.non_null, refs).mark_sensitive(v.sensitive);
            changed.push((k.clone(), nv));
        }
        if changed.is_empty() {
            return;
        }
        let mut map = map.clone();
        for (k, v) in changed {
            map.insert(k, v);
        }
        inst.values = Value::object(map);
    }
}
