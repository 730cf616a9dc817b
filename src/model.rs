//! The evaluated configuration: resource and data instances as Terraform would create them,
//! with their values, the spans of their attributes, and the module calls that led to them.

use crate::source::Span;
use crate::value::Value;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Managed,
    Data,
}

/// One resource or data source instance.
#[derive(Debug, Clone)]
pub struct Instance {
    /// Full Terraform address: `module.net["a"].aws_security_group.this[0]`.
    pub address: String,
    /// The root module (directory, or plan file) this instance belongs to: addresses are
    /// unique, and references resolve, only within one root.
    pub root: Arc<str>,
    /// Address of the module instance it lives in (`""` for the root module).
    pub module: String,
    /// Address without the instance key (`module.net["a"].aws_security_group.this`).
    pub resource_address: String,
    pub mode: Mode,
    pub resource_type: Arc<str>,
    pub name: Arc<str>,
    /// Object of attribute values; nested blocks are lists of objects under the block name.
    pub values: Value,
    /// The block header (`resource "aws_s3_bucket" "logs"`): where findings about a missing
    /// attribute point.
    pub header: Span,
    /// Spans of attributes by path (`acl`, `ingress.0.cidr_blocks`) and of nested blocks by
    /// path (`ingress.0`).
    pub attribute_spans: AttributeSpans,
    /// Module calls from the root to this instance: address and the call's block header.
    pub via: Vec<(String, Span)>,
    /// Set when `count`/`for_each` could not be evaluated: this one instance stands for all.
    pub expansion_unknown: bool,
    /// The plan file this instance was read from (plan JSON input).
    pub plan_file: Option<Arc<str>>,
}

impl Instance {
    /// Span of the attribute at `path`, or of its nearest enclosing block, or the header.
    pub fn span_of(&self, path: &str) -> Span {
        let mut p = path;
        loop {
            if let Some(s) = self.attribute_spans.get(p) {
                return s;
            }
            match p.rfind('.') {
                Some(i) => p = &p[..i],
                None => return self.header,
            }
        }
    }
}

/// Spans by attribute path: a sorted vector, built once per instance and then only looked up
/// (cheaper to build than a hash map for the few dozen paths of a resource).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributeSpans(Vec<(Box<str>, Span)>);

impl AttributeSpans {
    /// From paths in any order; a path given twice keeps its last span.
    pub fn new(mut spans: Vec<(String, Span)>) -> Self {
        // Stable: equal paths stay in insertion order, and the last of each run is kept.
        spans.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(Box<str>, Span)> = Vec::with_capacity(spans.len());
        for (path, span) in spans {
            match out.last_mut() {
                Some(last) if *last.0 == *path => last.1 = span,
                _ => out.push((path.into_boxed_str(), span)),
            }
        }
        AttributeSpans(out)
    }

    pub fn get(&self, path: &str) -> Option<Span> {
        self.0
            .binary_search_by(|(p, _)| (**p).cmp(path))
            .ok()
            .map(|i| self.0[i].1)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    pub fn values(&self) -> impl Iterator<Item = Span> + '_ {
        self.0.iter().map(|(_, s)| *s)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What reports need of a checked instance, once its values are gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub address: Box<str>,
    pub resource_type: Arc<str>,
    pub mode: Mode,
    /// The block header, or the plan entry.
    pub header: Span,
}

impl Resource {
    /// The resource of an instance that is no longer needed.
    pub fn from_instance(inst: Instance) -> Self {
        Resource {
            address: inst.address.into_boxed_str(),
            resource_type: inst.resource_type,
            mode: inst.mode,
            header: inst.header,
        }
    }

    pub fn of(inst: &Instance) -> Self {
        Resource {
            address: inst.address.as_str().into(),
            resource_type: inst.resource_type.clone(),
            mode: inst.mode,
            header: inst.header,
        }
    }
}

/// Everything evaluation produced for one scan.
#[derive(Debug, Default)]
pub struct Configuration {
    pub instances: Vec<Instance>,
}

/// Formats an instance key as Terraform does: `[0]` or `["name"]`.
pub fn instance_key(key: &InstanceKey) -> String {
    match key {
        InstanceKey::None => String::new(),
        InstanceKey::Index(i) => format!("[{i}]"),
        InstanceKey::Name(s) => format!("[{}]", serde_json::Value::String(s.to_string())),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InstanceKey {
    None,
    Index(usize),
    Name(Arc<str>),
}
