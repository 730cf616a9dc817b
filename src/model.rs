//! The evaluated configuration: resource and data instances as Terraform would create them,
//! with their values, the spans of their attributes, and the module calls that led to them.

use crate::source::Span;
use crate::value::Value;
use std::sync::Arc;

/// Terraform's resource mode: a `resource` block (managed) or a `data` block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceMode {
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
    pub mode: ResourceMode,
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

/// Spans by attribute path, built once per instance. The paths share one buffer. Entries stay
/// in recording order and are searched from the last: a resource has a few dozen paths and
/// only a finding looks one up, so sorting every instance's paths would cost more than it saves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttributeSpans {
    paths: Box<str>,
    entries: Box<[PathEntry]>,
}

/// A path (`start..end` in the shared buffer) and its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PathEntry {
    start: u32,
    end: u32,
    span: Span,
}

impl AttributeSpans {
    /// From paths in any order; a path given twice keeps its last span.
    pub fn new(spans: Vec<(String, Span)>) -> Self {
        let mut rec = SpanRecorder::default();
        for (path, span) in &spans {
            rec.record(path, *span);
        }
        rec.take_spans()
    }

    /// The span last recorded for `path`.
    pub fn get(&self, path: &str) -> Option<Span> {
        self.entries
            .iter()
            .rev()
            .find(|e| self.path(e) == path.as_bytes())
            .map(|e| e.span)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Every recorded span (a path recorded twice gives both).
    pub fn values(&self) -> impl Iterator<Item = Span> + '_ {
        self.entries.iter().map(|e| e.span)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn path(&self, e: &PathEntry) -> &[u8] {
        self.paths
            .as_bytes()
            .get(e.start as usize..e.end as usize)
            .unwrap_or(&[])
    }
}

/// Records attribute spans while a body is walked. The walk keeps the current block path
/// (`ingress.0.`) as a prefix, so recording a path copies bytes into one buffer and never
/// allocates a string of its own.
#[derive(Debug, Default)]
pub struct SpanRecorder {
    prefix: String,
    paths: String,
    entries: Vec<PathEntry>,
}

impl SpanRecorder {
    /// Records `prefix` + `name`.
    pub fn record(&mut self, name: &str, span: Span) {
        let start = self.paths.len();
        self.paths.push_str(&self.prefix);
        self.paths.push_str(name);
        self.push(start, span);
    }

    /// Records `prefix` + `kind.index` (a nested block).
    pub fn record_element(&mut self, kind: &str, index: usize, span: Span) {
        let start = self.paths.len();
        self.paths.push_str(&self.prefix);
        push_element(&mut self.paths, kind, index);
        self.push(start, span);
    }

    /// Goes into nested block `kind.index`; [`SpanRecorder::leave`] with the mark returned
    /// comes back out.
    pub fn enter(&mut self, kind: &str, index: usize) -> usize {
        let mark = self.prefix.len();
        push_element(&mut self.prefix, kind, index);
        self.prefix.push('.');
        mark
    }

    /// Goes into `segment` (an attribute name or list index); see [`SpanRecorder::enter`].
    pub fn enter_segment(&mut self, segment: &str) -> usize {
        let mark = self.prefix.len();
        self.prefix.push_str(segment);
        self.prefix.push('.');
        mark
    }

    pub fn leave(&mut self, mark: usize) {
        self.prefix.truncate(mark);
    }

    fn push(&mut self, start: usize, span: Span) {
        // Offsets are u32: a buffer past 4 GiB (never reached within the evaluation limits)
        // stops recording rather than storing wrong offsets.
        match (u32::try_from(start), u32::try_from(self.paths.len())) {
            (Ok(start), Ok(end)) => self.entries.push(PathEntry { start, end, span }),
            _ => self.paths.truncate(start),
        }
    }

    /// The spans recorded so far, copied out at their exact size; the recorder is emptied and
    /// keeps its buffers for the next instance.
    pub fn take_spans(&mut self) -> AttributeSpans {
        let spans = AttributeSpans {
            paths: Box::from(self.paths.as_str()),
            entries: Box::from(self.entries.as_slice()),
        };
        self.clear();
        spans
    }

    /// Forgets everything recorded, keeping the buffers.
    pub fn clear(&mut self) {
        self.prefix.clear();
        self.paths.clear();
        self.entries.clear();
    }
}

fn push_element(buf: &mut String, kind: &str, index: usize) {
    buf.push_str(kind);
    buf.push('.');
    buf.push_str(itoa::Buffer::new().format(index));
}

/// What reports need of a checked instance, once its values are gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub address: Box<str>,
    pub resource_type: Arc<str>,
    pub mode: ResourceMode,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn span(start: u32) -> Span {
        Span {
            file: FileId::from_index(0),
            start,
            end: start + 1,
        }
    }

    #[test]
    fn recorder_builds_paths_from_the_block_prefix() {
        let mut rec = SpanRecorder::default();
        rec.record("name", span(1));
        rec.record_element("ingress", 0, span(2));
        let mark = rec.enter("ingress", 0);
        rec.record("cidr_blocks", span(3));
        rec.record_element("rule", 12, span(4));
        let inner = rec.enter("rule", 12);
        rec.record("port", span(5));
        rec.leave(inner);
        rec.leave(mark);
        rec.record("tags", span(6));
        let spans = rec.take_spans();
        for (path, at) in [
            ("name", 1),
            ("ingress.0", 2),
            ("ingress.0.cidr_blocks", 3),
            ("ingress.0.rule.12", 4),
            ("ingress.0.rule.12.port", 5),
            ("tags", 6),
        ] {
            assert_eq!(spans.get(path), Some(span(at)), "{path}");
        }
        assert_eq!(spans.get("ingress"), None);
        assert_eq!(spans.get("cidr_blocks"), None);
        assert_eq!(spans.values().count(), 6);
    }

    #[test]
    fn taking_spans_leaves_the_recorder_empty_for_the_next_instance() {
        let mut rec = SpanRecorder::default();
        let mark = rec.enter("ingress", 0);
        rec.record("port", span(1));
        let first = rec.take_spans();
        // Taken mid-walk: the prefix is cleared too, so the next instance starts at the top.
        let _ = mark;
        rec.record("name", span(2));
        let second = rec.take_spans();
        assert_eq!(first.get("ingress.0.port"), Some(span(1)));
        assert_eq!(first.get("name"), None);
        assert_eq!(second.get("name"), Some(span(2)));
        assert_eq!(second.get("ingress.0.port"), None);
        assert_eq!(second.values().count(), 1);
    }

    #[test]
    fn a_path_recorded_twice_keeps_its_last_span() {
        let spans = AttributeSpans::new(vec![
            ("b".to_string(), span(1)),
            ("a".to_string(), span(2)),
            ("b".to_string(), span(3)),
            ("b".to_string(), span(4)),
            ("é".to_string(), span(5)),
        ]);
        assert_eq!(spans.get("b"), Some(span(4)));
        assert_eq!(spans.get("a"), Some(span(2)));
        assert_eq!(spans.get("é"), Some(span(5)));
        assert_eq!(spans.get("c"), None);
        assert!(AttributeSpans::default().is_empty());
        assert_eq!(AttributeSpans::default().get(""), None);
    }
}
