//! One planned resource built into an [`Instance`]: its values (read from the plan text only
//! now, and dropped once built), the parts `after_unknown` marks replaced by unknown values
//! that refer to what the configuration expression refers to, the sensitive masks applied,
//! and the positions of its attributes in the plan file.

use super::masks::{apply_sensitive, bad_mask_part, has_true};
use super::names::Names;
use super::refs::{self, ResourceIndex, Scope};
use crate::load::json::{Document, JsonKind, JsonRef, Lookup};
use crate::model::{Instance, ResourceMode, SpanRecorder};
use crate::source::{FileId, Span};
use crate::value::{Map, Value};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

/// Warnings about one instance, reported in plan order once all are built.
#[derive(Default)]
pub struct Warnings(Vec<(String, Option<Range<usize>>)>);

impl Warnings {
    pub fn warn(&mut self, message: String, at: Option<Range<usize>>) {
        self.0.push((message, at));
    }

    pub fn into_messages(self) -> Vec<(String, Option<Range<usize>>)> {
        self.0
    }
}

/// One resource as `planned_values` (or a change's `after`) describes it.
pub struct Planned<'p> {
    /// The resource (or the resource change).
    pub json: JsonRef<'p>,
    /// The `values` to read (recorded by range only until the instance is built).
    pub values: Option<JsonRef<'p>>,
    pub address: Cow<'p, str>,
}

/// What building every instance of one plan shares.
pub struct Builder<'b, 'p> {
    pub file: FileId,
    pub display: &'b Arc<str>,
    pub text: &'p str,
    pub config_root: Option<JsonRef<'p>>,
    pub index: &'b ResourceIndex<'p>,
}

/// A value of the plan read in full: the document of a value recorded by range only, or
/// nothing when the value was recorded whole.
struct Full(Option<Document>);

impl Full {
    fn read(v: Option<JsonRef<'_>>) -> Full {
        Full(v.and_then(|v| v.expand()))
    }

    fn get<'a>(&'a self, v: Option<JsonRef<'a>>, text: &'a str) -> Option<JsonRef<'a>> {
        match &self.0 {
            Some(doc) => Some(doc.root(text)),
            None => v,
        }
    }
}

impl<'p> Builder<'_, 'p> {
    fn span(&self, range: Option<Range<usize>>) -> Span {
        Span::new(self.file, range.unwrap_or(0..0))
    }

    pub fn instance(
        &self,
        p: &Planned<'p>,
        change: Option<JsonRef<'p>>,
        names: &mut Names,
        warnings: &mut Warnings,
    ) -> Option<Instance> {
        let address = &*p.address;
        let at = Some(p.json.range());
        let mode = match p.json.get("mode") {
            None => Cow::Borrowed("managed"),
            Some(m) => match m.as_str() {
                Some(m) => m,
                None => {
                    let kind = m.type_name();
                    warnings.warn(format!("{address}: `mode` is a {kind}; skipped"), at);
                    return None;
                }
            },
        };
        match &*mode {
            "managed" => {}
            "data" => return None,
            other => {
                warnings.warn(
                    format!("{address}: unknown resource mode `{other}`; skipped"),
                    at,
                );
                return None;
            }
        }
        let change = change.and_then(|c| c.get("change"));
        if let Some(actions) = change.and_then(|c| c.get("actions")) {
            if !actions.is_array() {
                warnings.warn(
                    format!("{address}: change `actions` is not a list; skipped"),
                    at,
                );
                return None;
            }
            let kept = actions
                .items()
                .filter_map(|a| a.as_str())
                .any(|a| matches!(&*a, "create" | "update" | "no-op" | "read"));
            if !kept {
                // Deleted or forgotten: nothing will exist to judge.
                return None;
            }
        }
        let (Some(resource_type), Some(name)) = (
            p.json.get("type").and_then(|t| t.as_str()),
            p.json.get("name").and_then(|n| n.as_str()),
        ) else {
            warnings.warn(
                format!("{address}: resource without a string `type` and `name`; skipped"),
                at,
            );
            return None;
        };
        let values_doc = Full::read(p.values);
        let values = values_doc.get(p.values, self.text);
        let values = match values {
            Some(v) if v.is_object() => Some(v),
            None => None,
            Some(v) if v.is_null() => None,
            Some(v) => {
                warnings.warn(
                    format!("{address}: `values` is not an object; skipped"),
                    Some(v.range()),
                );
                return None;
            }
        };
        let unknown_ref = change.and_then(|c| c.get("after_unknown"));
        let sensitive_ref = p.json.get("sensitive_values");
        let after_sensitive_ref = change.and_then(|c| c.get("after_sensitive"));
        let (unknown_doc, sensitive_doc, after_sensitive_doc) = (
            Full::read(unknown_ref),
            Full::read(sensitive_ref),
            Full::read(after_sensitive_ref),
        );
        let unknown = unknown_doc.get(unknown_ref, self.text);
        let sensitive = sensitive_doc.get(sensitive_ref, self.text);
        let after_sensitive = after_sensitive_doc.get(after_sensitive_ref, self.text);
        let masks = [
            ("after_unknown", unknown),
            ("sensitive_values", sensitive),
            ("after_sensitive", after_sensitive),
        ];
        for (what, mask) in masks {
            if let Some(bad) = mask.and_then(|m| bad_mask_part(m, String::new())) {
                warnings.warn(
                    format!("{address}: `{what}` holds {bad}; that part was ignored"),
                    at.clone(),
                );
            }
        }
        let module = module_of(address);
        let resource_address = if module.is_empty() {
            format!("{resource_type}.{name}")
        } else {
            format!("{module}.{resource_type}.{name}")
        };
        let scope = Scope::new(self.index, self.config_root, &module);
        let expressions_ref = scope.resource_expressions(self.index, &resource_type, &name);
        let expressions_doc = Full::read(expressions_ref);
        let expressions = expressions_doc.get(expressions_ref, self.text);
        let mut values_builder = ValueBuilder {
            scope: &scope,
            address,
            names,
        };
        let mut path = Vec::new();
        let built = values_builder.build(
            values.map_or(Slot::Absent, Slot::Json),
            unknown,
            match expressions {
                Some(e) if e.is_object() => ConfigExpression::Map(e),
                _ => ConfigExpression::None,
            },
            &mut path,
        );
        // An object, or (if `after_unknown` says the whole resource is unknown) an unknown
        // value, which rules read as "cannot tell" rather than as absent attributes.
        let mut built = built.unwrap_or_else(|| Value::object(Map::new()));
        // A mask without `true` marks nothing: the value is not rebuilt for it.
        for mask in [sensitive, after_sensitive]
            .into_iter()
            .flatten()
            .filter(|m| has_true(*m))
        {
            built = apply_sensitive(built, mask);
        }
        let header = p.json.member("address").map(|m| m.span().range()).or(at);
        let mut spans = SpanRecorder::default();
        if let Some(v) = values {
            record_spans(&built, v, &mut spans, self.file);
        }
        let attribute_spans = spans.take_spans();
        Some(Instance {
            address: address.to_string(),
            root: self.display.clone(),
            module,
            resource_address,
            mode: ResourceMode::Managed,
            resource_type: names.name(&resource_type),
            name: names.name(&name),
            values: built,
            header: self.span(header),
            attribute_spans,
            via: Vec::new(),
            expansion_unknown: false,
            plan_file: Some(self.display.clone()),
        })
    }
}

/// Where a value's expression in the plan's `configuration` stands while walking the values
/// (named apart from the syntax tree's `load::ast::Expr`).
#[derive(Clone, Copy)]
enum ConfigExpression<'c> {
    None,
    /// One expression (`{"references": [...]}`): everything below comes from it.
    Leaf(JsonRef<'c>),
    /// Expressions of a block's attributes and nested blocks, by name.
    Map(JsonRef<'c>),
    /// Expressions of each block of a nested block list.
    List(JsonRef<'c>),
}

impl<'c> ConfigExpression<'c> {
    /// The members of a `Map`, for looking up each attribute's expression.
    fn lookup(self) -> Lookup<'c> {
        match self {
            ConfigExpression::Map(m) => Lookup::new(Some(m)),
            _ => Lookup::new(None),
        }
    }

    fn child(self, members: &Lookup<'c>, key: &str) -> ConfigExpression<'c> {
        match self {
            ConfigExpression::Map(_) => match members.get(key) {
                Some(e)
                    if e.is_object()
                        && (e.get("references").is_some() || e.get("constant_value").is_some()) =>
                {
                    ConfigExpression::Leaf(e)
                }
                Some(e) if e.is_object() => ConfigExpression::Map(e),
                Some(e) if e.is_array() => ConfigExpression::List(e),
                _ => ConfigExpression::None,
            },
            ConfigExpression::Leaf(_) => self,
            _ => ConfigExpression::None,
        }
    }

    fn elements(self, n: usize) -> Vec<ConfigExpression<'c>> {
        match self {
            ConfigExpression::List(l) => {
                let mut out: Vec<ConfigExpression<'c>> = l
                    .items()
                    .take(n)
                    .map(|e| {
                        if e.is_object() {
                            ConfigExpression::Map(e)
                        } else {
                            ConfigExpression::None
                        }
                    })
                    .collect();
                out.resize(n, ConfigExpression::None);
                out
            }
            ConfigExpression::Leaf(_) => vec![self; n],
            _ => vec![ConfigExpression::None; n],
        }
    }
}

/// A planned value: absent, `null`, or JSON.
#[derive(Clone, Copy)]
enum Slot<'v> {
    Absent,
    Null,
    Json(JsonRef<'v>),
}

struct ValueBuilder<'r, 'c> {
    scope: &'r Scope<'c>,
    address: &'r str,
    names: &'r mut Names,
}

impl ValueBuilder<'_, '_> {
    /// The value at `path`: the planned value `v` with the parts `unknown` marks replaced by
    /// unknown values referring to what the configuration expression refers to.
    fn build(
        &mut self,
        v: Slot<'_>,
        unknown: Option<JsonRef<'_>>,
        expr: ConfigExpression<'_>,
        path: &mut Vec<String>,
    ) -> Option<Value> {
        if unknown.and_then(|u| u.as_bool()) == Some(true) {
            let refs = match expr {
                ConfigExpression::Leaf(e) => self
                    .scope
                    .resources_of(e)
                    .iter()
                    .map(|r| self.names.name(r))
                    .collect(),
                _ => Vec::new(),
            };
            let what = if path.is_empty() {
                self.address.to_string()
            } else {
                format!("{}.{}", self.address, path.join("."))
            };
            return Some(Value::unknown_ref(
                format!("{what} is known only after apply"),
                true,
                refs,
            ));
        }
        match v {
            Slot::Json(j) => match j.kind() {
                JsonKind::Object(_) => Some(self.object(Some(j), unknown, expr, path)),
                JsonKind::Array(items) => {
                    Some(self.list(items.map(Slot::Json).collect(), unknown, expr, path))
                }
                JsonKind::String(s) => Some(Value::string(self.names.value(&s))),
                _ => Some(j.to_plain_value()),
            },
            Slot::Null => Some(Value::null()),
            Slot::Absent => {
                // Absent from the values but with unknown parts below.
                match unknown {
                    Some(u) if u.is_object() => Some(self.object(None, unknown, expr, path)),
                    Some(u) if u.is_array() => {
                        Some(self.list(vec![Slot::Null; u.len()], unknown, expr, path))
                    }
                    _ => None,
                }
            }
        }
    }

    fn object(
        &mut self,
        values: Option<JsonRef<'_>>,
        unknown: Option<JsonRef<'_>>,
        expr: ConfigExpression<'_>,
        path: &mut Vec<String>,
    ) -> Value {
        let unknown = unknown.filter(JsonRef::is_object);
        let unknown_members = Lookup::new(unknown);
        let expressions = expr.lookup();
        let mut out = Map::new();
        for m in values.iter().flat_map(JsonRef::members) {
            path.push(m.key.to_string());
            let u = unknown_members.get(&m.key);
            if let Some(val) = self.build(
                Slot::Json(m.value),
                u,
                expr.child(&expressions, &m.key),
                path,
            ) {
                out.insert(self.names.name(&m.key), val);
            }
            path.pop();
        }
        // Unknown attributes are left out of planned values: add them.
        if let Some(u) = unknown {
            let planned = Lookup::new(values);
            for m in u.members() {
                if planned.contains_key(&m.key) || !has_true(m.value) {
                    continue;
                }
                path.push(m.key.to_string());
                if let Some(val) = self.build(
                    Slot::Absent,
                    Some(m.value),
                    expr.child(&expressions, &m.key),
                    path,
                ) {
                    out.insert(self.names.name(&m.key), val);
                }
                path.pop();
            }
        }
        Value::object(out)
    }

    fn list(
        &mut self,
        items: Vec<Slot<'_>>,
        unknown: Option<JsonRef<'_>>,
        expr: ConfigExpression<'_>,
        path: &mut Vec<String>,
    ) -> Value {
        let unknown: Vec<JsonRef<'_>> = unknown
            .filter(JsonRef::is_array)
            .map(|u| u.items().collect())
            .unwrap_or_default();
        let exprs = expr.elements(items.len());
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            path.push(i.to_string());
            let val = self
                .build(item, unknown.get(i).copied(), exprs[i], path)
                .unwrap_or_default();
            out.push(val);
            path.pop();
        }
        Value::list(out)
    }
}

/// Spans of the attributes (`acl`), nested blocks (`ingress.0`) and their attributes
/// (`ingress.0.cidr_blocks`) inside the plan's `values`. Sensitive parts get none, so no
/// report ever quotes the plan line that holds them.
fn record_spans(v: &Value, node: JsonRef<'_>, rec: &mut SpanRecorder, file: FileId) {
    use crate::value::Kind;
    match &v.kind {
        Kind::Object(map) => {
            let members = Lookup::new(Some(node));
            for (k, child) in map.iter() {
                if child.sensitive {
                    continue;
                }
                let Some(m) = members.member(k) else { continue };
                rec.record(k, Span::new(file, m.span().range()));
                let mark = rec.enter_segment(k);
                record_spans(child, m.value, rec, file);
                rec.leave(mark);
            }
        }
        Kind::List(items) => {
            for (i, (child, n)) in items.iter().zip(node.items()).enumerate() {
                if child.sensitive {
                    continue;
                }
                let mut digits = itoa::Buffer::new();
                let index = digits.format(i);
                rec.record(index, Span::new(file, n.range()));
                let mark = rec.enter_segment(index);
                record_spans(child, n, rec, file);
                rec.leave(mark);
            }
        }
        _ => {}
    }
}

/// The module part of a resource address: `module.a["x"].module.b` of
/// `module.a["x"].module.b.aws_s3_bucket.c[0]`.
fn module_of(address: &str) -> String {
    refs::split_address(address)
        .into_iter()
        .take_while(|s| s.starts_with("module."))
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_part_of_addresses() {
        assert_eq!(module_of("aws_s3_bucket.b"), "");
        assert_eq!(
            module_of(r#"module.a["x.y"].module.b.aws_s3_bucket.c[0]"#),
            r#"module.a["x.y"].module.b"#
        );
    }
}
