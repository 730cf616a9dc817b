//! Condition evaluation over instance values, blame (which attribute made a rule fail, and
//! where its value was set), and the reverse-reference index behind `linked`.

use crate::finding::Finding;
use crate::model::{Instance, ResourceMode};
use crate::rules::{CompareOp, Condition, Quantifier, Rule, RuleSet, Test};
use crate::source::{FileId, SourceMap, Span};
use crate::taxonomy::ServiceModel;
use crate::value::{Kind, Tri, Value};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// One rule evaluated on one instance.
#[derive(Debug, Clone, Copy)]
pub struct Evaluation {
    /// Index in the rule set.
    pub rule: u32,
    /// Index of the instance (the scan result's resources).
    pub instance: u32,
    /// True: compliant; False: a finding; Unknown: could not tell.
    pub result: Tri,
}

#[derive(Debug, Default)]
pub struct CheckOutput {
    /// Boxed: findings move from per-root vectors into the scan's, and a pointer moves
    /// cheaper than a finding.
    pub findings: Vec<Box<Finding>>,
    pub evaluations: Vec<Evaluation>,
    /// Why each undecided evaluation could not be decided, in evaluation order.
    pub undecided: Vec<Undecided>,
}

/// A rule that could not be decided on a resource, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Undecided {
    pub rule_id: Arc<str>,
    pub address: String,
    /// The attribute whose value could not be known, when one is to blame.
    pub attribute: Option<String>,
    /// What could not be known: "variable `x` has no value", "... known only after apply".
    pub reason: String,
    /// The attribute, or the resource block header.
    pub primary: Span,
    /// Where the unknown value was set, when that is elsewhere (a variable declaration).
    pub value_span: Option<Span>,
}

/// Why a condition failed: the attribute path (dotted, with list indexes) and a label.
#[derive(Debug, Clone)]
struct Blame {
    path: Option<String>,
    label: String,
    /// Where the offending value was set, when that differs from the attribute.
    value_span: Option<Span>,
}

struct Outcome {
    tri: Tri,
    blame: Option<Blame>,
}

impl Outcome {
    fn of(tri: Tri) -> Self {
        Outcome { tri, blame: None }
    }
    /// Undecided, and why: for an unknown outcome the blame says what could not be known
    /// (the attribute, the reason, and where the unknown value was set).
    fn unknown(path: Option<String>, why: impl Into<String>, at: Option<Span>) -> Self {
        Outcome {
            tri: Tri::Unknown,
            blame: Some(Blame {
                path,
                label: why.into(),
                value_span: at,
            }),
        }
    }
    /// Undecided because of `v`, an unknown value at `path`.
    fn unknown_value(path: &str, v: &Value) -> Self {
        let why = v
            .as_unknown()
            .map(|u| u.why.to_string())
            .unwrap_or_else(|| "the value is known only after apply".to_string());
        Outcome::unknown(
            Some(path.to_string()).filter(|p| !p.is_empty()),
            why,
            v.span,
        )
    }
    fn fail(blame: Blame) -> Self {
        Outcome {
            tri: Tri::False,
            blame: Some(blame),
        }
    }
}

/// Instances that refer to others through one attribute, by referenced address and by
/// known string value, so `linked` is a lookup rather than a scan of every instance.
#[derive(Default)]
struct LinkIndex {
    by_ref: HashMap<(Arc<str>, Arc<str>), Vec<usize>>,
    by_value: HashMap<(Arc<str>, Arc<str>), Vec<usize>>,
    /// Candidates whose attribute cannot be resolved at all, per root.
    unresolved: HashMap<Arc<str>, Vec<usize>>,
}

struct Ctx<'a> {
    instances: &'a [Instance],
    links: HashMap<(Arc<str>, Arc<str>), LinkIndex>,
    /// Managed instances by (root, address) and (root, address without key), for `target`.
    by_address: HashMap<(Arc<str>, &'a str), Vec<usize>>,
    /// Managed instances by (root, resource type), for `target` with `match`.
    by_type: HashMap<(Arc<str>, &'a str), Vec<usize>>,
}

/// The indexes `target` looks resources up in.
type TargetIndex<'a> = (
    HashMap<(Arc<str>, &'a str), Vec<usize>>,
    HashMap<(Arc<str>, &'a str), Vec<usize>>,
);

fn build_targets(instances: &[Instance]) -> TargetIndex<'_> {
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

/// A rule set ready to check instances: what its `linked` conditions look up is gathered once,
/// not for every root module checked.
pub struct Checker<'r> {
    rules: &'r RuleSet,
    /// Every (resource type, via attribute) some `linked` condition looks up, sorted.
    linked: Vec<(Arc<str>, Arc<str>)>,
    /// Some rule has a `target` condition: the address index is built.
    targets: bool,
    /// Files where an ignore comment may sit (sorted). A finding keeps only the enclosing
    /// spans in these files.
    anchor_files: &'r [FileId],
}

impl<'r> Checker<'r> {
    /// `anchor_files`: the files that hold ignore comments, sorted.
    pub fn new(rules: &'r RuleSet, anchor_files: &'r [FileId]) -> Self {
        let mut linked = Vec::new();
        for r in rules.rules() {
            r.assert.linked_pairs(&mut linked);
            if let Some(w) = &r.when {
                w.linked_pairs(&mut linked);
            }
        }
        linked.sort();
        linked.dedup();
        let targets = rules
            .rules()
            .iter()
            .any(|r| r.assert.has_target() || r.when.as_ref().is_some_and(Condition::has_target));
        Checker {
            rules,
            linked,
            targets,
            anchor_files,
        }
    }

    /// Runs every rule on every applicable managed instance, in parallel. Evaluations index
    /// `instances`; `linked` conditions look for partners among them. `classify` gives the
    /// service and service model a finding reports.
    pub fn check(
        &self,
        instances: &[Instance],
        sources: &SourceMap,
        classify: &(dyn Fn(&str) -> (Arc<str>, ServiceModel) + Sync),
    ) -> CheckOutput {
        let rules = self.rules;
        let (by_address, by_type) = if self.targets {
            build_targets(instances)
        } else {
            Default::default()
        };
        let ctx = Ctx {
            instances,
            links: build_links(instances, &self.linked),
            by_address,
            by_type,
        };
        let per_instance: Vec<(Vec<Box<Finding>>, Vec<Evaluation>, Vec<Undecided>)> = instances
            .par_iter()
            .enumerate()
            .filter(|(_, inst)| inst.mode == ResourceMode::Managed)
            .map(|(i, inst)| {
                let mut findings = Vec::new();
                let mut evals = Vec::new();
                let mut undecided = Vec::new();
                let applicable = rules.for_type(&inst.resource_type);
                if applicable.is_empty() {
                    return (findings, evals, undecided);
                }
                // Only findings report the service: classified at the first one.
                let mut class: Option<(Arc<str>, ServiceModel)> = None;
                for &r in applicable {
                    let rule = &rules.rules()[r];
                    let result = evaluate_rule(&ctx, rule, inst);
                    let Some(result) = result else { continue };
                    evals.push(Evaluation {
                        rule: u32::try_from(r).unwrap_or(u32::MAX),
                        instance: u32::try_from(i).unwrap_or(u32::MAX),
                        result: result.tri,
                    });
                    if result.tri == Tri::Unknown {
                        let blame = result.blame.as_ref();
                        let attribute = blame.and_then(|b| b.path.clone());
                        let primary = attribute
                            .as_deref()
                            .map_or(inst.header, |p| inst.span_of(p));
                        undecided.push(Undecided {
                            rule_id: rule.id.clone(),
                            address: inst.address.clone(),
                            attribute: attribute.as_deref().map(display_path),
                            reason: blame.map_or_else(
                                || "cannot be decided from the configuration".to_string(),
                                |b| b.label.clone(),
                            ),
                            primary,
                            value_span: blame
                                .and_then(|b| b.value_span)
                                .filter(|s| *s != primary && *s != Span::default()),
                        });
                    }
                    if result.tri == Tri::False {
                        let (service, model) = class
                            .get_or_insert_with(|| classify(&inst.resource_type))
                            .clone();
                        findings.push(Box::new(make_finding(
                            rule,
                            inst,
                            result.blame,
                            sources,
                            service,
                            model,
                            self.anchor_files,
                        )));
                    }
                }
                (findings, evals, undecided)
            })
            .collect();
        let mut out = CheckOutput::default();
        for (f, e, u) in per_instance {
            out.findings.extend(f);
            out.evaluations.extend(e);
            out.undecided.extend(u);
        }
        out
    }
}

/// `None` when the rule's `when` says it does not apply.
fn evaluate_rule(ctx: &Ctx<'_>, rule: &Rule, inst: &Instance) -> Option<Outcome> {
    if let Some(when) = &rule.when {
        let o = eval(ctx, when, inst, &inst.values, "");
        match o.tri {
            Tri::False => return None,
            Tri::Unknown => return Some(o),
            Tri::True => {}
        }
    }
    Some(eval(ctx, &rule.assert, inst, &inst.values, ""))
}

fn build_links(
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

/// `logging.log_bucket` → [`logging`, `log_bucket`].
fn via_path(via: &str) -> Vec<Arc<str>> {
    via.split('.')
        .filter(|p| !p.is_empty())
        .map(Arc::from)
        .collect()
}

fn join(prefix: &str, path: &str) -> String {
    if prefix.is_empty() {
        path.to_string()
    } else {
        format!("{prefix}.{path}")
    }
}

/// Values selected by a path: walking into objects by name and into every element of lists.
struct Selection<'v> {
    values: Vec<(String, &'v Value)>,
    /// An unknown value met on the way: some selections cannot be known.
    unknown: bool,
    /// The first such value and its path, to say why.
    unknown_value: Option<(String, &'v Value)>,
    /// The deepest path that exists, for blaming an absent attribute.
    deepest: String,
}

fn select<'v>(root: &'v Value, path: &[Arc<str>], prefix: &str) -> Selection<'v> {
    let mut sel = Selection {
        values: Vec::new(),
        unknown: false,
        unknown_value: None,
        deepest: prefix.to_string(),
    };
    let mut at = String::with_capacity(prefix.len() + 32);
    at.push_str(prefix);
    walk(root, path, &mut at, &mut sel);
    sel
}

/// Walks `path` from `v`, whose path is `at` (a buffer extended and restored on the way down).
fn walk<'v>(v: &'v Value, path: &[Arc<str>], at: &mut String, sel: &mut Selection<'v>) {
    match &v.kind {
        // An unknown value at the end of the path is selected: it is set to an expression,
        // so `present` can still be decided; only an unknown on the way hides what is below.
        Kind::Unknown(_) if !path.is_empty() => {
            sel.unknown = true;
            if sel.unknown_value.is_none() {
                sel.unknown_value = Some((at.clone(), v));
            }
            return;
        }
        Kind::Null => return,
        _ => {}
    }
    if at.len() > sel.deepest.len() {
        sel.deepest.clone_from(at);
    }
    let Some((head, rest)) = path.split_first() else {
        sel.values.push((at.clone(), v));
        return;
    };
    let mark = at.len();
    match &v.kind {
        Kind::Object(map) => {
            if let Some(child) = map.get(head) {
                if !at.is_empty() {
                    at.push('.');
                }
                at.push_str(head);
                walk(child, rest, at, sel);
                at.truncate(mark);
            }
        }
        Kind::List(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push('.');
                at.push_str(itoa::Buffer::new().format(i));
                walk(item, path, at, sel);
                at.truncate(mark);
            }
        }
        _ => {}
    }
}

fn eval(ctx: &Ctx<'_>, c: &Condition, inst: &Instance, root: &Value, prefix: &str) -> Outcome {
    match c {
        Condition::All(items) => {
            let mut acc = Tri::True;
            let mut blame = None;
            for item in items {
                let o = eval(ctx, item, inst, root, prefix);
                if o.tri == Tri::False {
                    return o;
                }
                acc = acc.and(o.tri);
                if blame.is_none() {
                    blame = o.blame;
                }
            }
            Outcome {
                tri: acc,
                blame: if acc == Tri::True { None } else { blame },
            }
        }
        Condition::Any(items) => {
            let mut acc = Tri::False;
            let mut first_blame: Option<Blame> = None;
            let mut first_unknown = None;
            // What a failed linked alternative says ("no `aws_s3_bucket_versioning` refers
            // to this resource"): it names the resource the fix usually adds, so the detail
            // keeps it even when an attribute alternative is blamed.
            let mut linked_label: Option<String> = None;
            for item in items {
                let o = eval(ctx, item, inst, root, prefix);
                if o.tri == Tri::True {
                    return o;
                }
                acc = acc.or(o.tri);
                if o.tri == Tri::False && matches!(item, Condition::Linked { .. }) {
                    if let (None, Some(b)) = (&linked_label, &o.blame) {
                        linked_label = Some(b.label.clone());
                    }
                }
                // A failure at a value that is set says more than one at the resource header
                // (an alternative whose attribute is simply absent).
                if o.tri == Tri::False
                    && (first_blame.is_none()
                        || (at_header(first_blame.as_ref()) && points_at_value(o.blame.as_ref())))
                {
                    first_blame = o.blame;
                } else if o.tri == Tri::Unknown && first_unknown.is_none() {
                    first_unknown = o.blame;
                }
            }
            if let (Some(b), Some(linked)) = (&mut first_blame, linked_label) {
                if b.label != linked {
                    b.label = format!("{}, and {linked}", b.label);
                }
            }
            Outcome {
                tri: acc,
                blame: match acc {
                    Tri::False => first_blame,
                    Tri::Unknown => first_unknown,
                    Tri::True => None,
                },
            }
        }
        Condition::Not(inner) => {
            let o = eval(ctx, inner, inst, root, prefix);
            match o.tri {
                Tri::True => {
                    // Point at the value that makes the forbidden body hold, when one is set.
                    let seen = witness(inner, root, prefix);
                    Outcome::fail(Blame {
                        path: o
                            .blame
                            .as_ref()
                            .and_then(|b| b.path.clone())
                            .or_else(|| seen.as_ref().map(|(p, _)| p.clone())),
                        label: match &seen {
                            Some((p, v)) => match v.plain_reference() {
                                Some(r) if !v.is_known() => format!(
                                    "`{}` is read from {r}, which is not allowed",
                                    last_name(p)
                                ),
                                _ => format!("`{}` = {} is not allowed", last_name(p), v.display()),
                            },
                            None => "this setting is not allowed".into(),
                        },
                        value_span: seen.and_then(|(_, v)| v.span),
                    })
                }
                Tri::False => Outcome::of(Tri::True),
                Tri::Unknown => o,
            }
        }
        Condition::Attribute {
            path,
            tests,
            default,
        } => eval_attribute(root, path, tests, default.as_ref(), prefix),
        Condition::Type { tests } => {
            let ty = Value::string(inst.resource_type.clone());
            let r = Tri::all(tests.iter().map(|t| run_test(t, &ty)));
            if r == Tri::False {
                Outcome::fail(Blame {
                    path: None,
                    label: format!("the resource type is `{}`", inst.resource_type),
                    value_span: None,
                })
            } else {
                Outcome::of(r)
            }
        }
        Condition::Target {
            via,
            resource_type,
            match_attribute,
            quantifier,
            body,
        } => eval_target(
            ctx,
            inst,
            root,
            prefix,
            via,
            resource_type.as_deref(),
            match_attribute.as_deref(),
            *quantifier == Quantifier::Some,
            body,
        ),
        Condition::Quantified {
            quantifier,
            path,
            body,
        } => {
            let sel = select(root, path, prefix);
            let mut elements: Vec<(String, &Value)> = Vec::new();
            let mut unknown = sel.unknown;
            let mut why = sel
                .unknown_value
                .as_ref()
                .map(|(p, v)| Outcome::unknown_value(p, v));
            for (p, v) in &sel.values {
                match &v.kind {
                    Kind::List(items) => {
                        for (i, item) in items.iter().enumerate() {
                            elements.push((format!("{p}.{i}"), item));
                        }
                    }
                    // A partly known string is one string, not an unknown collection.
                    Kind::Unknown(_) if v.literal_parts().is_none() => {
                        unknown = true;
                        why.get_or_insert_with(|| Outcome::unknown_value(p, v));
                    }
                    _ => elements.push((p.clone(), v)),
                }
            }
            let results: Vec<(Outcome, &str)> = elements
                .iter()
                .map(|(p, v)| {
                    // A partly known string may still satisfy (or fail) a `value` test, and a
                    // plain reference a `refers_to`.
                    let o = if v.is_known()
                        || v.literal_parts().is_some()
                        || v.plain_reference().is_some()
                    {
                        eval(ctx, body, inst, v, p)
                    } else {
                        Outcome::unknown_value(p, v)
                    };
                    (o, p.as_str())
                })
                .collect();
            // Why the quantifier is undecided: an unknown collection, or an undecided element.
            let undecided = move |results: &[(Outcome, &str)]| -> Outcome {
                why.or_else(|| {
                    results
                        .iter()
                        .find(|(o, _)| o.tri == Tri::Unknown)
                        .map(|(o, _)| Outcome {
                            tri: Tri::Unknown,
                            blame: o.blame.clone(),
                        })
                })
                .unwrap_or_else(|| Outcome::of(Tri::Unknown))
            };
            let path_str = || join(prefix, &path.join("."));
            match quantifier {
                Quantifier::Some => {
                    if results.iter().any(|(o, _)| o.tri == Tri::True) {
                        return Outcome::of(Tri::True);
                    }
                    if unknown || results.iter().any(|(o, _)| o.tri == Tri::Unknown) {
                        return undecided(&results);
                    }
                    let blame = results
                        .into_iter()
                        .next()
                        .and_then(|(o, _)| o.blame)
                        .unwrap_or(Blame {
                            path: Some(path_str()),
                            label: format!("no `{}` satisfies the rule", path.join(".")),
                            value_span: None,
                        });
                    Outcome::fail(blame)
                }
                Quantifier::Every if results.is_empty() && !unknown => Outcome::fail(Blame {
                    path: Some(sel.deepest.clone()).filter(|p| !p.is_empty()),
                    label: format!("no `{}` is set", path.join(".")),
                    value_span: None,
                }),
                Quantifier::Each | Quantifier::Every => {
                    for (o, _) in &results {
                        if o.tri == Tri::False {
                            return Outcome {
                                tri: Tri::False,
                                blame: o.blame.clone(),
                            };
                        }
                    }
                    if unknown || results.iter().any(|(o, _)| o.tri == Tri::Unknown) {
                        undecided(&results)
                    } else {
                        Outcome::of(Tri::True)
                    }
                }
                Quantifier::None => {
                    if let Some(i) = results.iter().position(|(o, _)| o.tri == Tri::True) {
                        // Point at the offending value inside the element when one is set
                        // (`value = "0.0.0.0/0"` in `authorized_networks`, also through
                        // `dynamic`), else at the element.
                        let (p, element) = &elements[i];
                        return Outcome::fail(match witness(body, element, p) {
                            // The element itself (`value { ... }` in a list of strings).
                            Some((at, v)) if at == *p => Blame {
                                label: format!(
                                    "`{}` has {}, which is not allowed",
                                    path.join("."),
                                    match v.plain_reference() {
                                        Some(r) if !v.is_known() =>
                                            format!("a value read from {r}"),
                                        _ => v.display(),
                                    }
                                ),
                                path: Some(at),
                                value_span: v.span,
                            },
                            Some((at, v)) => Blame {
                                label: format!(
                                    "this `{}` has `{}` = {}",
                                    path.join("."),
                                    last_name(&at),
                                    v.display()
                                ),
                                path: Some(at),
                                value_span: v.span,
                            },
                            None => Blame {
                                path: Some(p.clone()),
                                label: format!("this `{}` is not allowed", path.join(".")),
                                value_span: None,
                            },
                        });
                    }
                    if unknown || results.iter().any(|(o, _)| o.tri == Tri::Unknown) {
                        undecided(&results)
                    } else {
                        Outcome::of(Tri::True)
                    }
                }
            }
        }
        Condition::Linked {
            resource_type,
            via,
            match_attribute,
            body,
        } => eval_linked(
            ctx,
            inst,
            resource_type,
            via,
            match_attribute.as_deref(),
            body,
        ),
        Condition::Builtin { name, func, args } => match func(root, args) {
            Ok(o) => {
                if o.result == Tri::False {
                    let path = o.attribute.map(|a| join(prefix, &a));
                    let value_span = path
                        .as_deref()
                        .and_then(|p| value_at(root, prefix, p))
                        .and_then(origin_span);
                    Outcome::fail(Blame {
                        path,
                        label: o.detail.unwrap_or_else(|| format!("fails `{name}`")),
                        value_span,
                    })
                } else if o.result == Tri::Unknown {
                    let path = o.attribute.map(|a| join(prefix, &a));
                    let at = path
                        .as_deref()
                        .and_then(|p| value_at(root, prefix, p))
                        .and_then(|v| v.span);
                    let why = o
                        .detail
                        .unwrap_or_else(|| format!("`{name}` cannot tell from the values known"));
                    Outcome::unknown(path, why, at)
                } else {
                    Outcome::of(o.result)
                }
            }
            // Bad arguments are rejected when the rule is parsed; should one slip through, the
            // honest answer at scan time is "cannot tell".
            Err(e) => Outcome::unknown(None, format!("`{name}`: {e}"), None),
        },
    }
}

/// Whether a blame points at the resource header (names no attribute).
fn at_header(b: Option<&Blame>) -> bool {
    b.is_none_or(|b| b.path.is_none())
}

/// Whether a blame names an attribute that is set (not a missing one, not the header).
fn points_at_value(b: Option<&Blame>) -> bool {
    b.is_some_and(|b| b.path.is_some() && b.value_span.is_some())
}

/// The last name of a dotted path, skipping list indexes: `ingress.0.cidr_blocks` → `cidr_blocks`.
fn last_name(p: &str) -> &str {
    p.rsplit('.')
        .find(|s| s.parse::<usize>().is_err())
        .unwrap_or(p)
}

/// The last attribute a condition tests that is set, with its path: what a `not` that holds
/// is about. Rules name what kind of setting it is first and the offending value last
/// (`name = "require_secure_transport"`, then `value = "OFF"`).
fn witness<'v>(c: &Condition, root: &'v Value, prefix: &str) -> Option<(String, &'v Value)> {
    match c {
        Condition::Attribute { path, .. } => select(root, path, prefix)
            .values
            .into_iter()
            .rfind(|(_, v)| !v.is_null()),
        Condition::All(items) | Condition::Any(items) => {
            items.iter().rev().find_map(|i| witness(i, root, prefix))
        }
        _ => None,
    }
}

/// Where a value was set; for a list written in place whose element came from elsewhere (a
/// variable in `cidr_blocks = [var.x]`), where that element was set.
fn origin_span(v: &Value) -> Option<Span> {
    let own = v.span?;
    if let Kind::List(items) = &v.kind {
        let outside = items
            .iter()
            .filter_map(|i| i.span)
            .find(|s| s.file != own.file || s.start < own.start || s.end > own.end);
        if outside.is_some() {
            return outside;
        }
    }
    Some(own)
}

/// The value at a full dotted path below `root` (whose own path is `prefix`).
fn value_at<'v>(root: &'v Value, prefix: &str, path: &str) -> Option<&'v Value> {
    let rel = if prefix.is_empty() {
        path
    } else {
        path.strip_prefix(prefix)?.trim_start_matches('.')
    };
    let mut v = root;
    for seg in rel.split('.').filter(|s| !s.is_empty()) {
        v = match &v.kind {
            Kind::Object(m) => m.get(seg)?,
            Kind::List(items) => items.get(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(v)
}

fn eval_attribute(
    root: &Value,
    path: &[Arc<str>],
    tests: &[Test],
    default: Option<&Value>,
    prefix: &str,
) -> Outcome {
    let sel = select(root, path, prefix);
    let name = || path.join(".");
    let present_values: Vec<&(String, &Value)> =
        sel.values.iter().filter(|(_, v)| !v.is_null()).collect();
    let on_the_way = || match &sel.unknown_value {
        Some((p, v)) => Outcome::unknown_value(p, v),
        None => Outcome::of(Tri::Unknown),
    };
    if present_values.is_empty() {
        if sel.unknown {
            return on_the_way();
        }
        // Absent: `present = false` holds; other tests run on the default, or fail.
        let mut acc = Tri::True;
        for t in tests {
            let r = match (t, default) {
                (Test::Present(p), _) => Tri::from_bool(!p),
                (_, Some(d)) => run_test_at(t, d, root, prefix),
                (_, None) => Tri::False,
            };
            acc = acc.and(r);
            if acc == Tri::False {
                let label = match default {
                    Some(d) if !matches!(t, Test::Present(_)) => {
                        format!("`{}` is not set (defaults to {})", name(), d.display())
                    }
                    _ => format!("`{}` is not set", name()),
                };
                return Outcome::fail(Blame {
                    path: Some(sel.deepest.clone()).filter(|p| !p.is_empty()),
                    label,
                    value_span: None,
                });
            }
        }
        return Outcome::of(acc);
    }
    let mut acc = if sel.unknown { Tri::Unknown } else { Tri::True };
    let mut why: Option<Outcome> = None;
    for (p, v) in present_values {
        for t in tests {
            // On a value that is not known, only `present` and a pattern the known parts of a
            // string decide are decided; every other test is unknown.
            let r = match t {
                Test::CompareAttribute(..) if !v.is_known() => Tri::Unknown,
                _ => run_test_at(t, v, root, prefix),
            };
            if r == Tri::False {
                let shown = p
                    .rsplit('.')
                    .find(|s| s.parse::<usize>().is_err())
                    .map_or_else(name, str::to_string);
                let label = match t {
                    Test::NotRefersTo(ty) => super::reference::referenced(v, ty)
                        .map(|r| format!("`{shown}` is read from {r}")),
                    _ => None,
                };
                return Outcome::fail(Blame {
                    path: Some(p.clone()),
                    label: label.unwrap_or_else(|| format!("`{shown}` = {}", v.display())),
                    value_span: v.span,
                });
            }
            if r == Tri::Unknown && why.is_none() {
                why = Some(if v.is_known() {
                    Outcome::unknown(
                        Some(p.clone()),
                        format!("`{}` = {} cannot be compared", name(), v.display()),
                        v.span,
                    )
                } else {
                    Outcome::unknown_value(p, v)
                });
            }
            acc = acc.and(r);
        }
    }
    match acc {
        Tri::Unknown => why.unwrap_or_else(on_the_way),
        t => Outcome::of(t),
    }
}

/// `run_test`, with comparisons to another attribute resolved against `root` (at `prefix`).
fn run_test_at(t: &Test, v: &Value, root: &Value, prefix: &str) -> Tri {
    let Test::CompareAttribute(op, other) = t else {
        return run_test(t, v);
    };
    let sel = select(root, other, prefix);
    let others: Vec<&Value> = sel
        .values
        .iter()
        .map(|(_, o)| *o)
        .filter(|o| !o.is_null())
        .collect();
    if others.is_empty() {
        if sel.unknown {
            return Tri::Unknown;
        }
        // Nothing to compare with: only "differs from" holds.
        return Tri::from_bool(*op == CompareOp::NotEquals);
    }
    let compare = |o: &Value| -> Tri {
        if !v.is_known() || !o.is_known() {
            return Tri::Unknown;
        }
        let numbers = || match (v.as_number(), o.as_number()) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        let ordered = |f: fn(f64, f64) -> bool| {
            numbers().map_or(Tri::False, |(a, b)| Tri::from_bool(f(a, b)))
        };
        match op {
            CompareOp::Equals => loose_equals(v, o),
            CompareOp::NotEquals => loose_equals(v, o).not(),
            CompareOp::Gt => ordered(|a, b| a > b),
            CompareOp::Gte => ordered(|a, b| a >= b),
            CompareOp::Lt => ordered(|a, b| a < b),
            CompareOp::Lte => ordered(|a, b| a <= b),
        }
    };
    let r = Tri::all(others.into_iter().map(compare));
    if sel.unknown {
        r.and(Tri::Unknown)
    } else {
        r
    }
}

fn run_test(t: &Test, v: &Value) -> Tri {
    let num = |f: &dyn Fn(f64) -> bool| match v.as_number() {
        Some(n) => Tri::from_bool(f(n)),
        None if !v.is_known() => Tri::Unknown,
        None => Tri::False,
    };
    let len = || -> Option<f64> {
        match &v.kind {
            Kind::List(l) => Some(l.len() as f64),
            Kind::Object(m) => Some(m.len() as f64),
            Kind::String(s) => Some(s.chars().count() as f64),
            _ => None,
        }
    };
    match t {
        Test::Present(p) => {
            let set = v.is_set();
            if *p {
                set
            } else {
                set.not()
            }
        }
        Test::Equals(x) => loose_equals(v, x),
        Test::NotEquals(x) => loose_equals(v, x).not(),
        Test::OneOf(xs) => Tri::any(xs.iter().map(|x| loose_equals(v, x))),
        Test::NotOneOf(xs) => Tri::any(xs.iter().map(|x| loose_equals(v, x))).not(),
        Test::Matches(re) => match v.to_template_string() {
            Some(s) => Tri::from_bool(re.is_match(&s)),
            None if !v.is_known() => partial_match(re, v),
            None => Tri::False,
        },
        Test::NotMatches(re) => match v.to_template_string() {
            Some(s) => Tri::from_bool(!re.is_match(&s)),
            None if !v.is_known() => partial_match(re, v).not(),
            None => Tri::True,
        },
        Test::Gt(n) => num(&|x| x > *n),
        Test::Gte(n) => num(&|x| x >= *n),
        Test::Lt(n) => num(&|x| x < *n),
        Test::Lte(n) => num(&|x| x <= *n),
        Test::Contains(x) => match &v.kind {
            Kind::List(items) => Tri::any(items.iter().map(|i| loose_equals(i, x))),
            Kind::Unknown(_) => Tri::Unknown,
            _ => loose_equals(v, x),
        },
        Test::NotContains(x) => match &v.kind {
            Kind::List(items) => Tri::any(items.iter().map(|i| loose_equals(i, x))).not(),
            Kind::Unknown(_) => Tri::Unknown,
            _ => loose_equals(v, x).not(),
        },
        Test::PortCountGt(n) => port_count(v).map_or(Tri::False, |c| c.map(|c| c > *n)),
        Test::PortCountLte(n) => port_count(v).map_or(Tri::False, |c| c.map(|c| c <= *n)),
        Test::LengthGte(n) => len().map_or(Tri::Unknown, |l| Tri::from_bool(l >= *n)),
        Test::LengthLte(n) => len().map_or(Tri::Unknown, |l| Tri::from_bool(l <= *n)),
        // Needs the resource: see `run_test_at`.
        Test::CompareAttribute(..) => Tri::Unknown,
        Test::RefersTo(ty) => super::reference::refers_to(v, ty),
        Test::NotRefersTo(ty) => super::reference::refers_to(v, ty).not(),
    }
}

/// A pattern on a value that is not known: decided from the literal parts of a partly known
/// string when they already decide it for every completion, else unknown.
fn partial_match(re: &regex::Regex, v: &Value) -> Tri {
    match v.literal_parts() {
        Some(parts) => super::partial::matches(re.as_str(), parts),
        None => Tri::Unknown,
    }
}

/// How many ports a port (`"443"`, `443`) or a port range (`"8000-8080"`, both ends included)
/// covers: `None` for a value that is neither (a test on it fails), unknown for an unknown value.
fn port_count(v: &Value) -> Option<TriCount> {
    if !v.is_known() {
        return Some(TriCount::Unknown);
    }
    let s = v.to_template_string()?;
    let port = |p: &str| p.trim().parse::<u32>().ok().filter(|p| *p <= 65535);
    let count = match s.split_once('-') {
        Some((lo, hi)) => {
            let (lo, hi) = (port(lo)?, port(hi)?);
            (lo <= hi).then(|| f64::from(hi - lo + 1))?
        }
        None => port(&s).map(|_| 1.0)?,
    };
    Some(TriCount::Known(count))
}

/// A count that may be unknown.
enum TriCount {
    Known(f64),
    Unknown,
}

impl TriCount {
    fn map(self, f: impl Fn(f64) -> bool) -> Tri {
        match self {
            TriCount::Known(c) => Tri::from_bool(f(c)),
            TriCount::Unknown => Tri::Unknown,
        }
    }
}

/// Equality with Terraform's automatic conversions between strings, numbers and bools.
fn loose_equals(v: &Value, x: &Value) -> Tri {
    match (&v.kind, &x.kind) {
        (Kind::Unknown(_), _) => Tri::Unknown,
        (
            Kind::String(_) | Kind::Number(_) | Kind::Bool(_),
            Kind::String(_) | Kind::Number(_) | Kind::Bool(_),
        ) => match (v.to_template_string(), x.to_template_string()) {
            (Some(a), Some(b)) => {
                if let (Some(na), Some(nb)) = (v.as_number(), x.as_number()) {
                    return Tri::from_bool(na == nb);
                }
                Tri::from_bool(a == b)
            }
            _ => Tri::False,
        },
        _ => v.equals(x),
    }
}

fn eval_linked(
    ctx: &Ctx<'_>,
    inst: &Instance,
    resource_type: &Arc<str>,
    via: &Arc<str>,
    match_attribute: Option<&str>,
    body: &Condition,
) -> Outcome {
    let Some(index) = ctx.links.get(&(resource_type.clone(), via.clone())) else {
        return Outcome::unknown(
            None,
            format!("`{resource_type}` links were not indexed"),
            None,
        );
    };
    let mut candidates: Vec<usize> = Vec::new();
    for key in [inst.address.as_str(), inst.resource_address.as_str()] {
        if let Some(c) = index.by_ref.get(&(inst.root.clone(), Arc::from(key))) {
            candidates.extend(c);
        }
    }
    let mut unknown = false;
    let mut why: Option<Outcome> = None;
    if let Some(m) = match_attribute {
        match inst.values.get(m) {
            Some(v) if v.as_str().is_some() => {
                if let Some(c) = v
                    .as_str()
                    .and_then(|s| index.by_value.get(&(inst.root.clone(), Arc::from(s))))
                {
                    candidates.extend(c);
                }
            }
            // This resource's own name is unknown: a literal reference elsewhere might match it.
            Some(v) if !v.is_known() => {
                if index.by_value.keys().any(|(root, _)| *root == inst.root) {
                    unknown = true;
                    why = Some(Outcome::unknown(
                        Some(m.to_string()),
                        format!(
                            "`{m}` is not known, and a `{resource_type}` names its target by value"
                        ),
                        v.span,
                    ));
                }
            }
            _ => {}
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    for &c in &candidates {
        let other = &ctx.instances[c];
        let o = eval(ctx, body, other, &other.values, "");
        match o.tri {
            Tri::True => return Outcome::of(Tri::True),
            Tri::Unknown => {
                unknown = true;
                why.get_or_insert_with(|| {
                    let reason = o
                        .blame
                        .map_or_else(|| "cannot be decided".to_string(), |b| b.label);
                    Outcome::unknown(
                        None,
                        format!("the linked {}: {reason}", other.address),
                        None,
                    )
                });
            }
            Tri::False => {}
        }
    }
    if unknown {
        return why.unwrap_or_else(|| Outcome::of(Tri::Unknown));
    }
    if let Some(&u) = index.unresolved.get(&inst.root).and_then(|u| u.first()) {
        return Outcome::unknown(
            None,
            format!(
                "{}'s `{via}` is known only after apply, so it may refer to this resource",
                ctx.instances[u].address
            ),
            None,
        );
    }
    let label = if candidates.is_empty() {
        format!("no `{resource_type}` refers to this resource through `{via}`")
    } else {
        let names: Vec<&str> = candidates
            .iter()
            .map(|&c| ctx.instances[c].address.as_str())
            .collect();
        format!(
            "the `{resource_type}` that refers to it ({}) does not satisfy the rule",
            names.join(", ")
        )
    };
    Outcome::fail(Blame {
        path: None,
        label,
        value_span: None,
    })
}

/// `target "ATTR"`: every resource this one refers to through `ATTR` satisfies `body` (with
/// `some`, one of them does).
#[allow(clippy::too_many_arguments)]
fn eval_target(
    ctx: &Ctx<'_>,
    inst: &Instance,
    root: &Value,
    prefix: &str,
    via: &[Arc<str>],
    resource_type: Option<&str>,
    match_attribute: Option<&str>,
    some: bool,
    body: &Condition,
) -> Outcome {
    let sel = select(root, via, prefix);
    let name = via.join(".");
    // A list of references (`groups = [aws_iam_group.a.name, ...]`) refers to each element.
    let mut present: Vec<(String, &Value)> = Vec::new();
    for (p, v) in &sel.values {
        match &v.kind {
            Kind::Null => {}
            Kind::List(items) => present.extend(
                items
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| !x.is_null())
                    .map(|(i, x)| (format!("{p}.{i}"), x)),
            ),
            _ => present.push((p.clone(), v)),
        }
    }
    if present.is_empty() {
        if let Some((p, v)) = &sel.unknown_value {
            return Outcome::unknown_value(p, v);
        }
        return Outcome::fail(Blame {
            path: Some(sel.deepest.clone()).filter(|p| !p.is_empty()),
            label: format!("`{name}` is not set"),
            value_span: None,
        });
    }
    let of_type = |i: &usize| {
        let other = &ctx.instances[*i];
        resource_type.is_none_or(|t| *other.resource_type == *t)
    };
    let mut acc = if sel.unknown { Tri::Unknown } else { Tri::True };
    let mut why: Option<Outcome> = sel
        .unknown_value
        .as_ref()
        .map(|(p, v)| Outcome::unknown_value(p, v));
    let mut failed: Option<(String, &Instance, Option<Blame>)> = None;
    for (p, v) in present {
        let mut targets: Vec<usize> = Vec::new();
        if let Some(r) = v.plain_reference() {
            if let Some(found) = ctx.by_address.get(&(inst.root.clone(), r)) {
                targets.extend(found.iter().copied().filter(of_type));
            }
        } else if let (Some(m), Some(ty), Some(s)) = (match_attribute, resource_type, v.as_str()) {
            if let Some(found) = ctx.by_type.get(&(inst.root.clone(), ty)) {
                targets.extend(found.iter().copied().filter(|&i| {
                    ctx.instances[i].values.get(m).and_then(Value::as_str) == Some(s)
                }));
            }
        }
        if targets.is_empty() {
            acc = acc.and(Tri::Unknown);
            why.get_or_insert_with(|| {
                let what =
                    resource_type.map_or_else(|| "resource".to_string(), |t| format!("`{t}`"));
                let reason = match (v.plain_reference(), v.as_unknown()) {
                    (Some(r), _) => format!(
                        "`{name}` refers to {r}, not a managed {what} of this configuration"
                    ),
                    (None, Some(u)) => format!("`{name}` does not name one {what}: {}", u.why),
                    (None, None) => {
                        format!("`{name}` names a {what} that is not in this configuration")
                    }
                };
                Outcome::unknown(Some(p.clone()), reason, v.span)
            });
            continue;
        }
        targets.sort_unstable();
        targets.dedup();
        for t in targets {
            let other = &ctx.instances[t];
            let o = eval(ctx, body, other, &other.values, "");
            match o.tri {
                Tri::True if some => return Outcome::of(Tri::True),
                Tri::False if some => {
                    failed.get_or_insert((p.clone(), other, o.blame));
                }
                Tri::False => return target_failed(&p, other, o.blame),
                Tri::Unknown => {
                    acc = acc.and(Tri::Unknown);
                    why.get_or_insert_with(|| {
                        let reason = o
                            .blame
                            .map_or_else(|| "cannot be decided".to_string(), |b| b.label);
                        Outcome::unknown(
                            Some(p.clone()),
                            format!("the target {}: {reason}", other.address),
                            None,
                        )
                    });
                }
                Tri::True => {}
            }
        }
    }
    if some {
        // No target satisfies the body: false unless one could not be decided.
        return match (acc, failed) {
            (Tri::Unknown, _) => why.unwrap_or_else(|| Outcome::of(Tri::Unknown)),
            (_, Some((p, other, blame))) => target_failed(&p, other, blame),
            (_, None) => Outcome::of(Tri::Unknown),
        };
    }
    match acc {
        Tri::Unknown => why.unwrap_or_else(|| Outcome::of(Tri::Unknown)),
        t => Outcome::of(t),
    }
}

/// A finding at the reference `path`, naming the target and what it lacks (shown there too).
fn target_failed(path: &str, other: &Instance, blame: Option<Blame>) -> Outcome {
    let blamed = blame.as_ref().and_then(|b| b.path.clone());
    let reason = blame.map_or_else(|| "does not satisfy the rule".to_string(), |b| b.label);
    Outcome::fail(Blame {
        path: Some(path.to_string()),
        label: format!("refers to {}: {reason}", other.address),
        value_span: Some(match blamed {
            Some(b) => other.span_of(&b),
            None => other.header,
        }),
    })
}

fn make_finding(
    rule: &Rule,
    inst: &Instance,
    blame: Option<Blame>,
    sources: &SourceMap,
    service: Arc<str>,
    model: ServiceModel,
    anchor_files: &[FileId],
) -> Finding {
    let blame = blame.unwrap_or(Blame {
        path: None,
        label: rule.title.to_string(),
        value_span: None,
    });
    let primary = match &blame.path {
        Some(p) => element_span(inst, p).unwrap_or_else(|| inst.span_of(p)),
        None => inst.header,
    };
    let mut secondary = Vec::new();
    if let Some(vs) = blame.value_span {
        let inside = vs.file == primary.file && vs.start >= primary.start && vs.end <= primary.end;
        if !inside && vs != Span::default() {
            secondary.push((vs, "value set here".to_string()));
        }
    }
    for (addr, span) in inst.via.iter().rev() {
        secondary.push((*span, format!("instance {addr} created here")));
    }
    let attribute = blame.path.as_deref().map(display_path);
    // Text the report must not quote: the value of a rule that looks for secrets, and a value
    // that is sensitive (a sensitive variable, a plan's sensitive mask) where it is written and
    // where it was set.
    let sensitive = blame
        .path
        .as_deref()
        .and_then(|p| value_at(&inst.values, "", p))
        .is_some_and(Value::contains_sensitive);
    let mut masked = Vec::new();
    let mut primary_label = blame.label;
    if rule.secret_values || sensitive {
        // The value's own text where it is known; the blamed attribute only when the value has
        // no place of its own (an expression there, `var.x`, is not the secret).
        match blame.value_span.filter(|s| *s != Span::default()) {
            Some(vs) => masked.push(vs),
            None if blame.path.is_some() => masked.push(primary),
            None => {}
        }
    }
    if rule.secret_values {
        primary_label = match attribute.as_deref() {
            Some(a) => format!("`{a}` holds a value that looks like a secret (not shown)"),
            None => rule.title.to_string(),
        };
    }
    let file = sources
        .get(primary.file)
        .map(|f| f.repository_path())
        .unwrap_or("");
    let fingerprint = fingerprint(
        &rule.id,
        file,
        &inst.address,
        attribute.as_deref().unwrap_or(""),
    );
    let enclosing = match anchor_files {
        [] => Vec::new(),
        files => {
            let mut spans = enclosing_spans(inst, primary, attribute.as_deref());
            spans.retain(|s| files.binary_search(&s.file).is_ok());
            spans.shrink_to_fit();
            spans
        }
    };
    Finding {
        rule_id: rule.id.clone(),
        severity: rule.severity,
        area: rule.area,
        message: rule.title.clone(),
        address: inst.address.clone(),
        resource_type: inst.resource_type.clone(),
        service,
        service_model: model,
        attribute,
        primary,
        primary_label,
        masked,
        secondary,
        via: inst.via.iter().map(|(a, _)| a.clone()).collect(),
        plan_file: inst.plan_file.as_deref().map(str::to_string),
        fingerprint,
        suppression: None,
        enclosing,
        path: None,
    }
}

/// The span of the value at `path` when it is an element written in place inside the attribute
/// that holds it (`"user:jane@gmail.com"` on its own line of `members = [...]`): the attribute
/// spans record attributes and blocks, not the elements of a list. Members of a map keep the
/// attribute's line.
fn element_span(inst: &Instance, path: &str) -> Option<Span> {
    let (_, last) = path.rsplit_once('.')?;
    if last.parse::<usize>().is_err() || inst.attribute_spans.get(path).is_some() {
        return None;
    }
    let own = value_at(&inst.values, "", path)?.span?;
    let holder = inst.span_of(path);
    let inside = own.file == holder.file && own.start >= holder.start && own.end <= holder.end;
    (inside && own != holder).then_some(own)
}

/// Spans around a finding where an ignore comment may apply to it, innermost first: the
/// attributes and blocks holding the primary span, the blocks along the blamed attribute's
/// path (`ingress[0].cidr_blocks` → `ingress.0`, `ingress`), the block header and the module
/// calls that created the instance.
fn enclosing_spans(inst: &Instance, primary: Span, attribute: Option<&str>) -> Vec<Span> {
    let mut out: Vec<Span> = inst
        .attribute_spans
        .values()
        .filter(|s| s.file == primary.file && s.start <= primary.start && primary.end <= s.end)
        .collect();
    // Innermost first.
    out.sort_by_key(|s| (s.end - s.start, s.start));
    if let Some(attr) = attribute {
        let dotted = attr.replace('[', ".").replace(']', "");
        let mut path = dotted.as_str();
        while let Some(i) = path.rfind('.') {
            path = &path[..i];
            if let Some(s) = inst.attribute_spans.get(path) {
                out.push(s);
            }
        }
    }
    out.push(inst.header);
    out.extend(inst.via.iter().rev().map(|(_, call)| *call));
    out.dedup();
    out
}

/// `ingress.0.cidr_blocks` → `ingress[0].cidr_blocks`.
pub fn display_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 4);
    for seg in p.split('.') {
        if seg.parse::<usize>().is_ok() {
            out.push('[');
            out.push_str(seg);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

/// Stable identity of a finding: rule, file, address and attribute path, not line numbers.
pub fn fingerprint(rule: &str, file: &str, address: &str, attribute: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, file, address, attribute] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(32);
    for b in &digest[..16] {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}
