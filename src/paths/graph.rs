//! The resource graph of one root module: instances indexed by address, type and name, and the
//! references between them resolved three-valued. Built once per root in one pass over the
//! instances; every lookup afterwards is a hash probe, so the path search stays linear in the
//! instances and the references they hold.

use crate::model::{Instance, ResourceMode};
use crate::value::{Kind, Value};
use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

/// Where a reference leads: to these instances (none: the attribute is not set), or to
/// something onus cannot know, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    Known(Vec<usize>),
    Unknown(String),
}

pub struct Graph<'a> {
    pub instances: &'a [Instance],
    /// By full address and by address without the instance key (a reference to a counted
    /// resource without an index stands for all its instances).
    by_address: HashMap<&'a str, Vec<usize>>,
    /// Managed resources by type.
    by_type: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Graph<'a> {
    pub fn new(instances: &'a [Instance]) -> Self {
        let mut by_address: HashMap<&str, Vec<usize>> = HashMap::with_capacity(instances.len());
        let mut by_type: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, inst) in instances.iter().enumerate() {
            if inst.mode != ResourceMode::Managed {
                continue;
            }
            by_address.entry(inst.address.as_str()).or_default().push(i);
            if inst.resource_address != inst.address {
                by_address
                    .entry(inst.resource_address.as_str())
                    .or_default()
                    .push(i);
            }
            by_type.entry(&inst.resource_type).or_default().push(i);
        }
        Graph {
            instances,
            by_address,
            by_type,
        }
    }

    pub fn of_type(&self, ty: &str) -> &[usize] {
        self.by_type.get(ty).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Resolves the attribute `attr` of instance `from` to instances of `types`: through the
    /// references an unknown value keeps, or for a known string by matching `name_attr` of
    /// the candidates (`role = "app"` names the role whose `name` is "app"; an ARN matches
    /// by its last path segment). A list resolves element by element.
    pub fn resolve(&self, from: usize, attr: &str, types: &[&str], name_attr: &str) -> Resolved {
        let Some(inst) = self.instances.get(from) else {
            return Resolved::Known(Vec::new());
        };
        match inst.values.get(attr) {
            None => Resolved::Known(Vec::new()),
            Some(v) => self.resolve_value(v, attr, types, name_attr),
        }
    }

    /// [`Graph::resolve`] for a value already in hand (an attribute of a nested block).
    pub fn resolve_value(
        &self,
        v: &Value,
        attr: &str,
        types: &[&str],
        name_attr: &str,
    ) -> Resolved {
        match &v.kind {
            Kind::Null => Resolved::Known(Vec::new()),
            Kind::List(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match self.resolve_value(item, attr, types, name_attr) {
                        Resolved::Known(found) => out.extend(found),
                        unknown => return unknown,
                    }
                }
                out.sort_unstable();
                out.dedup();
                Resolved::Known(out)
            }
            Kind::String(s) => self.by_name(s, attr, types, name_attr),
            Kind::Unknown(u) => {
                let mut out = Vec::new();
                for r in &u.refs {
                    if let Some(found) = self.by_address.get(&**r) {
                        out.extend(found.iter().copied().filter(|&i| self.is_a(i, types)));
                    }
                }
                if out.is_empty() {
                    Resolved::Unknown(format!("`{attr}`: {}", u.why))
                } else {
                    out.sort_unstable();
                    out.dedup();
                    Resolved::Known(out)
                }
            }
            _ => Resolved::Unknown(format!("`{attr}` is not a reference onus can follow")),
        }
    }

    /// The instances of `types` the references held in `v` point at.
    pub fn refs_to(&self, v: &Value, types: &[&str]) -> Vec<usize> {
        let mut refs = Vec::new();
        v.collect_refs(&mut refs);
        let mut out: Vec<usize> = refs
            .iter()
            .filter_map(|r| self.by_address.get(&**r))
            .flatten()
            .copied()
            .filter(|&i| self.is_a(i, types))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn by_name(&self, s: &str, attr: &str, types: &[&str], name_attr: &str) -> Resolved {
        // `arn:aws:iam::123456789012:role/path/app` names role `app`.
        let wanted = if s.starts_with("arn:") {
            s.rsplit('/').next().unwrap_or(s)
        } else {
            s
        };
        let mut out = Vec::new();
        for ty in types {
            for &i in self.of_type(ty) {
                let name = self.instances[i].values.get(name_attr);
                if name.and_then(Value::as_str) == Some(wanted) {
                    out.push(i);
                }
            }
        }
        if out.is_empty() {
            Resolved::Unknown(format!(
                "`{attr}` names {s:?}, which this configuration does not define"
            ))
        } else {
            Resolved::Known(out)
        }
    }

    fn is_a(&self, i: usize, types: &[&str]) -> bool {
        self.instances
            .get(i)
            .is_some_and(|inst| types.iter().any(|t| **t == *inst.resource_type))
    }

    /// For every instance of `ty`, what its `attr` resolves to among `types`: the reverse
    /// edges (role ← policy attachment). Those that resolve to nothing known are kept apart:
    /// they may point at any candidate.
    pub fn referrers(&self, ty: &str, attr: &str, types: &[&str], name_attr: &str) -> Referrers {
        let mut by_target: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut unresolved = Vec::new();
        for &i in self.of_type(ty) {
            match self.resolve(i, attr, types, name_attr) {
                Resolved::Known(targets) => {
                    for t in targets {
                        by_target.entry(t).or_default().push(i);
                    }
                }
                Resolved::Unknown(why) => unresolved.push((i, Arc::from(why))),
            }
        }
        Referrers {
            by_target,
            unresolved,
        }
    }
}

/// Instances of one type that refer to others, by the instance they refer to.
#[derive(Default)]
pub struct Referrers {
    by_target: HashMap<usize, Vec<usize>>,
    /// Those whose reference cannot be resolved, with why.
    pub unresolved: Vec<(usize, Arc<str>)>,
}

impl Referrers {
    pub fn of(&self, target: usize) -> &[usize] {
        self.by_target
            .get(&target)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}
