//! `linked` and `target` conditions: the resources found through the reference indexes, and
//! the condition body evaluated on each with the quantifier's logic.

use super::eval;
use crate::check::context::Ctx;
use crate::check::outcome::{Blame, Outcome};
use crate::check::select::select;
use crate::model::Instance;
use crate::rules::Condition;
use crate::value::{Kind, Tri, Value};
use std::sync::Arc;

pub(super) fn eval_linked(
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
        inside: None,
    })
}

/// `target "ATTR"`: every resource this one refers to through `ATTR` satisfies `body` (with
/// `some`, one of them does).
#[allow(clippy::too_many_arguments)]
pub(super) fn eval_target(
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
            inside: None,
        });
    }
    let mut acc = if sel.unknown { Tri::Unknown } else { Tri::True };
    let mut why: Option<Outcome> = sel
        .unknown_value
        .as_ref()
        .map(|(p, v)| Outcome::unknown_value(p, v));
    let mut failed: Option<(String, &Instance, Option<Blame>)> = None;
    for (p, v) in present {
        let targets = targets_of(ctx, inst, v, resource_type, match_attribute);
        if targets.is_empty() {
            acc = acc.and(Tri::Unknown);
            why.get_or_insert_with(|| unresolved(&name, &p, v, resource_type));
            continue;
        }
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

/// The managed instances `v` refers to (of `resource_type`, when given), sorted: the resource
/// of a plain reference, or with `match`, those whose `match_attribute` equals a known string.
fn targets_of(
    ctx: &Ctx<'_>,
    inst: &Instance,
    v: &Value,
    resource_type: Option<&str>,
    match_attribute: Option<&str>,
) -> Vec<usize> {
    let of_type = |i: &usize| {
        let other = &ctx.instances[*i];
        resource_type.is_none_or(|t| *other.resource_type == *t)
    };
    let mut targets: Vec<usize> = Vec::new();
    if let Some(r) = v.plain_reference() {
        if let Some(found) = ctx.by_address.get(&(inst.root.clone(), r)) {
            targets.extend(found.iter().copied().filter(of_type));
        }
    } else if let (Some(m), Some(ty), Some(s)) = (match_attribute, resource_type, v.as_str()) {
        if let Some(found) = ctx.by_type.get(&(inst.root.clone(), ty)) {
            targets.extend(
                found
                    .iter()
                    .copied()
                    .filter(|&i| ctx.instances[i].values.get(m).and_then(Value::as_str) == Some(s)),
            );
        }
    }
    targets.sort_unstable();
    targets.dedup();
    targets
}

/// Why the reference `name` (at `p`, value `v`) names no target of this configuration.
fn unresolved(name: &str, p: &str, v: &Value, resource_type: Option<&str>) -> Outcome {
    let what = resource_type.map_or_else(|| "resource".to_string(), |t| format!("`{t}`"));
    let reason = match (v.plain_reference(), v.as_unknown()) {
        (Some(r), _) => {
            format!("`{name}` refers to {r}, not a managed {what} of this configuration")
        }
        (None, Some(u)) => format!("`{name}` does not name one {what}: {}", u.why),
        (None, None) => format!("`{name}` names a {what} that is not in this configuration"),
    };
    Outcome::unknown(Some(p.to_string()), reason, v.span)
}

/// A finding at the reference `path`, naming the target and what it lacks (shown there too).
pub(super) fn target_failed(path: &str, other: &Instance, blame: Option<Blame>) -> Outcome {
    let blamed = blame.as_ref().and_then(|b| b.path.clone());
    let reason = blame.map_or_else(|| "does not satisfy the rule".to_string(), |b| b.label);
    Outcome::fail(Blame {
        path: Some(path.to_string()),
        label: format!("refers to {}: {reason}", other.address),
        value_span: Some(match blamed {
            Some(b) => other.span_of(&b),
            None => other.header,
        }),
        inside: None,
    })
}
