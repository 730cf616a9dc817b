//! One module instance evaluated: its `count`/`for_each` expansions, resources, dynamic
//! blocks, module calls (and their arguments), outputs and data sources, memoised so each is
//! built once and a cycle is reported instead of looping.

use super::manifest::read_manifest;
use super::variables::{convert_input, finish_variables};
use super::{Ctx, ModInst, Slot, MAX_REFERENCE_DEPTH, MODULE_INSTANCE_STEPS};
use crate::diag::Diagnostic;
use crate::eval::expr::{constant_or_unknown, Env, Evaluator, Scope};
use crate::eval::policy_document;
use crate::load::ast::{Attribute, Block, Body, ExprKind, Traverse};
use crate::load::module_def::ModuleDef;
use crate::load::module_graph::local_source;
use crate::model::{instance_key, Instance, InstanceKey, ResourceMode, SpanRecorder};
use crate::source::{display_file_path, normalize, Span};
use crate::value::{Kind, Map, Value};
use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// One expansion of a `count`/`for_each` block.
pub(super) struct Expansion {
    pub(super) key: InstanceKey,
    pub(super) names: Vec<(Arc<str>, Value)>,
}

pub(super) enum Expand {
    Single,
    Keys(Vec<Expansion>),
    Unknown,
}

impl<'a> ModInst<'a> {
    pub(super) fn new(
        ctx: &'a Ctx<'a>,
        def: Arc<ModuleDef>,
        addr: String,
        via: Vec<(String, Span)>,
        vars: HashMap<Arc<str>, Value>,
        stack: Vec<PathBuf>,
    ) -> Self {
        ModInst {
            ctx,
            def,
            addr,
            via,
            vars,
            stack,
            locals: RefCell::new(HashMap::new()),
            calls: RefCell::new(HashMap::new()),
            data: RefCell::new(HashMap::new()),
        }
    }

    pub(super) fn evaluator(&self) -> Evaluator<'_> {
        Evaluator::new(self, self.ctx.opts.limits.expr_depth)
    }

    pub(super) fn prefix(&self) -> String {
        if self.addr.is_empty() {
            String::new()
        } else {
            format!("{}.", self.addr)
        }
    }

    /// Counts one more module or resource instance of this root: false (the instance is not
    /// evaluated) once the root's instance bound or evaluation budget is spent, reported once
    /// per root at `at`, the block whose expansion was cut.
    pub(super) fn admit_instance(&self, at: Span, module: bool) -> bool {
        let count = self.ctx.instance_count.get() + 1;
        self.ctx.instance_count.set(count);
        let limit = self.ctx.opts.limits.instances;
        let within = count <= limit && (!module || Env::spend(self, MODULE_INSTANCE_STEPS));
        if !within && !self.ctx.cut.replace(true) {
            let what = if count > limit {
                format!(
                    "this root module reaches the bound of {limit} module and resource instances"
                )
            } else {
                "this root module's evaluation budget is spent".to_string()
            };
            self.report(
                Diagnostic::warning(
                    "eval-limit",
                    format!("{what}; instances past this point are not evaluated (their resources are not checked)"),
                )
                .at(at),
            );
        }
        within
    }

    pub(super) fn evaluate_all(&self) {
        for name in self.def.calls.keys() {
            self.module_value(name);
        }
        for block in &self.def.resources {
            self.emit_resource(block);
        }
    }

    pub(super) fn local(&self, name: &str, span: Span) -> Value {
        let Some(attr) = self.def.locals.get(name) else {
            return self.evaluator().error(
                span,
                "unknown-reference",
                format!("local `{name}` is not defined"),
            );
        };
        self.memoised(
            &self.locals,
            attr.name.clone(),
            attr.span,
            || {
                Diagnostic::error("eval-cycle", format!("local `{name}` depends on itself"))
                    .at(attr.span)
                    .with_related(span, "the cycle closes here")
            },
            || self.evaluator().eval(&attr.expr, &Scope::root()),
        )
    }

    /// Evaluates a local, module call or data source once per module instance. Meeting it
    /// again while it is being evaluated is a cycle: reported, and unknown. Nesting is bounded
    /// by [`MAX_REFERENCE_DEPTH`].
    pub(super) fn memoised<K: Eq + std::hash::Hash + Clone>(
        &self,
        table: &RefCell<HashMap<K, Slot>>,
        key: K,
        at: Span,
        cycle: impl FnOnce() -> Diagnostic,
        compute: impl FnOnce() -> Value,
    ) -> Value {
        match table.borrow().get(&key) {
            Some(Slot::Done(v)) => return v.clone(),
            Some(Slot::InProgress) => {
                let d = cycle();
                let why = d.message.clone();
                self.report(d);
                return Value::unknown(why);
            }
            None => {}
        }
        if !self.enter_reference(at) {
            return Value::unknown("references nest too deeply");
        }
        table.borrow_mut().insert(key.clone(), Slot::InProgress);
        let v = compute();
        self.ctx.ref_depth.set(self.ctx.ref_depth.get() - 1);
        table.borrow_mut().insert(key, Slot::Done(v.clone()));
        v
    }

    /// Counts one more nested reference (a local, data source or module evaluated while
    /// another is); false, with a diagnostic, past the limit that keeps the stack bounded.
    pub(super) fn enter_reference(&self, span: Span) -> bool {
        let depth = self.ctx.ref_depth.get();
        if depth >= MAX_REFERENCE_DEPTH {
            self.report(
                Diagnostic::warning(
                    "eval-limit",
                    format!("references nest more than {MAX_REFERENCE_DEPTH} deep (locals built from locals ...); the value is unknown"),
                )
                .at(span),
            );
            return false;
        }
        self.ctx.ref_depth.set(depth + 1);
        true
    }

    pub(super) fn expansion(
        &self,
        body: &Body,
        ev: &Evaluator<'_>,
        scope: &Scope<'_>,
        what: &str,
    ) -> Expand {
        let limit = self.ctx.opts.limits.expansion;
        if let Some(c) = body.attribute("count") {
            let v = ev.eval(&c.expr, scope);
            if !v.is_known() {
                self.report(
                    Diagnostic::note("unknown-count", format!("`count` of {what} is known only after apply; it is checked as one instance with unknown index"))
                        .at(c.expr.span),
                );
                return Expand::Unknown;
            }
            let n = match v.as_number() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 => n as usize,
                _ => {
                    ev.error(
                        c.expr.span,
                        "eval-error",
                        format!("`count` must be a whole number, got {}", v.display()),
                    );
                    return Expand::Unknown;
                }
            };
            if n > limit {
                self.report(
                    Diagnostic::warning("eval-limit", format!("`count` of {n} exceeds the limit of {limit} instances; checked as one instance with unknown index"))
                        .at(c.expr.span),
                );
                return Expand::Unknown;
            }
            return Expand::Keys(
                (0..n)
                    .map(|i| Expansion {
                        key: InstanceKey::Index(i),
                        names: vec![(
                            Arc::from("count"),
                            obj([("index", Value::number(i as f64))]),
                        )],
                    })
                    .collect(),
            );
        }
        if let Some(fe) = body.attribute("for_each") {
            let v = ev.eval(&fe.expr, scope);
            let pairs: Vec<(Arc<str>, Value)> = match &v.kind {
                Kind::Object(map) => map.iter().map(|(k, x)| (k.clone(), x.clone())).collect(),
                Kind::List(items) => {
                    let mut keys: Vec<(Arc<str>, Value)> = Vec::with_capacity(items.len());
                    for it in items.iter() {
                        match it.as_str() {
                            Some(s) => keys.push((Arc::from(s), it.clone())),
                            None if !it.is_known() => return self.unknown_each(fe, what),
                            None => {
                                ev.error(
                                    fe.expr.span,
                                    "eval-error",
                                    "`for_each` over a list needs strings (use toset or a map)",
                                );
                                return Expand::Unknown;
                            }
                        }
                    }
                    keys.sort_by(|a, b| a.0.cmp(&b.0));
                    keys.dedup_by(|a, b| a.0 == b.0);
                    keys
                }
                Kind::Unknown(_) => return self.unknown_each(fe, what),
                _ => {
                    ev.error(
                        fe.expr.span,
                        "eval-error",
                        format!(
                            "`for_each` needs a map or a set of strings, got {}",
                            v.type_name()
                        ),
                    );
                    return Expand::Unknown;
                }
            };
            if pairs.len() > limit {
                self.report(
                    Diagnostic::warning("eval-limit", format!("`for_each` over {} elements exceeds the limit of {limit} instances; checked as one instance with unknown key", pairs.len()))
                        .at(fe.expr.span),
                );
                return Expand::Unknown;
            }
            return Expand::Keys(
                pairs
                    .into_iter()
                    .map(|(k, x)| Expansion {
                        key: InstanceKey::Name(k.clone()),
                        names: vec![(
                            Arc::from("each"),
                            obj([("key", Value::string(k)), ("value", x)]),
                        )],
                    })
                    .collect(),
            );
        }
        Expand::Single
    }

    pub(super) fn unknown_each(&self, fe: &Attribute, what: &str) -> Expand {
        self.report(
            Diagnostic::note("unknown-for-each", format!("`for_each` of {what} is known only after apply; it is checked as one instance with unknown key"))
                .at(fe.expr.span),
        );
        Expand::Unknown
    }

    pub(super) fn unknown_bindings() -> Vec<(Arc<str>, Value)> {
        vec![
            (
                Arc::from("count"),
                obj([(
                    "index",
                    Value::unknown_set("count.index known only after apply"),
                )]),
            ),
            (
                Arc::from("each"),
                obj([
                    ("key", Value::unknown_set("each.key known only after apply")),
                    ("value", Value::unknown("each.value known only after apply")),
                ]),
            ),
        ]
    }

    pub(super) fn emit_resource(&self, block: &Block) {
        let [ty, name] = block.labels.as_slice() else {
            return;
        };
        let ev = self.evaluator();
        let root = Scope::root();
        let mut resource_address =
            String::with_capacity(self.addr.len() + ty.len() + name.len() + 2);
        if !self.addr.is_empty() {
            resource_address.push_str(&self.addr);
            resource_address.push('.');
        }
        let local_start = resource_address.len();
        resource_address.push_str(ty);
        resource_address.push('.');
        resource_address.push_str(name);
        let what = &resource_address[local_start..];
        let (expansions, unknown) = match self.expansion(&block.body, &ev, &root, what) {
            Expand::Single => (
                vec![Expansion {
                    key: InstanceKey::None,
                    names: Vec::new(),
                }],
                false,
            ),
            Expand::Keys(k) => (k, false),
            Expand::Unknown => (
                vec![Expansion {
                    key: InstanceKey::None,
                    names: Self::unknown_bindings(),
                }],
                true,
            ),
        };
        for x in expansions {
            if !self.admit_instance(block.header, false) {
                return;
            }
            let scope = root.child(x.names);
            let mut spans = self.ctx.span_buffers.take();
            let values = self.eval_body(&block.body, &ev, &scope, &mut spans, true);
            let attribute_spans = spans.take_spans();
            self.ctx.span_buffers.set(spans);
            self.ctx.instances.borrow_mut().push(Instance {
                address: match &x.key {
                    InstanceKey::None => resource_address.clone(),
                    key => resource_address.clone() + &instance_key(key),
                },
                root: self.ctx.root.clone(),
                module: self.addr.clone(),
                resource_address: resource_address.clone(),
                mode: ResourceMode::Managed,
                resource_type: ty.clone(),
                name: name.clone(),
                values: Value::object(values),
                header: block.header,
                attribute_spans,
                via: self.via.clone(),
                expansion_unknown: unknown,
                plan_file: None,
            });
        }
    }

    /// Evaluates a resource body: attributes to values, nested blocks (and dynamic blocks,
    /// expanded) to lists of objects under the block name. Records attribute spans by path.
    pub(super) fn eval_body(
        &self,
        body: &Body,
        ev: &Evaluator<'_>,
        scope: &Scope<'_>,
        spans: &mut SpanRecorder,
        top: bool,
    ) -> Map {
        let mut map = Map::new();
        for a in &body.attributes {
            if top && matches!(&*a.name, "count" | "for_each" | "provider" | "depends_on") {
                continue;
            }
            let v = ev.eval(&a.expr, scope);
            spans.record(&a.name, a.span);
            map.insert(a.name.clone(), v);
        }
        let mut lists: BTreeMap<Arc<str>, Vec<Value>> = BTreeMap::new();
        for b in &body.blocks {
            if top && matches!(&*b.kind, "lifecycle" | "provisioner" | "connection") {
                continue;
            }
            if &*b.kind == "dynamic" {
                self.expand_dynamic(b, ev, scope, spans, &mut lists);
                continue;
            }
            let list = lists.entry(b.kind.clone()).or_default();
            spans.record_element(&b.kind, list.len(), b.header);
            let mark = spans.enter(&b.kind, list.len());
            let inner = self.eval_body(&b.body, ev, scope, spans, false);
            spans.leave(mark);
            list.push(Value::object(inner).with_span(b.span));
        }
        for (k, v) in lists {
            map.insert(k, Value::list(v));
        }
        map
    }

    pub(super) fn expand_dynamic(
        &self,
        b: &Block,
        ev: &Evaluator<'_>,
        scope: &Scope<'_>,
        spans: &mut SpanRecorder,
        lists: &mut BTreeMap<Arc<str>, Vec<Value>>,
    ) {
        let Some(kind) = b.labels.first() else { return };
        let Some(content) = b.body.blocks_of("content").next() else {
            return;
        };
        let iterator: Arc<str> = b
            .body
            .attribute("iterator")
            .and_then(|a| match &a.expr.kind {
                ExprKind::Variable(n) => Some(n.clone()),
                _ => None,
            })
            .unwrap_or_else(|| kind.clone());
        let coll = b
            .body
            .attribute("for_each")
            .map(|a| ev.eval(&a.expr, scope))
            .unwrap_or_else(|| Value::unknown("dynamic block without for_each"));
        let items: Vec<(Value, Value)> = match &coll.kind {
            Kind::List(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Value::number(i as f64), v.clone()))
                .collect(),
            Kind::Object(m) => m
                .iter()
                .map(|(k, v)| (Value::string(k.clone()), v.clone()))
                .collect(),
            Kind::Null => Vec::new(),
            _ => {
                // An unknown collection leaves the block unknown: rules over it say "unknown".
                let list = lists.entry(kind.clone()).or_default();
                spans.record_element(kind, list.len(), b.header);
                list.push(
                    Value::unknown("dynamic block content known only after apply")
                        .with_span(b.span),
                );
                return;
            }
        };
        if items.len() > self.ctx.opts.limits.expansion {
            self.report(
                Diagnostic::warning(
                    "eval-limit",
                    "dynamic block expands beyond the instance limit; treated as unknown",
                )
                .at(b.header),
            );
            lists
                .entry(kind.clone())
                .or_default()
                .push(Value::unknown("dynamic block too large"));
            return;
        }
        for (k, v) in items {
            let it = obj([("key", k), ("value", v)]);
            let inner_scope = scope.child(vec![(iterator.clone(), it)]);
            let list = lists.entry(kind.clone()).or_default();
            let index = list.len();
            spans.record_element(kind, index, content.header);
            let mark = spans.enter(kind, index);
            let inner = self.eval_body(&content.body, ev, &inner_scope, spans, false);
            spans.leave(mark);
            lists
                .entry(kind.clone())
                .or_default()
                .push(Value::object(inner).with_span(content.span));
        }
    }

    /// Value of `module.NAME`: an object of outputs, or a list/map of them for count/for_each.
    pub(super) fn module_value(&self, name: &str) -> Value {
        let Some(call) = self.def.calls.get(name) else {
            return Value::unknown(format!("module `{name}` is not called here"));
        };
        self.memoised(
            &self.calls,
            Arc::from(name),
            call.header,
            || {
                Diagnostic::error(
                    "eval-cycle",
                    format!("module `{name}` depends on its own outputs"),
                )
                .at(call.header)
            },
            || self.call_module(name, call),
        )
    }

    pub(super) fn call_module(&self, name: &str, call: &Block) -> Value {
        let Some(dir) =
            local_source(&self.def.dir, call).or_else(|| self.installed_module(name, call))
        else {
            self.report(
                Diagnostic::note("remote-module", format!("module `{name}` comes from a registry or remote source that `terraform init` has not downloaded, so its resources went unchecked and its outputs are unknown: run `terraform init` (or `tofu init`) before the scan to check them"))
                    .at(call.header),
            );
            return Value::unknown(format!("outputs of remote module `{name}`"));
        };
        let Some(child_def) = self.ctx.modules.module(&dir) else {
            self.report(
                Diagnostic::error(
                    "module-not-found",
                    format!(
                        "module `{name}`: no Terraform files found at {}",
                        display_file_path(&dir)
                    ),
                )
                .at(call.header),
            );
            return Value::unknown(format!("outputs of missing module `{name}`"));
        };
        if self.stack.contains(&dir) || self.stack.len() >= self.ctx.opts.limits.module_depth {
            self.report(
                Diagnostic::error("module-cycle", format!("module `{name}` calls {} which is already being evaluated (a module cannot contain itself)", display_file_path(&dir)))
                    .at(call.header),
            );
            return Value::unknown(format!("outputs of recursive module `{name}`"));
        }
        let ev = self.evaluator();
        let root = Scope::root();
        let what = format!("module.{name}");
        let (expansions, unknown, keyed) = match self.expansion(&call.body, &ev, &root, &what) {
            Expand::Single => (
                vec![Expansion {
                    key: InstanceKey::None,
                    names: Vec::new(),
                }],
                false,
                None,
            ),
            Expand::Keys(k) => {
                let keyed = call.body.attribute("count").is_some();
                (k, false, Some(keyed))
            }
            Expand::Unknown => (
                vec![Expansion {
                    key: InstanceKey::None,
                    names: Self::unknown_bindings(),
                }],
                true,
                None,
            ),
        };
        let mut outputs: Vec<(InstanceKey, Value)> = Vec::new();
        for x in expansions {
            if !self.admit_instance(call.header, true) {
                return Value::unknown(format!(
                    "outputs of module `{name}`: not evaluated past the root's instance bound"
                ));
            }
            let scope = root.child(x.names);
            let vars = self.module_inputs(name, call, &child_def, &ev, &scope);
            let addr = format!("{}module.{name}{}", self.prefix(), instance_key(&x.key));
            let mut via = self.via.clone();
            via.push((addr.clone(), call.header));
            let mut stack = self.stack.clone();
            stack.push(dir.clone());
            let child = ModInst::new(self.ctx, child_def.clone(), addr, via, vars, stack);
            child.evaluate_all();
            outputs.push((x.key, child.outputs()));
        }
        if unknown {
            return Value::unknown(format!(
                "outputs of module `{name}` with unknown count/for_each"
            ));
        }
        match keyed {
            None => outputs.pop().map(|(_, v)| v).unwrap_or_default(),
            Some(true) => Value::list(outputs.into_iter().map(|(_, v)| v).collect()),
            Some(false) => Value::object(
                outputs
                    .into_iter()
                    .filter_map(|(k, v)| match k {
                        InstanceKey::Name(n) => Some((n, v)),
                        _ => None,
                    })
                    .collect(),
            ),
        }
    }

    /// The variables of `child_def` as module call `name` (`call`) sets them in one of its
    /// instances (`scope`): each argument converted to its variable's declared type as
    /// Terraform converts it (or unknown, with an error at the argument, when it does not
    /// convert), the defaults of the others.
    fn module_inputs(
        &self,
        name: &str,
        call: &Block,
        child_def: &ModuleDef,
        ev: &Evaluator<'_>,
        scope: &Scope<'_>,
    ) -> HashMap<Arc<str>, Value> {
        let report = |d: Diagnostic| self.report(d);
        let mut inputs: HashMap<Arc<str>, Value> = HashMap::new();
        for a in &call.body.attributes {
            if matches!(
                &*a.name,
                "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
            ) {
                continue;
            }
            match child_def.variables.get(&a.name) {
                Some(declared) => {
                    let v = ev.eval(&a.expr, scope);
                    let origin = format!("given by module `{name}`");
                    let v = convert_input(&a.name, declared, v, a.span, &origin, &report);
                    inputs.insert(a.name.clone(), v);
                }
                None => self.report(
                    Diagnostic::warning(
                        "unknown-argument",
                        format!("module `{name}` has no variable `{}`", a.name),
                    )
                    .at(a.span),
                ),
            }
        }
        for (vname, vblock) in &child_def.variables {
            if !inputs.contains_key(vname) {
                if let Some(d) = vblock.body.attribute("default") {
                    inputs.insert(
                        vname.clone(),
                        constant_or_unknown(&d.expr, "a variable default", &report),
                    );
                }
            }
        }
        finish_variables(child_def, inputs)
    }

    /// A registry or remote module that `terraform init` downloaded: its directory from the
    /// root module's `.terraform/modules/modules.json`, keyed by the call path (`a.b`).
    pub(super) fn installed_module(&self, name: &str, call: &Block) -> Option<PathBuf> {
        let root = self.stack.first()?;
        let manifest = self
            .ctx
            .manifest
            .get_or_init(|| read_manifest(root, call.header, &|d| self.report(d)));
        let mut key: Vec<&str> = self
            .addr
            .split("module.")
            .filter(|s| !s.is_empty())
            .map(|s| s.split(['[', '.']).next().unwrap_or(s))
            .collect();
        key.push(name);
        let dir = manifest.get(&key.join("."))?;
        let dir = normalize(&root.join(dir));
        self.ctx.modules.module(&dir).map(|_| dir)
    }

    pub(super) fn outputs(&self) -> Value {
        let ev = self.evaluator();
        let root = Scope::root();
        let mut map = Map::new();
        for (name, block) in &self.def.outputs {
            let Some(value) = block.body.attribute("value") else {
                continue;
            };
            let sensitive = block
                .body
                .attribute("sensitive")
                .is_some_and(|a| matches!(a.expr.kind, ExprKind::Bool(true)));
            map.insert(
                name.clone(),
                ev.eval(&value.expr, &root).mark_sensitive(sensitive),
            );
        }
        Value::object(map)
    }

    pub(super) fn data_value(&self, ty: &Arc<str>, name: &Arc<str>, block: &Block) -> Value {
        self.memoised(
            &self.data,
            (ty.clone(), name.clone()),
            block.header,
            || {
                Diagnostic::error("eval-cycle", format!("data.{ty}.{name} depends on itself"))
                    .at(block.header)
            },
            || self.read_data(ty, name, block),
        )
    }

    /// A data source's value: its arguments, and for `aws_iam_policy_document` the rendered
    /// policy. Other computed attributes stay unknown.
    pub(super) fn read_data(&self, ty: &Arc<str>, name: &Arc<str>, block: &Block) -> Value {
        if block.body.attribute("count").is_some() || block.body.attribute("for_each").is_some() {
            return Value::unknown(format!(
                "data.{ty}.{name} with count/for_each is read at apply time"
            ));
        }
        let ev = self.evaluator();
        // A data source keeps no spans; the buffers are borrowed and emptied.
        let mut spans = self.ctx.span_buffers.take();
        let mut body = self.eval_body(&block.body, &ev, &Scope::root(), &mut spans, true);
        spans.clear();
        self.ctx.span_buffers.set(spans);
        if &**ty == "aws_iam_policy_document" {
            let rendered =
                policy_document::render(&Value::object(body.clone())).with_span(block.span);
            body.insert(Arc::from("json"), rendered.clone());
            body.insert(Arc::from("minified_json"), rendered);
        }
        Value::object(body.into_open())
    }

    /// `TYPE.NAME[KEY].ATTR`: known only after apply, certainly set for `id`/`arn` and for
    /// arguments the configuration sets, and remembered as a reference to that resource.
    pub(super) fn resource_ref(
        &self,
        ty: &Arc<str>,
        name: &Arc<str>,
        block: &Block,
        ops: &[Traverse],
        ev: &Evaluator<'_>,
        scope: &Scope<'_>,
    ) -> (Value, usize) {
        let mut used = 1;
        let mut addr = format!("{}{ty}.{name}", self.prefix());
        let expanded =
            block.body.attribute("count").is_some() || block.body.attribute("for_each").is_some();
        if expanded {
            match ops.get(1) {
                Some(Traverse::Index(ix)) => {
                    let k = ev.eval(ix, scope);
                    if let Some(n) = k.as_number().filter(|_| k.as_str().is_none()) {
                        addr.push_str(&instance_key(&InstanceKey::Index(n.max(0.0) as usize)));
                    } else if let Some(s) = k.as_str() {
                        addr.push_str(&instance_key(&InstanceKey::Name(Arc::from(s))));
                    }
                    used = 2;
                }
                _ => {
                    return (
                        Value::unknown_ref(
                            format!("{addr} is known only after apply"),
                            true,
                            vec![Arc::from(addr.as_str())],
                        ),
                        1,
                    );
                }
            }
        }
        match ops.get(used) {
            Some(Traverse::Attr(attr)) => {
                let configured = block
                    .body
                    .attribute(attr)
                    .is_some_and(|a| !matches!(a.expr.kind, ExprKind::Null));
                // Identifiers every provider sets on create (a Google service account's
                // `email`, a KMS key's `key_id`): a reference to one is certainly set.
                let non_null = configured
                    || matches!(
                        &**attr,
                        "id" | "arn" | "name" | "email" | "self_link" | "unique_id" | "key_id"
                    );
                let v = Value::unknown_ref(
                    format!("{addr}.{attr} is known only after apply"),
                    non_null,
                    vec![Arc::from(addr.as_str())],
                );
                (v, used + 1)
            }
            _ => (
                Value::unknown_ref(
                    format!("{addr} is known only after apply"),
                    true,
                    vec![Arc::from(addr.as_str())],
                ),
                used,
            ),
        }
    }
}

pub(super) fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::object(pairs.into_iter().map(|(k, v)| (Arc::from(k), v)).collect())
}

pub(super) fn attr_name(ops: &[Traverse], i: usize) -> Option<&Arc<str>> {
    match ops.get(i) {
        Some(Traverse::Attr(a)) => Some(a),
        _ => None,
    }
}
