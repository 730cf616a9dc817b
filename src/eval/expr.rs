//! Expression evaluation: operators, conditionals, templates, `for` expressions, splats,
//! indexing, function calls (with `try`/`can`), all over three-valued [`Value`]s. Names
//! outside the local scope (`var`, `local`, resources, modules) are resolved by an [`Env`].

use super::functions::{self, FunctionHost};
use crate::diag::Diagnostic;
use crate::load::ast::*;
use crate::load::hcl;
use crate::source::{FileId, Span};
use crate::value::{Kind, Map, PlainRef, Tri, Value};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What an evaluator needs from the module instance it evaluates in.
pub(super) trait Env {
    /// Resolves a reference whose root name is `name` (not a local binding). Returns the value
    /// and how many of `ops` it consumed, or `None` when the name means nothing here; an
    /// environment without names (a template, a constant) keeps this default.
    fn resolve(
        &self,
        _name: &str,
        _ops: &[Traverse],
        _ev: &Evaluator<'_>,
        _scope: &Scope<'_>,
        _span: Span,
    ) -> Option<(Value, usize)> {
        None
    }
    /// Counts one evaluation step; false once the budget is spent.
    fn step(&self) -> bool;
    /// Spends `units` of the evaluation budget at once (file reads, template parses: work
    /// proportional to their size); false once the budget is spent.
    fn spend(&self, units: u64) -> bool {
        (0..units.max(1)).all(|_| self.step())
    }
    fn report(&self, d: Diagnostic);
    /// The directory Terraform would run in: the root module's. Relative paths given to
    /// `file()` and the like resolve against it, as in Terraform, so `path.module` (which is
    /// relative to it) is resolved exactly once.
    fn working_dir(&self) -> &Path;
    /// The directory `file()` may read below (canonical), `None` when file access is off.
    fn sandbox_root(&self) -> Option<&Path>;
    /// Remembers the contents of a file read through `file()` and the like, so messages
    /// never quote them.
    fn remember_file_text(&self, _text: &Arc<str>) {}
    /// Whether `s` is (part of) the contents of a file read in this evaluation.
    fn is_file_text(&self, _s: &str) -> bool {
        false
    }
    /// Whether this evaluates a template rendered by `templatefile`.
    fn in_template(&self) -> bool {
        false
    }
    /// True the first time the budget's exhaustion is to be reported in this environment (a
    /// root module reports it once, wherever it is met).
    fn first_exhaustion(&self) -> bool {
        true
    }
}

/// Local bindings: `count`, `each`, `for` variables, dynamic block iterators.
pub(super) struct Scope<'p> {
    names: Vec<(Arc<str>, Value)>,
    parent: Option<&'p Scope<'p>>,
}

impl<'p> Scope<'p> {
    pub fn root() -> Scope<'static> {
        Scope {
            names: Vec::new(),
            parent: None,
        }
    }

    pub fn child(&'p self, names: Vec<(Arc<str>, Value)>) -> Scope<'p> {
        Scope {
            names,
            parent: Some(self),
        }
    }

    fn get(&self, name: &str) -> Option<&Value> {
        let mut s = Some(self);
        while let Some(scope) = s {
            if let Some((_, v)) = scope.names.iter().rev().find(|(n, _)| &**n == name) {
                return Some(v);
            }
            s = scope.parent;
        }
        None
    }
}

pub(super) struct Evaluator<'e> {
    pub env: &'e dyn Env,
    depth: Cell<usize>,
    max_depth: usize,
    /// Errors seen so far, so `try`/`can` can tell whether an argument failed.
    errors: Cell<u64>,
    /// While positive, errors are counted but not reported (inside `try`/`can`).
    quiet: Cell<u32>,
    exhausted: Cell<bool>,
    /// The function call being evaluated, where diagnostics from a template it renders go.
    call_site: Cell<Span>,
}

const MAX_FILE_READ: usize = 4 * 1024 * 1024;
/// Bytes of file read or template parsed that cost one evaluation step, so a template that
/// renders itself spends the budget with the work it does.
const BYTES_PER_STEP: u64 = 16;

impl<'e> Evaluator<'e> {
    pub fn new(env: &'e dyn Env, max_depth: usize) -> Self {
        Evaluator {
            env,
            depth: Cell::new(0),
            max_depth,
            errors: Cell::new(0),
            quiet: Cell::new(0),
            exhausted: Cell::new(false),
            call_site: Cell::new(Span::default()),
        }
    }

    /// Records an evaluation error: reported as a warning (the value becomes unknown).
    pub fn error(&self, span: Span, code: &'static str, msg: impl Into<String>) -> Value {
        self.errors.set(self.errors.get() + 1);
        let msg = msg.into();
        if self.quiet.get() == 0 {
            self.env
                .report(Diagnostic::warning(code, msg.clone()).at(span));
        }
        Value::unknown(msg)
    }

    pub fn eval(&self, e: &Expr, scope: &Scope<'_>) -> Value {
        if !self.env.step() {
            if !self.exhausted.replace(true) && self.env.first_exhaustion() {
                self.env.report(
                    Diagnostic::warning(
                        "eval-limit",
                        "evaluation budget exhausted in this root module; remaining values are unknown",
                    )
                    .at(e.span),
                );
            }
            return Value::unknown("evaluation budget exhausted");
        }
        let d = self.depth.get();
        if d >= self.max_depth {
            return self.error(
                e.span,
                "eval-limit",
                "expression nests too deeply to evaluate",
            );
        }
        self.depth.set(d + 1);
        let v = self.eval_inner(e, scope);
        self.depth.set(d);
        v.or_span(e.span)
    }

    fn eval_inner(&self, e: &Expr, scope: &Scope<'_>) -> Value {
        match &e.kind {
            ExprKind::Null => Value::null(),
            ExprKind::Bool(b) => Value::bool(*b),
            ExprKind::Number(n) if n.is_finite() => Value::number(*n),
            ExprKind::Number(_) => self.error(e.span, "eval-error", "number out of range"),
            ExprKind::String(s) => Value::string(s.clone()),
            ExprKind::Template(parts) => self.template(parts, scope, e.span),
            ExprKind::Tuple(items) => {
                Value::list(items.iter().map(|i| self.eval(i, scope)).collect())
            }
            ExprKind::Object(items) => self.object(items, scope),
            ExprKind::Variable(name) => self.traversal_from_name(name, &[], scope, e.span),
            ExprKind::Traversal(root, ops) => match &root.kind {
                ExprKind::Variable(name) => self.traversal_from_name(name, ops, scope, e.span),
                _ => {
                    let base = self.eval(root, scope);
                    self.apply_ops(base, ops, scope, e.span)
                }
            },
            ExprKind::Call {
                name,
                args,
                expand_final,
            } => self.call(name, args, *expand_final, scope, e.span),
            ExprKind::Conditional(c) => self.conditional(&c.0, &c.1, &c.2, scope),
            ExprKind::Unary(op, x) => {
                let v = self.eval(x, scope);
                let sensitive = v.sensitive;
                let out = match (op, &v.kind) {
                    (_, Kind::Unknown(_)) => Value::unknown_set("operand known only after apply"),
                    (UnaryOp::Not, _) => match v.as_bool() {
                        Some(b) => Value::bool(!b),
                        None => self.error(
                            e.span,
                            "eval-error",
                            format!("`!` needs a bool, got {}", v.type_name()),
                        ),
                    },
                    (UnaryOp::Neg, _) => match v.as_number() {
                        Some(n) => Value::number(-n),
                        None => self.error(
                            e.span,
                            "eval-error",
                            format!("`-` needs a number, got {}", v.type_name()),
                        ),
                    },
                };
                out.mark_sensitive(sensitive)
            }
            ExprKind::Binary(op, pair) => self.binary(*op, &pair.0, &pair.1, scope, e.span),
            ExprKind::For(f) => self.for_expr(f, scope, e.span),
        }
    }

    fn object(&self, items: &[(Expr, Expr)], scope: &Scope<'_>) -> Value {
        let mut map = Map::new();
        let mut unknown_key = None;
        for (k, v) in items {
            let key = self.eval(k, scope);
            match key.to_template_string() {
                Some(s) => {
                    map.insert(s, self.eval(v, scope));
                }
                None if !key.is_known() => unknown_key = Some(key),
                None => {
                    return self.error(
                        k.span,
                        "eval-error",
                        format!("object key must be a string, got {}", key.type_name()),
                    )
                }
            }
        }
        if let Some(k) = unknown_key {
            let mut refs = Vec::new();
            k.collect_refs(&mut refs);
            return Value::unknown_ref("object key known only after apply", true, refs);
        }
        Value::object(map)
    }

    fn traversal_from_name(
        &self,
        name: &str,
        ops: &[Traverse],
        scope: &Scope<'_>,
        span: Span,
    ) -> Value {
        if let Some(v) = scope.get(name) {
            return self.apply_ops(v.clone(), ops, scope, span);
        }
        match self.env.resolve(name, ops, self, scope, span) {
            Some((v, used)) => self.apply_ops(v, &ops[used.min(ops.len())..], scope, span),
            None => self.error(
                span,
                "unknown-reference",
                format!("`{name}` is not a known name here"),
            ),
        }
    }

    pub fn apply_ops(
        &self,
        mut v: Value,
        ops: &[Traverse],
        scope: &Scope<'_>,
        span: Span,
    ) -> Value {
        for (i, op) in ops.iter().enumerate() {
            match op {
                Traverse::Attr(a) => v = self.get_attr(&v, a, span),
                Traverse::Index(ix) => {
                    let key = self.eval(ix, scope);
                    v = self.index(&v, &key, span);
                }
                Traverse::AttrSplat | Traverse::FullSplat => {
                    let rest: Vec<Traverse> = match op {
                        Traverse::AttrSplat => ops[i + 1..]
                            .iter()
                            .take_while(|o| matches!(o, Traverse::Attr(_)))
                            .cloned()
                            .collect(),
                        _ => ops[i + 1..].to_vec(),
                    };
                    let used = rest.len();
                    let items: Vec<Value> = match &v.kind {
                        Kind::Null => Vec::new(),
                        Kind::Unknown(u) => {
                            return Value::unknown_ref(u.why.clone(), false, u.refs.clone())
                        }
                        Kind::List(items) => items.to_vec(),
                        _ => vec![v.clone()],
                    };
                    let mapped = items
                        .into_iter()
                        .map(|item| self.apply_ops(item, &rest, scope, span))
                        .collect();
                    v = Value::list(mapped);
                    return self.apply_ops(v, &ops[i + 1 + used..], scope, span);
                }
            }
        }
        v
    }

    fn get_attr(&self, v: &Value, attr: &str, span: Span) -> Value {
        match &v.kind {
            Kind::Object(map) => match map.get(attr) {
                Some(x) => x.clone().mark_sensitive(v.sensitive),
                // A data source's computed attributes are read at apply time.
                None if map.is_open() => {
                    Value::unknown(format!("attribute `{attr}` is read at apply time"))
                }
                // Terraform refuses to read an attribute an object does not have (`try()` and
                // `can()` catch that). Optional attributes of a variable's declared type are
                // there already: the variable's value was converted to its type.
                None => self.error(
                    span,
                    "eval-error",
                    format!("the object has no attribute `{attr}`"),
                ),
            },
            Kind::Unknown(u) => {
                Value::unknown_ref(u.why.clone(), false, u.refs.clone()).mark_sensitive(v.sensitive)
            }
            Kind::Null => self.error(
                span,
                "eval-error",
                format!("attribute `{attr}` of a null value"),
            ),
            _ => self.error(
                span,
                "eval-error",
                format!("a {} has no attribute `{attr}`", v.type_name()),
            ),
        }
    }

    fn index(&self, v: &Value, key: &Value, span: Span) -> Value {
        if let Kind::Unknown(u) = &v.kind {
            return Value::unknown_ref(u.why.clone(), false, u.refs.clone());
        }
        if !key.is_known() {
            let mut refs = Vec::new();
            v.collect_refs(&mut refs);
            return Value::unknown_ref("index known only after apply", false, refs);
        }
        let out = match &v.kind {
            Kind::List(items) => match key.as_number() {
                Some(n) if n >= 0.0 && n.fract() == 0.0 && (n as usize) < items.len() => {
                    items[n as usize].clone()
                }
                Some(n) => {
                    return self.error(
                        span,
                        "eval-error",
                        format!("index {n} is out of range for a list of {}", items.len()),
                    )
                }
                None => return self.error(span, "eval-error", "a list index must be a number"),
            },
            Kind::Object(map) => match key.to_template_string() {
                Some(k) => match map.get(&*k) {
                    Some(x) => x.clone(),
                    None if map.is_open() => {
                        return Value::unknown(format!("key {k:?} is read at apply time"))
                    }
                    None => {
                        let shown = self.quoted_key(key, &k);
                        return self.error(
                            span,
                            "eval-error",
                            format!("no element with key {shown}"),
                        );
                    }
                },
                None => return self.error(span, "eval-error", "a map key must be a string"),
            },
            _ => {
                return self.error(
                    span,
                    "eval-error",
                    format!("cannot index a {}", v.type_name()),
                )
            }
        };
        out.mark_sensitive(v.sensitive || key.sensitive)
    }

    fn conditional(&self, c: &Expr, t: &Expr, f: &Expr, scope: &Scope<'_>) -> Value {
        let cond = self.eval(c, scope);
        match cond.as_bool() {
            Some(true) => self.eval(t, scope),
            Some(false) => self.eval(f, scope),
            None if cond.is_known() => self.error(
                c.span,
                "eval-error",
                format!("condition must be a bool, got {}", cond.type_name()),
            ),
            None => {
                let a = self.eval(t, scope);
                let b = self.eval(f, scope);
                if a.equals(&b) == Tri::True {
                    return a;
                }
                let mut refs = Vec::new();
                cond.collect_refs(&mut refs);
                a.collect_refs(&mut refs);
                b.collect_refs(&mut refs);
                let non_null = a.is_set() == Tri::True && b.is_set() == Tri::True;
                Value::unknown_ref("condition known only after apply", non_null, refs)
                    .mark_sensitive(a.sensitive || b.sensitive || cond.sensitive)
            }
        }
    }

    fn binary(&self, op: BinaryOp, l: &Expr, r: &Expr, scope: &Scope<'_>, span: Span) -> Value {
        let a = self.eval(l, scope);
        // `&&`/`||` follow Kleene logic, so a known operand can decide the result.
        if matches!(op, BinaryOp::And | BinaryOp::Or) {
            let b = self.eval(r, scope);
            let ta = self.tri(&a, l.span);
            let tb = self.tri(&b, r.span);
            let t = if op == BinaryOp::And {
                ta.and(tb)
            } else {
                ta.or(tb)
            };
            let sens = a.sensitive || b.sensitive;
            return match t {
                Tri::True => Value::bool(true),
                Tri::False => Value::bool(false),
                Tri::Unknown => Value::unknown_set("known only after apply"),
            }
            .mark_sensitive(sens);
        }
        let b = self.eval(r, scope);
        let sens = a.sensitive || b.sensitive;
        if matches!(op, BinaryOp::Eq | BinaryOp::NotEq) {
            let eq = a.equals(&b);
            let t = if op == BinaryOp::Eq { eq } else { eq.not() };
            return match t {
                Tri::True => Value::bool(true),
                Tri::False => Value::bool(false),
                Tri::Unknown => Value::unknown_set("known only after apply"),
            }
            .mark_sensitive(sens);
        }
        if !a.is_known() || !b.is_known() {
            return Value::unknown_set("operand known only after apply").mark_sensitive(sens);
        }
        let (Some(x), Some(y)) = (a.as_number(), b.as_number()) else {
            return self.error(
                span,
                "eval-error",
                format!(
                    "arithmetic needs numbers, got {} and {}",
                    a.type_name(),
                    b.type_name()
                ),
            );
        };
        let out = match op {
            BinaryOp::Add => Value::number(x + y),
            BinaryOp::Sub => Value::number(x - y),
            BinaryOp::Mul => Value::number(x * y),
            BinaryOp::Div if y == 0.0 => return self.error(span, "eval-error", "division by zero"),
            BinaryOp::Div => Value::number(x / y),
            BinaryOp::Mod if y == 0.0 => return self.error(span, "eval-error", "modulo by zero"),
            BinaryOp::Mod => Value::number(x % y),
            BinaryOp::Lt => Value::bool(x < y),
            BinaryOp::LtEq => Value::bool(x <= y),
            BinaryOp::Gt => Value::bool(x > y),
            BinaryOp::GtEq => Value::bool(x >= y),
            BinaryOp::Eq | BinaryOp::NotEq | BinaryOp::And | BinaryOp::Or => Value::null(),
        };
        if out.as_number().is_some_and(|n| !n.is_finite()) {
            return self.error(span, "eval-error", "arithmetic result out of range");
        }
        out.mark_sensitive(sens)
    }

    fn tri(&self, v: &Value, span: Span) -> Tri {
        match &v.kind {
            Kind::Unknown(_) => Tri::Unknown,
            _ => match v.as_bool() {
                Some(b) => Tri::from_bool(b),
                None => {
                    self.error(
                        span,
                        "eval-error",
                        format!("a bool is required, got {}", v.type_name()),
                    );
                    Tri::Unknown
                }
            },
        }
    }

    pub fn template(&self, parts: &[TemplatePart], scope: &Scope<'_>, span: Span) -> Value {
        let mut out = String::new();
        let mut unknown = false;
        let mut sensitive = false;
        let mut refs = Vec::new();
        let mut gaps = Vec::new();
        self.render_parts(
            parts,
            scope,
            span,
            &mut out,
            &mut unknown,
            &mut sensitive,
            &mut refs,
            &mut gaps,
        );
        if unknown {
            let mut v = Value::unknown_ref("string known only after apply", true, refs);
            if let Kind::Unknown(u) = &mut v.kind {
                let u = Arc::make_mut(u);
                u.encoded = partial_json(&out);
                // The known text around the unknown parts; none when the template's very shape
                // (an `%{if}` or `%{for}` on unknown values) is unknown.
                if !out.contains(UNKNOWN_SHAPE) {
                    u.literal_parts = Some(out.split(UNKNOWN_PART).map(Arc::from).collect());
                    u.gaps = Some(gaps.into());
                }
            }
            return v.mark_sensitive(sensitive);
        }
        Value::string(out).mark_sensitive(sensitive)
    }

    #[allow(clippy::too_many_arguments)]
    fn render_parts(
        &self,
        parts: &[TemplatePart],
        scope: &Scope<'_>,
        span: Span,
        out: &mut String,
        unknown: &mut bool,
        sensitive: &mut bool,
        refs: &mut Vec<Arc<str>>,
        gaps: &mut Vec<Option<PlainRef>>,
    ) {
        const MAX_STRING: usize = 16 * 1024 * 1024;
        for p in parts {
            if out.len() > MAX_STRING {
                self.error(span, "eval-limit", "template result exceeds 16 MiB");
                *unknown = true;
                out.push(UNKNOWN_SHAPE);
                return;
            }
            match p {
                TemplatePart::Literal(s) => out.push_str(s),
                TemplatePart::Interpolation(e) => {
                    let v = self.eval(e, scope);
                    *sensitive |= v.sensitive;
                    match &v.kind {
                        Kind::Unknown(u) => {
                            *unknown = true;
                            out.push(UNKNOWN_PART);
                            refs.extend(u.refs.iter().cloned());
                            gaps.push(v.plain_reference().map(|r| {
                                (Arc::from(r), v.plain_reference_attribute().map(Arc::from))
                            }));
                        }
                        _ => match v.to_template_string() {
                            Some(s) => out.push_str(&s),
                            None => {
                                self.error(
                                    e.span,
                                    "eval-error",
                                    format!("cannot interpolate a {} into a string", v.type_name()),
                                );
                                *unknown = true;
                                out.push(UNKNOWN_SHAPE);
                            }
                        },
                    }
                }
                TemplatePart::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    let c = self.eval(cond, scope);
                    match c.as_bool() {
                        Some(true) => self
                            .render_parts(then, scope, span, out, unknown, sensitive, refs, gaps),
                        Some(false) => self.render_parts(
                            otherwise, scope, span, out, unknown, sensitive, refs, gaps,
                        ),
                        None => {
                            *unknown = true;
                            out.push(UNKNOWN_SHAPE);
                        }
                    }
                }
                TemplatePart::For {
                    key_var,
                    value_var,
                    collection,
                    body,
                } => {
                    let coll = self.eval(collection, scope);
                    let Some(items) = self.iterate(&coll, collection.span) else {
                        *unknown = true;
                        out.push(UNKNOWN_SHAPE);
                        continue;
                    };
                    for (k, v) in items {
                        let mut names = vec![(value_var.clone(), v)];
                        if let Some(kv) = key_var {
                            names.push((kv.clone(), k));
                        }
                        let inner = scope.child(names);
                        self.render_parts(body, &inner, span, out, unknown, sensitive, refs, gaps);
                        if out.len() > MAX_STRING {
                            break;
                        }
                    }
                }
            }
        }
    }

    /// Key/value pairs of a collection for `for`: list elements keyed by index, object
    /// attributes by name. `None` when unknown (or not a collection, reported).
    fn iterate(&self, coll: &Value, span: Span) -> Option<Vec<(Value, Value)>> {
        match &coll.kind {
            Kind::List(items) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        (
                            Value::number(i as f64),
                            v.clone().mark_sensitive(coll.sensitive),
                        )
                    })
                    .collect(),
            ),
            Kind::Object(map) => Some(
                map.iter()
                    .map(|(k, v)| {
                        (
                            Value::string(k.clone()),
                            v.clone().mark_sensitive(coll.sensitive),
                        )
                    })
                    .collect(),
            ),
            Kind::Unknown(_) => None,
            Kind::Null => {
                self.error(span, "eval-error", "cannot iterate over a null value");
                None
            }
            _ => {
                self.error(
                    span,
                    "eval-error",
                    format!("cannot iterate over a {}", coll.type_name()),
                );
                None
            }
        }
    }

    fn for_expr(&self, f: &ForExpr, scope: &Scope<'_>, span: Span) -> Value {
        let coll = self.eval(&f.collection, scope);
        let Some(items) = self.iterate(&coll, f.collection.span) else {
            let mut refs = Vec::new();
            coll.collect_refs(&mut refs);
            return Value::unknown_ref("collection known only after apply", true, refs);
        };
        let mut list = Vec::new();
        let mut map = Map::new();
        let mut groups: std::collections::BTreeMap<Arc<str>, Vec<Value>> = Default::default();
        for (k, v) in items {
            let mut names = vec![(f.value_var.clone(), v)];
            if let Some(kv) = &f.key_var {
                names.push((kv.clone(), k));
            }
            let inner = scope.child(names);
            if let Some(c) = &f.cond {
                let cv = self.eval(c, &inner);
                match cv.as_bool() {
                    Some(true) => {}
                    Some(false) => continue,
                    None => return Value::unknown_set("filter known only after apply"),
                }
            }
            let value = self.eval(&f.value, &inner);
            match &f.key {
                None => list.push(value),
                Some(ke) => {
                    let key = self.eval(ke, &inner);
                    let Some(ks) = key.to_template_string() else {
                        if key.is_known() {
                            return self.error(
                                ke.span,
                                "eval-error",
                                "a `for` key must be a string",
                            );
                        }
                        return Value::unknown_set("key known only after apply");
                    };
                    if f.grouping {
                        groups.entry(ks).or_default().push(value);
                    } else if map.insert(ks.clone(), value).is_some() {
                        let shown = self.quoted_key(&key, &ks);
                        return self.error(
                            span,
                            "eval-error",
                            format!(
                                "duplicate key {shown} in `for` expression (use `...` to group)"
                            ),
                        );
                    }
                }
            }
        }
        match &f.key {
            None => Value::list(list),
            Some(_) if f.grouping => Value::object(
                groups
                    .into_iter()
                    .map(|(k, v)| (k, Value::list(v)))
                    .collect(),
            ),
            Some(_) => Value::object(map),
        }
        .mark_sensitive(coll.sensitive)
    }

    fn call(
        &self,
        name: &str,
        args: &[Expr],
        expand_final: bool,
        scope: &Scope<'_>,
        span: Span,
    ) -> Value {
        match name {
            "try" => {
                for a in args {
                    let before = self.errors.get();
                    self.quiet.set(self.quiet.get() + 1);
                    let v = self.eval(a, scope);
                    self.quiet.set(self.quiet.get() - 1);
                    if self.errors.get() == before {
                        return v;
                    }
                }
                return self.error(
                    span,
                    "eval-error",
                    "no argument of try() could be evaluated",
                );
            }
            "can" => {
                let Some(a) = args.first() else {
                    return self.error(span, "eval-error", "can() takes one argument");
                };
                let before = self.errors.get();
                self.quiet.set(self.quiet.get() + 1);
                let v = self.eval(a, scope);
                self.quiet.set(self.quiet.get() - 1);
                if self.errors.get() != before {
                    return Value::bool(false);
                }
                return if v.is_wholly_known() {
                    Value::bool(true)
                } else {
                    Value::unknown_set("known only after apply")
                };
            }
            _ => {}
        }
        let mut values: Vec<Value> = args.iter().map(|a| self.eval(a, scope)).collect();
        if expand_final {
            if let Some(last) = values.pop() {
                match &last.kind {
                    Kind::List(items) => values.extend(items.iter().cloned()),
                    Kind::Unknown(_) => return Value::unknown("arguments known only after apply"),
                    _ => {
                        return self.error(
                            span,
                            "eval-error",
                            "only a list can be expanded with `...`",
                        )
                    }
                }
            }
        }
        if !functions::is_known_function(name) && !name.contains("::") {
            if self.quiet.get() == 0 {
                self.env.report(
                    Diagnostic::note("unknown-function", format!("function `{name}` is not supported by onus; its result is treated as unknown"))
                        .at(span),
                );
            }
            return Value::unknown(format!("result of unsupported function `{name}`"));
        }
        if name == "templatefile" && self.env.in_template() {
            // As in Terraform: a template that renders templates could render itself without
            // end (twice per rendering: exponentially).
            return self.error(
                span,
                "eval-error",
                "templatefile(): cannot be called from inside a template rendered by templatefile",
            );
        }
        let outer_call = self.call_site.replace(span);
        let result = functions::call(name, &values, self);
        self.call_site.set(outer_call);
        match result {
            Ok(v) => v,
            Err(msg) => {
                let msg = match self.unquotable(&values, &msg) {
                    Some(why) => format!("{name}(): an argument is not valid ({why})"),
                    None => format!("{name}(): {msg}"),
                };
                self.error(span, "eval-error", msg)
            }
        }
    }
}

/// Most string parts of the arguments compared with the files read, per failed call.
const MAX_QUOTE_CHECKS: usize = 1_000;

impl Evaluator<'_> {
    /// Why message `msg` about `values` may not be shown: some part of them is sensitive, or
    /// the message quotes text read from a file (whose contents only the user's own
    /// configuration may show). Such a message is replaced by a description.
    fn unquotable(&self, values: &[Value], msg: &str) -> Option<&'static str> {
        if values.iter().any(Value::contains_sensitive) {
            return Some("its value is sensitive and not shown");
        }
        let shows = |s: &str| {
            let escaped = format!("{s:?}");
            let trimmed = s.trim();
            msg.contains(s)
                || msg.contains(&escaped[1..escaped.len() - 1])
                || (!trimmed.is_empty() && msg.contains(trimmed))
        };
        let mut budget = MAX_QUOTE_CHECKS;
        let mut from_file = false;
        crate::value::walk_distinct(values, |x| {
            if let Kind::String(s) = &x.kind {
                if budget == 0 {
                    // Too many parts to compare: assume the worst.
                    from_file = true;
                } else {
                    budget -= 1;
                    from_file = !s.is_empty() && shows(s) && self.env.is_file_text(s);
                }
            }
            !from_file
        });
        from_file.then_some("its value comes from a file and is not shown")
    }

    /// A key for a message: quoted, unless it is sensitive or read from a file.
    fn quoted_key(&self, key: &Value, text: &str) -> String {
        if key.sensitive || self.env.is_file_text(text) {
            "(not shown)".to_string()
        } else {
            format!("{text:?}")
        }
    }
}

impl FunctionHost for Evaluator<'_> {
    fn read_file(&self, path: &str) -> Result<Arc<str>, String> {
        let Some(root) = self.env.sandbox_root() else {
            return Err("file access is disabled".into());
        };
        // Relative to the directory Terraform runs in, as Terraform resolves it; an absolute
        // path stays absolute and is then held to the sandbox like any other.
        let outside = || format!("{path} is outside the scanned directory; onus does not read it");
        let working_dir = self
            .env
            .working_dir()
            .canonicalize()
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        // Refused by name first, so a path outside says nothing of what exists there.
        let candidate: PathBuf = crate::source::normalize(&working_dir.join(path));
        if !candidate.starts_with(root) {
            return Err(outside());
        }
        let real = candidate
            .canonicalize()
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if !real.starts_with(root) {
            return Err(outside());
        }
        let bytes = crate::load::regular_file::read_regular_file(&real, MAX_FILE_READ as u64)
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        if !self.env.spend(1 + bytes.len() as u64 / BYTES_PER_STEP) {
            return Err(format!(
                "the evaluation budget is exhausted; {path} was not read"
            ));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| format!("cannot read {path}: it is not valid UTF-8 text"))?;
        let text: Arc<str> = Arc::from(text);
        self.env.remember_file_text(&text);
        Ok(text)
    }

    fn render_template(&self, template: &str, vars: &Map) -> Result<Value, String> {
        if !self.env.spend(1 + template.len() as u64 / BYTES_PER_STEP) {
            return Err("the evaluation budget is exhausted; the template was not rendered".into());
        }
        let parts = hcl::parse_template(FileId(u32::MAX), template)?;
        let scope_names: Vec<(Arc<str>, Value)> =
            vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        // A template sees only its variables, not the module's names.
        let isolated = TemplateEnv {
            outer: self.env,
            call_site: self.call_site.get(),
        };
        let ev = Evaluator {
            env: &isolated,
            depth: Cell::new(self.depth.get() + 8),
            max_depth: self.max_depth,
            errors: Cell::new(0),
            quiet: Cell::new(self.quiet.get()),
            exhausted: Cell::new(false),
            call_site: Cell::new(self.call_site.get()),
        };
        let root = Scope::root();
        let scope = root.child(scope_names);
        let v = ev.template(&parts, &scope, Span::default());
        self.errors.set(self.errors.get() + ev.errors.get());
        if ev.errors.get() > 0 {
            return Err("the template could not be rendered".into());
        }
        Ok(v)
    }
}

/// Environment of `templatefile`: no module names, same budget and sandbox.
/// Stands, in a partly rendered template, for an interpolation whose value is unknown.
const UNKNOWN_PART: char = '\u{E000}';
/// Marks a template part whose very text is unknown (an `%{if}` or `%{for}` on unknown values):
/// nothing of the result can be read.
const UNKNOWN_SHAPE: char = '\u{E001}';

/// A template rendered with unknown interpolations only inside JSON strings (a heredoc policy
/// with `"Resource": "${aws_s3_bucket.b.arn}/*"`): the JSON document, each string holding an
/// unknown part unknown, so policy checks still read the statements that are known. `None` when
/// the text is not such a document.
fn partial_json(rendered: &str) -> Option<Value> {
    let text = rendered.trim_start();
    if rendered.contains(UNKNOWN_SHAPE) || !(text.starts_with('{') || text.starts_with('[')) {
        return None;
    }
    unknown_parts(Value::parse_json(text).ok()?)
}

/// `None` when an object key is unknown: which element it names cannot be told.
fn unknown_parts(v: Value) -> Option<Value> {
    Some(match &v.kind {
        Kind::String(s) if s.contains(UNKNOWN_PART) => {
            Value::unknown_ref("string known only after apply", true, Vec::new())
        }
        Kind::List(items) => Value::list(
            items
                .iter()
                .cloned()
                .map(unknown_parts)
                .collect::<Option<_>>()?,
        ),
        Kind::Object(map) => {
            let mut out = Map::new();
            for (k, x) in map.iter() {
                if k.contains(UNKNOWN_PART) {
                    return None;
                }
                out.insert(k.clone(), unknown_parts(x.clone())?);
            }
            Value::object(out)
        }
        _ => v,
    })
}

struct TemplateEnv<'a> {
    outer: &'a dyn Env,
    /// The `templatefile`/`templatestring` call in the configuration.
    call_site: Span,
}

impl Env for TemplateEnv<'_> {
    fn step(&self) -> bool {
        self.outer.step()
    }
    fn spend(&self, units: u64) -> bool {
        self.outer.spend(units)
    }
    fn report(&self, d: Diagnostic) {
        // Spans inside a template point into text that is not a source file: report at the
        // call that rendered it (the outermost one, for templates rendering templates).
        let mut d = d;
        d.span = Some(self.call_site);
        self.outer.report(d)
    }
    fn working_dir(&self) -> &Path {
        self.outer.working_dir()
    }
    fn sandbox_root(&self) -> Option<&Path> {
        self.outer.sandbox_root()
    }
    fn remember_file_text(&self, text: &Arc<str>) {
        self.outer.remember_file_text(text)
    }
    fn is_file_text(&self, s: &str) -> bool {
        self.outer.is_file_text(s)
    }
    fn in_template(&self) -> bool {
        true
    }
    fn first_exhaustion(&self) -> bool {
        self.outer.first_exhaustion()
    }
}

/// Environment of constant expressions (variable defaults, tfvars, `--var`): no names.
struct ConstEnv {
    steps: Cell<u64>,
}

impl Env for ConstEnv {
    fn step(&self) -> bool {
        let s = self.steps.get() + 1;
        self.steps.set(s);
        s < 1_000_000
    }
    fn report(&self, _: Diagnostic) {}
    fn working_dir(&self) -> &Path {
        Path::new(".")
    }
    fn sandbox_root(&self) -> Option<&Path> {
        None
    }
}

/// Evaluates an expression that may not refer to anything (a variable default, a tfvars
/// value). Returns `None` when it does refer to something or fails.
pub(super) fn constant(e: &Expr) -> Option<Value> {
    let env = ConstEnv {
        steps: Cell::new(0),
    };
    let ev = Evaluator::new(&env, 256);
    let root = Scope::root();
    let v = ev.eval(e, &root);
    (ev.errors.get() == 0).then_some(v)
}

/// Evaluates a constant expression, reporting problems through `report`.
pub(super) fn constant_or_unknown(e: &Expr, what: &str, report: &dyn Fn(Diagnostic)) -> Value {
    match constant(e) {
        Some(v) => v,
        None => {
            report(
                Diagnostic::warning(
                    "eval-error",
                    format!("{what} must be a literal value; it is treated as unknown"),
                )
                .at(e.span),
            );
            Value::unknown(format!("{what} could not be evaluated")).with_span(e.span)
        }
    }
}
