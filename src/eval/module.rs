//! Module instances: evaluate each module instance (root or called) of the directories `load`
//! gathered into resource instances. Locals, module calls and
//! data sources are evaluated on demand and memoised, so dependencies resolve in graph order
//! and a cycle is met, reported and broken instead of looping.

use super::expr::{constant_or_unknown, Env, Evaluator, Scope};
use super::inputs::{self, parse_cli_value};
use super::{data_source, policy_document, EvalOptions};
use crate::diag::Diagnostic;
use crate::load::ast::{Attribute, Block, Body, Expr, ExprKind, Traverse};
use crate::load::module_def::{ModuleDef, ModuleSource};
use crate::load::module_graph::local_source;
use crate::load::VarValue;
use crate::model::{instance_key, Instance, InstanceKey, ResourceMode, SpanRecorder};
use crate::source::{normalize, Span};
use crate::value::{Kind, Map, Value};
use foldhash::{HashMap, HashMapExt};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// How deeply locals, data sources and module outputs may be built from one another.
const MAX_REFERENCE_DEPTH: usize = 128;

/// Evaluation steps one module instance costs besides its expressions, so fan-out through
/// modules that hold little spends the budget too.
const MODULE_INSTANCE_STEPS: u64 = 100;

/// State shared by every module instance of one root evaluation.
struct Ctx<'a> {
    root: Arc<str>,
    /// The root module's directory: where Terraform would run, so `path.root` and the base of
    /// `path.module` and of relative file paths.
    working_dir: PathBuf,
    /// Canonical directory `file()` may read below: the sandbox root of the scan path holding
    /// this root module.
    sandbox: Option<PathBuf>,
    /// Module and resource instances created so far, against `Limits::instances`.
    instance_count: Cell<usize>,
    /// Whether the instance bound or the budget has cut evaluation (reported once per root).
    cut: Cell<bool>,
    /// Module directories by call path from `.terraform/modules/modules.json`, read once.
    manifest: std::cell::OnceCell<HashMap<String, String>>,
    /// Contents of the files read so far, so messages never quote them.
    file_texts: RefCell<Vec<Arc<str>>>,
    /// Locals, data sources and module calls being evaluated inside one another.
    ref_depth: Cell<usize>,
    modules: &'a dyn ModuleSource,
    opts: &'a EvalOptions,
    diags: RefCell<Vec<Diagnostic>>,
    steps: Cell<u64>,
    instances: RefCell<Vec<Instance>>,
    /// Buffers for recording attribute spans, reused from instance to instance. Taken while
    /// in use: an instance evaluated meanwhile (through a module output) gets fresh ones.
    span_buffers: Cell<SpanRecorder>,
}

enum Slot {
    InProgress,
    Done(Value),
}

struct ModInst<'a> {
    ctx: &'a Ctx<'a>,
    def: Arc<ModuleDef>,
    /// Module address (`""` for the root, `module.a["x"].module.b`).
    addr: String,
    via: Vec<(String, Span)>,
    vars: HashMap<Arc<str>, Value>,
    /// Directories of the calls that led here, to catch a module that calls itself.
    stack: Vec<PathBuf>,
    locals: RefCell<HashMap<Arc<str>, Slot>>,
    calls: RefCell<HashMap<Arc<str>, Slot>>,
    data: RefCell<HashMap<(Arc<str>, Arc<str>), Slot>>,
}

/// Evaluates `def` as a root module, and every module it calls.
pub fn evaluate_root(
    def: &Arc<ModuleDef>,
    modules: &dyn ModuleSource,
    opts: &EvalOptions,
) -> (Vec<Instance>, Vec<Diagnostic>) {
    let ctx = Ctx {
        root: Arc::from(crate::source::display_file_path(&def.dir).as_str()),
        working_dir: if def.dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            def.dir.clone()
        },
        sandbox: sandbox_for(&def.dir, &opts.sandbox_roots),
        file_texts: RefCell::new(Vec::new()),
        manifest: std::cell::OnceCell::new(),
        instance_count: Cell::new(0),
        cut: Cell::new(false),
        ref_depth: Cell::new(0),
        modules,
        opts,
        diags: RefCell::new(Vec::new()),
        steps: Cell::new(0),
        instances: RefCell::new(Vec::new()),
        span_buffers: Cell::new(SpanRecorder::default()),
    };
    let vars = root_variables(def, opts, &|d| ctx.diags.borrow_mut().push(d));
    let root = ModInst::new(
        &ctx,
        def.clone(),
        String::new(),
        Vec::new(),
        vars,
        vec![def.dir.clone()],
    );
    root.evaluate_all();
    drop(root);
    let mut diags = ctx.diags.into_inner();
    diags.extend(def.duplicates.iter().cloned());
    (ctx.instances.into_inner(), diags)
}

/// The module directories `terraform init` recorded for root `root`, by call path: empty
/// when there is no manifest. A manifest that cannot be used (too large, not a regular file,
/// not JSON) is reported at `at`, the first call that needed it.
fn read_manifest(root: &Path, at: Span, report: &dyn Fn(Diagnostic)) -> HashMap<String, String> {
    let path = root.join(".terraform/modules/modules.json");
    let mut dirs = HashMap::new();
    if !path.exists() {
        return dirs;
    }
    let shown = crate::source::display_file_path(&path);
    let text =
        match crate::load::regular_file::read_regular_text(&path, crate::load::MAX_FILE_BYTES) {
            Ok(t) => t,
            Err(e) => {
                report(
                    Diagnostic::warning(
                        "module-manifest",
                        format!("{shown} was not read: {e}; downloaded modules are not evaluated"),
                    )
                    .at(at),
                );
                return dirs;
            }
        };
    let entries = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|doc| doc.get("Modules")?.as_array().cloned());
    let Some(entries) = entries else {
        report(
            Diagnostic::warning(
                "module-manifest",
                format!("{shown} is not a module manifest; downloaded modules are not evaluated"),
            )
            .at(at),
        );
        return dirs;
    };
    for m in entries {
        if let (Some(k), Some(d)) = (
            m.get("Key").and_then(|k| k.as_str()),
            m.get("Dir").and_then(|d| d.as_str()),
        ) {
            dirs.entry(k.to_string()).or_insert_with(|| d.to_string());
        }
    }
    dirs
}

/// The sandbox of the scan path a root module lies in: the deepest of `roots` (canonical) that
/// holds the module's directory. None (no file access) when none does.
fn sandbox_for(dir: &Path, roots: &[PathBuf]) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let real = dir.canonicalize().ok()?;
    roots
        .iter()
        .filter(|r| real.starts_with(r))
        .max_by_key(|r| r.components().count())
        .cloned()
}

/// `target` relative to `base`, both as the scan names them, with `/` separators: what
/// Terraform gives as `path.module` when it runs in `base`. `.` when they are the same.
fn relative_path(base: &Path, target: &Path) -> String {
    let absolute = |p: &Path| {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        normalize(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    let (base, target) = (absolute(base), absolute(target));
    let b: Vec<Component> = base.components().collect();
    let t: Vec<Component> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// `path.cwd`: the absolute path of the directory Terraform would run in, `/`-separated.
fn absolute_display(dir: &Path) -> String {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let abs = dir
        .canonicalize()
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    abs.to_string_lossy().replace('\\', "/")
}

fn root_variables(
    def: &ModuleDef,
    opts: &EvalOptions,
    report: &dyn Fn(Diagnostic),
) -> HashMap<Arc<str>, Value> {
    let mut values: HashMap<Arc<str>, Value> = HashMap::new();
    for (name, block) in &def.variables {
        if let Some(d) = block.body.attribute("default") {
            values.insert(
                name.clone(),
                constant_or_unknown(&d.expr, "a variable default", report),
            );
        }
    }
    let string_typed = |name: &str| {
        def.variables
            .get(name)
            .and_then(|b| b.body.attribute("type"))
            .is_some_and(|t| matches!(&t.expr.kind, ExprKind::Variable(v) if &**v == "string"))
    };
    // Terraform converts each input to the declared type, or refuses to plan: here the value
    // is then unknown, with an error where it was set.
    let typed = |name: &str, v: Value, at: Option<Span>, origin: &str| -> Value {
        let Some(block) = def.variables.get(name) else {
            return v;
        };
        let Some(ty) = block.body.attribute("type") else {
            return v;
        };
        // A value from the environment or the command line is in no file: report it at the
        // declaration.
        let at = at.unwrap_or(block.header);
        match inputs::convert_to_type(v, &ty.expr) {
            Ok(v) => v,
            Err(why) => {
                let d = Diagnostic::error(
                    "variable-type",
                    format!("variable `{name}`: the value {origin} does not have its declared type ({why}); it is treated as unknown"),
                );
                report(d.at(at));
                Value::unknown(format!(
                    "variable `{name}` was given a value of the wrong type"
                ))
                .with_span(at)
            }
        }
    };
    for (name, text) in &opts.env_vars {
        if def.variables.contains_key(name.as_str()) {
            let v = parse_cli_value(text, string_typed(name));
            let v = typed(name, v, None, &format!("of TF_VAR_{name}"));
            values.insert(Arc::from(name.as_str()), v);
        }
    }
    let auto_loaded = def.vars_files.iter().map(|(_, a)| (a.as_slice(), true));
    let named = opts.var_files.iter().map(|a| (&a[..], false));
    for (assignments, auto) in auto_loaded.chain(named) {
        for a in assignments {
            if !def.variables.contains_key(&a.name) {
                // Terraform warns about values for undeclared variables in files it loads
                // itself; a file named with --var-file may serve several roots.
                if auto {
                    report(
                        Diagnostic::warning(
                            "undeclared-variable",
                            format!("a value is assigned to variable `{}`, which this root module does not declare; Terraform ignores it", a.name),
                        )
                        .at(a.span),
                    );
                }
                continue;
            }
            let v = match &a.value {
                VarValue::Expr(e) => constant_or_unknown(e, "a variables file value", report),
                VarValue::Value(v) => v.clone(),
            };
            let v = typed(&a.name, v, Some(a.span), "set here");
            values.insert(a.name.clone(), v);
        }
    }
    for cv in &opts.vars {
        if def.variables.contains_key(cv.name.as_str()) {
            let v = parse_cli_value(&cv.value, string_typed(&cv.name));
            let v = typed(&cv.name, v, None, &format!("of --var {}", cv.name));
            values.insert(Arc::from(cv.name.as_str()), v);
        }
    }
    finish_variables(def, values)
}

/// Marks sensitive variables and gives unset ones an unknown value.
fn finish_variables(
    def: &ModuleDef,
    mut values: HashMap<Arc<str>, Value>,
) -> HashMap<Arc<str>, Value> {
    for (name, block) in &def.variables {
        let sensitive = block
            .body
            .attribute("sensitive")
            .is_some_and(|a| matches!(a.expr.kind, ExprKind::Bool(true)));
        // A variable without a value is required: Terraform refuses to plan until it gets
        // one, and treats null as no value unless the variable says `nullable = true`. So it
        // is unknown but certainly set.
        let nullable = block
            .body
            .attribute("nullable")
            .is_some_and(|a| matches!(a.expr.kind, ExprKind::Bool(true)));
        // onus does not convert values to the declared type, and a type with `optional(...)`
        // attributes fills the missing ones with null or a default: reading them is not the
        // error it is on other objects, so the value's objects are left open (unknown when a
        // key is missing).
        let optional_attrs = block
            .body
            .attribute("type")
            .is_some_and(|a| mentions_optional(&a.expr));
        let values_entry =
            values
                .remove(name)
                .map(|v| if optional_attrs { open_objects(v) } else { v });
        let v = values_entry.unwrap_or_else(|| {
            let why = format!("variable `{name}` has no value");
            if nullable {
                Value::unknown(why)
            } else {
                Value::unknown_set(why)
            }
            .with_span(block.header)
        });
        values.insert(name.clone(), v.mark_sensitive(sensitive));
    }
    values
}

/// One expansion of a `count`/`for_each` block.
struct Expansion {
    key: InstanceKey,
    names: Vec<(Arc<str>, Value)>,
}

enum Expand {
    Single,
    Keys(Vec<Expansion>),
    Unknown,
}

impl<'a> ModInst<'a> {
    fn new(
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

    fn evaluator(&self) -> Evaluator<'_> {
        Evaluator::new(self, self.ctx.opts.limits.expr_depth)
    }

    fn prefix(&self) -> String {
        if self.addr.is_empty() {
            String::new()
        } else {
            format!("{}.", self.addr)
        }
    }

    /// Counts one more module or resource instance of this root: false (the instance is not
    /// evaluated) once the root's instance bound or evaluation budget is spent, reported once
    /// per root at `at`, the block whose expansion was cut.
    fn admit_instance(&self, at: Span, module: bool) -> bool {
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

    fn evaluate_all(&self) {
        for name in self.def.calls.keys() {
            self.module_value(name);
        }
        for block in &self.def.resources {
            self.emit_resource(block);
        }
    }

    fn local(&self, name: &str, span: Span) -> Value {
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
    fn memoised<K: Eq + std::hash::Hash + Clone>(
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
    fn enter_reference(&self, span: Span) -> bool {
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

    fn expansion(&self, body: &Body, ev: &Evaluator<'_>, scope: &Scope<'_>, what: &str) -> Expand {
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

    fn unknown_each(&self, fe: &Attribute, what: &str) -> Expand {
        self.report(
            Diagnostic::note("unknown-for-each", format!("`for_each` of {what} is known only after apply; it is checked as one instance with unknown key"))
                .at(fe.expr.span),
        );
        Expand::Unknown
    }

    fn unknown_bindings() -> Vec<(Arc<str>, Value)> {
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

    fn emit_resource(&self, block: &Block) {
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
    fn eval_body(
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

    fn expand_dynamic(
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
    fn module_value(&self, name: &str) -> Value {
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

    fn call_module(&self, name: &str, call: &Block) -> Value {
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
                        dir.display()
                    ),
                )
                .at(call.header),
            );
            return Value::unknown(format!("outputs of missing module `{name}`"));
        };
        if self.stack.contains(&dir) || self.stack.len() >= self.ctx.opts.limits.module_depth {
            self.report(
                Diagnostic::error("module-cycle", format!("module `{name}` calls {} which is already being evaluated (a module cannot contain itself)", dir.display()))
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
            let mut inputs: HashMap<Arc<str>, Value> = HashMap::new();
            for a in &call.body.attributes {
                if matches!(
                    &*a.name,
                    "source" | "version" | "count" | "for_each" | "providers" | "depends_on"
                ) {
                    continue;
                }
                if child_def.variables.contains_key(&a.name) {
                    inputs.insert(a.name.clone(), ev.eval(&a.expr, &scope));
                } else {
                    self.report(
                        Diagnostic::warning(
                            "unknown-argument",
                            format!("module `{name}` has no variable `{}`", a.name),
                        )
                        .at(a.span),
                    );
                }
            }
            for (vname, vblock) in &child_def.variables {
                if !inputs.contains_key(vname) {
                    if let Some(d) = vblock.body.attribute("default") {
                        let report = |d: Diagnostic| self.report(d);
                        inputs.insert(
                            vname.clone(),
                            constant_or_unknown(&d.expr, "a variable default", &report),
                        );
                    }
                }
            }
            let vars = finish_variables(&child_def, inputs);
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

    /// A registry or remote module that `terraform init` downloaded: its directory from the
    /// root module's `.terraform/modules/modules.json`, keyed by the call path (`a.b`).
    fn installed_module(&self, name: &str, call: &Block) -> Option<PathBuf> {
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

    fn outputs(&self) -> Value {
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

    fn data_value(&self, ty: &Arc<str>, name: &Arc<str>, block: &Block) -> Value {
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
    fn read_data(&self, ty: &Arc<str>, name: &Arc<str>, block: &Block) -> Value {
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
    fn resource_ref(
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

/// Whether a type expression uses `optional(...)` anywhere.
fn mentions_optional(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { name, args, .. } => {
            name.as_ref() == "optional" || args.iter().any(mentions_optional)
        }
        ExprKind::Object(items) => items.iter().any(|(_, v)| mentions_optional(v)),
        ExprKind::Tuple(items) => items.iter().any(mentions_optional),
        _ => false,
    }
}

/// Most values nodes [`open_objects`] rebuilds; past it the value is left unknown.
const OPEN_OBJECTS_MAX_NODES: usize = 100_000;

/// The value with every object in it marked open ([`Map::into_open`]).
fn open_objects(v: Value) -> Value {
    fn walk(v: &Value, budget: &mut usize) -> Option<Value> {
        *budget = budget.checked_sub(1)?;
        let rebuilt = match &v.kind {
            Kind::Object(map) => {
                let mut out = Map::new();
                for (k, x) in map.iter() {
                    out.insert(k.clone(), walk(x, budget)?);
                }
                Value::object(out.into_open())
            }
            Kind::List(items) => Value::list(
                items
                    .iter()
                    .map(|x| walk(x, budget))
                    .collect::<Option<_>>()?,
            ),
            _ => return Some(v.clone()),
        };
        let rebuilt = rebuilt.mark_sensitive(v.sensitive);
        Some(match v.span {
            Some(s) => rebuilt.with_span(s),
            None => rebuilt,
        })
    }
    let mut budget = OPEN_OBJECTS_MAX_NODES;
    walk(&v, &mut budget).unwrap_or_else(|| {
        Value::unknown("value too large to check against its type's optional attributes")
    })
}

fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::object(pairs.into_iter().map(|(k, v)| (Arc::from(k), v)).collect())
}

fn attr_name(ops: &[Traverse], i: usize) -> Option<&Arc<str>> {
    match ops.get(i) {
        Some(Traverse::Attr(a)) => Some(a),
        _ => None,
    }
}

impl Env for ModInst<'_> {
    fn resolve(
        &self,
        name: &str,
        ops: &[Traverse],
        ev: &Evaluator<'_>,
        scope: &Scope<'_>,
        span: Span,
    ) -> Option<(Value, usize)> {
        match name {
            "var" => {
                let a = attr_name(ops, 0)?;
                Some(match self.vars.get(a) {
                    Some(v) => (v.clone(), 1),
                    None => (
                        ev.error(
                            span,
                            "unknown-reference",
                            format!("variable `{a}` is not declared"),
                        ),
                        1,
                    ),
                })
            }
            "local" => {
                let a = attr_name(ops, 0)?;
                Some((self.local(a, span), 1))
            }
            "module" => {
                let a = attr_name(ops, 0)?;
                Some((self.module_value(a), 1))
            }
            "data" => {
                let ty = attr_name(ops, 0)?;
                let n = attr_name(ops, 1)?;
                match self.def.data_index.get(&(ty.clone(), n.clone())) {
                    Some(&i) => Some(data_source::read(
                        self.data_value(ty, n, &self.def.data[i]),
                        format!("{}data.{ty}.{n}", self.prefix()),
                        ops,
                    )),
                    None => Some((
                        ev.error(
                            span,
                            "unknown-reference",
                            format!("data.{ty}.{n} is not declared"),
                        ),
                        2,
                    )),
                }
            }
            "path" => {
                let a = attr_name(ops, 0)?;
                let value = match &**a {
                    "module" => relative_path(&self.ctx.working_dir, &self.def.dir),
                    "root" => ".".to_string(),
                    "cwd" => absolute_display(&self.ctx.working_dir),
                    other => {
                        return Some((
                            ev.error(
                                span,
                                "unknown-reference",
                                format!("path.{other} is not a Terraform path value"),
                            ),
                            1,
                        ))
                    }
                };
                Some((Value::string(value), 1))
            }
            "terraform" => Some((Value::string("default"), 1)),
            "self" => Some((Value::unknown("self is known only after apply"), 0)),
            "count" | "each" => Some((
                ev.error(
                    span,
                    "unknown-reference",
                    format!("`{name}` is only available in blocks with count/for_each"),
                ),
                0,
            )),
            _ => {
                let n = attr_name(ops, 0)?;
                let (ty, nm): (Arc<str>, Arc<str>) = (Arc::from(name), n.clone());
                let &i = self.def.resource_index.get(&(ty.clone(), nm.clone()))?;
                Some(self.resource_ref(&ty, &nm, &self.def.resources[i], ops, ev, scope))
            }
        }
    }

    fn step(&self) -> bool {
        let s = self.ctx.steps.get() + 1;
        self.ctx.steps.set(s);
        s <= self.ctx.opts.limits.steps
    }

    fn report(&self, d: Diagnostic) {
        self.ctx.diags.borrow_mut().push(d);
    }

    fn working_dir(&self) -> &Path {
        &self.ctx.working_dir
    }

    fn sandbox_root(&self) -> Option<&Path> {
        self.ctx.sandbox.as_deref()
    }

    fn spend(&self, units: u64) -> bool {
        let s = self.ctx.steps.get().saturating_add(units);
        self.ctx.steps.set(s);
        s <= self.ctx.opts.limits.steps
    }

    fn first_exhaustion(&self) -> bool {
        !self.ctx.cut.replace(true)
    }

    fn remember_file_text(&self, text: &Arc<str>) {
        self.ctx.file_texts.borrow_mut().push(text.clone());
    }

    fn is_file_text(&self, s: &str) -> bool {
        self.ctx
            .file_texts
            .borrow()
            .iter()
            .any(|text| text.contains(s))
    }
}
