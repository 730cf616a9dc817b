//! Plan JSON (`terraform show -json`): resource instances as Terraform will deploy them.
//!
//! A plan knows what static evaluation cannot: the values of variables set outside the
//! repository, the modules fetched from registries, the expansion of every `count`. Each managed
//! resource of `planned_values` that is created, updated or kept becomes an [`Instance`];
//! `after_unknown` marks what is decided only at apply, `after_sensitive`/`sensitive_values`
//! what must never be printed, and the plan's `configuration` section tells which resources an
//! attribute refers to, so `linked` rules work as they do on HCL.
//!
//! When the Terraform source of the plan was scanned too (the plan's directory, or a
//! `--source` directory), instances point at their resource blocks in the `.tf` files and the
//! HCL instances of that root are dropped: the plan is the authority. Otherwise they point at
//! the resource inside the plan file.

pub mod refs;
mod spans;

use crate::diag::Diagnostic;
use crate::model::{Instance, ResourceMode, SpanRecorder};
use crate::source::display_file_path;
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::value::{Kind, Map, Value};
use rayon::prelude::*;
use refs::{ResourceIndex, Scope};
use serde_json::Value as J;
use spans::Node;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The plan format versions onus reads, for messages.
pub const SUPPORTED_FORMATS: &str = "0.1, 0.2 and 1.x";

/// The newest Terraform release whose plan output onus was checked against.
const NEWEST_KNOWN_TERRAFORM: (u64, u64) = (1, 14);

/// Deepest module nesting followed in `planned_values`.
const MAX_MODULE_DEPTH: usize = 64;

/// Most type warnings reported per plan file; the rest are counted.
const MAX_WARNINGS: usize = 20;

#[derive(Debug, Default)]
pub struct PlanInstances {
    pub instances: Vec<Instance>,
    pub diagnostics: Vec<Diagnostic>,
    /// Roots of HCL instances that a plan stands for: their instances are replaced by the
    /// plan's and must not be checked again.
    pub replaced_roots: Vec<Arc<str>>,
}

/// Instances of the given plan files (parsed JSON by file id). `hcl` are the instances
/// evaluated from Terraform source in the same scan; `source_dirs` are directories given with
/// `--source`.
pub fn instances(
    plans: &[(FileId, Arc<serde_json::Value>)],
    sources: &SourceMap,
    hcl: &[Instance],
    source_dirs: &[PathBuf],
) -> PlanInstances {
    let mut out = PlanInstances::default();
    let index = HclIndex::new(hcl);
    for (file, json) in plans {
        let Some(src) = sources.get(*file) else {
            continue;
        };
        let mut reader = Reader::new(*file, src);
        let positions = spans::parse(&src.text);
        let mut found = reader.read(json, positions.as_ref());
        let plan_dir = src.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut candidates = vec![Arc::<str>::from(display_file_path(&plan_dir).as_str())];
        candidates.extend(
            source_dirs
                .iter()
                .map(|d| Arc::<str>::from(display_file_path(d).as_str())),
        );
        if let Some(root) = index.best_root(&candidates, &found) {
            for inst in &mut found {
                index.point_at_source(&root, inst);
            }
            if !out.replaced_roots.contains(&root) {
                out.replaced_roots.push(root);
            }
        }
        out.instances.extend(found);
        out.diagnostics.extend(reader.finish());
    }
    out
}

/// HCL instances by root and address, for pointing plan instances at their source.
struct HclIndex<'h> {
    by_address: HashMap<(&'h str, &'h str), &'h Instance>,
    by_resource: HashMap<(&'h str, &'h str), &'h Instance>,
}

impl<'h> HclIndex<'h> {
    fn new(hcl: &'h [Instance]) -> Self {
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
    fn best_root(&self, candidates: &[Arc<str>], plan: &[Instance]) -> Option<Arc<str>> {
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
    fn point_at_source(&self, root: &str, inst: &mut Instance) {
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

/// Reads one plan file.
struct Reader {
    file: FileId,
    display: Arc<str>,
    diagnostics: Vec<Diagnostic>,
    warnings: usize,
}

/// Warnings about one instance, reported in plan order once all are built.
#[derive(Default)]
struct Warnings(Vec<(String, Option<std::ops::Range<usize>>)>);

impl Warnings {
    fn warn(&mut self, message: String, at: Option<std::ops::Range<usize>>) {
        self.0.push((message, at));
    }
}

/// One resource as `planned_values` (or a change's `after`) describes it.
struct Planned<'p> {
    json: &'p J,
    node: Option<&'p Node>,
    /// The `values` to read, and their positions.
    values: Option<&'p J>,
    values_node: Option<&'p Node>,
}

impl Reader {
    fn new(file: FileId, src: &SourceFile) -> Self {
        Reader {
            file,
            display: Arc::from(src.display.as_str()),
            diagnostics: Vec::new(),
            warnings: 0,
        }
    }

    fn span(&self, range: Option<std::ops::Range<usize>>) -> Span {
        Span::new(self.file, range.unwrap_or(0..0))
    }

    fn warn(&mut self, message: String, at: Option<std::ops::Range<usize>>) {
        self.warnings += 1;
        if self.warnings <= MAX_WARNINGS {
            let span = self.span(at);
            self.diagnostics
                .push(Diagnostic::warning("plan-unexpected", message).at(span));
        }
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        if self.warnings > MAX_WARNINGS {
            let more = self.warnings - MAX_WARNINGS;
            let span = self.span(None);
            self.diagnostics.push(
                Diagnostic::warning(
                    "plan-unexpected",
                    format!("{more} more unexpected values in this plan were skipped"),
                )
                .at(span),
            );
        }
        self.diagnostics
    }

    /// The instances of a plan document; `root_node` holds the positions of its parts.
    fn read(&mut self, plan: &J, root_node: Option<&Node>) -> Vec<Instance> {
        if !plan.is_object() {
            self.diagnostics.push(
                Diagnostic::error(
                    "plan-format",
                    format!(
                        "a plan is a JSON object; this is not `terraform show -json` output (onus reads plan format versions {SUPPORTED_FORMATS})"
                    ),
                )
                .at(self.span(None)),
            );
            return Vec::new();
        }
        let member_span = |key: &str| {
            root_node
                .and_then(|n| n.member(key))
                .map(|m| m.span.clone())
        };
        if let Err(msg) = check_format(plan.get("format_version")) {
            let span = self.span(member_span("format_version"));
            self.diagnostics
                .push(Diagnostic::error("plan-format", msg).at(span));
            return Vec::new();
        }
        if let Some(note) = check_terraform_version(plan.get("terraform_version")) {
            let span = self.span(member_span("terraform_version"));
            self.diagnostics
                .push(Diagnostic::note("plan-terraform-version", note).at(span));
        }
        let config_root = plan
            .get("configuration")
            .and_then(|c| c.get("root_module"))
            .filter(|c| c.is_object());

        // Changes by address: what will happen to each resource instance.
        let mut changes: HashMap<&str, (&J, Option<&Node>)> = HashMap::new();
        let rc_node = root_node.and_then(|n| n.get("resource_changes"));
        match plan.get("resource_changes") {
            None | Some(J::Null) => {}
            Some(J::Array(items)) => {
                for (i, rc) in items.iter().enumerate() {
                    let node = rc_node.and_then(|n| n.index(i));
                    let Some(addr) = rc.get("address").and_then(J::as_str) else {
                        self.warn(
                            "a resource change without a string `address` was skipped".into(),
                            node.map(|n| n.span.clone()),
                        );
                        continue;
                    };
                    // Changes to deposed objects concern leftovers being destroyed.
                    if rc.get("deposed").is_some_and(|d| !d.is_null()) {
                        continue;
                    }
                    changes.insert(addr, (rc, node));
                }
            }
            Some(_) => self.warn(
                "`resource_changes` is not a list; changes were ignored".into(),
                member_span("resource_changes"),
            ),
        }

        let mut planned: Vec<(Planned<'_>, String)> = Vec::new();
        let pv_node = root_node
            .and_then(|n| n.get("planned_values"))
            .and_then(|n| n.get("root_module"));
        match plan.get("planned_values").map(|p| p.get("root_module")) {
            None | Some(None) | Some(Some(J::Null)) => {}
            Some(Some(m @ J::Object(_))) => self.collect_module(m, pv_node, 0, &mut planned),
            Some(Some(_)) => self.warn(
                "`planned_values.root_module` is not an object; it was skipped".into(),
                member_span("planned_values"),
            ),
        }
        if plan.get("planned_values").is_none() && plan.get("resource_changes").is_none() {
            let span = self.span(None);
            self.diagnostics.push(
                Diagnostic::warning(
                    "plan-no-resources",
                    "this JSON has neither `planned_values` nor `resource_changes`: it is not a plan (state JSON is not read); nothing was checked",
                )
                .at(span),
            );
        }

        // Resources Terraform plans to change but that `planned_values` does not list (plans
        // written by other tools): read from the change's `after`.
        let listed: HashSet<String> = planned.iter().map(|(_, a)| a.clone()).collect();
        let mut extra: Vec<(&str, &J, Option<&Node>)> = changes
            .iter()
            .filter(|(a, _)| !listed.contains(**a))
            .map(|(a, (rc, n))| (*a, *rc, *n))
            .collect();
        extra.sort_by_key(|(a, _, _)| *a);
        for (addr, rc, node) in extra {
            let change = rc.get("change");
            let after_node = node
                .and_then(|n| n.get("change"))
                .and_then(|n| n.get("after"));
            planned.push((
                Planned {
                    json: rc,
                    node,
                    values: change.and_then(|c| c.get("after")),
                    values_node: after_node,
                },
                addr.to_string(),
            ));
        }

        let index = ResourceIndex::new(config_root);
        // Instances are independent of each other: built in parallel, kept in plan order
        // with their warnings, so the output does not depend on the thread count.
        let built: Vec<(Option<Instance>, Warnings)> = planned
            .par_iter()
            .map(|(p, address)| {
                let mut warnings = Warnings::default();
                let change = changes.get(address.as_str()).map(|(rc, _)| *rc);
                let inst = self.instance(p, address, change, config_root, &index, &mut warnings);
                (inst, warnings)
            })
            .collect();
        let mut out = Vec::with_capacity(built.len());
        for (inst, warnings) in built {
            for (message, at) in warnings.0 {
                self.warn(message, at);
            }
            out.extend(inst);
        }
        out
    }

    fn collect_module<'p>(
        &mut self,
        module: &'p J,
        node: Option<&'p Node>,
        depth: usize,
        out: &mut Vec<(Planned<'p>, String)>,
    ) {
        if depth > MAX_MODULE_DEPTH {
            self.warn(
                format!("modules nested deeper than {MAX_MODULE_DEPTH} levels were skipped"),
                node.map(|n| n.span.clone()),
            );
            return;
        }
        let res_node = node.and_then(|n| n.get("resources"));
        match module.get("resources") {
            None | Some(J::Null) => {}
            Some(J::Array(items)) => {
                for (i, r) in items.iter().enumerate() {
                    let rn = res_node.and_then(|n| n.index(i));
                    let Some(addr) = r.get("address").and_then(J::as_str) else {
                        self.warn(
                            "a planned resource without a string `address` was skipped".into(),
                            rn.map(|n| n.span.clone()),
                        );
                        continue;
                    };
                    out.push((
                        Planned {
                            json: r,
                            node: rn,
                            values: r.get("values"),
                            values_node: rn.and_then(|n| n.get("values")),
                        },
                        addr.to_string(),
                    ));
                }
            }
            Some(_) => self.warn(
                "`resources` of a planned module is not a list; it was skipped".into(),
                res_node.map(|n| n.span.clone()),
            ),
        }
        let child_node = node.and_then(|n| n.get("child_modules"));
        match module.get("child_modules") {
            None | Some(J::Null) => {}
            Some(J::Array(items)) => {
                for (i, m) in items.iter().enumerate() {
                    let mn = child_node.and_then(|n| n.index(i));
                    if m.is_object() {
                        self.collect_module(m, mn, depth + 1, out);
                    } else {
                        self.warn(
                            "a child module that is not an object was skipped".into(),
                            mn.map(|n| n.span.clone()),
                        );
                    }
                }
            }
            Some(_) => self.warn(
                "`child_modules` is not a list; it was skipped".into(),
                child_node.map(|n| n.span.clone()),
            ),
        }
    }

    fn instance<'c>(
        &self,
        p: &Planned<'_>,
        address: &str,
        change: Option<&J>,
        config_root: Option<&'c J>,
        index: &ResourceIndex<'c>,
        warnings: &mut Warnings,
    ) -> Option<Instance> {
        let at = p.node.map(|n| n.span.clone());
        let mode = match p.json.get("mode") {
            None => "managed",
            Some(J::String(m)) => m.as_str(),
            Some(other) => {
                let kind = json_type(other);
                warnings.warn(format!("{address}: `mode` is a {kind}; skipped"), at);
                return None;
            }
        };
        match mode {
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
        if let Some(actions) = change
            .and_then(|c| c.get("change"))
            .and_then(|c| c.get("actions"))
        {
            let Some(list) = actions.as_array() else {
                warnings.warn(
                    format!("{address}: change `actions` is not a list; skipped"),
                    at,
                );
                return None;
            };
            let kept = list
                .iter()
                .filter_map(J::as_str)
                .any(|a| matches!(a, "create" | "update" | "no-op" | "read"));
            if !kept {
                // Deleted or forgotten: nothing will exist to judge.
                return None;
            }
        }
        let (Some(resource_type), Some(name)) = (
            p.json.get("type").and_then(J::as_str),
            p.json.get("name").and_then(J::as_str),
        ) else {
            warnings.warn(
                format!("{address}: resource without a string `type` and `name`; skipped"),
                at,
            );
            return None;
        };
        let module = module_of(address);
        let resource_address = if module.is_empty() {
            format!("{resource_type}.{name}")
        } else {
            format!("{module}.{resource_type}.{name}")
        };
        let values = match p.values {
            Some(v @ J::Object(_)) => v,
            None | Some(J::Null) => &J::Null,
            Some(_) => {
                warnings.warn(
                    format!("{address}: `values` is not an object; skipped"),
                    p.values_node.map(|n| n.span.clone()).or(at),
                );
                return None;
            }
        };
        let change = change.and_then(|c| c.get("change"));
        let masks = [
            ("after_unknown", change.and_then(|c| c.get("after_unknown"))),
            ("sensitive_values", p.json.get("sensitive_values")),
            (
                "after_sensitive",
                change.and_then(|c| c.get("after_sensitive")),
            ),
        ];
        for (what, mask) in masks {
            if let Some(bad) = mask.and_then(|m| bad_mask_part(m, String::new())) {
                warnings.warn(
                    format!("{address}: `{what}` holds {bad}; that part was ignored"),
                    at.clone(),
                );
            }
        }
        let scope = Scope::new(config_root, &module);
        let expressions = scope.resource_expressions(index, resource_type, name);
        let builder = Builder {
            scope: &scope,
            address,
        };
        let mut path = Vec::new();
        let built = builder.build(
            Some(values).filter(|v| !v.is_null()),
            change.and_then(|c| c.get("after_unknown")),
            match expressions {
                Some(e @ J::Object(_)) => Expr::Map(e),
                _ => Expr::None,
            },
            &mut path,
        );
        // An object, or (if `after_unknown` says the whole resource is unknown) an unknown
        // value, which rules read as "cannot tell" rather than as absent attributes.
        let mut values = built.unwrap_or_else(|| Value::object(Map::new()));
        for mask in [
            p.json.get("sensitive_values"),
            change.and_then(|c| c.get("after_sensitive")),
        ]
        .into_iter()
        .flatten()
        {
            values = apply_sensitive(values, mask);
        }
        let header = p
            .node
            .and_then(|n| n.member("address"))
            .map(|m| m.span.clone())
            .or(at);
        let mut spans = SpanRecorder::default();
        if let Some(n) = p.values_node {
            record_spans(&values, n, &mut spans, self.file);
        }
        let attribute_spans = spans.take_spans();
        Some(Instance {
            address: address.to_string(),
            root: self.display.clone(),
            module,
            resource_address,
            mode: ResourceMode::Managed,
            resource_type: Arc::from(resource_type),
            name: Arc::from(name),
            values,
            header: self.span(header),
            attribute_spans,
            via: Vec::new(),
            expansion_unknown: false,
            plan_file: Some(self.display.clone()),
        })
    }
}

/// Where a value's configuration expression stands while walking the values.
#[derive(Clone, Copy)]
enum Expr<'c> {
    None,
    /// One expression (`{"references": [...]}`): everything below comes from it.
    Leaf(&'c J),
    /// Expressions of a block's attributes and nested blocks, by name.
    Map(&'c J),
    /// Expressions of each block of a nested block list.
    List(&'c J),
}

impl<'c> Expr<'c> {
    fn child(self, key: &str) -> Expr<'c> {
        match self {
            Expr::Map(m) => match m.get(key) {
                Some(e @ J::Object(o))
                    if o.contains_key("references") || o.contains_key("constant_value") =>
                {
                    Expr::Leaf(e)
                }
                Some(e @ J::Object(_)) => Expr::Map(e),
                Some(e @ J::Array(_)) => Expr::List(e),
                _ => Expr::None,
            },
            Expr::Leaf(_) => self,
            _ => Expr::None,
        }
    }

    fn element(self, i: usize) -> Expr<'c> {
        match self {
            Expr::List(l) => match l.get(i) {
                Some(e @ J::Object(_)) => Expr::Map(e),
                _ => Expr::None,
            },
            Expr::Leaf(_) => self,
            _ => Expr::None,
        }
    }
}

struct Builder<'r, 'c> {
    scope: &'r Scope<'c>,
    address: &'r str,
}

impl Builder<'_, '_> {
    /// The value at `path`: the planned value `v` with the parts `unknown` marks replaced by
    /// unknown values referring to what the configuration expression refers to.
    fn build(
        &self,
        v: Option<&J>,
        unknown: Option<&J>,
        expr: Expr<'_>,
        path: &mut Vec<String>,
    ) -> Option<Value> {
        if let Some(J::Bool(true)) = unknown {
            {
                let refs = match expr {
                    Expr::Leaf(e) => self.scope.resources_of(e),
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
        }
        let unknown_obj = unknown.and_then(J::as_object);
        let unknown_arr = unknown.and_then(J::as_array);
        match v {
            Some(J::Object(map)) => {
                let mut out = Map::new();
                for (k, child) in map {
                    path.push(k.clone());
                    let u = unknown_obj.and_then(|u| u.get(k));
                    if let Some(val) = self.build(Some(child), u, expr.child(k), path) {
                        out.insert(Arc::from(k.as_str()), val);
                    }
                    path.pop();
                }
                // Unknown attributes are left out of planned values: add them.
                if let Some(u) = unknown_obj {
                    for (k, uv) in u {
                        if map.contains_key(k) || !has_true(uv) {
                            continue;
                        }
                        path.push(k.clone());
                        if let Some(val) = self.build(None, Some(uv), expr.child(k), path) {
                            out.insert(Arc::from(k.as_str()), val);
                        }
                        path.pop();
                    }
                }
                Some(Value::object(out))
            }
            Some(J::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    path.push(i.to_string());
                    let u = unknown_arr.and_then(|u| u.get(i));
                    let val = self
                        .build(Some(item), u, expr.element(i), path)
                        .unwrap_or_default();
                    out.push(val);
                    path.pop();
                }
                Some(Value::list(out))
            }
            Some(scalar) => Some(Value::from_json(scalar)),
            None => {
                // Absent from the values but with unknown parts below.
                if unknown_obj.is_some() {
                    let empty = J::Object(serde_json::Map::new());
                    return self.build(Some(&empty), unknown, expr, path);
                }
                if let Some(u) = unknown_arr {
                    let nulls = J::Array(vec![J::Null; u.len()]);
                    return self.build(Some(&nulls), unknown, expr, path);
                }
                None
            }
        }
    }
}

/// The first part of a mask (`after_unknown`, `after_sensitive`: bools, lists and objects of
/// them) that is neither, described for a warning.
fn bad_mask_part(mask: &J, path: String) -> Option<String> {
    let at = |p: &str| {
        if p.is_empty() {
            String::new()
        } else {
            format!(" at `{p}`")
        }
    };
    match mask {
        J::Bool(_) | J::Null => None,
        J::Array(items) => items.iter().enumerate().find_map(|(i, m)| {
            bad_mask_part(
                m,
                if path.is_empty() {
                    i.to_string()
                } else {
                    format!("{path}.{i}")
                },
            )
        }),
        J::Object(map) => map.iter().find_map(|(k, m)| {
            bad_mask_part(
                m,
                if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                },
            )
        }),
        other => Some(format!("a {}{}", json_type(other), at(&path))),
    }
}

/// Whether a mask (`after_unknown`) has `true` anywhere.
fn has_true(mask: &J) -> bool {
    match mask {
        J::Bool(b) => *b,
        J::Array(items) => items.iter().any(has_true),
        J::Object(map) => map.values().any(has_true),
        _ => false,
    }
}

fn json_type(v: &J) -> &'static str {
    match v {
        J::Null => "null",
        J::Bool(_) => "bool",
        J::Number(_) => "number",
        J::String(_) => "string",
        J::Array(_) => "list",
        J::Object(_) => "object",
    }
}

/// Marks the parts `mask` (same shape as the value, `true` where sensitive) says are sensitive.
fn apply_sensitive(v: Value, mask: &J) -> Value {
    match mask {
        J::Bool(true) => mark_all(v),
        J::Object(m) => match &v.kind {
            Kind::Object(map) => {
                let mut out = (**map).clone();
                for (k, sub) in m {
                    if let Some(child) = out.remove(k.as_str()) {
                        out.insert(Arc::from(k.as_str()), apply_sensitive(child, sub));
                    }
                }
                Value {
                    kind: Kind::Object(Arc::new(out)),
                    ..v
                }
            }
            _ => v,
        },
        J::Array(items) => match &v.kind {
            Kind::List(list) => {
                let out: Vec<Value> = list
                    .iter()
                    .enumerate()
                    .map(|(i, e)| match items.get(i) {
                        Some(sub) => apply_sensitive(e.clone(), sub),
                        None => e.clone(),
                    })
                    .collect();
                Value {
                    kind: Kind::List(Arc::new(out)),
                    ..v
                }
            }
            _ => v,
        },
        _ => v,
    }
}

/// Marks a value and everything in it sensitive.
fn mark_all(v: Value) -> Value {
    let kind = match v.kind {
        Kind::Object(map) => Kind::Object(Arc::new(
            map.iter()
                .map(|(k, c)| (k.clone(), mark_all(c.clone())))
                .collect(),
        )),
        Kind::List(items) => Kind::List(Arc::new(items.iter().cloned().map(mark_all).collect())),
        k => k,
    };
    Value {
        kind,
        span: v.span,
        sensitive: true,
    }
}

/// Spans of the attributes (`acl`), nested blocks (`ingress.0`) and their attributes
/// (`ingress.0.cidr_blocks`) inside the plan's `values`. Sensitive parts get none, so no
/// report ever quotes the plan line that holds them.
fn record_spans(v: &Value, node: &Node, rec: &mut SpanRecorder, file: FileId) {
    match &v.kind {
        Kind::Object(map) => {
            for (k, child) in map.iter() {
                if child.sensitive {
                    continue;
                }
                let Some(m) = node.member(k) else { continue };
                rec.record(k, Span::new(file, m.span.clone()));
                let mark = rec.enter_segment(k);
                record_spans(child, &m.value, rec, file);
                rec.leave(mark);
            }
        }
        Kind::List(items) => {
            for (i, child) in items.iter().enumerate() {
                if child.sensitive {
                    continue;
                }
                let Some(n) = node.index(i) else { continue };
                let mut digits = itoa::Buffer::new();
                let index = digits.format(i);
                rec.record(index, Span::new(file, n.span.clone()));
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

/// `Ok` for the plan format versions onus reads: 0.1, 0.2 (Terraform 0.12 to 1.0) and 1.x
/// (Terraform 1.1 onwards; minor versions only add fields).
fn check_format(v: Option<&J>) -> Result<(), String> {
    let Some(v) = v else {
        return Err(format!(
            "the plan has no `format_version`; is it `terraform show -json` output? onus reads plan format versions {SUPPORTED_FORMATS}"
        ));
    };
    let Some(s) = v.as_str() else {
        return Err(format!(
            "the plan's `format_version` is a {}, not a version string; onus reads plan format versions {SUPPORTED_FORMATS}",
            json_type(v)
        ));
    };
    let mut parts = s.split('.');
    let major = parts.next().and_then(|p| p.parse::<u64>().ok());
    let minor = parts.next().and_then(|p| p.parse::<u64>().ok());
    match (major, minor) {
        (Some(1), Some(_)) | (Some(0), Some(1 | 2)) => Ok(()),
        _ => Err(format!(
            "plan format_version {s:?} is not supported; onus reads plan format versions {SUPPORTED_FORMATS}"
        )),
    }
}

/// A note when the plan was written by a Terraform newer than onus knows.
fn check_terraform_version(v: Option<&J>) -> Option<String> {
    let s = v?.as_str()?;
    let mut parts = s.split(['.', '-', '+']);
    let major = parts.next()?.parse::<u64>().ok()?;
    let minor = parts.next()?.parse::<u64>().ok()?;
    if (major, minor) > NEWEST_KNOWN_TERRAFORM {
        Some(format!(
            "the plan was written by Terraform {s}, newer than the {}.{} onus knows; fields it added are ignored",
            NEWEST_KNOWN_TERRAFORM.0, NEWEST_KNOWN_TERRAFORM.1
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn format_versions() {
        for ok in ["0.1", "0.2", "1.0", "1.2", "1.10"] {
            assert!(check_format(Some(&json!(ok))).is_ok(), "{ok}");
        }
        for bad in [
            json!("0.3"),
            json!("2.0"),
            json!("9.0"),
            json!("x"),
            json!(1),
        ] {
            assert!(check_format(Some(&bad)).is_err(), "{bad}");
        }
        assert!(check_format(None).is_err());
    }

    #[test]
    fn terraform_versions() {
        assert!(check_terraform_version(Some(&json!("1.9.5"))).is_none());
        assert!(check_terraform_version(Some(&json!("2.0.0"))).is_some());
        assert!(check_terraform_version(Some(&json!("1.99.0-alpha"))).is_some());
    }

    #[test]
    fn module_part_of_addresses() {
        assert_eq!(module_of("aws_s3_bucket.b"), "");
        assert_eq!(
            module_of(r#"module.a["x.y"].module.b.aws_s3_bucket.c[0]"#),
            r#"module.a["x.y"].module.b"#
        );
    }

    fn read_text(text: &str) -> (Vec<Instance>, Vec<Diagnostic>) {
        let src = SourceFile::new("p.json".into(), "p.json".into(), text);
        let json: J = serde_json::from_str(text).expect("json");
        let mut reader = Reader::new(FileId(0), &src);
        let positions = spans::parse(text);
        let found = reader.read(&json, positions.as_ref());
        (found, reader.finish())
    }

    #[test]
    fn unknown_parts_refer_to_what_the_configuration_references() {
        let plan = json!({
            "format_version": "1.2",
            "planned_values": {"root_module": {"resources": [
                {"address": "aws_s3_bucket_versioning.v", "mode": "managed", "type": "aws_s3_bucket_versioning",
                 "name": "v", "values": {"versioning_configuration": [{"status": "Enabled"}]}},
                {"address": "aws_instance.whole", "mode": "managed", "type": "aws_instance",
                 "name": "whole", "values": {}}
            ]}},
            "resource_changes": [
                {"address": "aws_s3_bucket_versioning.v", "change": {"actions": ["create"],
                 "after_unknown": {"bucket": true, "id": true, "versioning_configuration": [{"mfa_delete": true}]}}},
                {"address": "aws_instance.whole", "change": {"actions": ["update"], "after_unknown": true}}
            ],
            "configuration": {"root_module": {"resources": [
                {"address": "aws_s3_bucket_versioning.v", "mode": "managed", "type": "aws_s3_bucket_versioning",
                 "name": "v", "expressions": {"bucket": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}}}
            ]}}
        });
        let (found, diags) = read_text(&serde_json::to_string_pretty(&plan).expect("text"));
        assert!(diags.is_empty(), "{diags:?}");
        let v = &found[0];
        let bucket = v
            .values
            .get("bucket")
            .and_then(Value::as_unknown)
            .expect("unknown");
        assert_eq!(bucket.refs, vec![Arc::<str>::from("aws_s3_bucket.b")]);
        assert!(bucket.non_null);
        let id = v
            .values
            .get("id")
            .and_then(Value::as_unknown)
            .expect("unknown id");
        assert!(id.refs.is_empty());
        let block = v
            .values
            .get("versioning_configuration")
            .and_then(Value::as_list)
            .expect("block list");
        assert_eq!(
            block[0].get("status").and_then(Value::as_str),
            Some("Enabled")
        );
        assert!(!block[0].get("mfa_delete").expect("mfa_delete").is_known());
        assert!(v
            .attribute_spans
            .contains_key("versioning_configuration.0.status"));
        // A resource unknown as a whole is not read as one with every attribute absent.
        assert!(!found[1].values.is_known());
    }

    #[test]
    fn sensitive_masks_mark_deeply() {
        let v = Value::from_json(&json!({"a": {"b": "s"}, "c": ["x", "y"]}));
        let v = apply_sensitive(v, &json!({"a": true, "c": [false, true]}));
        assert!(v
            .get("a")
            .and_then(|a| a.get("b"))
            .is_some_and(|b| b.sensitive));
        let c = v.get("c").and_then(Value::as_list).expect("list");
        assert!(!c[0].sensitive && c[1].sensitive);
    }
}
